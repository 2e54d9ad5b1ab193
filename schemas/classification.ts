// Classification result: the contract between the attribution engine, `wsdiag classify`,
// the ClickHouse rows and every dashboard, alert and retro that groups by cause.
import { z } from 'zod';

export const attributions = ['1010', '1015', 'other', 'none'] as const;
export type Attribution = (typeof attributions)[number];

/** 1010 Mandatory Extension (RFC 6455 §7.4.1): the client required an extension the server did not agree. */
export const causes1010 = ['extension_not_negotiated', 'extension_params_rejected'] as const;

/** 1015 TLS handshake failure (RFC 6455 §7.4.1): never on the wire, always inferred. */
export const causes1015 = [
  'cert_expired',
  'cert_not_yet_valid',
  'untrusted_ca',
  'self_signed',
  'incomplete_chain',
  'hostname_mismatch',
  'tls_version_mismatch',
  'cipher_mismatch',
  'tls_unknown',
] as const;

/** Failures that are neither 1010 nor 1015; documented in docs/attribution.md. */
export const causesOther = [
  'connection_refused',
  'dns_failure',
  'network_timeout',
  'network_reset',
  'http_rejected',
  'http_auth_rejected',
  'subprotocol_mismatch',
  'protocol_error',
  'message_too_big',
  'policy_violation',
  'server_error',
  'service_restart',
  'abnormal_closure',
  'unknown_failure',
] as const;

/** Connection succeeded, or closed normally. */
export const causesNone = ['connected', 'normal_closure', 'going_away'] as const;

export const causesByAttribution = {
  '1010': causes1010,
  '1015': causes1015,
  other: causesOther,
  none: causesNone,
} as const satisfies Record<Attribution, readonly string[]>;

export const allCauses = [...causes1010, ...causes1015, ...causesOther, ...causesNone] as const;
export type Cause = (typeof allCauses)[number];

export const evidenceSchema = z.object({
  /** Which field or vocabulary decided, e.g. "tls.verify_code", "error.message", "handshake.response_extensions". */
  kind: z.string(),
  /** What was seen and which rule matched, with the rule's citation id. */
  detail: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const classificationSchema = z.object({
  event_id: z.string(),
  attribution: z.enum(attributions),
  cause: z.enum(allCauses),
  confidence: z.number().min(0).max(1),
  evidence: z.array(evidenceSchema),
  remediation: z.string(),
  violations: z.array(z.string()),
});
export type Classification = z.infer<typeof classificationSchema>;
