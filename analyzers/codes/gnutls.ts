// GnuTLS error codes (GNUTLS_E_*, negative) and their gnutls_strerror() texts, for the TLS failures.
import { rowMaker, type CodeRow } from './types.js';

const header = 'GnuTLS lib/includes/gnutls/gnutls.h.in (GNUTLS_E_* values) https://gitlab.com/gnutls/gnutls/-/blob/master/lib/includes/gnutls/gnutls.h.in';
const texts = 'GnuTLS lib/errors.c (gnutls_strerror texts) https://gitlab.com/gnutls/gnutls/-/blob/master/lib/errors.c';
const g = rowMaker('gnutls', `${header}; ${texts}`);
// gnutls_certificate_status_t flags and the sentences gnutls_certificate_verification_status_print() writes for
// them (lib/cert-session.c), read from libgnutls.so.30 3.7.9 (Debian 12); flags, so recognised by name and text only.
const status = rowMaker(
  'gnutls',
  'GnuTLS lib/includes/gnutls/gnutls.h.in (gnutls_certificate_status_t) and lib/cert-session.c (gnutls_certificate_verification_status_print) https://gitlab.com/gnutls/gnutls/-/blob/master/lib/cert-session.c',
);

export const gnutlsTable: readonly CodeRow[] = [
  g('GNUTLS_E_UNSUPPORTED_VERSION_PACKET', -8, 'a packet with illegal or unsupported version was received', 'tls_version_mismatch', 0.8, {
    texts: ['A packet with illegal or unsupported version was received', 'A record packet with illegal version was received'],
  }),
  // The transport under GnuTLS failed (a reset or EOF from the socket): no TLS cause by itself.
  g('GNUTLS_E_PUSH_ERROR', -53, 'error in the push function (the transport write failed)', 'network_reset', 0.6, { texts: ['Error in the push function'] }),
  g('GNUTLS_E_PULL_ERROR', -54, 'error in the pull function (the transport read failed)', 'network_reset', 0.6, { texts: ['Error in the pull function'] }),
  g('GNUTLS_E_FATAL_ALERT_RECEIVED', -12, 'a TLS fatal alert has been received', 'tls_unknown', 0.55, { texts: ['A TLS fatal alert has been received'] }),
  g('GNUTLS_E_UNKNOWN_CIPHER_SUITE', -21, 'could not negotiate a supported cipher suite', 'cipher_mismatch', 0.8, { texts: ['Could not negotiate a supported cipher suite'] }),
  g('GNUTLS_E_EXPIRED', -29, 'the session or certificate has expired', 'cert_expired', 0.7, { texts: ['The session or certificate has expired'] }),
  g('GNUTLS_E_INSUFFICIENT_CREDENTIALS', -32, 'insufficient credentials for that request', 'tls_unknown', 0.55),
  g('GNUTLS_E_CERTIFICATE_ERROR', -43, 'error in the certificate', 'tls_unknown', 0.6),
  g('GNUTLS_E_NO_CIPHER_SUITES', -87, 'no supported cipher suites have been found', 'cipher_mismatch', 0.75, { texts: ['No supported cipher suites have been found'] }),
  g('GNUTLS_E_UNSUPPORTED_SIGNATURE_ALGORITHM', -106, 'the signature algorithm is not supported', 'cipher_mismatch', 0.6),
  g('GNUTLS_E_PREMATURE_TERMINATION', -110, 'the TLS connection was non-properly terminated', 'tls_unknown', 0.5),
  g('GNUTLS_E_INSUFFICIENT_SECURITY', -217, 'one of the involved algorithms has insufficient security level', 'cipher_mismatch', 0.7),
  g('GNUTLS_E_UNRECOGNIZED_NAME', -294, 'the SNI host name not recognised', 'hostname_mismatch', 0.7, { texts: ['The SNI host name not recognised'] }),
  g('GNUTLS_E_ECC_NO_SUPPORTED_CURVES', -321, 'no supported ECC curves were found', 'cipher_mismatch', 0.65),
  g('GNUTLS_E_NO_APPLICATION_PROTOCOL', -344, 'no common application protocol could be negotiated', 'tls_unknown', 0.6),
  g('GNUTLS_E_INAPPROPRIATE_FALLBACK', -347, 'a connection with inappropriate fallback was attempted', 'tls_version_mismatch', 0.8),
  g('GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR', -348, 'error in the certificate verification', 'tls_unknown', 0.6, { texts: ['Error in the certificate verification'] }),
  g('GNUTLS_E_NOT_YET_ACTIVATED', -411, 'the certificate is not yet activated', 'cert_not_yet_valid', 0.75, { texts: ['The certificate is not yet activated'] }),
  g('GNUTLS_E_CERTIFICATE_TIME_ERROR', -416, 'error in the time fields of certificate', 'tls_unknown', 0.6),
  g('GNUTLS_E_NO_COMMON_KEY_SHARE', -423, 'no common key share', 'cipher_mismatch', 0.7),
  status('GNUTLS_CERT_SIGNER_NOT_FOUND', undefined, 'the certificate issuer is unknown', 'untrusted_ca', 0.75, { ambiguity: 'issuer', texts: ['The certificate issuer is unknown'] }),
  status('GNUTLS_CERT_SIGNER_NOT_CA', undefined, 'the certificate issuer is not a CA', 'tls_unknown', 0.6, { texts: ['The certificate issuer is not a CA'] }),
  status('GNUTLS_CERT_EXPIRED', undefined, 'the certificate chain uses an expired certificate', 'cert_expired', 0.85, { texts: ['The certificate chain uses expired certificate'] }),
  status('GNUTLS_CERT_NOT_ACTIVATED', undefined, 'the certificate chain uses a not yet valid certificate', 'cert_not_yet_valid', 0.85, {
    texts: ['The certificate chain uses not yet valid certificate'],
  }),
  status('GNUTLS_CERT_UNEXPECTED_OWNER', undefined, 'the name in the certificate does not match the expected', 'hostname_mismatch', 0.85, {
    texts: ['The name in the certificate does not match the expected'],
  }),
  status('GNUTLS_CERT_REVOKED', undefined, 'the certificate chain is revoked', 'tls_unknown', 0.8, { texts: ['The certificate chain is revoked'] }),
  status('GNUTLS_CERT_INSECURE_ALGORITHM', undefined, 'the certificate chain uses an insecure algorithm', 'tls_unknown', 0.7, { texts: ['The certificate chain uses insecure algorithm'] }),
];
