// A deterministic incident for the two-engine tests: two hours of steady traffic from 4 services in
// 3 regions, during which a certificate expires in eu-west-1 (1015 cert_expired until a renewal) and a
// proxy strips permessage-deflate for collab-editor (1010), plus protocol violations, a certificate
// that expires soon, and ~3 % re-delivered copies that must not count. Pure: builds events only;
// the scenario table below is what tests derive their expected numbers from.
import type { Attribution, Cause } from '../../schemas/classification.js';
import { telemetryEventSchema, type TelemetryEvent, type TelemetryEventInput } from '../../schemas/telemetry-event.js';

const utc = (iso: string): number => Date.parse(iso);
const DAY_MS = 86_400_000;

export const window = { fromMs: utc('2025-03-14T08:30:00Z'), toMs: utc('2025-03-14T10:30:00Z') } as const;

/** One client population: an attempt every `periodS` seconds, starting `offsetS` after the window opens. */
export interface Stream {
  readonly service: string;
  readonly region: string;
  readonly host: string;
  readonly runtime: string;
  readonly runtimeFamily: string;
  readonly kind: 'client' | 'probe';
  readonly periodS: number;
  readonly offsetS: number;
}

const regions = ['eu-west-1', 'us-east-1', 'ap-south-1'] as const;
const hosts = { 'market-feed': 'api.example.com', 'collab-editor': 'collab.example.com', 'chat-gateway': 'chat.example.com', notifications: 'notify.example.com' } as const;
type Service = keyof typeof hosts;

const populations: ReadonlyArray<readonly [Service, string, string, 'client' | 'probe', number]> = [
  // service, runtime, family, kind, offset (s) of the first attempt in eu-west-1
  ['market-feed', 'node 20 ws 8.18', 'node', 'client', 4],
  ['market-feed', 'go 1.23 gorilla/websocket', 'go', 'client', 14],
  ['market-feed', 'python 3.12 websockets 13', 'python', 'probe', 24],
  ['collab-editor', 'node 20 ws 8.18', 'node', 'client', 7],
  ['collab-editor', 'chrome 131', 'chrome', 'client', 17],
  ['chat-gateway', 'chrome 131', 'chrome', 'client', 2],
  ['chat-gateway', 'java 17 okhttp 4.12', 'java', 'client', 12],
  ['notifications', 'firefox 133', 'firefox', 'client', 9],
  ['notifications', 'node 20 ws 8.18', 'node', 'client', 19],
];

export const streams: readonly Stream[] = populations.flatMap(([service, runtime, runtimeFamily, kind, offsetS]) =>
  regions.map((region, r) => ({ service, region, host: hosts[service], runtime, runtimeFamily, kind, periodS: 30, offsetS: offsetS + r })),
);

/** Certificates the servers present. */
export const certificates = {
  /** eu-west-1's api.example.com certificate: expires mid-window. */
  apiExpiring: { subject: 'CN=api.example.com', issuer: "CN=R11, O=Let's Encrypt, C=US", notBeforeMs: utc('2024-12-14T09:00:00Z'), notAfterMs: utc('2025-03-14T09:00:00Z') },
  /** What eu-west-1 serves after the renewal at 09:40. */
  apiRenewed: { subject: 'CN=api.example.com', issuer: "CN=R11, O=Let's Encrypt, C=US", notBeforeMs: utc('2025-03-14T08:35:00Z'), notAfterMs: utc('2025-06-12T08:34:59Z') },
  /** The other regions' api.example.com certificate. */
  apiOtherRegions: { subject: 'CN=api.example.com', issuer: "CN=R11, O=Let's Encrypt, C=US", notBeforeMs: utc('2025-02-01T00:00:00Z'), notAfterMs: utc('2025-05-02T00:00:00Z') },
  /** notify.example.com: valid, but expires 10 days after the incident (alert before it causes 1015). */
  notifySoon: { subject: 'CN=notify.example.com', issuer: 'CN=Example Internal CA G2, O=Example', notBeforeMs: utc('2024-03-24T12:00:00Z'), notAfterMs: utc('2025-03-24T12:00:00Z') },
} as const;
export type CertificateName = keyof typeof certificates;

/** The incident's events on the timeline. */
export const incidents = {
  certExpiry: { service: 'market-feed', region: 'eu-west-1', fromMs: certificates.apiExpiring.notAfterMs, renewedMs: utc('2025-03-14T09:40:00Z') },
  deflateStripped: { service: 'collab-editor', fromMs: utc('2025-03-14T09:20:00Z'), toMs: utc('2025-03-14T09:50:00Z') },
} as const;

export type ScenarioName =
  | 'connected'
  | 'connected_tls'
  | 'normal_close'
  | 'cert_expired'
  | 'deflate_required_missing'
  | 'deflate_dropped_optional'
  | 'connection_refused'
  | 'server_error_close'
  | 'close_1005_on_wire'
  | 'close_reserved_1004';

