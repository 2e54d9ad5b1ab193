// Telemetry event v1: what clients, servers, proxies and probes emit about one WebSocket connection.
// Contract only (zod); unknown fields are ignored so emitters can add fields without breaking us.
import { z } from 'zod';

const optionalText = z.string().max(8192).optional();

/** Description and examples for `wsdiag schema` (JSON Schema `description` / `examples`). */
function doc<T extends z.ZodType>(schema: T, description: string, ...examples: unknown[]): T {
  return schema.meta(examples.length > 0 ? { description, examples } : { description }) as T;
}

/** ClickHouse DateTime (UInt32 seconds) ends in 2106; later instants cannot be stored. */
export const MAX_TS_MS = 4294967295999;
export const MAX_TS_SECONDS = MAX_TS_MS / 1000;
/**
 * Numbers below this are epoch seconds, from it on epoch milliseconds: 1e11 ms is 1973-03-03 (no
 * telemetry is that old) and 1e11 s is the year 5138 (past what can be stored), so the two never meet.
 */
export const EPOCH_MS_FROM = 1e11;
/** RFC 3339 date-time: the offset is required, so no timestamp is ever read in the reader's local time. */
export const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})$/;

const EPOCH_RANGES = `epoch seconds (0 to ${MAX_TS_SECONDS}) or epoch milliseconds (${EPOCH_MS_FROM} to ${MAX_TS_MS})`;
const epochSeconds = z
  .number()
  .nonnegative(EPOCH_RANGES)
  .max(MAX_TS_SECONDS, EPOCH_RANGES)
  .meta({ description: 'epoch seconds (below 1e11; fractions allowed)', examples: [1764061204.25] })
  .transform((seconds) => Math.round(seconds * 1000));
const epochMilliseconds = z
  .number()
  .int('epoch milliseconds must be whole')
  .min(EPOCH_MS_FROM, EPOCH_RANGES)
  .max(MAX_TS_MS, EPOCH_RANGES)
  .meta({ description: 'epoch milliseconds (from 1e11)', examples: [1764061204250] });
const rfc3339 = z
  .string()
  .max(64)
  .regex(RFC3339, 'an RFC 3339 timestamp with its offset (Z or ±hh:mm)')
  .meta({ description: 'RFC 3339 date-time with offset', examples: ['2026-11-25T09:00:04.250Z'] })
  .transform((text, ctx) => {
    const ms = Date.parse(text.replace(' ', 'T').toUpperCase());
    if (!Number.isFinite(ms) || ms < 0 || ms > MAX_TS_MS) {
      ctx.addIssue({ code: 'custom', message: 'not a valid date, or outside 1970..2106' });
      return z.NEVER;
    }
    return ms;
  });

/**
 * An instant: RFC 3339 text with an offset, epoch seconds or epoch milliseconds (told apart by size);
 * normalised to epoch ms. `wsdiag schema` prints the same three branches, so an emitter that passes
 * the JSON Schema is never dead-lettered for its timestamp.
 */
export const timestampSchema = z.union([rfc3339, epochMilliseconds, epochSeconds], {
  error: () => `an RFC 3339 timestamp with its offset, epoch seconds (< 1e11) or epoch milliseconds (>= 1e11, to ${MAX_TS_MS})`,
});

