// Round 40 (r40-a, 1.5.120): a server's own records read as families: a received length over the receiver's buffer (1009), an EOF its
// read met on the accepted connection, a version refused beside a 426 (RFC 6455 §4.2.2), the client's protocol list refused, a policy
// condition whose words name a size limit (RFC 6120 §4.9.3.14), an own 1011 whose reason is the transport's exception, a keepalive
// setting printed as key=value, and the emitter's own side named as closing. Texts are written for these tests from other libraries'
// wordings (POCO's WebSocketImpl, asyncio's debug log, Jetty 9.4's event driver, generic servers); none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { emitter, verdictOf } from './event-builder.js';

const server = emitter('server');
const client = emitter('client');
const opened = (message: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  ...server,
  outcome: 'closed',
  handshake: { status: 101, request_extensions: '', response_extensions: '' },
  error: { message },
  ...extra,
});

describe("a received length over the receiver's buffer (RFC 6455 §7.4.1: 1009)", () => {
  it.each([
    ["POCO's WebSocketImpl", 'Net Exception: WebSocket Exception: Insufficient buffer for payload size 70000'],
    ['a length stated larger than the buffer, then the read that failed', 'frame payload length 2097152 larger than receive buffer size 1048576\nread error on fd 12'],
    ['a declared length exceeding the buffer', 'ws: declared frame length 900000 exceeds buffer of 65536'],
  ] as const)('%s', (_label, message) => {
    expect(verdictOf(opened(message))).toBe('other/message_too_big');
  });

  it.each([
    ['a read that failed, no length named', 'tcp_read_req: error reading - c: 0x55d0 (-1)', 'other/abnormal_closure'],
    ["an HTTP request's header over its buffer", 'request header length greater than buffer size (8192)', 'other/http_rejected'],
  ] as const)('hard negative: %s', (_label, message, verdict) => {
    const extra: Partial<TelemetryEventInput> = verdict === 'other/http_rejected' ? { outcome: 'failed', handshake: { status: 431, request_extensions: '', response_extensions: '' } } : {};
    expect(verdictOf(opened(message, extra))).toBe(verdict);
  });

  it('hard negative: a TLS record over the buffer is no WebSocket message', () => {
    expect(verdictOf(opened('TLS record length 20000 greater than buffer size 16384'))).not.toBe('other/message_too_big');
  });
});

describe("an EOF a server's read met on the accepted connection, before any answer (convention 2)", () => {
  const failed = (log: string, kind: typeof server | typeof client = server): Partial<TelemetryEventInput> => ({ ...kind, outcome: 'failed', labels: { server_log: log } });
  it.each([
    ["asyncio's debug log", '<_SelectorSocketTransport fd=9 read=polling write=<idle, bufsize=0>> received EOF'],
    ['an EOF on the socket named by a C server', 'conn 17: EOF on socket from 10.0.0.5:40122, closing'],
  ] as const)('%s', (_label, log) => {
    expect(verdictOf(failed(log))).toBe('other/network_reset');
  });

  it("hard negative: a TLS library's EOF is a handshake's, not this rule's", () => {
    expect(verdictOf(failed('SSL_accept: EOF on connection 0x7f12 during handshake'))).not.toBe('other/network_reset');
  });

  it("hard negative: a client's event is not a server's own log", () => {
    expect(verdictOf(failed('conn 17: EOF on socket from 10.0.0.5:40122, closing', client))).toBe('other/unknown_failure');
  });
});

describe('a version refused beside a 426 (RFC 6455 §4.2.2)', () => {
  const answered = (status: number, message: string): Partial<TelemetryEventInput> => ({ ...server, handshake: { status, request_extensions: '', response_extensions: '' }, error: { message } });
  it.each([
    ['the version named not supported', 'handshake: requested version 7 is not supported'],
    ['an invalid version', 'upgrade refused: invalid version "8"'],
  ] as const)('%s', (_label, message) => {
    expect(verdictOf(answered(426, message))).toBe('other/protocol_error');
  });

  it.each([
    ['a bare 426', 426, 'Upgrade Required'],
    ['a TLS version beside a 426', 426, 'TLS: unsupported protocol version'],
    ['an application version under a 400', 400, 'unsupported protocol version 3'],
  ] as const)('hard negative: %s', (_label, status, message) => {
    expect(verdictOf(answered(status, message))).toBe('other/http_rejected');
  });
});

