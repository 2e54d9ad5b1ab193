// Round 34 (eng-b2, 1.5.103): another party's view of the same attempt recorded in labels (`client_log`, `front_socket`, `peer_socket`,
// a long label split into `_part2`), read where the observer's own event has no text, and for a TLS cause where its own lines name only
// tls_unknown; a recorded exception chain read link by link, so the wrapper that heads it gives way to the cause a link names; a 1011
// the emitter says it sent first, whose reason names the condition (convention 12).
// Texts are written for these tests from other libraries' wordings (Node's ws and net errors, Java's SocketTimeoutException and PKIX
// texts, curl's error 60, websocket-client's bad status, Python's exception chain texts, websockets' ConnectionClosed format); none
// is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const proxy = { source: { kind: 'proxy', service: 'gw', runtime: 'go 1.23 gateway' }, target: { url: 'ws://gw.example.test/feed' } } as const;
const server = { source: { kind: 'server', service: 'srv', runtime: 'go 1.23 net/http' } } as const;

describe("another party's view of a failed attempt the observer recorded no text for", () => {
  it.each([
    ["Node ws: the client's log of a 401", { client_log: 'Error: Unexpected server response: 401\n    at ClientRequest.<anonymous> (node_modules/ws/lib/websocket.js:913:7)' }, 'other/http_auth_rejected'],
    ["Node net: the client's log of a refused connect", { client_log: 'Error: connect ECONNREFUSED 127.0.0.1:8443' }, 'other/connection_refused'],
    ["Java: the front socket's read timeout", { front_socket: 'java.net.SocketTimeoutException: Read timed out' }, 'other/network_timeout'],
    ["Node: the front socket's hang-up", { front_socket: 'Error: socket hang up' }, 'other/network_reset'],
    ["websocket-client: a status split over the label's parts", { client_log: 'ERROR:websocket:Handshake status 40', client_log_part2: '3 Forbidden -+-+- {}' }, 'other/http_rejected'],
  ] as const)('%s', (_label, labels, verdict) => {
    expect(verdictOf({ ...proxy, labels })).toBe(verdict);
  });

  it("a server's event: the peer's socket error", () => {
    expect(verdictOf({ ...server, labels: { peer_socket: "ConnectionResetError(104, 'Connection reset by peer')" } })).toBe('other/network_reset');
  });

  it.each([
    ["a client's own log (no other view)", { labels: { client_log: 'Error: connect ECONNREFUSED 127.0.0.1:8443' } }, 'other/unknown_failure'],
    ['a note', { ...proxy, labels: { note: 'Connection refused' } }, 'other/unknown_failure'],
    ["the proxy's own log", { ...proxy, labels: { proxy_log: 'dial tcp 127.0.0.1:9: connect: connection refused' } }, 'other/unknown_failure'],
    ["the proxy's own error decides", { ...proxy, error: { message: 'dial tcp 10.0.0.7:443: i/o timeout' }, labels: { client_log: 'Error: connect ECONNREFUSED 127.0.0.1:8443' } }, 'other/network_timeout'],
    ['a session still open', { ...proxy, outcome: 'connected', handshake: { status: 101 }, labels: { client_log: 'Error: read ECONNRESET' } }, 'none/connected'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

describe("the client's socket error beside a server's generic TLS handshake line", () => {
  const tlsLine = (tail: string, labels: Record<string, string>): Partial<TelemetryEventInput> => ({ ...server, error: { message: `http: TLS handshake error from 10.0.0.5:51234: ${tail}` }, labels });
  it.each([
    ['Java PKIX beside an EOF', tlsLine('EOF', { front_socket: 'javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target' }), '1015/untrusted_ca'],
    ["curl's expired certificate beside a bad record MAC", tlsLine('local error: tls: bad record MAC', { front_socket: 'curl: (60) SSL certificate problem: certificate has expired' }), '1015/cert_expired'],
  ] as const)('%s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });

  it.each([
    ['the same words in a note', tlsLine('local error: tls: bad record MAC', { note: 'curl: (60) SSL certificate problem: certificate has expired' }), '1015/tls_unknown'],
    ['a front that names no cause', tlsLine('local error: tls: bad record MAC', { front_socket: 'ssl.SSLError: [SSL] record layer failure (_ssl.c:1006)' }), '1015/tls_unknown'],
    ["the server's own specific alert", tlsLine('remote error: tls: expired certificate', { front_socket: 'javax.net.ssl.SSLHandshakeException: PKIX path building failed: unable to find valid certification path to requested target' }), '1015/cert_expired'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });
});

describe('a recorded exception chain read link by link', () => {
  it.each([
    ["Java's Caused by: the answer's status line", { error_cause: 'java.net.ConnectException: could not open the stream\nCaused by: java.io.IOException: invalid HTTP status line: "SSH-2.0-OpenSSH_9.6"' }, 'other/protocol_error'],
    ["Python's chain text: an unparsable status line", { exception_cause: 'websockets.exceptions.InvalidMessage: did not receive a valid HTTP response\n\nThe above exception was the direct cause of the following exception:\n\nValueError: unparsable status line: b"\\x15\\x03\\x01\\x00\\x02\\x02\\n"' }, 'other/protocol_error'],
  ] as const)('%s', (_label, labels, verdict) => {
    expect(verdictOf({ error: { message: 'connection failed' }, labels })).toBe(verdict);
  });

  it.each([
    ['an EOF link stays the drop', { exception_cause: 'websockets.exceptions.InvalidMessage: did not receive a valid HTTP response; caused by: EOFError: stream ends after 0 bytes, before end of line' }, 'other/network_reset'],
    ['a timeout link', { error_cause: 'pekko.http.impl.engine.ws.ProtocolException: upgrade failed <- java.util.concurrent.TimeoutException: handshake timed out after 10 seconds' }, 'other/network_timeout'],
    // The wrapper alone names no cause (convention 6, session 33; 1.5.118).
    ['one link, the wrapper alone', { exception_cause: 'websockets.exceptions.InvalidMessage: did not receive a valid HTTP response' }, 'other/unknown_failure'],
  ] as const)('hard negative: %s', (_label, labels, verdict) => {
    expect(verdictOf({ error: { message: 'connection failed' }, labels })).toBe(verdict);
  });
});

describe('a 1011 the emitter says it sent first, for a condition its reason names', () => {
  const closedWith = (message: string): Partial<TelemetryEventInput> => ({
    outcome: 'closed',
    handshake: { status: 101 },
    close: { code: 1006, initiator: 'client', on_wire: false },
    error: { name: 'ConnectionClosedError', message },
  });
  it.each([
    ['the peer echoed it', 'sent 1011 (internal error) keepalive ping timeout; then received 1011 (internal error) keepalive ping timeout', 'other/network_timeout'],
    ['behind the class name', 'websockets.exceptions.ConnectionClosedError: sent 1011 (internal error) keepalive ping timeout; no close frame received', 'other/network_timeout'],
    ['a message over the limit', 'sent 1011 (internal error) message too big; no close frame received', 'other/message_too_big'],
  ] as const)('%s', (_label, message, verdict) => {
    expect(verdictOf(closedWith(message))).toBe(verdict);
  });

  it.each([
    ["the peer's own 1011 received first", 'received 1011 (internal error) keepalive ping timeout; then sent 1011 (internal error) keepalive ping timeout'],
    ['a reason that names no condition', 'sent 1011 (internal error) unexpected error; no close frame received'],
  ] as const)('hard negative: %s stays server_error', (_label, message) => {
    expect(verdictOf(closedWith(message))).toBe('other/server_error');
  });
});
