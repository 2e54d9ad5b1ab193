// Deterministic, realistic sample telemetry for demos, tests and benchmarks: successes, normal closes,
// 1010 and 1015 failures of several causes as real stacks report them, other failures, invalid records.
// Pure: the same (count, seed, invalidRatio, startMs) always yields the same records.
import type { TelemetryEventInput } from '../schemas/telemetry-event.js';

export interface SampleRecord {
  key: string;
  value: Buffer;
  /** event_id when the record is valid; undefined for records meant for the dead-letter topic. */
  eventId?: string;
}

export interface SampleOptions {
  count: number;
  seed: number;
  invalidRatio: number;
  /** Timestamp of the first event; later ones follow `spacingMs` apart. */
  startMs: number;
  /** Milliseconds between consecutive events' timestamps (default 200: 5 events/s). */
  spacingMs?: number;
}

/** mulberry32: tiny seeded PRNG, good enough for test traffic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const services = ['chat-gateway', 'market-feed', 'notifications', 'collab-editor'] as const;
const regions = ['eu-west-1', 'us-east-1', 'ap-south-1'] as const;
const runtimes = ['chrome 131', 'firefox 133', 'node 20 ws 8.18', 'go 1.23 gorilla/websocket', 'java 17 okhttp 4.12', 'python 3.12 websockets 13'] as const;
const DAY_MS = 86_400_000;

type Scenario = (base: TelemetryEventInput, r: () => number, tsMs: number) => TelemetryEventInput;

/** The expired certificate's not_after: 23:00 UTC the day before `tsMs` (one certificate a day, not one per event). */
const expiredAt = (tsMs: number): number => Math.floor(tsMs / DAY_MS) * DAY_MS - 3_600_000;

const wss = (host: string) => `wss://${host}/socket`;

