// Telemetry event v1 checked by hand for the hot path: the same accepts, rejects and output as
// telemetryEventSchema (zod) at a fraction of its cost. It only says "valid, here is the event" or
// "not valid"; zod explains rejections (ingest/decode-record.ts). test/unit/schemas/telemetry-event-check
// holds the two equal on the corpus, every fixture, sample traffic and mutated records.
// Written for JSON.parse output: plain objects, arrays, strings, finite numbers, booleans, null.
import {
  alertDirections,
  closeInitiators,
  EPOCH_MS_FROM,
  MAX_TS_MS,
  MAX_TS_SECONDS,
  outcomes,
  RFC3339,
  sourceKinds,
  WS_URL,
  type TelemetryEvent,
} from './telemetry-event.js';

type Fields = Record<string, unknown>;

/** Thrown to leave the check at the first violation; never escapes `checkTelemetryEvent`. */
const invalid = new Error('telemetry event violates the v1 schema');

function need(ok: boolean): asserts ok {
  if (!ok) throw invalid;
}

// Each reader returns the value as zod outputs it, or throws `invalid`. Lengths are UTF-16 units, as zod counts.
const object = (v: unknown): Fields => (need(typeof v === 'object' && v !== null && !Array.isArray(v)), v as Fields);
const string = (max: number, min = 0) => (v: unknown): string => (need(typeof v === 'string' && v.length >= min && v.length <= max), v as string);
const integer = (min: number, max: number) => (v: unknown): number => (need(Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max), v as number);
const finite = (v: unknown): number => (need(Number.isFinite(v)), v as number);
const nonnegative = (v: unknown): number => (need(Number.isFinite(v) && (v as number) >= 0), v as number);
const boolean = (v: unknown): boolean => (need(typeof v === 'boolean'), v as boolean);
const oneOf = <T extends string>(values: readonly T[]) => (v: unknown): T => (need((values as readonly unknown[]).includes(v)), v as T);
const stringOr = (max: number, number: (v: unknown) => number) => {
  const text = string(max);
  return (v: unknown): string | number => (typeof v === 'string' ? text(v) : number(v));
};
const list = <T>(max: number, item: (v: unknown) => T) => (v: unknown): T[] => (need(Array.isArray(v) && v.length <= max), (v as unknown[]).map(item));

/** RFC 3339 text, epoch ms or epoch seconds → epoch ms (the three branches of timestampSchema, in its order). */
function timestamp(v: unknown): number {
  if (typeof v === 'string') {
    need(v.length <= 64 && RFC3339.test(v));
    const ms = Date.parse(v.replace(' ', 'T').toUpperCase());
    need(Number.isFinite(ms) && ms >= 0 && ms <= MAX_TS_MS);
    return ms;
  }
  if (Number.isSafeInteger(v) && (v as number) >= EPOCH_MS_FROM && (v as number) <= MAX_TS_MS) return v as number;
  need(Number.isFinite(v) && (v as number) >= 0 && (v as number) <= MAX_TS_SECONDS);
  return Math.round((v as number) * 1000);
}

/** Copies `key` into `out` when present (absent optional keys stay absent, as in zod's output). */
function optional(out: Fields, input: Fields, key: string, read: (v: unknown) => unknown): void {
  const v = input[key];
  if (v !== undefined) out[key] = read(v);
}

/** A reader of an object whose keys are all optional, copied in the schema's order (zod's output order). */
function fields(spec: Record<string, (v: unknown) => unknown>): (v: unknown) => Fields {
  const entries = Object.entries(spec);
  return (v) => {
    const input = object(v);
    const out: Fields = {};
    for (const [key, read] of entries) optional(out, input, key, read);
    return out;
  };
}

// Readers built once (not per event), named after the schema's fields.
const text = string(8192);
const eventId = string(256, 1);
const connectionId = string(256);
const outcome = oneOf(outcomes);
const kind = oneOf(sourceKinds);
const service = string(256, 1);
const url = string(4096);
const status = integer(0, 999);
const extensionList = list(32, string(256));
const sanList = list(256, string(1024));
const fingerprint = string(128);
const alert = stringOr(128, integer(0, 255));
const alertDirection = oneOf(alertDirections);
const verifyCode = stringOr(128, integer(0, 100000));
const chainLength = integer(0, 64);
const closeCode = integer(0, 65535);
const closeReason = string(1024);
const initiator = oneOf(closeInitiators);
const errorCode = stringOr(256, finite);
const labelValue = string(1024);

function source(v: unknown): Fields {
  const input = object(v);
  const out: Fields = { kind: kind(input.kind), service: service(input.service) };
  optional(out, input, 'instance', text);
  optional(out, input, 'region', text);
  optional(out, input, 'runtime', text);
  optional(out, input, 'user_agent', text);
  return out;
}

const target = (v: unknown): Fields => {
  const value = url(object(v).url);
  need(WS_URL.test(value));
  return { url: value };
};

const handshake = fields({ status, request_extensions: text, response_extensions: text, required_extensions: extensionList });

const certificateReaders = { subject: text, issuer: text, not_before: timestamp, not_after: timestamp, self_signed: boolean, san: sanList };

const peerCertificate = fields(certificateReaders);

const chainCertificate = fields({ ...certificateReaders, ca: boolean, fingerprint_sha256: fingerprint });

const chain = list(16, chainCertificate);

const tls = fields({
  version: text,
  cipher: text,
  alpn: text,
  alert,
  alert_direction: alertDirection,
  verify_code: verifyCode,
  peer_certificate: peerCertificate,
  chain_length: chainLength,
  chain,
});

const close = fields({ code: closeCode, reason: closeReason, initiator, on_wire: boolean });

const error = fields({ name: text, code: errorCode, message: text });

const timing = fields({ connect_ms: nonnegative, tls_ms: nonnegative, upgrade_ms: nonnegative, total_ms: nonnegative });

/** A record of strings; like zod it skips a `__proto__` key rather than assign the prototype. */
function labels(v: unknown): Record<string, string> {
  const input = object(v);
  const out: Record<string, string> = {};
  for (const key of Object.keys(input)) {
    if (key === '__proto__') continue;
    need(key.length <= 256);
    out[key] = labelValue(input[key]);
  }
  return out;
}

/** The event as telemetryEventSchema.parse would return it, or undefined when zod would reject it. */
export function checkTelemetryEvent(value: unknown): TelemetryEvent | undefined {
  try {
    const input = object(value);
    const out: Fields = { event_id: eventId(input.event_id), ts: timestamp(input.ts) };
    optional(out, input, 'connection_id', connectionId);
    out.outcome = outcome(input.outcome);
    out.source = source(input.source);
    out.target = target(input.target);
    optional(out, input, 'handshake', handshake);
    optional(out, input, 'tls', tls);
    optional(out, input, 'close', close);
    optional(out, input, 'error', error);
    optional(out, input, 'timing', timing);
    optional(out, input, 'labels', labels);
    return out as TelemetryEvent;
  } catch (thrown) {
    if (thrown === invalid) return undefined;
    throw thrown;
  }
}
