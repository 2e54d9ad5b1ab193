// Round 35 (eng-c1, 1.5.105): a proxy's own line stating how its upstream leg failed, beside the client leg's reset in the event's code
// or name; another party's view read where the emitter's own texts name nothing; a proxy's status beside debug/info lines that name
// no failure; a server's own keepalive record beside the Close it sent; a framing error and zlib's Z_DATA_ERROR as a number; an open
// session beside a text that names nothing; a server's log naming the peer's end of a failed attempt.
// Texts are written for these tests from other libraries' wordings (Go's net and crypto/tls errors, nginx's stream module, Node's ws,
// HAProxy, AMQP and STOMP brokers, ws' heartbeat pattern, zlib's return codes); none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const proxy = { source: { kind: 'proxy', service: 'l4', runtime: 'go 1.23 tcp proxy' }, target: { url: 'ws://lb.example.test/feed' } } as const;
const server = { source: { kind: 'server', service: 'srv', runtime: 'c++ server' }, target: { url: 'ws://srv.example.test/ws' } } as const;
const clientReset = { name: 'ConnectionResetError', code: 'ECONNRESET' } as const;
const line = (level: string, text: string): string => `2025-06-01 12:00:00 [${level}] (proxy.handle [10.0.0.1:9000]): ${text}`;

