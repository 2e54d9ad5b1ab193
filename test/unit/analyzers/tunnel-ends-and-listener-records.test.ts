// Issue 11, round 38 (eng-f2, 1.5.115): families in general form. A tunnel whose far end failed the connection its session carried
// (convention 9's dial failures, a credential refused); a proxy's error that only restates its gateway status beside its own log's
// upstream failure (convention 9); a server naming the only subprotocols it speaks, and a request "status line" refused, in a 400
// (convention 10); the TLS server's own log beside a dialer's causeless alert; a TLS listener's record of plaintext beside the
// dialer's unread answer (convention 4); a handshake line naming its negotiated suite; a listener's "closed by client" (convention 2);
// a 1010 reason naming a parameter's value refused; a 400's extension refusal above its restated status. Texts are written for these
// tests in the shapes the cited sources print (names and values changed); none is a line of a held-out set.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const proxy = { kind: 'proxy', service: 'test', runtime: 'tunnel 1.0' } as const;
const server = { kind: 'server', service: 'test', runtime: 'server 1.0' } as const;
const client = { kind: 'client', service: 'test', runtime: 'client 1.0' } as const;

describe("a tunnel's session that opened and ended with no close code, its far end's log stating the inner connection's failure", () => {
  const closedTunnel = (log: string): Partial<TelemetryEventInput> => ({ source: proxy, outcome: 'closed', target: { url: 'wss://tunnel.example.com/ws' }, labels: { server_log: log } });
  it.each([
    ['a refused dial (Go net)', 'relay: dial tcp 10.1.2.3:8443: connect: connection refused', 'other/connection_refused'],
    ['a refused dial (errno name)', 'outbound connect to 10.1.2.3:22 failed: ECONNREFUSED', 'other/connection_refused'],
    ['an unresolvable target (Go net)', 'dial tcp: lookup db.internal.invalid: no such host', 'other/dns_failure'],
    ['an unresolvable target (getaddrinfo)', 'resolve backend.invalid: Name or service not known', 'other/dns_failure'],
    ['a password refused', 'handshake from 10.0.0.3:50122 rejected: invalid password', 'other/http_auth_rejected'],
    ['a SHA-224 password hash refused', 'peer 10.0.0.3 sent unknown hash: 0f2d6c1b9a8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928', 'other/http_auth_rejected'],
  ])('%s', (_label, log, verdict) => {
    expect(verdictOf(closedTunnel(log))).toBe(verdict);
  });

  it.each([
    ['an idle tunnel closed', 'tunnel idle for 300s, closing', 'other/abnormal_closure'],
    ['a checksum called an invalid hash (no digest)', 'frame 12: invalid hash: checksum mismatch', 'other/abnormal_closure'],
    ['a reset logged at teardown', 'relay ends: read tcp 10.0.0.1:443: connection reset by peer', 'other/abnormal_closure'],
  ])('hard negative: %s stays a drop', (_label, log, verdict) => {
    expect(verdictOf(closedTunnel(log))).toBe(verdict);
  });
});

describe("a proxy's error that only restates its gateway status, beside its own log's upstream failure (convention 9)", () => {
  const gateway = (message: string, log: string): Partial<TelemetryEventInput> => ({
    source: proxy,
    target: { url: 'ws://api.example.com/socket' },
    handshake: { status: 502 },
    error: { message },
    labels: { proxy_log: log },
  });
  it.each([
    ['a refused upstream', 'CONNECT tunnel failed, response 502', 'upstream 10.0.0.5:8080: connect() failed (111: Connection refused)', 'other/connection_refused'],
    ['an unresolvable upstream', 'gateway answered HTTP 502', 'getaddrinfo ENOTFOUND backend.invalid', 'other/dns_failure'],
  ])('%s', (_label, message, log, verdict) => {
    expect(verdictOf(gateway(message, log))).toBe(verdict);
  });

  it.each([
    ['a log naming no failure', 'CONNECT tunnel failed, response 502', 'accepted 127.0.0.1:40000; CONNECT api.example.com:80'],
  ])('hard negative: %s stays http_rejected', (_label, message, log) => {
    expect(verdictOf(gateway(message, log))).toBe('other/http_rejected');
  });
});

describe('a 400 whose server names the only subprotocols it speaks, or refuses the request line as its "status line" (convention 10)', () => {
  const refused = (message: string): Partial<TelemetryEventInput> => ({ source: server, target: { url: 'ws://api.example.com/' }, handshake: { status: 400 }, error: { message } });
  it.each([
    ['"only supports"', 'handshake refused: this endpoint only supports subprotocols graphql-ws, graphql-transport-ws', 'other/subprotocol_mismatch'],
    ['"only accepts"', 'Bad Request: server only accepts the sub-protocol mqttv3.1', 'other/subprotocol_mismatch'],
    ['a request "status line"', "handshake failed: invalid HTTP request status line 'PRI * HTTP/2.0'", 'other/protocol_error'],
  ])('%s', (_label, message, verdict) => {
    expect(verdictOf(refused(message))).toBe(verdict);
  });

  it.each([
    ['only an HTTP version', 'this server only supports HTTP/1.1 upgrades'],
    ['only a format, no subprotocol', 'Bad Request: only speaks JSON'],
  ])('hard negative: %s stays http_rejected', (_label, message) => {
    expect(verdictOf(refused(message))).toBe('other/http_rejected');
  });
});

