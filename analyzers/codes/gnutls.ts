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
  // Handshake-time errors the table lacked (audit against gnutls.h and errors.c, 3.7.9): what arrived broke the handshake
  // without naming a certificate or negotiation cause, so TLS failed (tls_unknown); the negotiation ones name it.
  g('GNUTLS_E_UNEXPECTED_PACKET_LENGTH', -9, 'a TLS packet with unexpected length was received (often the peer closed mid-handshake)', 'tls_unknown', 0.55, {
    texts: ['A TLS packet with unexpected length was received'],
  }),
  g('GNUTLS_E_UNEXPECTED_PACKET', -15, 'an unexpected TLS packet was received', 'tls_unknown', 0.55, { texts: ['An unexpected TLS packet was received'] }),
  g('GNUTLS_E_ERROR_IN_FINISHED_PACKET', -18, 'an error was encountered at the TLS Finished packet calculation', 'tls_unknown', 0.55, {
    texts: ['An error was encountered at the TLS Finished packet calculation'],
  }),
  g('GNUTLS_E_UNEXPECTED_HANDSHAKE_PACKET', -19, 'an unexpected TLS handshake packet was received', 'tls_unknown', 0.55, { texts: ['An unexpected TLS handshake packet was received'] }),
  g('GNUTLS_E_UNWANTED_ALGORITHM', -22, 'an algorithm that is not enabled was negotiated', 'cipher_mismatch', 0.6, { texts: ['An algorithm that is not enabled was negotiated'] }),
  g('GNUTLS_E_DECRYPTION_FAILED', -24, 'decryption has failed', 'tls_unknown', 0.5),
  g('GNUTLS_E_KEY_USAGE_VIOLATION', -48, 'key usage violation in certificate has been detected', 'tls_unknown', 0.6, { texts: ['Key usage violation in certificate has been detected'] }),
  g('GNUTLS_E_NO_CERTIFICATE_FOUND', -49, 'no certificate was found', 'tls_unknown', 0.55),
  g('GNUTLS_E_RECEIVED_ILLEGAL_PARAMETER', -55, 'an illegal parameter has been received', 'tls_unknown', 0.55, { texts: ['An illegal parameter has been received'] }),
  g('GNUTLS_E_RECEIVED_ILLEGAL_EXTENSION', -58, 'an illegal TLS extension was received', 'tls_unknown', 0.55, { texts: ['An illegal TLS extension was received'] }),
  g('GNUTLS_E_DH_PRIME_UNACCEPTABLE', -63, 'the Diffie-Hellman prime sent by the server is not acceptable', 'cipher_mismatch', 0.65, {
    texts: ['The Diffie-Hellman prime sent by the server is not acceptable'],
  }),
  g('GNUTLS_E_PK_SIG_VERIFY_FAILED', -89, 'public key signature verification has failed', 'tls_unknown', 0.55, { texts: ['Public key signature verification has failed'] }),
  g('GNUTLS_E_SAFE_RENEGOTIATION_FAILED', -107, 'safe renegotiation failed', 'tls_unknown', 0.55, { texts: ['Safe renegotiation failed'] }),
  g('GNUTLS_E_UNSAFE_RENEGOTIATION_DENIED', -108, 'unsafe renegotiation denied', 'tls_unknown', 0.55, { texts: ['Unsafe renegotiation denied'] }),
  g('GNUTLS_E_TIMEDOUT', -319, 'the operation timed out', 'network_timeout', 0.6),
  g('GNUTLS_E_ECC_UNSUPPORTED_CURVE', -322, 'the curve is unsupported', 'cipher_mismatch', 0.6),
  g('GNUTLS_E_ILLEGAL_PARAMETER', -325, 'an illegal parameter was found', 'tls_unknown', 0.5),
  // The peer ended the session: a transport end like the pull error (the reset/EOF convention decides TLS or not).
  g('GNUTLS_E_SESSION_EOF', -328, 'peer has terminated the connection', 'network_reset', 0.6),
  g('GNUTLS_E_AUTH_ERROR', -343, 'could not authenticate peer', 'tls_unknown', 0.6, { texts: ['Could not authenticate peer'] }),
  g('GNUTLS_E_RECORD_OVERFLOW', -417, 'record overflow', 'tls_unknown', 0.5),
  g('GNUTLS_E_MISSING_EXTENSION', -427, 'a required TLS extension is missing', 'tls_unknown', 0.5),
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
  // The other flags of gnutls_certificate_status_t (3.7.9), for the status numbers below; GNUTLS_CERT_INVALID is set with every failure.
  status('GNUTLS_CERT_INVALID', undefined, 'the certificate is not trusted (set with every verification failure)', 'tls_unknown', 0.55),
  status('GNUTLS_CERT_SIGNATURE_FAILURE', undefined, 'the signature in the certificate is invalid', 'tls_unknown', 0.6, { texts: ['The signature in the certificate is invalid'] }),
  status('GNUTLS_CERT_REVOCATION_DATA_SUPERSEDED', undefined, 'the revocation or OCSP data are old and have been superseded', 'tls_unknown', 0.6),
  status('GNUTLS_CERT_REVOCATION_DATA_ISSUED_IN_FUTURE', undefined, 'the revocation or OCSP data are issued with a future date', 'tls_unknown', 0.6),
  status('GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE', undefined, "the certificate chain violates the signer's constraints", 'tls_unknown', 0.6, {
    texts: ["The certificate chain violates the signer's constraints"],
  }),
  status('GNUTLS_CERT_MISMATCH', undefined, "the certificate doesn't match the local copy (TOFU)", 'tls_unknown', 0.6),
  status('GNUTLS_CERT_PURPOSE_MISMATCH', undefined, 'the certificate chain does not match the intended purpose', 'tls_unknown', 0.6, {
    texts: ['The certificate chain does not match the intended purpose'],
  }),
  status('GNUTLS_CERT_MISSING_OCSP_STATUS', undefined, 'the certificate requires an OCSP status and the server sent none', 'tls_unknown', 0.6),
  status('GNUTLS_CERT_INVALID_OCSP_STATUS', undefined, 'the received OCSP status response is invalid', 'tls_unknown', 0.6, { texts: ['The received OCSP status response is invalid'] }),
  status('GNUTLS_CERT_UNKNOWN_CRIT_EXTENSIONS', undefined, 'the certificate contains an unknown critical extension', 'tls_unknown', 0.6, {
    texts: ['The certificate contains an unknown critical extension'],
  }),
];