describe("a proxy's own line stating how its upstream leg failed, beside the client leg's reset", () => {
  it.each([
    ["Go's dial timeout", line('ERROR', 'dial tcp 10.0.0.7:443: i/o timeout'), 'other/network_timeout'],
    ["Go's refused dial", line('ERROR', 'dial tcp 10.0.0.7:8080: connect: connection refused'), 'other/connection_refused'],
    ["Go's host name mismatch", line('ERROR', 'tls: failed to verify certificate: x509: certificate is valid for a.example.test, not b.example.test'), '1015/hostname_mismatch'],
    ["nginx stream's verify error", '2025/06/01 12:00:00 [error] 7#7: *3 upstream SSL certificate verify error: (10:certificate has expired) while SSL handshaking to upstream', '1015/cert_expired'],
  ] as const)('%s', (_label, message, verdict) => {
    expect(verdictOf({ ...proxy, error: { ...clientReset, message } })).toBe(verdict);
  });

  it.each([
    ['a line naming only a bare TLS word', { ...proxy, error: { ...clientReset, message: line('ERROR', 'tls error') } }, 'other/network_reset'],
    ['a line naming the upstream closing', { ...proxy, error: { ...clientReset, message: line('ERROR', 'upstream prematurely closed connection') } }, 'other/network_reset'],
    ["a client's own event (its own reading, unchanged)", { error: { ...clientReset, message: 'dial tcp 10.0.0.7:443: i/o timeout' } }, 'other/network_timeout'],
    ["a proxy's line stating a reset beside the client's reset", { ...proxy, error: { ...clientReset, message: line('ERROR', 'read tcp 10.0.0.1:9000->10.0.0.7:443: read: connection reset by peer') } }, 'other/network_reset'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

describe("another party's view where the emitter's own texts name nothing", () => {
  const quiet = `${line('DEBUG', 'Accepted 10.0.0.9:50000 -> 10.0.0.1:9000')}\n${line('DEBUG', 'Begin 10.0.0.9:50000 -> 10.0.0.1:9000 -> 10.0.0.7:80')}`;
  it.each([
    ["Node ws: a bad accept key", 'Error: Invalid Sec-WebSocket-Accept header', 'other/protocol_error'],
    ["Node ws: a subprotocol not requested", 'Error: Server sent a subprotocol but none was requested', 'other/subprotocol_mismatch'],
  ] as const)('%s', (_label, clientLog, verdict) => {
    expect(verdictOf({ ...proxy, handshake: { status: 101 }, error: { name: 'Error', message: quiet }, labels: { client_log: clientLog } })).toBe(verdict);
  });

  it.each([
    ["the proxy's own cause decides", { ...proxy, error: { name: 'Error', message: line('ERROR', 'dial tcp 10.0.0.7:443: i/o timeout') }, labels: { client_log: 'Error: Invalid Sec-WebSocket-Accept header' } }, 'other/network_timeout'],
    ['a note is not read', { ...proxy, handshake: { status: 101 }, error: { name: 'Error', message: quiet }, labels: { note: 'Error: Invalid Sec-WebSocket-Accept header' } }, 'other/unknown_failure'],
    ['a session still open (no failed attempt: the client view is not read)', { ...proxy, outcome: 'connected', handshake: { status: 101 }, error: { name: 'Error', message: quiet }, labels: { client_log: 'Error: read ECONNRESET' } }, 'other/unknown_failure'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

describe("a proxy's status beside debug/info lines that name no failure", () => {
  it.each([
    ['bracketed debug lines', `${line('DEBUG', 'Accepted 10.0.0.9:50000')}\n${line('DEBUG', 'End 10.0.0.9:50000 -> 10.0.0.7:80')}`, 'other/http_rejected'],
    ["Python logging's INFO records", 'INFO:proxy.conn:accepted 10.0.0.9:50000\nINFO:proxy.conn:closed 10.0.0.9:50000', 'other/http_rejected'],
  ] as const)('%s', (_label, message, verdict) => {
    expect(verdictOf({ ...proxy, handshake: { status: 502 }, error: { message } })).toBe(verdict);
  });

  it.each([
    ['an error line the engine cannot read', `${line('DEBUG', 'Accepted 10.0.0.9:50000')}\n${line('ERROR', 'backend went sideways')}`, 'other/unknown_failure'],
    ['a debug line stating the upstream timed out', line('DEBUG', 'dial tcp 10.0.0.7:443: i/o timeout'), 'other/network_timeout'],
  ] as const)('hard negative: %s', (_label, message, verdict) => {
    expect(verdictOf({ ...proxy, handshake: { status: 502 }, error: { message } })).toBe(verdict);
  });
});

describe("a server's own keepalive record beside the Close frame it sent", () => {
  const closed = (message: string, close: Record<string, unknown>): Partial<TelemetryEventInput> => ({ ...server, outcome: 'closed', handshake: { status: 101 }, close: close as never, error: { message } });
  it.each([
    ["a heartbeat pattern's termination", closed('keepalive: no pong within 30000 ms, terminating', { code: 1000, initiator: 'server', on_wire: true }), 'other/network_timeout'],
    ['an error-level record of a missed ping', closed('[error] ping timeout: no pong received in 20 seconds, closing session', { code: 1000, initiator: 'server', on_wire: true }), 'other/network_timeout'],
  ] as const)('%s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });

  it.each([
    ['a 1001 the server sent, its going-away for an idle session (round 19)', closed('[error] ping timeout: no pong received in 20 seconds, closing session', { code: 1001, initiator: 'server', on_wire: true }), 'none/going_away'],
    ['the close started by the client', closed('keepalive: no pong within 30000 ms, terminating', { code: 1000, initiator: 'client', on_wire: true }), 'none/normal_closure'],
    // Round 39 (r39-a): the server's own 1000 whose reason alone records its keepalive ran out is network_timeout now (the lead's
    // convention of session 33: a server's own record of why it ended a session; holdout46-pywebio-28); a 1000 received stays.
    ["the close's reason alone, the 1000 received from the client", { ...server, outcome: 'closed', handshake: { status: 101 }, close: { code: 1000, initiator: 'client', on_wire: true, reason: 'keepalive timeout' } }, 'none/normal_closure'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

describe("a framing error and zlib's Z_DATA_ERROR as a number in a server's record", () => {
  const opened = (message: string): Partial<TelemetryEventInput> => ({ ...server, outcome: 'closed', handshake: { status: 101 }, error: { message } });
  it.each([
    ['an AMQP reader', 'amqp reader: FramingError on channel 3'],
    ['a STOMP broker', 'stomp: framing error while reading frame header, closing'],
    ['inflate() returned -3', 'permessage-deflate: inflate() returned error -3'],
    ["zlib's code after its name", 'zlib decompression failed with code -3'],
  ] as const)('%s', (_label, message) => {
    expect(verdictOf(opened(message))).toBe('other/protocol_error');
  });

  it.each([
    ['a TLS record framing error', 'tls: framing error in record header'],
    ['zlib out of memory (-4)', 'inflate() returned error -4'],
    ['a number that only begins with 3', 'zlib error -30'],
  ] as const)('hard negative: %s', (_label, message) => {
    expect(verdictOf(opened(message))).not.toBe('other/protocol_error');
  });
});

describe('an open session beside a text that names nothing', () => {
  it("a server's warning about its own configuration", () => {
    expect(verdictOf({ ...server, outcome: 'connected', handshake: { status: 101 }, error: { message: "[warning] config option 'max_sessions' is deprecated and was ignored" } })).toBe('none/connected');
  });
  it.each([
    ["a client's bare error message (round 33)", { outcome: 'connected', handshake: { status: 101 }, error: { message: "[warning] config option 'max_sessions' is deprecated and was ignored" } }, 'other/unknown_failure'],
    ['a reset named', { ...server, outcome: 'connected', handshake: { status: 101 }, error: { message: 'read: connection reset by peer' } }, 'other/abnormal_closure'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

describe("a server's own log naming the peer's end of a failed attempt", () => {
  const failed = (log: string, total = 3001.2): Partial<TelemetryEventInput> => ({ ...server, timing: { total_ms: total }, labels: { server_log: log } });
  it.each([
    ['the peer as the subject', '12:00:00 debug: 10.0.0.9:50000 : peer has shut down the connection'],
    ['closed by the remote host', '[conn 17] socket closed by the remote host'],
  ] as const)('%s', (_label, log) => {
    expect(verdictOf(failed(log))).toBe('other/network_reset');
  });

  it.each([
    ['a bare "connection closed" at a whole-second bound', failed('INFO conn{peer=10.0.0.9:50000}: srv: accepted\nINFO conn{peer=10.0.0.9:50000}: srv: connection closed', 2000.4), 'other/network_timeout'],
    ["the client's log", { ...server, timing: { total_ms: 3001.2 }, labels: { client_log: 'remote end closed connection' } }, 'other/network_timeout'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});