describe("the TLS server's own log beside a dialer's alert that names no cause", () => {
  const alerted = (log: string): Partial<TelemetryEventInput> => ({ source: client, target: { url: 'wss://api.example.com/' }, error: { message: 'remote error: tls: internal error' }, labels: { server_log: log } });
  it('a server that says the SNI matched none of its names: hostname_mismatch', () => {
    expect(verdictOf(alerted('tls: accept failed | sni mismatch: asked for www.example.org, serving api.example.com'))).toBe('1015/hostname_mismatch');
  });
  it('hard negative: a server log naming no cause stays tls_unknown', () => {
    expect(verdictOf(alerted('http: TLS handshake error from 10.0.0.2:51234: EOF'))).toBe('1015/tls_unknown');
  });
});

describe("a TLS listener's record that a connection's first bytes were plaintext, beside the dialer's unread answer (convention 4)", () => {
  const unread = (log: string): Partial<TelemetryEventInput> => ({ source: proxy, target: { url: 'ws://api.example.com/' }, error: { message: 'connection closed while reading HTTP status line' }, labels: { proxy_log: log } });
  it.each([
    ['OpenSSL http request', 'ssl.SSLError: [SSL: HTTP_REQUEST] http request (_ssl.c:1000)'],
    ['Go first record', 'listener: tls: first record does not look like a TLS handshake'],
  ])('%s: tls_unknown', (_label, log) => {
    expect(verdictOf(unread(log))).toBe('1015/tls_unknown');
  });
  it('hard negative: a log without a TLS record stays a reset', () => {
    expect(verdictOf(unread('accepted 127.0.0.1:40000'))).toBe('other/network_reset');
  });
});

describe('a handshake line naming the negotiated cipher suite: the TLS handshake was over (convention 2)', () => {
  const eof = (log: string): Partial<TelemetryEventInput> => ({ source: server, target: { url: 'wss://api.example.com/' }, error: { message: 'read header: EOF' }, labels: { server_log: log } });
  it('an EOF after "tls handshake TLS_CHACHA20_POLY1305_SHA256": network_reset', () => {
    expect(verdictOf(eof('conn 10.0.0.2 accepted\ntls handshake TLS_CHACHA20_POLY1305_SHA256 resumed=false'))).toBe('other/network_reset');
  });
  it('hard negative: an EOF after a handshake line naming no suite stays tls_unknown', () => {
    expect(verdictOf(eof('conn 10.0.0.2 accepted\ntls handshake started'))).toBe('1015/tls_unknown');
  });
});

describe("a proxy listener's own log that its client closed the connection (convention 2)", () => {
  const quiet = (log: string): Partial<TelemetryEventInput> => ({ source: proxy, target: { url: 'wss://api.example.com/' }, labels: { proxy_log: log } });
  it('"Connection closed by client": network_reset', () => {
    expect(verdictOf(quiet('accepted from 10.0.0.9:5000\nConnection closed by client 10.0.0.9:5000'))).toBe('other/network_reset');
  });
  it('hard negative: a proxy log of its upstream ("closed by remote") stays without a cause', () => {
    expect(verdictOf(quiet('accepted from 10.0.0.9:5000\nconnection closed by remote 10.1.1.1:443'))).toBe('other/unknown_failure');
  });
});

describe("a client's 1010 whose reason refuses a parameter's value, and a 400's extension refusal over its restated status", () => {
  const closed1010 = (reason: string): Partial<TelemetryEventInput> => ({
    source: client,
    outcome: 'closed',
    target: { url: 'ws://api.example.com/' },
    handshake: { status: 101, request_extensions: 'permessage-deflate', response_extensions: 'permessage-deflate; server_max_window_bits=9' },
    close: { code: 1010, initiator: 'client', reason, on_wire: true },
  });
  it.each([
    ['a value out of range', 'server_max_window_bits=9 out of range'],
    ['a value not acceptable', 'permessage-deflate: s...w_bits=9 not acceptable'],
  ])('%s: extension_params_rejected', (_label, reason) => {
    expect(verdictOf(closed1010(reason))).toBe('1010/extension_params_rejected');
  });
  it('hard negative: an extension required and not answered stays extension_not_negotiated', () => {
    expect(verdictOf({ ...closed1010('permessage-deflate required'), handshake: { status: 101, request_extensions: 'permessage-deflate', response_extensions: '' } })).toBe('1010/extension_not_negotiated');
  });
  it('a 400 restated in the message and the error name, whose answer names the extension header: extension_params_rejected', () => {
    expect(
      verdictOf({
        source: client,
        target: { url: 'ws://api.example.com/' },
        handshake: { status: 400, request_extensions: 'permessage-deflate; client_max_window_bits' },
        error: { name: 'InvalidStatus', message: 'server rejected WebSocket connection: HTTP 400' },
        labels: { response_body: 'Sec-WebSocket-Extensions: unsupported parameter' },
      }),
    ).toBe('1010/extension_params_rejected');
  });
});
