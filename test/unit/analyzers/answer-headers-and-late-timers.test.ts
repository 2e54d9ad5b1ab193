// Round 30 (eng-x2, 1.5.91): a refused upgrade's reason in a field of the answer's own headers (a label listing them), read as
// convention 10 reads a refusal naming a request header, while the handshake's own fields (a 426's supported versions, an
// echoed offer) and a mapping's quoted keys stay no reason; a client's timer that ran out a second or more after its upgrade was
// refused (the status decides, convention 9); an emitter's own keepalive line before the 1006 its API made up (convention 12).
// Texts are written for these tests from other libraries' wordings (RFC 7234's Warning field, Jetty's and Tornado's 426 answers,
// websocket-client's and Java-WebSocket's timeouts, ws's documented heartbeat, engine.io's "ping timeout"); none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const client = { kind: 'client', service: 'feed', runtime: 'java 21 Java-WebSocket 1.5' } as const;
const server = { kind: 'server', service: 'feed', runtime: 'jetty 12' } as const;

/** A client's refused upgrade with `status` whose only texts are `labels`. */
const refusedWith = (labels: Record<string, string>, status = 400, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  source: client,
  target: { url: 'ws://feed.example.test/feed' },
  handshake: { status, request_extensions: 'permessage-deflate; client_max_window_bits', response_extensions: '' },
  error: { message: `Invalid status code received: ${status} Status line: HTTP/1.1 ${status}` },
  labels,
  ...extra,
});

describe("a refusal's reason in a field of the answer's headers", () => {
  it.each([
    // RFC 7234 §5.5 Warning: 199 miscellaneous warning with free text.
    ['a Warning field naming the extension offer', { response_headers: 'Content-Type: text/plain\nWarning: 199 - "unsupported Sec-WebSocket-Extensions parameter"' }, '1010/extension_params_rejected'],
    ['a JSON object whose x-error names the key', { answer_headers: '{"content-length":["0"],"x-error":["Sec-WebSocket-Key header missing"]}' }, 'other/protocol_error'],
    ['fields in one line, a reason naming the subprotocol', { responseHeaders: 'Content-Type: text/plain; X-Reason: requested Sec-WebSocket-Protocol not supported; Content-Length: 0' }, 'other/subprotocol_mismatch'],
    ['a reason naming the version', { upstream_response_headers: 'X-Error-Detail: bad Sec-WebSocket-Version; Connection: close' }, 'other/protocol_error'],
  ] as const)('%s', (_label, labels, verdict) => {
    expect(verdictOf(refusedWith(labels))).toBe(verdict);
  });

  it.each([
    // RFC 6455 §4.4: a 426 lists the versions the server supports in its own Sec-WebSocket-Version (Jetty, Tornado do so).
    ["a 426's supported versions", { response_headers: 'Sec-WebSocket-Version: 13, 8\nContent-Type: text/plain\nContent-Length: 0' }, 426],
    ["a 426's supported versions in JSON", { response_headers: '{"sec-websocket-version":["13"],"connection":["close"]}' }, 426],
    ['the offer echoed in a 400', { response_headers: 'Sec-WebSocket-Extensions: permessage-deflate; x-unknown-param; Content-Length: 0' }, 400],
    ['ordinary fields only', { response_headers: 'Content-Type: text/html; Retry-After: 30; Connection: close' }, 400],
    ["a client's log of a 426 as a dict, its reason phrase beside the version key", { client_log: "answer 426: {'status_info': ['HTTP/1.1', '426', 'Upgrade Required'], 'sec-websocket-version': '8, 13'}" }, 426],
    ["a 426's status line and field on one line", { client_log: 'HTTP/1.1 426 Upgrade Required Sec-WebSocket-Version: 13' }, 426],
    ['a request-header label', { request_headers: 'Sec-WebSocket-Extensions: permessage-deflate; X-Note: unsupported Sec-WebSocket-Extensions' }, 400],
  ] as const)('hard negative: %s stays http_rejected', (_label, labels, status) => {
    expect(verdictOf(refusedWith(labels, status))).toBe('other/http_rejected');
  });

  it('hard negative: a 401 with its challenge keeps its own reason', () => {
    expect(verdictOf(refusedWith({ response_headers: 'WWW-Authenticate: Bearer error="invalid_token"; X-Reason: missing Sec-WebSocket-Key' }, 401))).toBe('other/http_auth_rejected');
  });
});

