// Which TLS errors of a client socket will never pass by reconnecting: a peer certificate that does
// not verify, or an alert the peer sent during the handshake (it refused our certificate, version or
// ciphers). Both are configuration problems, so a client must report them instead of retrying.
import { verifyCodeTable } from '../analyzers/verify-codes.js';

/** Node reports certificate verify results in `err.code` as the X509_V_ERR_* name without prefix. */
const verifyNames = new Set(verifyCodeTable.filter((row) => row.name !== 'OK').map((row) => row.name));

export interface TlsFailure {
  /** Node's error code, e.g. UNABLE_TO_VERIFY_LEAF_SIGNATURE or ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE. */
  readonly code: string;
  readonly side: 'peer certificate' | 'handshake';
  readonly message: string;
}

/** The permanent TLS failure in `error` (or its causes), if it is one. */
export function permanentTlsFailure(error: unknown): TlsFailure | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') continue;
    // ERR_TLS_CERT_ALTNAME_INVALID: Node's own hostname check (checkServerIdentity).
    if (verifyNames.has(code) || code === 'ERR_TLS_CERT_ALTNAME_INVALID') return { code, side: 'peer certificate', message: e.message.trim() };
    // ERR_SSL_*: OpenSSL failed the handshake, typically on an alert from the peer
    // (@see https://nodejs.org/api/errors.html#openssl-error-codes)
    // (SSL alert 42 bad_certificate, 48 unknown_ca, 116 certificate_required, 70 protocol_version).
    if (code.startsWith('ERR_SSL_')) return { code, side: 'handshake', message: openSslReason(e.message) };
  }
  return undefined;
}

/**
 * "80EC…:error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:../ssl/record/rec_layer_s3.c:1601:SSL alert number 42"
 * becomes "sslv3 alert bad certificate (SSL alert number 42)".
 */
export function openSslReason(message: string): string {
  const match = /error:[0-9A-F]+:[^:]*:[^:]*:([^:]+):[^:]*:\d+:?(.*)$/s.exec(message.trim());
  if (!match) return message.trim();
  const detail = match[2]!.trim();
  return detail ? `${match[1]} (${detail})` : match[1]!;
}
