// TLS alert table: numbers and names (RFC 8446 §6, RFC 5246 §7.2) and the 1015 cause each alert points to.
// Looked up by number or by name as emitters print it ("certificate_expired", "CERTIFICATE_EXPIRED", 45).
import type { Cause } from '../schemas/classification.js';
import type { Ambiguity } from './candidate.js';
import { codedTableLookup } from './coded-table.js';

const rfc8446 = 'RFC 8446 §6.2 https://www.rfc-editor.org/rfc/rfc8446#section-6.2';
const rfc5246 = 'RFC 5246 §7.2.2 https://www.rfc-editor.org/rfc/rfc5246#section-7.2.2';
const rfc6066 = 'RFC 6066 §9 https://www.rfc-editor.org/rfc/rfc6066#section-9';
const rfc7301 = 'RFC 7301 §3.2 https://www.rfc-editor.org/rfc/rfc7301#section-3.2';
const rfc7507 = 'RFC 7507 §2 https://www.rfc-editor.org/rfc/rfc7507#section-2';
// The `gnutls` names: GnuTLS lib/alert.c (sup_alerts, gnutls_alert_get_name), read from libgnutls.so.30 3.7.9 (Debian 12).
export const gnutlsAlertNames = 'GnuTLS lib/alert.c (gnutls_alert_get_name) https://gitlab.com/gnutls/gnutls/-/blob/master/lib/alert.c';

export interface TlsAlertRow {
  readonly code: number;
  readonly name: string;
  /** The 1015 cause; absent when the alert says nothing about a handshake failure (close_notify). */
  readonly cause?: Cause;
  readonly confidence?: number;
  readonly ambiguity?: Ambiguity;
  /** GnuTLS's name for the alert (gnutls_alert_get_name), as GnuTLS clients print it after "alert:". */
  readonly gnutls?: string;
  readonly source: string;
}

