// NSS (Firefox, curl-nss, libpq-nss, ...) error codes: SEC_ERROR_* (base -0x2000), SSL_ERROR_*
// (base -0x3000) and mozilla::pkix MOZILLA_PKIX_ERROR_* (base -0x4000), by name and value.
import { rowMaker, type CodeRow } from './types.js';

const secerr = 'NSS lib/util/secerr.h (SEC_ERROR_BASE -0x2000) https://github.com/nss-dev/nss/blob/master/lib/util/secerr.h';
const sslerr = 'NSS lib/ssl/sslerr.h (SSL_ERROR_BASE -0x3000) https://github.com/nss-dev/nss/blob/master/lib/ssl/sslerr.h';
// Texts: the error strings of lib/ssl/SSLerrs.h and lib/util/SECerrs.h, read from Debian 12 libssl3.so / libnssutil3.so (NSS 3.87).
const pkix = 'mozilla::pkix pkixnss.h (MOZILLA_PKIX_ERROR_BASE -0x4000) https://searchfox.org/mozilla-central/source/security/nss/lib/mozpkix/include/pkix/pkixnss.h';

const SEC = -0x2000;
const SSL = -0x3000;
const PKIX = -0x4000;
const s = rowMaker('nss', secerr);
const l = rowMaker('nss', sslerr);
const p = rowMaker('nss', pkix);

