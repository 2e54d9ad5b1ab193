// wolfSSL error codes: wolfCrypt ASN errors (-140..-299, error-crypt.h) and wolfSSL TLS errors
// (-301.., error-ssl.h), with wolfSSL_ERR_reason_error_string() texts where distinctive.
import { rowMaker, type CodeRow } from './types.js';

const crypt = 'wolfSSL wolfssl/wolfcrypt/error-crypt.h https://github.com/wolfSSL/wolfssl/blob/master/wolfssl/wolfcrypt/error-crypt.h';
const ssl = 'wolfSSL wolfssl/error-ssl.h https://github.com/wolfSSL/wolfssl/blob/master/wolfssl/error-ssl.h';
const c = rowMaker('wolfssl', crypt);
const s = rowMaker('wolfssl', ssl);

export const wolfsslTable: readonly CodeRow[] = [
  c('ASN_BEFORE_DATE_E', -150, 'ASN date error, current date before', 'cert_not_yet_valid', 0.85, { texts: ['ASN date error, current date before'] }),
  c('ASN_AFTER_DATE_E', -151, 'ASN date error, current date after', 'cert_expired', 0.85, { texts: ['ASN date error, current date after'] }),
  c('ASN_SIG_CONFIRM_E', -155, 'ASN sig error, confirm failure', 'tls_unknown', 0.7),
  c('ASN_NO_SIGNER_E', -188, 'ASN no signer to confirm failure', 'untrusted_ca', 0.7, { ambiguity: 'issuer', texts: ['ASN no signer error to confirm failure', 'ASN no signer to confirm failure'] }),
  c('ASN_SELF_SIGNED_E', -275, 'ASN self-signed certificate error', 'self_signed', 0.85),
  // The transport under wolfSSL failed: no TLS cause by itself (a reset inside wolfSSL_connect is read as TLS).
  s('SOCKET_ERROR_E', -308, 'error state on socket', 'network_reset', 0.55),
  s('SOCKET_PEER_CLOSED_E', -397, 'peer closed underlying transport', 'network_reset', 0.6, { texts: ['Peer closed underlying transport'] }),
  s('FATAL_ERROR', -313, 'received alert fatal error', 'tls_unknown', 0.55),
  s('DOMAIN_NAME_MISMATCH', -322, 'peer subject name mismatch', 'hostname_mismatch', 0.85),
  s('VERSION_ERROR', -326, 'record layer version error', 'tls_version_mismatch', 0.7),
  s('VERIFY_CERT_ERROR', -329, 'verify cert error', 'tls_unknown', 0.6),
  s('NO_PEER_CERT', -345, "peer didn't send a certificate", 'tls_unknown', 0.6),
  s('OCSP_CERT_REVOKED', -360, 'OCSP certificate revoked', 'tls_unknown', 0.8),
  s('CRL_CERT_REVOKED', -361, 'CRL certificate revoked', 'tls_unknown', 0.8),
  s('MAX_CHAIN_ERROR', -368, 'max chain depth exceeded', 'tls_unknown', 0.6),
  s('UNKNOWN_SNI_HOST_NAME_E', -381, 'unrecognized host name', 'hostname_mismatch', 0.7),
  s('UNSUPPORTED_SUITE', -500, 'unsupported cipher suite', 'cipher_mismatch', 0.75),
  s('MATCH_SUITE_ERROR', -501, "can't match cipher suite", 'cipher_mismatch', 0.8),
];
