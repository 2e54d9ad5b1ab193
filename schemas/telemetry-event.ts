// Telemetry event v1: what clients, servers, proxies and probes emit about one WebSocket connection.
// Contract only (zod); unknown fields are ignored so emitters can add fields without breaking us.
import { z } from 'zod';

const optionalText = z.string().max(8192).optional();

/** ClickHouse DateTime (UInt32 seconds) ends in 2106; later instants cannot be stored. */
export const MAX_TS_MS = 4294967295999;

/** RFC 3339 text or epoch milliseconds; normalised to epoch ms. */
export const timestampSchema = z
  .union([z.number().int().nonnegative().max(MAX_TS_MS), z.string().max(64)])
  .transform((value, ctx) => {
    const ms = typeof value === 'number' ? value : Date.parse(value);
    if (!Number.isFinite(ms) || ms < 0 || ms > MAX_TS_MS) {
      ctx.addIssue({ code: 'custom', message: 'not an RFC 3339 timestamp or epoch milliseconds' });
      return z.NEVER;
    }
    return ms;
  });

export const sourceKinds = ['client', 'server', 'proxy', 'probe'] as const;
export const outcomes = ['connected', 'failed', 'closed'] as const;

export const sourceSchema = z.object({
  kind: z.enum(sourceKinds),
  service: z.string().min(1).max(256),
  instance: optionalText,
  region: optionalText,
  /** Free text naming the stack, e.g. "chrome 131", "node 20 ws 8.18", "go 1.23 gorilla/websocket". */
  runtime: optionalText,
  user_agent: optionalText,
});

export const targetSchema = z.object({
  url: z
    .string()
    .max(4096)
    .regex(/^wss?:\/\/[^\s/?#]+/i, 'must be a ws:// or wss:// URL'),
});

export const handshakeSchema = z.object({
  status: z.number().int().min(0).max(999).optional(),
  /** Raw Sec-WebSocket-Extensions headers; "" when the header was absent. */
  request_extensions: z.string().max(8192).optional(),
  response_extensions: z.string().max(8192).optional(),
  required_extensions: z.array(z.string().max(256)).max(32).optional(),
});

export const peerCertificateSchema = z.object({
  subject: optionalText,
  issuer: optionalText,
  not_before: timestampSchema.optional(),
  not_after: timestampSchema.optional(),
  self_signed: z.boolean().optional(),
  san: z.array(z.string().max(1024)).max(256).optional(),
});

/** One certificate of the chain a client saw, leaf first (added in 0.2: optional, older emitters omit it). */
export const chainCertificateSchema = peerCertificateSchema.extend({
  /** basicConstraints CA:TRUE, when the emitter can tell. */
  ca: z.boolean().optional(),
  /** SHA-256 fingerprint, hex with or without colons. */
  fingerprint_sha256: z.string().max(128).optional(),
});

export const tlsSchema = z.object({
  version: optionalText,
  /** Negotiated cipher suite (OpenSSL or IANA name). */
  cipher: optionalText,
  /** Negotiated ALPN protocol ("http/1.1"); absent when none was agreed. */
  alpn: optionalText,
  /** Alert name ("certificate_expired") or number (45). */
  alert: z.union([z.string().max(128), z.number().int().min(0).max(255)]).optional(),
  alert_direction: z.enum(['sent', 'received']).optional(),
  /** OpenSSL verify result: number (10) or name ("X509_V_ERR_CERT_HAS_EXPIRED"). */
  verify_code: z.union([z.string().max(128), z.number().int().min(0).max(100000)]).optional(),
  peer_certificate: peerCertificateSchema.optional(),
  chain_length: z.number().int().min(0).max(64).optional(),
  /**
   * The certificate chain, leaf first: what the server presented, completed by the issuers the client
   * found in its trust store (Node's getPeerCertificate(true)). Read by the certificate forecast.
   */
  chain: z.array(chainCertificateSchema).max(16).optional(),
});

export const closeSchema = z.object({
  code: z.number().int().min(0).max(65535).optional(),
  reason: z.string().max(1024).optional(),
  initiator: z.enum(['client', 'server', 'unknown']).optional(),
  /** true: read from a Close frame; false: synthesized by the API (e.g. 1006). */
  on_wire: z.boolean().optional(),
});

export const errorSchema = z.object({
  name: optionalText,
  code: z.union([z.string().max(256), z.number()]).optional(),
  message: optionalText,
});

/** How long the connection attempt took, per phase, in milliseconds (any subset). */
export const timingSchema = z.object({
  connect_ms: z.number().nonnegative().optional(),
  tls_ms: z.number().nonnegative().optional(),
  upgrade_ms: z.number().nonnegative().optional(),
  total_ms: z.number().nonnegative().optional(),
});

export const telemetryEventSchema = z.object({
  event_id: z.string().min(1).max(256),
  ts: timestampSchema,
  connection_id: z.string().max(256).optional(),
  outcome: z.enum(outcomes),
  source: sourceSchema,
  target: targetSchema,
  handshake: handshakeSchema.optional(),
  tls: tlsSchema.optional(),
  close: closeSchema.optional(),
  error: errorSchema.optional(),
  timing: timingSchema.optional(),
  labels: z.record(z.string().max(256), z.string().max(1024)).optional(),
});

/** A validated event, timestamps normalised to epoch milliseconds. */
export type TelemetryEvent = z.output<typeof telemetryEventSchema>;
/** What an emitter writes (timestamps as text or epoch ms). */
export type TelemetryEventInput = z.input<typeof telemetryEventSchema>;

/** JSON Schema of the wire format, for emitters (`wsdiag schema`). */
export function telemetryEventJsonSchema(): unknown {
  return z.toJSONSchema(telemetryEventSchema, { io: 'input', unrepresentable: 'any' });
}
