// Mbed TLS error codes (MBEDTLS_ERR_*, printed as -0x2700) and X.509 verify flags (MBEDTLS_X509_BADCERT_*)
// with the texts mbedtls_x509_crt_verify_info() prints for them.
import { rowMaker, type CodeRow } from './types.js';

const x509 = 'Mbed TLS include/mbedtls/x509.h (MBEDTLS_ERR_X509_*, MBEDTLS_X509_BADCERT_* and their texts) https://github.com/Mbed-TLS/mbedtls/blob/development/include/mbedtls/x509.h';
const ssl = 'Mbed TLS include/mbedtls/ssl.h (MBEDTLS_ERR_SSL_*) https://github.com/Mbed-TLS/mbedtls/blob/development/include/mbedtls/ssl.h';
const x = rowMaker('mbedtls', x509);
const s = rowMaker('mbedtls', ssl);
const net = rowMaker('mbedtls', 'Mbed TLS include/mbedtls/net_sockets.h (MBEDTLS_ERR_NET_*) and library/error.c (mbedtls_strerror texts) https://github.com/Mbed-TLS/mbedtls/blob/development/include/mbedtls/net_sockets.h');

export const mbedtlsTable: readonly CodeRow[] = [
  x('MBEDTLS_ERR_X509_CERT_VERIFY_FAILED', -0x2700, 'certificate verification failed, e.g. CRL, CA or signature check failed', 'tls_unknown', 0.6),
  s('MBEDTLS_ERR_SSL_BAD_PROTOCOL_VERSION', -0x6e80, 'handshake protocol not within min/max boundaries', 'tls_version_mismatch', 0.8),
  // Socket-level results an embedded client returns from mbedtls_net_connect()/mbedtls_ssl_read(): not TLS.
  net('MBEDTLS_ERR_NET_CONNECT_FAILED', -0x0044, 'the connection to the given server / port failed', 'connection_refused', 0.7, { texts: ['The connection to the given server / port failed'] }),
  net('MBEDTLS_ERR_NET_UNKNOWN_HOST', -0x0052, 'failed to get an IP address for the given hostname', 'dns_failure', 0.8, { texts: ['Failed to get an IP address for the given hostname'] }),
  net('MBEDTLS_ERR_NET_CONN_RESET', -0x0050, 'connection was reset by peer', 'network_reset', 0.7, { texts: ['Connection was reset by peer'] }),
  net('MBEDTLS_ERR_NET_RECV_FAILED', -0x004c, 'reading information from the socket failed', 'network_reset', 0.5, { texts: ['Reading information from the socket failed'] }),
  s('MBEDTLS_ERR_SSL_CONN_EOF', -0x7280, 'the connection indicated an EOF', 'network_reset', 0.6, { texts: ['The connection indicated an EOF'] }),
  s('MBEDTLS_ERR_SSL_TIMEOUT', -0x6800, 'the operation timed out', 'network_timeout', 0.6),
  s('MBEDTLS_ERR_SSL_HANDSHAKE_FAILURE', -0x6e00, 'the handshake negotiation failed', 'cipher_mismatch', 0.55, { ambiguity: 'handshake' }),
  // Handshake-time errors the table lacked (audit 2026-12-02 against ssl.h of 2.28 and 3.x; only values with the same
  // meaning in both, or a TLS failure without a cause in both): what arrived broke the handshake.
  s('MBEDTLS_ERR_SSL_INVALID_MAC', -0x7180, 'verification of the message MAC failed', 'tls_unknown', 0.5),
  s('MBEDTLS_ERR_SSL_INVALID_RECORD', -0x7200, 'an invalid SSL record was received (no TLS record: plaintext on a TLS port)', 'tls_unknown', 0.55, { texts: ['An invalid SSL record was received'] }),
  s('MBEDTLS_ERR_SSL_DECODE_ERROR', -0x7300, 'a message could not be parsed due to a syntactic error (2.x: an unknown cipher was received)', 'tls_unknown', 0.5, {
    texts: ['A message could not be parsed due to a syntactic error'],
  }),
  s('MBEDTLS_ERR_SSL_UNEXPECTED_MESSAGE', -0x7700, 'an unexpected message was received from the peer', 'tls_unknown', 0.55, { texts: ['An unexpected message was received from our peer'] }),
  s('MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE', -0x7780, 'a fatal alert message was received from the peer', 'tls_unknown', 0.55, { texts: ['A fatal alert message was received from our peer'] }),
  // Verify flags (bit values of the verify result), recognised by name and text only.
  x('MBEDTLS_X509_BADCERT_EXPIRED', undefined, 'the certificate validity has expired', 'cert_expired', 0.85, { texts: ['The certificate validity has expired'] }),
  x('MBEDTLS_X509_BADCERT_REVOKED', undefined, 'the certificate has been revoked (is on a CRL)', 'tls_unknown', 0.8),
  x('MBEDTLS_X509_BADCERT_CN_MISMATCH', undefined, 'the certificate Common Name (CN) does not match with the expected CN', 'hostname_mismatch', 0.85, {
    texts: ['The certificate Common Name (CN) does not match with the expected CN'],
  }),
  x('MBEDTLS_X509_BADCERT_NOT_TRUSTED', undefined, 'the certificate is not correctly signed by the trusted CA', 'untrusted_ca', 0.7, {
    ambiguity: 'issuer',
    texts: ['The certificate is not correctly signed by the trusted CA'],
  }),
  x('MBEDTLS_X509_BADCERT_MISSING', undefined, 'certificate was missing', 'tls_unknown', 0.6),
  x('MBEDTLS_X509_BADCERT_FUTURE', undefined, 'the certificate validity starts in the future', 'cert_not_yet_valid', 0.85, { texts: ['The certificate validity starts in the future'] }),
  x('MBEDTLS_X509_BADCERT_KEY_USAGE', undefined, 'usage does not match the keyUsage extension', 'tls_unknown', 0.7),
  x('MBEDTLS_X509_BADCERT_EXT_KEY_USAGE', undefined, 'usage does not match the extendedKeyUsage extension', 'tls_unknown', 0.7),
  x('MBEDTLS_X509_BADCERT_BAD_MD', undefined, 'the certificate is signed with an unacceptable hash', 'tls_unknown', 0.7),
  x('MBEDTLS_X509_BADCERT_BAD_KEY', undefined, 'the certificate is signed with an unacceptable key', 'tls_unknown', 0.7),
  // The other verify flags (x509.h), for flag numbers after a verify word; no cause of their own.
  x('MBEDTLS_X509_BADCERT_OTHER', undefined, 'other reason (can be used by verify callback)', 'tls_unknown', 0.55),
  x('MBEDTLS_X509_BADCERT_NS_CERT_TYPE', undefined, 'usage does not match the nsCertType extension', 'tls_unknown', 0.6),
  x('MBEDTLS_X509_BADCERT_BAD_PK', undefined, 'the certificate is signed with an unacceptable PK algorithm', 'tls_unknown', 0.6),
  x('MBEDTLS_X509_BADCRL_NOT_TRUSTED', undefined, 'the CRL is not correctly signed by the trusted CA', 'tls_unknown', 0.55),
  x('MBEDTLS_X509_BADCRL_EXPIRED', undefined, 'the CRL is expired', 'tls_unknown', 0.55),
];