describe('a timer that ran out after the upgrade was refused', () => {
  /** A client that got `status` after `upgrade_ms` and reported a timeout at `total_ms`. */
  const lateTimeout = (status: number, message: string, upgrade_ms: number, total_ms: number, source: TelemetryEventInput['source'] = client): Partial<TelemetryEventInput> => ({
    source,
    target: { url: 'ws://feed.example.test/feed' },
    handshake: { status },
    error: { name: 'WebSocketTimeoutException', message },
    timing: { connect_ms: 3, upgrade_ms, total_ms },
  });

  it.each([
    ['a 503, then no first message within 5 s', lateTimeout(503, 'read timed out waiting for the first message', 12, 5020), 'other/http_rejected'],
    ['a 502, then a receive timeout', lateTimeout(502, 'Connection timed out', 40, 3050), 'other/http_rejected'],
    ['a 403, then a timeout', lateTimeout(403, 'timed out', 8, 10_012), 'other/http_rejected'],
    ['a 401, then a timeout', lateTimeout(401, 'handshake timed out', 8, 2_012), 'other/http_auth_rejected'],
  ] as const)('%s → the status', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });

  it.each([
    // A gateway's 504 that arrived as the attempt ended: the timeout is the upstream's, the answer's own cause.
    ["a 504 'upstream request timeout' answered at the end", lateTimeout(504, 'upstream request timeout', 15_000, 15_004), 'other/network_timeout'],
    ['a 502 whose timeout came within a second of it', lateTimeout(502, 'Connection timed out', 2_400, 3_000), 'other/network_timeout'],
    ['a server that recorded the 503 and a timeout', lateTimeout(503, 'idle timeout expired', 12, 5020, server), 'other/network_timeout'],
  ] as const)('hard negative: %s stays as before', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });

  it('hard negative: without timing the timeout keeps its reading over a gateway status', () => {
    expect(verdictOf({ source: client, handshake: { status: 502 }, error: { message: 'Connection timed out' } })).toBe('other/network_timeout');
  });
});

describe("an emitter's own keepalive line before the 1006 its API made up", () => {
  /** An open session that ended with a made-up 1006 and only `labels`. */
  const dropped = (labels: Record<string, string>, close: NonNullable<TelemetryEventInput['close']> = { code: 1006, on_wire: false }): Partial<TelemetryEventInput> => ({
    outcome: 'closed',
    target: { url: 'ws://feed.example.test/feed' },
    handshake: { status: 101 },
    close,
    labels,
  });

  it.each([
    // ws README "How to detect and close broken connections": ping, no pong by the next tick → terminate().
    ['a heartbeat that got no pong', { log: 'heartbeat: pong not received in 30s, terminating' }],
    // engine.io-client closes with the reason "ping timeout".
    ['a ping timeout in the client log', { client_log: 'transport close: ping timeout' }],
    ['a missed pong in a server log', { server_log: 'session 42: missed pong from peer, closing' }],
  ] as const)('%s → network_timeout', (_label, labels) => {
    expect(verdictOf(dropped(labels))).toBe('other/network_timeout');
  });

  it.each([
    ['a pong that came', { log: 'keepalive: pong received (12 ms)' }],
    ["the maker's note", { note: 'no pong within 1000 ms' }],
  ] as const)('hard negative: %s stays abnormal_closure', (_label, labels) => {
    expect(verdictOf(dropped(labels))).toBe('other/abnormal_closure');
  });

  it('hard negative: a 1006 read from a Close frame beside a keepalive line is no made-up code', () => {
    expect(verdictOf(dropped({ log: 'no pong within 5 s' }, { code: 1006, on_wire: true }))).not.toBe('other/network_timeout');
  });
});