export interface Expectation {
  readonly attribution: Attribution;
  readonly cause: Cause;
  readonly violations: readonly string[];
  /** The certificate the event carries, if any. */
  readonly certificate?: CertificateName;
  /** Normalised Sec-WebSocket-Extensions names (docs/storage.md), '' = none. */
  readonly requested: string;
  readonly negotiated: string;
  readonly required: string;
}

interface Slot {
  readonly stream: Stream;
  readonly index: number;
  readonly tsMs: number;
}

/** Which certificate a market-feed or notifications server presents at a time. */
function certificateFor(stream: Stream, tsMs: number): CertificateName | undefined {
  if (stream.service === 'notifications' && stream.runtimeFamily === 'node') return 'notifySoon';
  if (stream.service !== 'market-feed') return undefined;
  if (stream.region !== incidents.certExpiry.region) return 'apiOtherRegions';
  return tsMs < incidents.certExpiry.renewedMs ? 'apiExpiring' : 'apiRenewed';
}

/** The scenario table: what happens at each slot. Tests derive every expected figure from this. */
export function scenarioOf({ stream, index, tsMs }: Slot): ScenarioName {
  const certificate = certificateFor(stream, tsMs);
  if (certificate === 'apiExpiring' && tsMs >= certificates.apiExpiring.notAfterMs) return 'cert_expired';
  const stripped = stream.service === incidents.deflateStripped.service && tsMs >= incidents.deflateStripped.fromMs && tsMs < incidents.deflateStripped.toMs;
  if (stripped) return stream.runtimeFamily === 'node' ? 'deflate_required_missing' : 'deflate_dropped_optional';
  // Background noise, spread deterministically over the populations.
  if (stream.service === 'notifications' && stream.runtimeFamily === 'node' && index % 40 === 5) return 'connection_refused';
  if (stream.service === 'chat-gateway' && stream.runtimeFamily === 'java' && index % 24 === 3) return 'server_error_close';
  if (stream.service === 'chat-gateway' && stream.runtimeFamily === 'java' && stream.region === 'ap-south-1' && index % 30 === 11) return 'close_reserved_1004';
  if (stream.service === 'notifications' && stream.runtimeFamily === 'firefox' && index % 20 === 7) return 'close_1005_on_wire';
  if (index % 10 === 9) return 'normal_close';
  return certificate ? 'connected_tls' : 'connected';
}

const deflateOffer = 'permessage-deflate; client_max_window_bits';

/** What each scenario must classify as, and what it stores. */
export function expectationOf(slot: Slot): Expectation {
  const scenario = scenarioOf(slot);
  const certificate = certificateFor(slot.stream, slot.tsMs);
  const offersDeflate = slot.stream.service === 'collab-editor';
  const requiresDeflate = offersDeflate && slot.stream.runtimeFamily === 'node';
  const stripped = scenario === 'deflate_required_missing' || scenario === 'deflate_dropped_optional';
  const handshake = scenario === 'cert_expired' || scenario === 'connection_refused' ? false : true;
  const ext = {
    requested: offersDeflate && handshake ? 'permessage-deflate' : '',
    negotiated: offersDeflate && handshake && !stripped ? 'permessage-deflate' : '',
    required: requiresDeflate && handshake ? 'permessage-deflate' : '',
  };
  const presented = scenario === 'connection_refused' ? undefined : certificate;
  const base = { violations: [] as string[], ...(presented ? { certificate: presented } : {}), ...ext };
  switch (scenario) {
    case 'connected':
    case 'connected_tls':
    case 'deflate_dropped_optional':
      return { ...base, attribution: 'none', cause: 'connected' };
    case 'normal_close':
      return { ...base, attribution: 'none', cause: 'normal_closure' };
    case 'cert_expired':
      return { ...base, attribution: '1015', cause: 'cert_expired' };
    case 'deflate_required_missing':
      return { ...base, attribution: '1010', cause: 'extension_not_negotiated' };
    case 'connection_refused':
      return { ...base, attribution: 'other', cause: 'connection_refused' };
    case 'server_error_close':
      return { ...base, attribution: 'other', cause: 'server_error' };
    // A code that must never be on the wire, read from a Close frame: the peer broke RFC 6455 §7.4.
    case 'close_1005_on_wire':
      return { ...base, attribution: 'other', cause: 'protocol_error', violations: ['close_code_1005_on_wire'] };
    case 'close_reserved_1004':
      return { ...base, attribution: 'other', cause: 'protocol_error', violations: ['close_code_reserved:1004'] };
  }
}

