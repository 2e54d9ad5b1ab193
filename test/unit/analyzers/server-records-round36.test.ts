// Round 36 (eng-d1, 1.5.108): a server's own records read by family: a TLS library's handshake entry line and the cause it logs
// (mbedTLS's debug lines, Twisted's TLS factory), a peer's hello called bad, an MQTT packet called malformed, a protocol version or a
// non-WebSocket request refused, a header list restated in a log line, a connection's log context, a clean end beside a recorded close,
// a traceback under a logger's indentation and its exception restated, a refusal logged before the connection's end, the client's MQTT
// DISCONNECT. Texts written for these tests, in other wordings and of other stacks than the misses; hard negatives that must not change.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const server = { kind: 'server', service: 'edge', runtime: 'c server 1.0' } as const;
const client = { kind: 'client', service: 'app', runtime: 'c client 1.0' } as const;
const opened = { status: 101, request_extensions: '', response_extensions: '' };

/** A listener's failed attempt with nothing recorded but its log. */
const failedWithLog = (log: string): Partial<TelemetryEventInput> => ({ source: server, outcome: 'failed', target: { url: 'wss://127.0.0.1:8883/mqtt' }, labels: { server_log: log } });
/** A server's session that opened and ended, with an error text and optional close and log. */
const endedWith = (message: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  source: server,
  outcome: 'closed',
  target: { url: 'ws://127.0.0.1:9000/ws' },
  handshake: opened,
  error: { message },
  ...extra,
});
/** A server's failed attempt before any answer, with an error text. */
const refusedWith = (message: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({ source: server, outcome: 'failed', target: { url: 'ws://127.0.0.1:9000/ws' }, error: { message }, ...extra });

describe("a TLS library's handshake entry line in a listener's log (convention 2)", () => {
  it.each([
    // ESP-IDF's mbedTLS debug callback ("mbedtls: <file>:<line> <msg>"), mbedTLS's own example callback format.
    ['mbedTLS entered its handshake, nothing after', 'I (512) mbedtls: ssl_tls.c:6705 |2| 0x3ffb: => handshake\nI (514) mbedtls: ssl_tls.c:6709 |2| 0x3ffb: <= handshake', '1015/tls_unknown'],
    ['mbedTLS states a cipher refusal in its log', 'ssl_tls.c:6705: => handshake\nssl_srv.c:1802: no shared ciphersuite with the client\nssl_tls.c:6709: <= handshake', '1015/cipher_mismatch'],
    // mbedtls_ssl_handshake_wrapup runs once the Finished messages are in: a completed handshake, nothing above it.
    ['mbedTLS wrapped its handshake up, nothing after', 'ssl_tls.c:6705: => handshake\nssl_tls.c:6531: => handshake wrapup\nssl_tls.c:6570: <= handshake wrapup', 'other/network_reset'],
  ])('%s → %s', (_label, log, verdict) => {
    expect(verdictOf(failedWithLog(log))).toBe(verdict);
  });
  it.each([
    // Hard negatives: a handshake word with no TLS library's file, an OpenSSL state name no SSL 3.0 hello.
    ['a WebSocket handshake entered (no ssl_*.c file)', 'ws.c:120: => handshake\nws.c:133: <= handshake', 'other/unknown_failure'],
    ["OpenSSL's state name 'SSLv3/TLS'", 'SSL_accept:before SSL initialization\nSSL_accept:SSLv3/TLS read client hello', '1015/tls_unknown'],
  ])('%s stays %s', (_label, log, verdict) => {
    expect(verdictOf(failedWithLog(log))).toBe(verdict);
  });
  const lost = 'connectionLost: ConnectionLost: Connection to the other side was lost in a non-clean fashion.';
  it("Twisted's TLS factory began the session, then the connection was lost → 1015/tls_unknown", () => {
    expect(verdictOf({ ...refusedWith(lost), target: { url: 'wss://127.0.0.1:9443/ws' }, labels: { server_log: '[twisted.protocols.tls.TLSMemoryBIOFactory] EchoProtocol starting on 9443 session 4\n' + lost } })).toBe('1015/tls_unknown');
  });
  it('the same after a handshake-completed line stays other/network_reset', () => {
    expect(verdictOf({ ...refusedWith(lost), target: { url: 'wss://127.0.0.1:9443/ws' }, labels: { server_log: '[twisted.protocols.tls.TLSMemoryBIOFactory] session 4\nTLS handshake completed: TLSv1.2\n' + lost } })).toBe('other/network_reset');
  });
});

describe('a peer hello called bad, an MQTT packet called malformed, a version or request refused', () => {
  it.each([
    ["mbedTLS's client on the server's hello", { source: client, error: { message: 'ssl_cli.c:1702: bad server hello message' } }, '1015/tls_unknown'],
    ['a malformed ClientHello at a listener', refusedWith('tls: malformed ClientHello from 10.0.0.3', { target: { url: 'wss://127.0.0.1:9443/ws' } }), '1015/tls_unknown'],
    ['a broker on a malformed SUBSCRIBE', endedWith('client mosq-7: malformed SUBSCRIBE, disconnecting'), 'other/protocol_error'],
    ["a server that can't support the requested protocol version", refusedWith('ws: protocol version 8 is not supported, closing'), 'other/protocol_error'],
    ['a server refusing a request that is no WebSocket request', refusedWith('rejecting non-websocket request from 10.1.1.1'), 'other/protocol_error'],
  ])('%s → %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });
  it.each([
    // Hard negatives: MQTT's bare generic reason name, a TLS alert's version words, a connect(2) error, a hello merely named.
    ['a bare "Unsupported protocol version"', { error: { message: 'Unsupported protocol version' } }, 'other/unknown_failure'],
    ['"protocol version not supported" beside a received alert 70', { tls: { alert: 70, alert_direction: 'received' as const }, error: { message: 'protocol version not supported' } }, '1015/tls_version_mismatch'],
    ["a connect(2) that failed on an argument", { error: { message: 'dial tcp 10.0.0.1:443: connect: invalid argument' } }, 'other/unknown_failure'],
    ['a packet named without a verdict', endedWith('client mosq-7: sending PUBLISH (d0, q0, r0, m3)'), 'other/abnormal_closure'],
  ])('%s stays %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });
});

describe("a log line's record of the request and of the connection (words that say where, not what)", () => {
  it('a header list restating absent fields is no subprotocol refusal', () => {
    expect(verdictOf(refusedWith('request refused; Sec-WebSocket-Protocol: null; Sec-WebSocket-Key: null; Upgrade: websocket'))).not.toBe('other/subprotocol_mismatch');
  });
  it('a subprotocol refusal in words beside the restated list still reads', () => {
    expect(verdictOf(refusedWith("could not handle WS protocol 'graphql-ws'\nrequest refused; Sec-WebSocket-Protocol: 'graphql-ws'; Sec-WebSocket-Version: '13'"))).toBe('other/subprotocol_mismatch');
  });
  it('one header field with a verdict in its value is no list: it still reads', () => {
    expect(verdictOf(refusedWith('Sec-WebSocket-Protocol: none of the offered protocols accepted'))).toBe('other/subprotocol_mismatch');
  });
  it("a Twisted connection context naming a TLS wrapper is no TLS word of the line", () => {
    expect(verdictOf(endedWith('2026-01-01 10:00:00+0000 [Echo (TLSMemoryBIOProtocol),3,10.0.0.9] message length exceeded (70000 > max 65536), dropping connection', { target: { url: 'wss://127.0.0.1:9443/ws' } }))).toBe('other/message_too_big');
  });
});

describe('a clean end beside a recorded close; an exception restated as the reason the connection was lost', () => {
  const clean = 'connectionLost: ConnectionDone: Connection was closed cleanly.';
  it.each([
    ['an application code with a routine reason', endedWith(clean, { close: { code: 4002, reason: 'session over', initiator: 'client', on_wire: true } }), 'none/normal_closure'],
    ['an application code with credentials refused', endedWith(clean, { close: { code: 4001, reason: 'Unauthorized', initiator: 'client', on_wire: true } }), 'other/http_auth_rejected'],
    ['the server named as closing, no code', endedWith(clean, { close: { initiator: 'server' } }), 'none/normal_closure'],
    ['a reason naming reserved bits in a draft frame', endedWith(clean, { close: { initiator: 'server', reason: 'reserved bits set in hybi-10 frame' } }), 'other/protocol_error'],
  ])('%s → %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });
  it.each([
    // Hard negatives: no close recorded after open (convention 3), before any upgrade (convention 2), a non-clean loss.
    ['no close recorded after open', endedWith(clean), 'other/abnormal_closure'],
    ['before any upgrade', refusedWith(clean), 'other/network_reset'],
    ['a non-clean loss beside an application code', endedWith('connectionLost: ConnectionLost: Connection to the other side was lost in a non-clean fashion.'), 'other/abnormal_closure'],
  ])('%s stays %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });
  const traceback = (raised: string): string => `Unhandled Error\n\tTraceback (most recent call last):\n\t  File "app.py", line 3, in onMessage\n\t    handle(payload)\n\t${raised}\nconnection lost: ${raised.slice(raised.indexOf(': ') + 2)}`;
  it("an application's exception under a tab-indented traceback, restated as the loss's reason → other/server_error", () => {
    expect(verdictOf(endedWith(traceback('builtins.ValueError: bad input payload from peer')))).toBe('other/server_error');
  });
  it('an I/O exception there stays the drop it names', () => {
    expect(verdictOf(endedWith(traceback('builtins.ConnectionResetError: [Errno 104] Connection reset by peer')))).toBe('other/abnormal_closure');
  });
});

describe("a server's refusal before the connection's end; the client's MQTT DISCONNECT", () => {
  it('a subprotocol refusal logged before the loss → other/subprotocol_mismatch', () => {
    expect(verdictOf(refusedWith("refused subprotocol 'stomp.v9': not supported\nconnectionLost: ConnectionLost: Connection to the other side was lost in a non-clean fashion."))).toBe('other/subprotocol_mismatch');
  });
  it('a reset logged before the refusal stays other/network_reset', () => {
    expect(verdictOf(refusedWith("read: Connection reset by peer\nrefused subprotocol 'stomp.v9': not supported"))).toBe('other/network_reset');
  });
  const session = (log: string): Partial<TelemetryEventInput> => ({ source: server, outcome: 'closed', target: { url: 'wss://127.0.0.1:8883/mqtt' }, handshake: opened, error: { message: 'client c1 went offline' }, labels: { server_log: log } });
  it.each([
    ["mosquitto's named record of DISCONNECT", 'Received CONNECT from c1\nReceived PUBLISH from c1 (d0, q0, r0, m0)\nReceived DISCONNECT from c1', 'none/normal_closure'],
    ["NNG's dump of a DISCONNECT's fixed header", 'recv_cb got 17 msg: 0x55aa10 10 17\nrecv_cb got 2 msg: 0x55aa40 e0 2', 'none/normal_closure'],
  ])('%s → %s', (_label, log, verdict) => {
    expect(verdictOf(session(log))).toBe(verdict);
  });
  it.each([
    ['a socket error after the DISCONNECT', 'Received DISCONNECT from c1\nSocket error on client c1, disconnecting'],
    ['a PINGREQ as the last packet', 'Received DISCONNECT from c0\nReceived PINGREQ from c1'],
    ["NNG's dump of a PUBLISH as the last packet", 'recv_cb got 2 msg: 0x55aa40 e0 2\nrecv_cb got 30 msg: 0x55aa90 30 30'],
  ])('%s stays other/abnormal_closure', (_label, log) => {
    expect(verdictOf(session(log))).toBe('other/abnormal_closure');
  });
});
