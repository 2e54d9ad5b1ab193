// OpenSSL / BoringSSL "SSL routines" reason codes for handshake failures: reason names (as Python's
// "[SSL: NAME]", Node's ERR_SSL_NAME and SSL_R_NAME print them) and the numbers packed into
// "error:0A000086"-style codes. Alert reasons (SSLV3_ALERT_*, TLSV1_ALERT_*) are 1000 + the alert
// number in both libraries and resolve through the TLS alert table instead.
import type { Cause } from '../../schemas/classification.js';
import { rowMaker, type CodeRow, type RowExtras } from './types.js';

const openssl = 'OpenSSL include/openssl/sslerr.h (SSL_R_* reason codes) https://github.com/openssl/openssl/blob/master/include/openssl/sslerr.h';
const boringssl = 'BoringSSL include/openssl/ssl.h (SSL_R_* reason codes) https://github.com/google/boringssl/blob/main/include/openssl/ssl.h';
const both = `${openssl}; ${boringssl}`;

/** One reason: OpenSSL's number (undefined when OpenSSL has no such reason) and BoringSSL's. */
function reason(name: string, opensslCode: number | undefined, boringCode: number | undefined, meaning: string, cause: Cause, confidence: number, extras: RowExtras = {}) {
  const source = opensslCode === undefined ? boringssl : boringCode === undefined ? openssl : both;
  return { row: rowMaker('openssl_reason', source)(name, opensslCode, meaning, cause, confidence, extras), boringCode };
}

const reasons = [
  reason('CERTIFICATE_VERIFY_FAILED', 134, 125, 'certificate verify failed', 'tls_unknown', 0.55),
  reason('WRONG_VERSION_NUMBER', 267, 247, 'wrong version number (often plain HTTP on a TLS port)', 'tls_unknown', 0.6),
  reason('NO_SHARED_CIPHER', 193, 184, 'no shared cipher', 'cipher_mismatch', 0.85),
  reason('NO_CIPHERS_AVAILABLE', 181, 175, 'no ciphers available', 'cipher_mismatch', 0.8),
  reason('NO_CIPHER_MATCH', 185, 177, 'no cipher match', 'cipher_mismatch', 0.75),
  reason('UNKNOWN_CIPHER_RETURNED', 248, 229, 'unknown cipher returned', 'cipher_mismatch', 0.6),
  reason('WRONG_CIPHER_RETURNED', 261, 242, 'wrong cipher returned', 'cipher_mismatch', 0.6),
  reason('UNSUPPORTED_PROTOCOL', 258, 240, 'unsupported protocol', 'tls_version_mismatch', 0.8),
  reason('NO_PROTOCOLS_AVAILABLE', 191, undefined, 'no protocols available', 'tls_version_mismatch', 0.8),
  reason('UNKNOWN_PROTOCOL', 252, 233, 'unknown protocol', 'tls_version_mismatch', 0.7),
  reason('UNSUPPORTED_SSL_VERSION', 259, undefined, 'unsupported ssl version', 'tls_version_mismatch', 0.8),
  reason('WRONG_SSL_VERSION', 266, 246, 'wrong ssl version', 'tls_version_mismatch', 0.7),
  reason('VERSION_TOO_LOW', 396, undefined, 'version too low', 'tls_version_mismatch', 0.85),
  reason('VERSION_TOO_HIGH', 166, undefined, 'version too high', 'tls_version_mismatch', 0.8),
  reason('NO_SUPPORTED_VERSIONS_ENABLED', undefined, 280, 'no supported versions enabled', 'tls_version_mismatch', 0.75),
  reason('TLS13_DOWNGRADE', undefined, 297, 'TLS 1.3 downgrade detected', 'tls_version_mismatch', 0.6),
  reason('INAPPROPRIATE_FALLBACK', 373, 157, 'inappropriate fallback', 'tls_version_mismatch', 0.8),
  // Raised only where the negotiated version uses no signature_algorithms, below TLS 1.2 (ssl/statem/statem_clnt.c
  // tls_process_key_exchange and statem_lib.c tls_process_cert_verify: the else branch of SSL_USE_SIGALGS), when that
  // version's fixed MD5+SHA1/SHA1 signature is below the security level (ssl/t1_lib.c tls1_set_peer_legacy_sigalg): a peer
  // limited to TLS 1.0/1.1, so a version mismatch, not a signature-algorithm disagreement (NO_SHARED_SIGNATURE_ALGORITHMS,
  // TLS 1.2+: cipher_mismatch). Labelling convention since 1.5.26 (docs/attribution.md).
  // @see https://github.com/openssl/openssl/blob/master/ssl/statem/statem_clnt.c
  reason('LEGACY_SIGALG_DISALLOWED_OR_UNSUPPORTED', 333, undefined, 'legacy sigalg disallowed or unsupported (a peer limited to TLS 1.0/1.1)', 'tls_version_mismatch', 0.7, {
    texts: ['legacy sigalg disallowed or unsupported'],
  }),
  reason('NO_SHARED_SIGNATURE_ALGORITHMS', 376, undefined, 'no shared signature algorithms', 'cipher_mismatch', 0.8),
  reason('NO_COMMON_SIGNATURE_ALGORITHMS', undefined, 253, 'no common signature algorithms', 'cipher_mismatch', 0.8),
  reason('NO_SUITABLE_SIGNATURE_ALGORITHM', 118, undefined, 'no suitable signature algorithm', 'cipher_mismatch', 0.75),
  reason('NO_SHARED_GROUPS', 410, undefined, 'no shared groups', 'cipher_mismatch', 0.75),
  reason('NO_SHARED_GROUP', undefined, 266, 'no shared group', 'cipher_mismatch', 0.75),
  reason('NO_SUITABLE_KEY_SHARE', 101, undefined, 'no suitable key share', 'cipher_mismatch', 0.7),
  reason('HANDSHAKE_FAILURE_ON_CLIENT_HELLO', undefined, 154, 'handshake failure on client hello', 'cipher_mismatch', 0.55, { ambiguity: 'handshake' }),
  reason('DH_KEY_TOO_SMALL', 394, undefined, 'dh key too small', 'cipher_mismatch', 0.7),
  reason('INSUFFICIENT_SECURITY', 241, undefined, 'insufficient security', 'cipher_mismatch', 0.7),
  reason('CA_KEY_TOO_SMALL', 397, undefined, 'ca key too small', 'tls_unknown', 0.7),
  reason('CA_MD_TOO_WEAK', 398, undefined, 'ca md too weak', 'tls_unknown', 0.7),
  reason('EE_KEY_TOO_SMALL', 399, undefined, 'ee key too small', 'tls_unknown', 0.7),
  reason('PEER_DID_NOT_RETURN_A_CERTIFICATE', 199, 192, 'peer did not return a certificate', 'tls_unknown', 0.6),
  reason('NO_APPLICATION_PROTOCOL', 235, 307, 'no application protocol', 'tls_unknown', 0.65),
  reason('UNEXPECTED_EOF_WHILE_READING', 294, undefined, 'unexpected eof while reading', 'tls_unknown', 0.5),
  reason('HTTP_REQUEST', 156, 156, 'http request (plain HTTP sent to a TLS port)', 'tls_unknown', 0.5),
  reason('HTTPS_PROXY_REQUEST', 155, 155, 'https proxy request', 'tls_unknown', 0.5),
];