/** Every slot of every stream inside the window, in time order. */
export function slots(): Slot[] {
  const all: Slot[] = [];
  for (const stream of streams) {
    for (let index = 0, tsMs = window.fromMs + stream.offsetS * 1000; tsMs < window.toMs; index++, tsMs += stream.periodS * 1000) {
      all.push({ stream, index, tsMs });
    }
  }
  return all.sort((a, b) => a.tsMs - b.tsMs || a.stream.service.localeCompare(b.stream.service) || a.stream.region.localeCompare(b.stream.region));
}

const eventId = ({ stream, index }: Slot): string => `inc-${stream.service}-${stream.region}-${stream.runtimeFamily}-${index}`;

/** A slot re-delivered later (a producer retry or a re-read batch): ~3 % of all events. */
export const isRedelivered = (position: number): boolean => position % 33 === 16;

function peerCertificate(name: CertificateName) {
  const c = certificates[name];
  return { subject: c.subject, issuer: c.issuer, not_before: new Date(c.notBeforeMs).toISOString(), not_after: new Date(c.notAfterMs).toISOString() };
}

/** The telemetry a real stack would emit for a slot (error texts as each runtime reports them). */
export function telemetryOf(slot: Slot): TelemetryEventInput {
  const { stream, index, tsMs } = slot;
  const scenario = scenarioOf(slot);
  const certificate = certificateFor(stream, tsMs);
  const base: TelemetryEventInput = {
    event_id: eventId(slot),
    ts: new Date(tsMs).toISOString(),
    connection_id: `conn-${stream.service}-${stream.region}-${stream.runtimeFamily}-${index}`,
    outcome: 'connected',
    source: { kind: stream.kind, service: stream.service, instance: `${stream.service}-${stream.region}-${index % 3}`, region: stream.region, runtime: stream.runtime },
    target: { url: `wss://${stream.host}/socket` },
    ...(certificate ? { tls: { version: 'TLSv1.3', peer_certificate: peerCertificate(certificate), chain_length: 2 } } : {}),
  };
  const offersDeflate = stream.service === 'collab-editor';
  const handshake = offersDeflate
    ? { status: 101, request_extensions: deflateOffer, response_extensions: 'permessage-deflate', ...(stream.runtimeFamily === 'node' ? { required_extensions: ['permessage-deflate'] } : {}) }
    : { status: 101 };
  switch (scenario) {
    case 'connected':
    case 'connected_tls':
      return { ...base, handshake };
    case 'normal_close':
      return { ...base, outcome: 'closed', handshake, close: { code: 1000, reason: 'bye', initiator: 'client', on_wire: true } };
    case 'deflate_dropped_optional':
      return { ...base, handshake: { ...handshake, response_extensions: '' } };
    case 'deflate_required_missing':
      return {
        ...base,
        outcome: 'failed',
        handshake: { ...handshake, response_extensions: '' },
        close: { code: 1010, reason: 'permessage-deflate required', initiator: 'client', on_wire: true },
      };
    case 'cert_expired':
      return {
        ...base,
        outcome: 'failed',
        tls: { ...base.tls, alert: 'certificate_expired', alert_direction: 'sent', verify_code: 10 },
        error: expiredError(stream, tsMs),
      };
    case 'connection_refused':
      return { ...base, outcome: 'failed', tls: undefined, error: { name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.20.0.7:443' } };
    case 'server_error_close':
      return { ...base, outcome: 'closed', handshake, close: { code: 1011, reason: 'internal error', initiator: 'server', on_wire: true } };
    case 'close_1005_on_wire':
      return { ...base, outcome: 'closed', handshake, close: { code: 1005, initiator: 'server', on_wire: true } };
    case 'close_reserved_1004':
      return { ...base, outcome: 'closed', handshake, close: { code: 1004, initiator: 'server', on_wire: true } };
  }
}

function expiredError(stream: Stream, tsMs: number): NonNullable<TelemetryEventInput['error']> {
  switch (stream.runtimeFamily) {
    case 'go':
      return {
        message: `tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time ${new Date(tsMs).toISOString().replace('.000', '')} is after ${new Date(certificates.apiExpiring.notAfterMs).toISOString().replace('.000', '')}`,
      };
    case 'python':
      return { name: 'SSLCertVerificationError', message: "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1000)" };
    default:
      return { name: 'Error', code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' };
  }
}

export interface IncidentEvent {
  readonly event: TelemetryEvent;
  readonly expect: Expectation;
  readonly tsMs: number;
}

/** Validated events in time order, and the re-delivered copies (identical events, delivered later). */
export function seededIncident(): { events: IncidentEvent[]; redeliveries: TelemetryEvent[] } {
  const events = slots().map((slot) => ({ event: telemetryEventSchema.parse(telemetryOf(slot)), expect: expectationOf(slot), tsMs: slot.tsMs }));
  const redeliveries = events.filter((_, position) => isRedelivered(position)).map((e) => e.event);
  return { events, redeliveries };
}

export const DAYS_14_MS = 14 * DAY_MS;
