// Round 34 (eng-b1, 1.5.102): a server's own log read where the event holds nothing else: the reason it gives for ending an open
// session (a frame that broke RFC 6455, a size limit; convention 17), its TLS library's handshake begun and not finished or finished
// with no request after it (convention 2), its HTTP parser's own error (convention 15); an emitter's teardown lines ("error closing
// …: EOF") beside a Close frame or a refused answer; a stated 1006 beside an orderly-end line; a proxy's dialer refusing the
// upstream's answer with the status it states. Texts written for these tests, in other wordings and of other stacks than the misses.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const server = { kind: 'server', service: 'edge', runtime: 'c server 1.0' } as const;
const proxy = { kind: 'proxy', service: 'edge-proxy', runtime: 'go proxy 2.0' } as const;
const client = { kind: 'client', service: 'app', runtime: 'ws client 1.0' } as const;
const opened = { status: 101, request_extensions: '', response_extensions: '' };

/** A server's session that opened and ended with no close code, no error: only its log. */
const endedWithLog = (log: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  source: server,
  outcome: 'closed',
  target: { url: 'ws://127.0.0.1:9000/ws' },
  handshake: opened,
  labels: { server_log: `conn 7 upgraded to websocket\n${log}` },
  ...extra,
});

describe("a server's own log naming why it ended an open session (convention 17)", () => {
  it.each([
    ['RSV bits without an extension', 'conn 7: frame with RSV2 set but no extension negotiated, failing the connection', 'other/protocol_error'],
    ['an unmasked client frame (Netty)', 'CorruptedWebSocketFrameException: received a frame that is not masked as expected', 'other/protocol_error'],
    ['a control frame over 125 bytes', 'conn 7: pong frame payload too large (200 > 125), closing', 'other/protocol_error'],
    ['a length not minimally encoded', 'ws reader: rejected 64-bit encoding of payload length 7', 'other/protocol_error'],
    ['a message over the limit (ws)', 'conn 7: RangeError: Max payload size exceeded', 'other/message_too_big'],
  ])('%s → %s', (_label, line, verdict) => {
    expect(verdictOf(endedWithLog(line))).toBe(verdict);
  });
  it.each([
    // Hard negatives: a log that names no reason stays a drop; a close code decides over the log; a client's log is not read so.
    ['a message logged, then the end', endedWithLog('conn 7 message received: 10 bytes'), 'other/abnormal_closure'],
    ['a code read from a Close frame', endedWithLog('conn 7: frame with RSV2 set, failing', { close: { code: 1000, on_wire: true, initiator: 'client' } }), 'none/normal_closure'],
    ['a length encoding merely described', endedWithLog('conn 7: using 16-bit encoding for frame length of 300'), 'other/abnormal_closure'],
    ['a client source', { ...endedWithLog('frame with RSV2 set but no extension negotiated'), source: client }, 'other/abnormal_closure'],
  ])('%s stays %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });
});

/** A listener's failed attempt with nothing recorded but its log. */
const failedWithLog = (log: string, source: TelemetryEventInput['source'] = server): Partial<TelemetryEventInput> => ({
  source,
  outcome: 'failed',
  target: { url: 'wss://127.0.0.1:9443/ws' },
  labels: { server_log: log },
});

describe("a listener's logged TLS handshake, with nothing else recorded (convention 2)", () => {
  it.each([
    ['OpenSSL info callback states, then nothing', 'SSL_accept:before SSL initialization\nSSL_accept:SSLv3/TLS read client hello\nfd 9 closed'],
    ['rustls server states, then the close', 'rustls::server::hs: decided upon suite TLS13_AES_128_GCM_SHA256\nconnection 4 closed'],
    ['a TLS filter installed on the socket, then cleanup', 'installing TLS filter on accepted socket 9\nsocket 9: releasing TLS state'],
  ])('%s → 1015/tls_unknown', (_label, log) => {
    expect(verdictOf(failedWithLog(log))).toBe('1015/tls_unknown');
  });
  it.each([
    ['a completion line after the step', 'installing TLS filter on accepted socket 9\nTLS handshake finished for socket 9\nsocket 9 closed'],
    ['the verb before the handshake', 'SSL_accept:before SSL initialization\nfinished TLS handshake with 10.0.0.4\nfd 9 closed'],
  ])('%s, no request after it → other/network_reset', (_label, log) => {
    expect(verdictOf(failedWithLog(log))).toBe('other/network_reset');
  });
  it.each([
    // Hard negatives: a request read after the handshake is no failure of TLS or an end before the request; a client's log is no listener's.
    ['a request line after the completed handshake', failedWithLog('TLS handshake finished for socket 9\n"GET /ws HTTP/1.1" read\nsocket 9 closed'), 'other/unknown_failure'],
    ['a client source', failedWithLog('SSL_connect:SSLv3/TLS write client hello\nclosed', client), 'other/unknown_failure'],
  ])('%s stays %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });
});

describe("a server's HTTP parser naming its own error in its log (convention 15)", () => {
  it.each([
    ['an HTTP parser error', 'conn 3 accepted\nhttp parser error: invalid method at byte 0\nconn 3 closed'],
    ['a request parser failure', 'HTTP request parser failed, dropping conn 3'],
  ])('%s → other/protocol_error', (_label, log) => {
    expect(verdictOf({ ...failedWithLog(log), target: { url: 'ws://127.0.0.1:9000/ws' } })).toBe('other/protocol_error');
  });
  it('a TLS word in the log is the TLS listener\'s other side: not read so', () => {
    expect(verdictOf({ ...failedWithLog('TLS listener 9443: http parser error'), target: { url: 'ws://127.0.0.1:9000/ws' } })).not.toBe('other/protocol_error');
  });
});

/** A proxy's session whose Close frame it read, with its error lines. */
const closedWithError = (message: string, close: NonNullable<TelemetryEventInput['close']>): Partial<TelemetryEventInput> => ({
  source: proxy,
  outcome: 'closed',
  target: { url: 'ws://edge.example/ws' },
  handshake: opened,
  close,
  error: { message },
});

describe("an emitter's teardown lines beside a Close frame or a refused answer", () => {
  it.each([
    ['an application code with no failure word', closedWithError('failed to close writer: broken pipe', { code: 4000, reason: 'bye', on_wire: true, initiator: 'server' }), 'none/normal_closure'],
    ['an application code refusing without a cause', closedWithError('error while closing reader: EOF', { code: 4403, reason: 'Forbidden', on_wire: true, initiator: 'server' }), 'other/unknown_failure'],
    [
      "a proxy's invalid-answer line beside its 502",
      { source: proxy, outcome: 'failed', target: { url: 'ws://edge.example/ws' }, handshake: { status: 502 }, error: { message: 'upstream sent invalid header while reading response header\nerror closing upstream conn: EOF' } } satisfies Partial<TelemetryEventInput>,
      'other/protocol_error',
    ],
  ])('%s → %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });
  it.each([
    // Hard negatives: a reset in a line that is no teardown keeps its reading; a standard code reads as before.
    ['a read reset beside an application code', closedWithError('read tcp 10.0.0.1:443: connection reset by peer', { code: 4000, reason: 'bye', on_wire: true, initiator: 'server' }), 'other/abnormal_closure'],
    ['a 1000 beside a teardown line', closedWithError('error closing reader: EOF', { code: 1000, on_wire: true, initiator: 'server' }), 'none/normal_closure'],
  ])('%s stays %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });
});

describe('a stated abnormal closure beside a relay\'s orderly-end line', () => {
  const relayed = (message: string): Partial<TelemetryEventInput> => ({ source: proxy, outcome: 'closed', target: { url: 'ws://edge.example/ws' }, handshake: opened, error: { message } });
  it('a 1006 stated after "use of closed network connection" → other/abnormal_closure', () => {
    expect(verdictOf(relayed('pipe: copy: use of closed network connection\nbackend copy failed: websocket: close 1006 (abnormal closure): unexpected EOF'))).toBe('other/abnormal_closure');
  });
  it('the orderly-end line alone stays none/normal_closure', () => {
    expect(verdictOf(relayed('pipe: copy: use of closed network connection'))).toBe('none/normal_closure');
  });
});

describe("a proxy's dialer refusing the upstream's answer, with the status it states", () => {
  const dialed = (message: string, close?: NonNullable<TelemetryEventInput['close']>): Partial<TelemetryEventInput> => ({
    source: proxy,
    outcome: 'closed',
    target: { url: 'ws://edge.example/ws' },
    handshake: opened,
    ...(close ? { close } : {}),
    error: { message },
  });
  it("the upstream's 101 refused, the client's later 1000 → other/protocol_error", () => {
    expect(verdictOf(dialed('forward/websocket: Error dialing "svc-b:8080": websocket: bad handshake with resp: 101 Switching Protocols', { code: 1000, on_wire: true, initiator: 'client' }))).toBe('other/protocol_error');
  });
  it("the upstream's 200 (Longhorn's ingress line, traefik/oxy) → other/http_rejected", () => {
    expect(verdictOf(dialed('vulcand/oxy/forward/websocket: Error dialing "10.17.1.246": websocket: bad handshake with resp: 200 200 OK'))).toBe('other/http_rejected');
  });
  it('hard negative: "bad handshake" with no status stated beside the 101 keeps protocol_error from the 101 (a proxy that relays the upstream\'s answer)', () => {
    expect(verdictOf({ source: proxy, outcome: 'failed', target: { url: 'ws://edge.example/ws' }, handshake: opened, error: { message: 'websocketproxy: couldn\'t dial to remote backend url websocket: bad handshake' } })).toBe('other/protocol_error');
  });
});