export const sourceKinds = ['client', 'server', 'proxy', 'probe'] as const;
export const outcomes = ['connected', 'failed', 'closed'] as const;
export const alertDirections = ['sent', 'received'] as const;
export const closeInitiators = ['client', 'server', 'unknown'] as const;
/** A ws:// or wss:// URL with a host. */
export const WS_URL = /^wss?:\/\/[^\s/?#]+/i;

export const sourceSchema = z.object({
  kind: doc(z.enum(sourceKinds), 'what observed the connection'),
  service: doc(z.string().min(1).max(256), 'the service the connection belongs to', 'market-feed'),
  instance: doc(optionalText, 'the emitting instance (pod, host)', 'market-feed-7d9c'),
  region: doc(optionalText, 'region or zone of the emitter', 'eu-west-1'),
  /** Free text naming the stack, e.g. "chrome 131", "node 20 ws 8.18", "go 1.23 gorilla/websocket". */
  runtime: doc(optionalText, 'free text naming the stack and its version', 'node 20 ws 8.18', 'go 1.23 gorilla/websocket'),
  user_agent: doc(optionalText, "the browser's User-Agent; names the runtime family when runtime is absent"),
});

export const targetSchema = z.object({
  url: doc(
    z
      .string()
      .max(4096)
      .regex(WS_URL, 'must be a ws:// or wss:// URL'),
    'the ws:// or wss:// URL the client connected to',
    'wss://api.example.com/socket',
  ),
});

export const handshakeSchema = z.object({
  status: doc(z.number().int().min(0).max(999).optional(), 'HTTP status of the upgrade response (101 on success)', 101, 403),
  /** Raw Sec-WebSocket-Extensions headers; "" when the header was absent. */
  request_extensions: doc(z.string().max(8192).optional(), 'raw Sec-WebSocket-Extensions request header; "" when absent', 'permessage-deflate; client_max_window_bits'),
  response_extensions: doc(z.string().max(8192).optional(), 'raw Sec-WebSocket-Extensions response header; "" when absent', ''),
  required_extensions: doc(z.array(z.string().max(256)).max(32).optional(), 'extensions the client treats as mandatory', ['permessage-deflate']),
});

export const peerCertificateSchema = z.object({
  subject: doc(optionalText, 'subject distinguished name', 'CN=api.example.com'),
  issuer: doc(optionalText, 'issuer distinguished name', "CN=R11, O=Let's Encrypt, C=US"),
  not_before: doc(timestampSchema.optional(), 'start of validity'),
  not_after: doc(timestampSchema.optional(), 'end of validity'),
  self_signed: doc(z.boolean().optional(), 'subject and issuer are the same key'),
  san: doc(z.array(z.string().max(1024)).max(256).optional(), 'subjectAltName entries', ['DNS:api.example.com']),
});

/** One certificate of the chain a client saw, leaf first (added in 0.2: optional, older emitters omit it). */
export const chainCertificateSchema = peerCertificateSchema.extend({
  /** basicConstraints CA:TRUE, when the emitter can tell. */
  ca: doc(z.boolean().optional(), 'basicConstraints CA:TRUE, when the emitter can tell'),
  /** SHA-256 fingerprint, hex with or without colons. */
  fingerprint_sha256: doc(z.string().max(128).optional(), 'SHA-256 fingerprint, hex with or without colons'),
});

export const tlsSchema = z.object({
  version: doc(optionalText, 'negotiated or attempted TLS version', 'TLSv1.3'),
  /** Negotiated cipher suite (OpenSSL or IANA name). */
  cipher: doc(optionalText, 'negotiated cipher suite (OpenSSL or IANA name)', 'TLS_AES_128_GCM_SHA256'),
  /** Negotiated ALPN protocol ("http/1.1"); absent when none was agreed. */
  alpn: doc(optionalText, 'negotiated ALPN protocol; absent when none was agreed', 'http/1.1'),
  /** Alert name ("certificate_expired") or number (45). */
  alert: doc(z.union([z.string().max(128), z.number().int().min(0).max(255)]).optional(), 'TLS alert, by name or number', 'certificate_expired', 45),
  alert_direction: doc(z.enum(alertDirections).optional(), 'whether this side sent or received the alert'),
  /** OpenSSL verify result: number (10) or name ("X509_V_ERR_CERT_HAS_EXPIRED"). */
  verify_code: doc(z.union([z.string().max(128), z.number().int().min(0).max(100000)]).optional(), 'certificate verify result, by number or name', 10, 'X509_V_ERR_CERT_HAS_EXPIRED'),
  peer_certificate: doc(peerCertificateSchema.optional(), 'the leaf certificate the server presented'),
  chain_length: doc(z.number().int().min(0).max(64).optional(), 'certificates the server presented', 2),
  /**
   * The certificate chain, leaf first: what the server presented, completed by the issuers the client
   * found in its trust store (Node's getPeerCertificate(true)). Read by the certificate forecast.
   */
  chain: doc(z.array(chainCertificateSchema).max(16).optional(), 'the certificate chain, leaf first, as the client saw it (read by the certificate forecast)'),
});

export const closeSchema = z.object({
  code: doc(z.number().int().min(0).max(65535).optional(), 'close code as the application saw it (browsers report 1006 for TLS failures)', 1006, 1010),
  reason: doc(z.string().max(1024).optional(), 'close reason'),
  initiator: doc(z.enum(closeInitiators).optional(), 'which side started the close: client when the client application itself started it (its wrappers included), server when the server did; omitted or unknown when the API does not say (a 1010 from the server side, which never sends one, reads differently from the client\'s own)'),
  /** true: read from a Close frame; false: synthesized by the API (e.g. 1006). */
  on_wire: doc(z.boolean().optional(), 'true: the code was read from the status field of a received Close frame; false: made up by the API (1006, or 1005 for a Close frame without a status, which RFC 6455 §7.4.1 never sends)'),
});

export const errorSchema = z.object({
  name: doc(optionalText, "the runtime's error class or name, as printed", 'SSLHandshakeException'),
  code: doc(z.union([z.string().max(256), z.number()]).optional(), "the runtime's error code, as printed", 'CERT_HAS_EXPIRED', -9814),
  message: doc(optionalText, "the runtime's error text, exactly as printed", 'certificate has expired'),
});

/** How long the connection attempt took, per phase, in milliseconds (any subset). */
export const timingSchema = z.object({
  connect_ms: doc(z.number().nonnegative().optional(), 'TCP connect'),
  tls_ms: doc(z.number().nonnegative().optional(), 'TLS handshake'),
  upgrade_ms: doc(z.number().nonnegative().optional(), 'HTTP upgrade to the 101 (or the refusal)'),
  total_ms: doc(z.number().nonnegative().optional(), 'the whole attempt'),
});

export const telemetryEventSchema = z.object({
  event_id: doc(z.string().min(1).max(256), 'unique per event; copies of one event_id count once everywhere', '6f1c2a9e-0d3b-4a55-9b1e-2f0c8d7e4a11'),
  ts: doc(timestampSchema, 'when the attempt ended: RFC 3339 with offset, epoch seconds or epoch milliseconds; up to 2106-02-07'),
  connection_id: doc(z.string().max(256).optional(), 'the connection this attempt belongs to, if the emitter has one'),
  outcome: doc(z.enum(outcomes), 'connected: handshake done; failed: no connection; closed: an open connection ended'),
  source: doc(sourceSchema, 'who observed the connection'),
  target: doc(targetSchema, 'where it connected to'),
  handshake: doc(handshakeSchema.optional(), 'the HTTP upgrade as the observer saw it'),
  tls: doc(tlsSchema.optional(), 'TLS facts the observer could read'),
  close: doc(closeSchema.optional(), 'the close as the application saw it'),
  error: doc(errorSchema.optional(), "the runtime's error, exactly as printed"),
  timing: doc(timingSchema.optional(), 'how long the attempt took, per phase'),
  labels: doc(z.record(z.string().max(256), z.string().max(1024)).optional(), 'free labels'),
});

/** A validated event, timestamps normalised to epoch milliseconds. */
export type TelemetryEvent = z.output<typeof telemetryEventSchema>;
/** What an emitter writes (timestamps as text or epoch ms). */
export type TelemetryEventInput = z.input<typeof telemetryEventSchema>;

export const TELEMETRY_SCHEMA_ID = 'urn:wsdiag:schema:telemetry-event:v1';

/** JSON Schema of the wire format, for emitters and Schema Registry (`wsdiag schema`). */
export function telemetryEventJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(telemetryEventSchema, { io: 'input', unrepresentable: 'any' });
  const { $schema, ...rest } = schema;
  return {
    $schema,
    $id: TELEMETRY_SCHEMA_ID,
    title: 'wsdiag telemetry event v1',
    description: 'One WebSocket connection attempt as a client, server, proxy or probe saw it. Unknown fields are ignored.',
    ...rest,
  };
}