/**
 * gnutls_certificate_status_t bit values (gnutls.h.in; bits 0, 2-4 and 13 are unused). Stacks print the status as a
 * number: Emacs's gnutls.c "Certificate validation failed <host>, verification code %x" (hex without 0x; %d before
 * Emacs 26), so "402" is GNUTLS_CERT_INVALID | GNUTLS_CERT_EXPIRED. Flags combine, so they are no code values.
 * @see https://gitlab.com/gnutls/gnutls/-/blob/master/lib/includes/gnutls/gnutls.h.in (gnutls_certificate_status_t)
 * @see https://git.savannah.gnu.org/cgit/emacs.git/tree/src/gnutls.c (gnutls_verify_boot)
 */
export const gnutlsStatusBits: readonly (readonly [name: string, bit: number])[] = [
  // In the order a status decides its cause: the issuer, the name, the dates (OpenSSL's verify order: chain, host, dates), then the rest.
  ['GNUTLS_CERT_SIGNER_NOT_FOUND', 1 << 6],
  ['GNUTLS_CERT_SIGNER_NOT_CA', 1 << 7],
  ['GNUTLS_CERT_UNEXPECTED_OWNER', 1 << 14],
  ['GNUTLS_CERT_NOT_ACTIVATED', 1 << 9],
  ['GNUTLS_CERT_EXPIRED', 1 << 10],
  ['GNUTLS_CERT_REVOKED', 1 << 5],
  ['GNUTLS_CERT_INSECURE_ALGORITHM', 1 << 8],
  ['GNUTLS_CERT_SIGNATURE_FAILURE', 1 << 11],
  ['GNUTLS_CERT_REVOCATION_DATA_SUPERSEDED', 1 << 12],
  ['GNUTLS_CERT_REVOCATION_DATA_ISSUED_IN_FUTURE', 1 << 15],
  ['GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE', 1 << 16],
  ['GNUTLS_CERT_MISMATCH', 1 << 17],
  ['GNUTLS_CERT_PURPOSE_MISMATCH', 1 << 18],
  ['GNUTLS_CERT_MISSING_OCSP_STATUS', 1 << 19],
  ['GNUTLS_CERT_INVALID_OCSP_STATUS', 1 << 20],
  ['GNUTLS_CERT_UNKNOWN_CRIT_EXTENSIONS', 1 << 21],
  ['GNUTLS_CERT_INVALID', 1 << 1],
];
const INVALID_BIT = 1 << 1;
const DEFINED_BITS = gnutlsStatusBits.reduce((mask, [, bit]) => mask | bit, 0);
const statusRowByName = new Map(gnutlsTable.filter((row) => row.names[0]?.startsWith('GNUTLS_CERT_')).map((row) => [row.names[0] as string, row]));

/** A GnuTLS verification status read as a number: the row that decides it and the flag names set, or undefined when the number is no status. */
export function gnutlsStatus(mask: number): { row: CodeRow; flags: string[] } | undefined {
  // GnuTLS sets GNUTLS_CERT_INVALID with every failure reason; a number with an unused bit is something else.
  if (!Number.isInteger(mask) || mask < 0 || mask > DEFINED_BITS || (mask & INVALID_BIT) === 0 || (mask & ~DEFINED_BITS) !== 0) return undefined;
  const flags = gnutlsStatusBits.filter(([, bit]) => (mask & bit) !== 0).map(([name]) => name);
  const row = statusRowByName.get(flags[0] as string);
  return row ? { row, flags } : undefined;
}