/**
 * mbedtls_x509_crt_verify() result flags (x509.h: MBEDTLS_X509_BADCERT_*, MBEDTLS_X509_BADCRL_*), as embedded clients print
 * the verify result ("mbedtls_ssl_get_verify_result returned 0x8"). In the order a result decides its cause: the issuer,
 * the name, the dates, then the rest.
 * @see https://github.com/Mbed-TLS/mbedtls/blob/development/include/mbedtls/x509.h
 */
export const mbedtlsVerifyBits: readonly (readonly [name: string, bit: number])[] = [
  ['MBEDTLS_X509_BADCERT_NOT_TRUSTED', 0x08],
  ['MBEDTLS_X509_BADCERT_CN_MISMATCH', 0x04],
  ['MBEDTLS_X509_BADCERT_FUTURE', 0x0200],
  ['MBEDTLS_X509_BADCERT_EXPIRED', 0x01],
  ['MBEDTLS_X509_BADCERT_REVOKED', 0x02],
  ['MBEDTLS_X509_BADCERT_MISSING', 0x40],
  ['MBEDTLS_X509_BADCERT_KEY_USAGE', 0x0800],
  ['MBEDTLS_X509_BADCERT_EXT_KEY_USAGE', 0x1000],
  ['MBEDTLS_X509_BADCERT_NS_CERT_TYPE', 0x2000],
  ['MBEDTLS_X509_BADCERT_BAD_MD', 0x4000],
  ['MBEDTLS_X509_BADCERT_BAD_PK', 0x8000],
  ['MBEDTLS_X509_BADCERT_BAD_KEY', 0x010000],
  ['MBEDTLS_X509_BADCERT_OTHER', 0x0100],
  ['MBEDTLS_X509_BADCRL_NOT_TRUSTED', 0x10],
  ['MBEDTLS_X509_BADCRL_EXPIRED', 0x20],
];
// Not in the table: MBEDTLS_X509_BADCERT_SKIP_VERIFY (0x80, verification was skipped: no failure), the other BADCRL flags.
const MBEDTLS_KNOWN_BITS = mbedtlsVerifyBits.reduce((mask, [, bit]) => mask | bit, 0) | 0x80 | 0x0400 | 0x020000 | 0x040000 | 0x080000;
const mbedtlsRowByName = new Map(mbedtlsTable.filter((row) => row.names[0]?.startsWith('MBEDTLS_X509_BAD')).map((row) => [row.names[0] as string, row]));

/** An mbedTLS verify result read as a number: the row that decides it and the flags set, or undefined when it is none. */
export function mbedtlsVerifyResult(mask: number): { row: CodeRow; flags: string[] } | undefined {
  if (!Number.isInteger(mask) || mask <= 0 || (mask & ~MBEDTLS_KNOWN_BITS) !== 0) return undefined;
  const flags = mbedtlsVerifyBits.filter(([, bit]) => (mask & bit) !== 0).map(([name]) => name);
  const row = mbedtlsRowByName.get(flags[0] ?? '');
  return row ? { row, flags } : undefined;
}