export const opensslReasonTable: readonly CodeRow[] = reasons.map((entry) => entry.row);

/** The alert reasons (SSL_R_SSLV3_ALERT_*, SSL_R_TLSV1_ALERT_*): 1000 + the TLS alert number. */
export const ALERT_REASON_OFFSET = 1000;

const byOpenssl = new Map<number, CodeRow>();
const byBoringssl = new Map<number, CodeRow>();
for (const { row, boringCode } of reasons) {
  if (row.code !== undefined) byOpenssl.set(row.code, row);
  if (boringCode !== undefined) byBoringssl.set(boringCode, row);
}

export type PackedLibrary = 'openssl3' | 'openssl1' | 'boringssl';

/**
 * The library and SSL reason number packed in an ERR code, or undefined when it is not an SSL-library
 * code. OpenSSL 3: lib << 23 | reason (ERR_LIB_SSL 20 → 0x0A000000); OpenSSL 1.x: lib << 24 |
 * func << 12 | reason (0x14xxxxxx); BoringSSL: lib << 24 | reason (ERR_LIB_SSL 16 → 0x10000xxx).
 * @see https://github.com/openssl/openssl/blob/master/include/openssl/err.h.in (ERR_PACK, ERR_LIB_OFFSET)
 */
export function unpackSslError(value: number): { library: PackedLibrary; reason: number } | undefined {
  const v = value >>> 0;
  if (v >>> 23 === 20 && (v & 0x7ff000) === 0) return { library: 'openssl3', reason: v & 0x7fffff };
  if (v >>> 24 === 20) return { library: 'openssl1', reason: v & 0xfff };
  if (v >>> 24 === 16 && (v & 0xfff000) === 0) return { library: 'boringssl', reason: v & 0xfff };
  return undefined;
}

/** The reason row for a library's reason number (alert reasons are not here: see ALERT_REASON_OFFSET). */
export function opensslReasonRow(library: PackedLibrary, reasonNumber: number): CodeRow | undefined {
  return library === 'boringssl' ? byBoringssl.get(reasonNumber) : byOpenssl.get(reasonNumber);
}