export const nssTable: readonly CodeRow[] = [
  s('SEC_ERROR_INVALID_TIME', SEC + 8, 'improperly formatted time string', 'tls_unknown', 0.6),
  s('SEC_ERROR_BAD_DER', SEC + 9, 'improperly formatted DER-encoded message', 'tls_unknown', 0.6),
  s('SEC_ERROR_BAD_SIGNATURE', SEC + 10, "peer's certificate has an invalid signature", 'tls_unknown', 0.7),
  s('SEC_ERROR_EXPIRED_CERTIFICATE', SEC + 11, "peer's certificate has expired", 'cert_expired', 0.85, { texts: ["Peer's Certificate has expired"] }),
  s('SEC_ERROR_REVOKED_CERTIFICATE', SEC + 12, "peer's certificate has been revoked", 'tls_unknown', 0.8),
  s('SEC_ERROR_UNKNOWN_ISSUER', SEC + 13, "peer's certificate issuer is not recognized", 'untrusted_ca', 0.6, { ambiguity: 'issuer', texts: ["Peer's Certificate issuer is not recognized"] }),
  s('SEC_ERROR_UNTRUSTED_ISSUER', SEC + 20, "peer's certificate issuer has been marked as not trusted", 'untrusted_ca', 0.8, { texts: ["Peer's certificate issuer has been marked as not trusted by the user"] }),
  s('SEC_ERROR_UNTRUSTED_CERT', SEC + 21, "peer's certificate has been marked as not trusted", 'untrusted_ca', 0.8),
  s('SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE', SEC + 30, "peer's certificate issuer has expired", 'cert_expired', 0.85),
  s('SEC_ERROR_CA_CERT_INVALID', SEC + 36, 'issuer certificate is invalid', 'untrusted_ca', 0.8),
  s('SEC_ERROR_PATH_LEN_CONSTRAINT_INVALID', SEC + 37, 'path length constraint exceeded', 'tls_unknown', 0.6),
  s('SEC_ERROR_UNKNOWN_CRITICAL_EXTENSION', SEC + 41, 'unsupported critical extension', 'tls_unknown', 0.6),
  s('SEC_ERROR_INADEQUATE_KEY_USAGE', SEC + 90, 'certificate key usage inadequate', 'tls_unknown', 0.7),
  s('SEC_ERROR_INADEQUATE_CERT_TYPE', SEC + 91, 'certificate type not approved for application', 'tls_unknown', 0.7),
  s('SEC_ERROR_CERT_NOT_IN_NAME_SPACE', SEC + 112, 'name constraints violated', 'tls_unknown', 0.6),
  s('SEC_ERROR_REVOKED_CERTIFICATE_CRL', SEC + 145, 'certificate revoked (CRL)', 'tls_unknown', 0.8),
  s('SEC_ERROR_REVOKED_CERTIFICATE_OCSP', SEC + 146, 'certificate revoked (OCSP)', 'tls_unknown', 0.8),
  s('SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED', SEC + 176, 'certificate signed with a disabled algorithm', 'tls_unknown', 0.7),
  l('SSL_ERROR_NO_CYPHER_OVERLAP', SSL + 2, 'no common encryption algorithm(s)', 'cipher_mismatch', 0.85, { texts: ['Cannot communicate securely with peer: no common encryption algorithm(s)'] }),
  l('SSL_ERROR_NO_CERTIFICATE', SSL + 3, 'unable to find the certificate or key', 'tls_unknown', 0.6),
  l('SSL_ERROR_BAD_CERTIFICATE', SSL + 4, "unable to communicate securely: peer's certificate was rejected", 'tls_unknown', 0.6),
  l('SSL_ERROR_UNSUPPORTED_VERSION', SSL + 9, 'peer using unsupported version of security protocol', 'tls_version_mismatch', 0.85, { texts: ['Peer using unsupported version of security protocol'] }),
  l('SSL_ERROR_BAD_CERT_DOMAIN', SSL + 12, 'requested domain name does not match the certificate', 'hostname_mismatch', 0.85, { texts: ["requested domain name does not match the server's certificate"] }),
  l('SSL_ERROR_BAD_CERT_ALERT', SSL + 17, 'peer was unable to validate our certificate', 'tls_unknown', 0.6),
  l('SSL_ERROR_REVOKED_CERT_ALERT', SSL + 18, 'peer rejected our certificate as revoked', 'tls_unknown', 0.8),
  l('SSL_ERROR_EXPIRED_CERT_ALERT', SSL + 19, 'peer rejected our certificate as expired', 'cert_expired', 0.8),
  l('SSL_ERROR_SSL_DISABLED', SSL + 20, 'the SSL protocol has been disabled', 'tls_version_mismatch', 0.6),
  l('SSL_ERROR_NO_CIPHERS_SUPPORTED', SSL + 23, 'no cipher suites are present and enabled', 'cipher_mismatch', 0.7),
  l('SSL_ERROR_RX_RECORD_TOO_LONG', SSL + 25, 'received a record that exceeded the maximum length (often plain HTTP)', 'tls_unknown', 0.6),
  l('SSL_ERROR_HANDSHAKE_UNEXPECTED_ALERT', SSL + 59, 'peer sent unexpected_message', 'tls_unknown', 0.55),
  l('SSL_ERROR_HANDSHAKE_FAILURE_ALERT', SSL + 61, 'peer sent handshake_failure', 'cipher_mismatch', 0.55, { ambiguity: 'handshake', texts: ['SSL peer was unable to negotiate an acceptable set of security parameters'] }),
  l('SSL_ERROR_ILLEGAL_PARAMETER_ALERT', SSL + 62, 'peer sent illegal_parameter', 'tls_unknown', 0.55),
  l('SSL_ERROR_UNSUPPORTED_CERT_ALERT', SSL + 63, 'peer does not support our certificate type', 'tls_unknown', 0.6),
  l('SSL_ERROR_CERTIFICATE_UNKNOWN_ALERT', SSL + 64, 'peer had an unspecified issue with our certificate', 'tls_unknown', 0.6),
  l('SSL_ERROR_UNKNOWN_CA_ALERT', SSL + 93, 'peer does not recognize the CA', 'untrusted_ca', 0.8, { ambiguity: 'issuer' }),
  l('SSL_ERROR_ACCESS_DENIED_ALERT', SSL + 94, 'peer sent access_denied', 'tls_unknown', 0.6),
  l('SSL_ERROR_DECODE_ERROR_ALERT', SSL + 95, 'peer sent decode_error', 'tls_unknown', 0.55),
  l('SSL_ERROR_DECRYPT_ERROR_ALERT', SSL + 96, 'peer sent decrypt_error', 'tls_unknown', 0.55),
  l('SSL_ERROR_PROTOCOL_VERSION_ALERT', SSL + 98, 'peer reports incompatible or unsupported protocol version', 'tls_version_mismatch', 0.85, { texts: ['Peer reports incompatible or unsupported protocol version'] }),
  l('SSL_ERROR_INSUFFICIENT_SECURITY_ALERT', SSL + 99, 'server requires more secure ciphers', 'cipher_mismatch', 0.8),
  l('SSL_ERROR_INTERNAL_ERROR_ALERT', SSL + 100, 'peer reports an internal error', 'tls_unknown', 0.55),
  l('SSL_ERROR_UNRECOGNIZED_NAME_ALERT', SSL + 106, 'server has no certificate for the requested name', 'hostname_mismatch', 0.7),
  l('SSL_ERROR_WEAK_SERVER_EPHEMERAL_DH_KEY', SSL + 115, 'weak ephemeral Diffie-Hellman key', 'cipher_mismatch', 0.7),
  l('SSL_ERROR_INAPPROPRIATE_FALLBACK_ALERT', SSL + 131, 'peer sent inappropriate_fallback', 'tls_version_mismatch', 0.8),
  l('SSL_ERROR_WEAK_SERVER_CERT_KEY', SSL + 132, 'server certificate key is too weak', 'tls_unknown', 0.7),
  l('SSL_ERROR_NO_SUPPORTED_SIGNATURE_ALGORITHM', SSL + 134, 'no supported TLS signature algorithm was configured', 'cipher_mismatch', 0.75),
  l('SSL_ERROR_UNSUPPORTED_SIGNATURE_ALGORITHM', SSL + 135, 'peer used an unsupported signature and hash combination', 'cipher_mismatch', 0.7),
  l('SSL_ERROR_MISSING_EXTENSION_ALERT', SSL + 143, 'peer sent missing_extension', 'tls_unknown', 0.6),
  p('MOZILLA_PKIX_ERROR_KEY_PINNING_FAILURE', PKIX + 0, 'key pinning failure', 'tls_unknown', 0.7),
  p('MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY', PKIX + 1, 'a CA certificate is used as the server certificate', 'tls_unknown', 0.7),
  p('MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE', PKIX + 2, 'certificate key size too small', 'tls_unknown', 0.7),
  p('MOZILLA_PKIX_ERROR_V1_CERT_USED_AS_CA', PKIX + 3, 'an X.509 v1 certificate was used as an issuer', 'tls_unknown', 0.7),
  p('MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE', PKIX + 5, 'the server certificate is not yet valid', 'cert_not_yet_valid', 0.85),
  p('MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE', PKIX + 6, 'an issuer certificate is not yet valid', 'cert_not_yet_valid', 0.85),
  p('MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT', PKIX + 14, 'the certificate is self-signed', 'self_signed', 0.85),
  p('MOZILLA_PKIX_ERROR_MITM_DETECTED', PKIX + 15, 'a TLS-intercepting issuer was detected', 'untrusted_ca', 0.8),
];
