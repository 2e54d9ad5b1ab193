// Apple platform codes: SecureTransport OSStatus (errSSL*, -98xx), Security framework trust results
// (errSec*, SecBase.h) and NSURLError TLS codes (-1200..-1206), as iOS/macOS stacks report them.
import { rowMaker, type CodeRow } from './types.js';

const secureTransport =
  'Apple Security framework SecureTransport.h (errSSL* result codes) https://developer.apple.com/documentation/security/secure-transport-result-codes';
const secBase = 'Apple Security framework SecBase.h (errSec* result codes) https://developer.apple.com/documentation/security/security-framework-result-codes';
const nsurl = 'Apple Foundation NSURLError.h (URL loading system error codes) https://developer.apple.com/documentation/foundation/1508628-url_loading_system_error_codes';

const st = rowMaker('apple_osstatus', secureTransport);
const sec = rowMaker('apple_osstatus', secBase);
const url = rowMaker('nsurl', nsurl);

export const appleTable: readonly CodeRow[] = [
  st('errSSLProtocol', -9800, 'SSL protocol error', 'tls_unknown', 0.6),
  st('errSSLNegotiation', -9801, 'cipher suite negotiation failure', 'cipher_mismatch', 0.7),
  st('errSSLFatalAlert', -9802, 'fatal alert', 'tls_unknown', 0.55),
  st('errSSLClosedAbort', -9806, 'connection closed via error', 'tls_unknown', 0.5),
  st('errSSLXCertChainInvalid', -9807, 'invalid certificate chain', 'tls_unknown', 0.6),
  st('errSSLBadCert', -9808, 'bad certificate format', 'tls_unknown', 0.6),
  st('errSSLUnknownRootCert', -9812, 'valid certificate chain, untrusted root', 'untrusted_ca', 0.7, { ambiguity: 'issuer' }),
  st('errSSLNoRootCert', -9813, 'certificate chain not verified by root', 'untrusted_ca', 0.7, { ambiguity: 'issuer' }),
  st('errSSLCertExpired', -9814, 'chain had an expired certificate', 'cert_expired', 0.85),
  st('errSSLCertNotYetValid', -9815, 'chain had a certificate not yet valid', 'cert_not_yet_valid', 0.85),
  st('errSSLBadCipherSuite', -9818, 'bad SSLCipherSuite', 'cipher_mismatch', 0.7),
  st('errSSLPeerHandshakeFail', -9824, 'peer sent handshake_failure', 'cipher_mismatch', 0.55, { ambiguity: 'handshake' }),
  st('errSSLPeerBadCert', -9825, 'peer sent bad_certificate', 'tls_unknown', 0.6),
  st('errSSLPeerUnsupportedCert', -9826, 'peer sent unsupported_certificate', 'tls_unknown', 0.6),
  st('errSSLPeerCertRevoked', -9827, 'peer sent certificate_revoked', 'tls_unknown', 0.8),
  st('errSSLPeerCertExpired', -9828, 'peer sent certificate_expired', 'cert_expired', 0.85),
  st('errSSLPeerCertUnknown', -9829, 'peer sent certificate_unknown', 'tls_unknown', 0.6),
  st('errSSLIllegalParam', -9830, 'illegal parameter', 'tls_unknown', 0.55),
  st('errSSLPeerUnknownCA', -9831, 'peer sent unknown_ca', 'untrusted_ca', 0.8, { ambiguity: 'issuer' }),
  st('errSSLPeerAccessDenied', -9832, 'peer sent access_denied', 'tls_unknown', 0.6),
  st('errSSLPeerDecodeError', -9833, 'peer sent decode_error', 'tls_unknown', 0.55),
  st('errSSLPeerDecryptError', -9834, 'peer sent decrypt_error', 'tls_unknown', 0.55),
  st('errSSLPeerExportRestriction', -9835, 'peer sent export_restriction', 'cipher_mismatch', 0.6),
  st('errSSLPeerProtocolVersion', -9836, 'peer sent protocol_version', 'tls_version_mismatch', 0.85),
  st('errSSLPeerInsufficientSecurity', -9837, 'peer sent insufficient_security', 'cipher_mismatch', 0.8),
  st('errSSLPeerInternalError', -9838, 'peer sent internal_error', 'tls_unknown', 0.55),
  st('errSSLHostNameMismatch', -9843, 'peer host name mismatch', 'hostname_mismatch', 0.85),
  st('errSSLConnectionRefused', -9844, 'peer dropped connection before responding', 'tls_unknown', 0.5),
  st('errSSLWeakPeerEphemeralDHKey', -9850, 'weak ephemeral Diffie-Hellman key', 'cipher_mismatch', 0.7),
  st('errSSLHandshakeFail', -9858, 'handshake failure', 'cipher_mismatch', 0.55, { ambiguity: 'handshake' }),
  st('errSSLInappropriateFallback', -9860, 'inappropriate fallback', 'tls_version_mismatch', 0.8),
  st('errSSLCertificateRequired', -9863, 'certificate required', 'tls_unknown', 0.7),
  st('errSSLUnrecognizedName', -9865, 'unknown or unrecognized name', 'hostname_mismatch', 0.7),
  st('errSSLATSViolation', -9880, 'App Transport Security violation', 'tls_unknown', 0.6),
  st('errSSLATSMinimumVersionViolation', -9881, 'minimum protocol version is not ATS compliant', 'tls_version_mismatch', 0.8),
  st('errSSLATSCiphersuiteViolation', -9882, 'selected ciphersuite is not ATS compliant', 'cipher_mismatch', 0.8),
  st('errSSLATSMinimumKeySizeViolation', -9883, 'peer key size is not ATS compliant', 'tls_unknown', 0.6),
  st('errSSLATSLeafCertificateHashAlgorithmViolation', -9884, 'leaf certificate hash algorithm is not ATS compliant', 'tls_unknown', 0.6),
  st('errSSLATSCertificateHashAlgorithmViolation', -9885, 'certificate hash algorithm is not ATS compliant', 'tls_unknown', 0.6),
  st('errSSLATSCertificateTrustViolation', -9886, 'peer certificate was not issued by a trusted peer', 'untrusted_ca', 0.7, { ambiguity: 'issuer' }),
  sec('errSecCreateChainFailed', -25318, 'one or more certificates required to validate this certificate cannot be found', 'incomplete_chain', 0.6, { ambiguity: 'issuer' }),
  sec('errSecHostNameMismatch', -67602, 'a host name mismatch has occurred', 'hostname_mismatch', 0.85),
  // macOS also reports -67818 for a not-yet-valid leaf: certificate dates (0.9) decide that case.
  sec('errSecCertificateExpired', -67818, 'an expired certificate was detected', 'cert_expired', 0.8),
  sec('errSecCertificateNotValidYet', -67819, 'the certificate is not yet valid', 'cert_not_yet_valid', 0.85),
  sec('errSecCertificateRevoked', -67820, 'the certificate was revoked', 'tls_unknown', 0.8),
  sec('errSecVerifyActionFailed', -67825, 'a verify action has failed', 'tls_unknown', 0.55),
  sec('errSecInvalidCertAuthority', -67826, 'the certificate authority was not valid', 'untrusted_ca', 0.7),
  sec('errSecNotTrusted', -67843, 'the trust policy was not trusted', 'untrusted_ca', 0.6, { ambiguity: 'issuer' }),
  url(['NSURLErrorSecureConnectionFailed', 'secureConnectionFailed'], -1200, 'secure connection failed', 'tls_unknown', 0.6),
  url(['NSURLErrorServerCertificateHasBadDate', 'serverCertificateHasBadDate'], -1201, 'server certificate expired or not yet valid', 'cert_expired', 0.75),
  url(['NSURLErrorServerCertificateUntrusted', 'serverCertificateUntrusted'], -1202, 'server certificate signed by an untrusted root or invalid', 'tls_unknown', 0.6),
  url(['NSURLErrorServerCertificateHasUnknownRoot', 'serverCertificateHasUnknownRoot'], -1203, 'server certificate signed by an unknown root', 'untrusted_ca', 0.7, { ambiguity: 'issuer' }),
  url(['NSURLErrorServerCertificateNotYetValid', 'serverCertificateNotYetValid'], -1204, 'server certificate not yet valid', 'cert_not_yet_valid', 0.75),
  url(['NSURLErrorClientCertificateRejected', 'clientCertificateRejected'], -1205, 'server rejected the client certificate', 'tls_unknown', 0.7),
  url(['NSURLErrorClientCertificateRequired', 'clientCertificateRequired'], -1206, 'server requires a client certificate', 'tls_unknown', 0.7),
];
