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
];