describe("the client's protocol list refused by the server", () => {
  const failed = (message: string): Partial<TelemetryEventInput> => ({ ...server, outcome: 'failed', error: { message } });
  it.each([
    ['the offer lacking its own protocol', 'ws: offered protocols [mqtt, stomp] do not include sip'],
    ['none of the requested protocols supported', 'rejecting upgrade: requested protocols graphql-ws: none supported'],
  ] as const)('%s', (_label, message) => {
    expect(verdictOf(failed(message))).toBe('other/subprotocol_mismatch');
  });

  it.each([
    ['an ALPN list', 'ALPN: offered protocols h2, http/1.1 not supported'],
    ['a TLS version list', 'TLS: list of protocols TLSv1, TLSv1.1 not supported'],
  ] as const)('hard negative: %s', (_label, message) => {
    expect(verdictOf(failed(message))).not.toBe('other/subprotocol_mismatch');
  });
});

describe('a policy condition whose words name a size limit (RFC 6120 §4.9.3.14)', () => {
  const ended = (message: string): Partial<TelemetryEventInput> => ({ ...opened(message), close: { initiator: 'server' } });
  it.each([
    ['an oversized stanza', 'Disconnecting client: policy-violation (oversized stanza)'],
    ['a message too large beside a policy violation', 'stream error: PolicyViolation: message too large'],
  ] as const)('%s', (_label, message) => {
    expect(verdictOf(ended(message))).toBe('other/message_too_big');
  });

  it('hard negative: a policy condition naming a rate, no size', () => {
    expect(verdictOf(ended('stream error: policy-violation: too many stanzas per second'))).toBe('other/policy_violation');
  });

  it('hard negative: a 1008 read from a Close frame keeps its code (convention 11)', () => {
    expect(verdictOf({ ...client, outcome: 'closed', handshake: { status: 101, request_extensions: '', response_extensions: '' }, close: { code: 1008, reason: 'message too large', on_wire: true } })).toBe('other/policy_violation');
  });
});

describe("a server's own 1011 whose reason is its transport's exception (Jetty 9.4's event driver)", () => {
  it("ClosedChannelException beside the peer's reset", () => {
    const overrides = opened('java.nio.channels.ClosedChannelException\nCaused by: java.io.IOException: Connection reset by peer', { close: { code: 1011, reason: 'ClosedChannelException' } });
    expect(verdictOf(overrides)).toBe('other/abnormal_closure');
  });

  it.each([
    ["an application's exception", opened('java.lang.NullPointerException: user', { close: { code: 1011, reason: 'NullPointerException' } })],
    ['a 1011 read from a Close frame', opened('org.eclipse.jetty.io.EofException\nCaused by: java.io.IOException: Broken pipe', { close: { code: 1011, reason: 'EofException', on_wire: true } })],
  ] as const)('hard negative: %s', (_label, overrides) => {
    expect(verdictOf(overrides)).toBe('other/server_error');
  });
});

describe('a keepalive setting printed as key=value is no event', () => {
  const dropped = (log: string): Partial<TelemetryEventInput> => ({ ...server, outcome: 'closed', handshake: { status: 101, request_extensions: '', response_extensions: '' }, close: { code: 1006, reason: 'Disconnected' }, labels: { server_log: log } });
  it.each([
    ['a session toString with pingTimeout=', 'open -> Session@1f[behavior=SERVER,pingTimeout=20000,maxText=65536] - STARTED\nonClose(1006, Disconnected)'],
    ['a config dump with idle_timeout:', 'config: idle_timeout: 30s, max_frame: 1048576\nsession 4 closed 1006'],
  ] as const)('%s', (_label, log) => {
    expect(verdictOf(dropped(log))).toBe('other/abnormal_closure');
  });

  it.each([
    ['a ping timeout stated', 'session 4: ping timeout after 20000 ms, terminating'],
    ['an idle timeout that expired', 'session 4: idleTimeout expired, closing'],
  ] as const)('hard negative: %s', (_label, log) => {
    expect(verdictOf(dropped(log))).toBe('other/network_timeout');
  });
});

describe("the emitter's own side named as closing (convention 3)", () => {
  const ended = (log: string, kind: typeof server | typeof client = server): Partial<TelemetryEventInput> => ({ ...kind, outcome: 'closed', handshake: { status: 101, request_extensions: '', response_extensions: '' }, labels: { [`${kind.source.kind}_log`]: log } });
  it.each([
    ['closed by the local process', 'ws 127.0.0.1:5555: connection closed by local process'],
    ['closed by us', 'session 9 closed by us after the job finished'],
    ["a server's own 'closed by server'", 'connection 4 closed by server'],
  ] as const)('%s', (_label, log) => {
    expect(verdictOf(ended(log))).toBe('none/normal_closure');
  });

  it.each([
    ["the peer named in a server's log", ended('Connection closed by client: 127.0.0.1:40000')],
    ["the peer named in a client's log", ended('connection closed by server', client)],
  ] as const)('hard negative: %s', (_label, overrides) => {
    expect(verdictOf(overrides)).toBe('other/abnormal_closure');
  });
});
