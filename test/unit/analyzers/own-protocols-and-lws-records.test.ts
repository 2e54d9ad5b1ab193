// Round 33 (eng-a1, 1.5.99): a "protocol" refused on a peer named by its address is the emitter's own protocol (a listener that
// cannot read what a client spoke), no subprotocol; a server's socket service that found the socket failed (a reset); a server's
// HTTP parser refusing the request method (protocol_error); libwebsockets' "SSL_accept says 0" (LWS_SSL_CAPABLE_DONE) as the TLS
// handshake done; a proxy's upstream 101 to another protocol than requested. Texts written for these tests, in other wordings
// and of other stacks than the training set's misses.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const server = { kind: 'server', service: 'edge', runtime: 'broker 1.0' } as const;
const proxy = { kind: 'proxy', service: 'edge-proxy', runtime: 'gateway 2.0' } as const;
const client = { kind: 'client', service: 'app', runtime: 'ws client 1.0' } as const;
const failed = (source: TelemetryEventInput['source'], message: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  source,
  outcome: 'failed',
  error: { message },
  ...extra,
});

describe("a protocol refused on a peer named by its address: the emitter's own protocol", () => {
  it.each([
    ['a SOCKS listener', 'socks: unknown protocol from 10.0.0.7'],
    ['a broker, IPv4-mapped IPv6', 'rejecting client: bad protocol name "AMQP" in CONNECT from ::ffff:192.168.1.20'],
    ['a listener on localhost', 'unsupported protocol from localhost, closing'],
  ])('%s → protocol_error', (_label, message) => {
    expect(verdictOf(failed(server, message))).toBe('other/protocol_error');
  });
  it("the next hop's protocol names no cause (unknown_failure)", () => {
    expect(verdictOf(failed(proxy, 'relay: unknown upstream protocol from 10.1.1.1'))).toBe('other/unknown_failure');
  });
  it.each([
    // Hard negatives: a subprotocol refusal keeps its reading, with or without an address.
    ['a subprotocol word beside the address', 'Sec-WebSocket-Protocol: unsupported protocol from 10.0.0.7'],
    ['a client-side refusal with no address', 'server answered with an unsupported protocol'],
  ])('%s stays subprotocol_mismatch', (_label, message) => {
    expect(verdictOf(failed(client, message))).toBe('other/subprotocol_mismatch');
  });
});

describe("a server's socket service found the socket failed", () => {
  it.each([
    ['lws-style caller string', 'close_free: caller: server socket service failed'],
    ['abbreviated', 'srv: socket svc failed, freeing wsi'],
  ])('%s → network_reset', (_label, message) => {
    expect(verdictOf(failed(server, message))).toBe('other/network_reset');
  });
});

describe("a server's HTTP parser refusing the request method", () => {
  it.each([
    ['llhttp-style', 'clientError: Parse Error: Invalid method encountered'],
    ['a C server', 'http parser: unsupported method, request dropped'],
  ])('%s → protocol_error', (_label, message) => {
    expect(verdictOf(failed(server, message))).toBe('other/protocol_error');
  });
  it('an RPC\'s "unknown method" (no parser word) is not read so', () => {
    expect(verdictOf(failed(server, 'rpc: unknown method "subscribeAll"'))).not.toBe('other/protocol_error');
  });
});

describe("libwebsockets' SSL_accept status 0 (LWS_SSL_CAPABLE_DONE): the TLS handshake done", () => {
  const tls = (log: string): Partial<TelemetryEventInput> =>
    failed(server, 'close_free: caller: server socket svc fail', { target: { url: 'wss://localhost:9443/' }, labels: { server_log: log } });
  it('a socket failing after it is a reset, no 1015', () => {
    expect(verdictOf(tls('accepted new conn\ntrying SSL_accept\nSSL_accept says 0\nclose_free: caller: server socket svc fail'))).toBe('other/network_reset');
  });
  it('an error status (-1) keeps the reset inside the TLS handshake', () => {
    expect(verdictOf(tls('accepted new conn\ntrying SSL_accept\nSSL_accept says -1\nclose_free: caller: server socket svc fail'))).toBe('1015/tls_unknown');
  });
});

describe("a proxy's upstream 101 to another protocol than the request's Upgrade", () => {
  it.each([
    ['h2c for websocket', 'proxy error: backend tried to switch protocol "h2c" when "websocket" was requested'],
    ['no Upgrade at all', 'reverse proxy: upstream switched protocols "" when "websocket" was requested'],
  ])('%s → protocol_error', (_label, message) => {
    expect(verdictOf(failed(proxy, message, { handshake: { status: 502 } }))).toBe('other/protocol_error');
  });
  it('a 502 line naming no invalid answer stays unknown_failure', () => {
    expect(verdictOf(failed(proxy, 'proxy error: upstream went away', { handshake: { status: 502 } }))).toBe('other/unknown_failure');
  });
});

describe('"op" before an opcode in hex is the frame\'s opcode (RFC 6455 §5.2)', () => {
  const opened = (message: string): Partial<TelemetryEventInput> => ({ source: server, outcome: 'closed', handshake: { status: 101 }, error: { message } });
  it.each([
    ['a reserved opcode', 'ws: unknown op 0xb from peer, dropping'],
    ['one hex digit', 'frame reader: op 0x3 not supported'],
  ])('%s refused → protocol_error', (_label, message) => {
    expect(verdictOf(opened(message))).toBe('other/protocol_error');
  });
  it('"op" as an application field (a gateway\'s JSON op) is no frame word', () => {
    expect(verdictOf(opened('gateway: unknown op 7 in payload'))).not.toBe('other/protocol_error');
  });
});