/** Weighted scenarios; weights sum to 100. */
const scenarios: ReadonlyArray<readonly [number, Scenario]> = [
  [55, (b) => ({ ...b, outcome: 'connected', handshake: { status: 101, request_extensions: 'permessage-deflate; client_max_window_bits', response_extensions: 'permessage-deflate' } })],
  [15, (b) => ({ ...b, outcome: 'closed', close: { code: 1000, reason: 'bye', initiator: 'client', on_wire: true } })],
  [3, (b) => ({ ...b, outcome: 'closed', close: { code: 1001, reason: 'going away', initiator: 'server', on_wire: true } })],
  // 1015: expired certificate as Node's tls reports it, with the probe's view of the certificate: one
  // certificate a day (it expired at 23:00 UTC the day before), as a server presents one certificate.
  [4, (b, _r, ts) => ({
    ...b,
    outcome: 'failed',
    source: { ...b.source, runtime: 'node 20 ws 8.18' },
    tls: { version: 'TLSv1.3', verify_code: 10, peer_certificate: { subject: 'CN=api.example.com', issuer: 'CN=R11, O=Let\'s Encrypt, C=US', not_before: expiredAt(ts) - 90 * DAY_MS, not_after: expiredAt(ts) }, chain_length: 2 },
    error: { name: 'Error', code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' },
  })],
  // 1015 in a browser: JS sees 1006; the cause comes from the net error in the console.
  [3, (b) => ({
    ...b,
    outcome: 'failed',
    source: { ...b.source, kind: 'client', runtime: 'chrome 131' },
    close: { code: 1006, initiator: 'unknown', on_wire: false },
    error: { name: 'WebSocket', message: "WebSocket connection to 'wss://api.example.com/socket' failed: net::ERR_CERT_AUTHORITY_INVALID" },
  })],
  [2, (b) => ({
    ...b,
    outcome: 'failed',
    source: { ...b.source, runtime: 'go 1.23 gorilla/websocket' },
    error: { message: 'tls: failed to verify certificate: x509: certificate is valid for www.example.com, not api.example.com' },
  })],
  [2, (b) => ({
    ...b,
    outcome: 'failed',
    source: { ...b.source, runtime: 'python 3.12 websockets 13' },
    tls: { version: 'TLSv1.2', alert: 'protocol_version', alert_direction: 'received' },
    error: { name: 'SSLError', message: '[SSL: TLSV1_ALERT_PROTOCOL_VERSION] tlsv1 alert protocol version (_ssl.c:1000)' },
  })],
  [1, (b) => ({
    ...b,
    outcome: 'failed',
    source: { ...b.source, runtime: 'java 17 okhttp 4.12' },
    tls: { chain_length: 1, peer_certificate: { subject: 'CN=api.example.com', issuer: 'CN=Example Intermediate CA', self_signed: false } },
    error: { name: 'javax.net.ssl.SSLHandshakeException', message: 'PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target' },
  })],
  // 1010: client requires permessage-deflate, the response (behind a proxy) carries no extension.
  [4, (b) => ({
    ...b,
    outcome: 'failed',
    source: { ...b.source, runtime: 'node 20 ws 8.18' },
    handshake: { status: 101, request_extensions: 'permessage-deflate; client_max_window_bits', response_extensions: '', required_extensions: ['permessage-deflate'] },
    close: { code: 1010, reason: 'permessage-deflate required', initiator: 'client', on_wire: true },
  })],
  [1, (b) => ({
    ...b,
    outcome: 'failed',
    handshake: { status: 101, request_extensions: 'permessage-deflate', response_extensions: 'permessage-deflate; client_max_window_bits=10', required_extensions: ['permessage-deflate'] },
    error: { message: 'Invalid Sec-WebSocket-Extensions header' },
  })],
  // Other failures.
  [4, (b) => ({ ...b, outcome: 'failed', source: { ...b.source, runtime: 'node 20 ws 8.18' }, error: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.12:443' } })],
  [2, (b) => ({ ...b, outcome: 'failed', handshake: { status: 403 }, error: { message: 'Unexpected server response: 403' } })],
  [2, (b) => ({ ...b, outcome: 'closed', close: { code: 1011, reason: 'internal error', initiator: 'server', on_wire: true } })],
  [2, (b) => ({ ...b, outcome: 'closed', target: { url: 'ws://feed.internal:8080/socket' }, close: { code: 1006, initiator: 'unknown', on_wire: false } })],
];

function pick<T>(items: readonly T[], r: () => number): T {
  return items[Math.floor(r() * items.length)]!;
}

function pickScenario(r: () => number): Scenario {
  let roll = r() * 100;
  for (const [weight, scenario] of scenarios) {
    if ((roll -= weight) < 0) return scenario;
  }
  return scenarios[0]![1];
}

/** Invalid records of the kinds the dead-letter topic must hold. */
const invalidShapes: ReadonlyArray<(i: number) => Buffer> = [
  (i) => Buffer.from(`{"event_id": "broken-${i}", "ts": `),
  (i) => Buffer.from(JSON.stringify({ event_id: `bad-${i}`, ts: 'yesterday', outcome: 'failed', source: { kind: 'client', service: 'x' }, target: { url: 'wss://a' } })),
  (i) => Buffer.from(JSON.stringify({ event_id: `bad-${i}`, ts: 1, outcome: 'exploded', source: { kind: 'client', service: 'x' }, target: { url: 'wss://a' } })),
  (i) => Buffer.from(JSON.stringify({ event_id: `bad-${i}`, ts: 1, outcome: 'failed', source: { kind: 'client', service: 'x' }, target: { url: 'https://not-a-websocket' } })),
  () => Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
];

export function sampleTraffic({ count, seed, invalidRatio, startMs, spacingMs = 200 }: SampleOptions): SampleRecord[] {
  const r = seededRandom(seed);
  const invalidEvery = invalidRatio > 0 ? Math.max(1, Math.round(1 / invalidRatio)) : 0;
  const records: SampleRecord[] = [];
  for (let i = 0; i < count; i++) {
    const key = `conn-${seed}-${i}`;
    if (invalidEvery > 0 && i % invalidEvery === invalidEvery - 1) {
      records.push({ key, value: invalidShapes[i % invalidShapes.length]!(i) });
      continue;
    }
    const tsMs = startMs + Math.floor(i * spacingMs);
    const service = pick(services, r);
    const base: TelemetryEventInput = {
      event_id: `evt-${seed}-${i}`,
      ts: new Date(tsMs).toISOString(),
      connection_id: key,
      outcome: 'connected',
      source: { kind: 'client', service, instance: `${service}-${Math.floor(r() * 4)}`, region: pick(regions, r), runtime: pick(runtimes, r) },
      target: { url: wss(`${service}.example.com`) },
    };
    const event = pickScenario(r)(base, r, tsMs);
    records.push({ key, value: Buffer.from(JSON.stringify(event)), eventId: event.event_id });
  }
  return records;
}