export const tlsAlertTable: readonly TlsAlertRow[] = [
  { code: 0, name: 'close_notify', source: rfc8446 },
  { code: 10, name: 'unexpected_message', cause: 'tls_unknown', confidence: 0.6, gnutls: 'Unexpected message', source: rfc8446 },
  { code: 20, name: 'bad_record_mac', cause: 'tls_unknown', confidence: 0.6, gnutls: 'Bad record MAC', source: rfc8446 },
  { code: 21, name: 'decryption_failed', cause: 'tls_unknown', confidence: 0.6, gnutls: 'Decryption failed', source: rfc5246 },
  { code: 22, name: 'record_overflow', cause: 'tls_unknown', confidence: 0.6, gnutls: 'Record overflow', source: rfc8446 },
  { code: 30, name: 'decompression_failure', cause: 'tls_unknown', confidence: 0.6, gnutls: 'Decompression failed', source: rfc5246 },
  // handshake_failure: OpenSSL sends it for "no shared cipher"; older stacks also for version mismatch.
  { code: 40, name: 'handshake_failure', cause: 'cipher_mismatch', confidence: 0.55, ambiguity: 'handshake', gnutls: 'Handshake failed', source: rfc8446 },
  { code: 41, name: 'no_certificate', cause: 'tls_unknown', confidence: 0.6, gnutls: 'No certificate (SSL 3.0)', source: rfc5246 },
  { code: 42, name: 'bad_certificate', cause: 'tls_unknown', confidence: 0.6, gnutls: 'Certificate is bad', source: rfc8446 },
  { code: 43, name: 'unsupported_certificate', cause: 'tls_unknown', confidence: 0.7, gnutls: 'Certificate is not supported', source: rfc8446 },
  { code: 44, name: 'certificate_revoked', cause: 'tls_unknown', confidence: 0.8, gnutls: 'Certificate was revoked', source: rfc8446 },
  { code: 45, name: 'certificate_expired', cause: 'cert_expired', confidence: 0.92, gnutls: 'Certificate is expired', source: rfc8446 },
  { code: 46, name: 'certificate_unknown', cause: 'tls_unknown', confidence: 0.6, gnutls: 'Unknown certificate', source: rfc8446 },
  { code: 47, name: 'illegal_parameter', cause: 'tls_unknown', confidence: 0.6, gnutls: 'Illegal parameter', source: rfc8446 },
  // unknown_ca: the chain did not lead to a trusted anchor; a missing intermediate looks the same.
  { code: 48, name: 'unknown_ca', cause: 'untrusted_ca', confidence: 0.9, ambiguity: 'issuer', gnutls: 'CA is unknown', source: rfc8446 },
  { code: 49, name: 'access_denied', cause: 'tls_unknown', confidence: 0.7, gnutls: 'Access was denied', source: rfc8446 },
  { code: 50, name: 'decode_error', cause: 'tls_unknown', confidence: 0.6, gnutls: 'Decode error', source: rfc8446 },
  { code: 51, name: 'decrypt_error', cause: 'tls_unknown', confidence: 0.6, gnutls: 'Decrypt error', source: rfc8446 },
  { code: 60, name: 'export_restriction', cause: 'cipher_mismatch', confidence: 0.7, gnutls: 'Export restriction', source: rfc5246 },
  { code: 70, name: 'protocol_version', cause: 'tls_version_mismatch', confidence: 0.92, gnutls: 'Error in protocol version', source: rfc8446 },
  { code: 71, name: 'insufficient_security', cause: 'cipher_mismatch', confidence: 0.9, gnutls: 'Insufficient security', source: rfc8446 },
  { code: 80, name: 'internal_error', cause: 'tls_unknown', confidence: 0.6, gnutls: 'Internal error', source: rfc8446 },
  { code: 86, name: 'inappropriate_fallback', cause: 'tls_version_mismatch', confidence: 0.85, gnutls: 'Inappropriate fallback', source: `${rfc8446}; ${rfc7507}` },
  { code: 90, name: 'user_canceled', cause: 'tls_unknown', confidence: 0.5, gnutls: 'User canceled', source: rfc8446 },
  { code: 100, name: 'no_renegotiation', cause: 'tls_unknown', confidence: 0.5, gnutls: 'No renegotiation is allowed', source: rfc5246 },
  { code: 109, name: 'missing_extension', cause: 'tls_unknown', confidence: 0.6, gnutls: 'An extension was expected but was not seen', source: rfc8446 },
  { code: 110, name: 'unsupported_extension', cause: 'tls_unknown', confidence: 0.6, gnutls: 'An unsupported extension was sent', source: rfc8446 },
  { code: 111, name: 'certificate_unobtainable', cause: 'tls_unknown', confidence: 0.6, gnutls: 'Could not retrieve the specified certificate', source: rfc6066 },
  // unrecognized_name: the server has no certificate for the SNI name asked for.
  { code: 112, name: 'unrecognized_name', cause: 'hostname_mismatch', confidence: 0.75, gnutls: 'The server name sent was not recognized', source: `${rfc8446}; ${rfc6066}` },
  { code: 113, name: 'bad_certificate_status_response', cause: 'tls_unknown', confidence: 0.7, source: rfc8446 },
  { code: 114, name: 'bad_certificate_hash_value', cause: 'tls_unknown', confidence: 0.6, source: rfc6066 },
  { code: 115, name: 'unknown_psk_identity', cause: 'tls_unknown', confidence: 0.6, gnutls: 'The SRP/PSK username is missing or not known', source: rfc8446 },
  { code: 116, name: 'certificate_required', cause: 'tls_unknown', confidence: 0.8, gnutls: 'Certificate is required', source: rfc8446 },
  { code: 120, name: 'no_application_protocol', cause: 'tls_unknown', confidence: 0.7, gnutls: 'No supported application protocol could be negotiated', source: `${rfc8446}; ${rfc7301}` },
];

const rowByName = new Map<string, TlsAlertRow>(tlsAlertTable.map((row) => [row.name, row]));
const camelCase = (name: string): string => name.replace(/(?:^|_)([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Row for 45, "45", "certificate_expired", "CERTIFICATE_EXPIRED", "certificate expired", "CertificateExpired" (rustls, .NET) or "SSL_AD_CERTIFICATE_EXPIRED". */
export const tlsAlertRow = codedTableLookup(
  tlsAlertTable,
  (text) => {
    const name = text
      .replace(/([a-z])([A-Z])/g, '$1_$2')
      .toLowerCase()
      .replace(/^(?:ssl3?_ad_|tls1_ad_|tlsv1_alert_|sslv3_alert_)/, '')
      .replace(/[\s-]+/g, '_');
    return rowByName.get(name) ?? (name === 'unknown_certificate_authority' ? rowByName.get('unknown_ca') : undefined);
  },
  // Spellings texts capture (ERR_SSL_…_ALERT_NAME, "alert name", rustls/.NET CamelCase).
  (row) => {
    const upper = row.name.toUpperCase();
    return [row.name, upper, row.name.replace(/_/g, ' '), upper.replace(/_/g, ' '), camelCase(row.name), String(row.code), `SSL_AD_${upper}`, `SSLV3_ALERT_${upper}`, `TLSV1_ALERT_${upper}`];
  },
);
