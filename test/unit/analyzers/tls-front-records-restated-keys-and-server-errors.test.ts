// Issue 11, round 30 (eng-x1, 1.5.90): holdout-37's server and proxy families in general form. A reset in a TLS server's record
// of its front's pre-handshake error (Node's tlsClientError in a log, an HTTPS server's client error raised in _tls_wrap's
// onSocketClose) or in a proxy's second TLS leg; a key= field whose key names a WebSocket header restates it; a 400 whose reason is
// the server's request parser; a server's own timeout exception beside its 1001; zlib's data errors; an unresponsive peer
// terminated; an application code beside the server's own exception. Texts are written for these tests from the libraries'
// documented shapes (Node's tls/https docs and lib/_tls_wrap.js, rustls' debug lines, Jetty's HttpTokens, zlib's inflate.c,
// ws' heartbeat example); none is a line of a held-out set.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const SERVER = { kind: 'server' as const, service: 'test', runtime: 'node 20' };
const PROXY = { kind: 'proxy' as const, service: 'test', runtime: 'rust proxy' };
const reset = (url: string, labels: Record<string, string>, message = 'read ECONNRESET'): Partial<TelemetryEventInput> => ({
  source: SERVER,
  target: { url },
  error: { code: 'ECONNRESET', message },
  labels,
});
const TLS_WRAP_STACK = 'Error: socket hang up\n    at TLSSocket.onSocketClose (node:_tls_wrap:1249:23)\n    at TLSSocket.emit (node:events:519:28)';

describe("a reset in a TLS server's record of its front's error before the secure connection: 1015/tls_unknown", () => {
  it.each([
    ["Node's tlsClientError event logged as a word", { server_log: 'WARN gateway tlsClientError peer=10.0.0.5 code=ECONNRESET' }],
    ['a TLS client error in prose', { log: '[tls] TLS client error from 10.0.0.5: read ECONNRESET' }],
    ["a TLS acceptor's failure", { server_log: 'ERROR tls accept error: Connection reset by peer' }],
    ["an HTTPS server's client error raised in _tls_wrap's onSocketClose", { server_log: `https client error (ECONNRESET)\n${TLS_WRAP_STACK}` }],
  ])('%s', (_label, labels) => {
    expect(verdictOf(reset('wss://api.example.com/socket', labels))).toBe('1015/tls_unknown');
  });
});

describe('what must stay a network reset', () => {
  it.each([
    ["an HTTP server's plain clientError", 'wss://api.example.com/socket', { server_log: 'WARN http clientError code=ECONNRESET message=read ECONNRESET' }],
    ['the TLS front record on a plaintext server', 'ws://api.example.com/socket', { server_log: 'WARN tlsClientError code=ECONNRESET' }],
    ["_tls_wrap's frame with no record of the front's error", 'wss://api.example.com/socket', { server_log: TLS_WRAP_STACK }],
    ["an HTTPS server's client error with no _tls_wrap frame (a reset after the handshake)", 'wss://api.example.com/socket', { server_log: 'https client error: read ECONNRESET\n    at TCP.onStreamRead (node:internal/stream_base_commons:217:20)' }],
    ['the record, then the request read over the secure connection', 'wss://api.example.com/socket', { server_log: 'tlsClientError ignored (probe)\nGET /socket HTTP/1.1 received from 10.0.0.5' }],
  ])('%s', (_label, url, labels) => {
    expect(verdictOf(reset(url, labels))).toBe('other/network_reset');
  });
});

// A proxy's two legs as rustls logs them: the client's handshake (server side), its request, then the upstream leg's own.
const CLIENT_LEG = 'DEBUG rustls::server::hs: decided upon suite TLS13_AES_128_GCM_SHA256\nINFO edge: CONNECT then GET https://backend.example:8443/ws HTTP/1.1';
const upstreamReset = (log: string): Partial<TelemetryEventInput> => ({
  source: PROXY,
  target: { url: 'wss://backend.example:8443/ws' },
  error: { message: 'upstream io error: Connection reset by peer (os error 104)' },
  labels: { proxy_log: log },
});

describe("a proxy's second TLS leg in rustls' lines", () => {
  it('the upstream handshake begun and nothing after: 1015/tls_unknown', () => {
    expect(verdictOf(upstreamReset(`${CLIENT_LEG}\nDEBUG rustls::client::hs: No cached session for DnsName("backend.example")\nDEBUG rustls::client::hs: Not resuming any session`))).toBe('1015/tls_unknown');
  });
  it.each([
    ['the upstream connection then opened', `${CLIENT_LEG}\nDEBUG rustls::client::hs: Not resuming any session\nDEBUG edge::pool: connection established to backend.example:8443`],
    ['a PSK-resumed upstream handshake whose server flight came', `${CLIENT_LEG}\nDEBUG rustls::client::hs: Resuming session\nDEBUG rustls::client::tls13: Resuming using PSK\nDEBUG rustls::client::tls13: TLS1.3 encrypted extensions: []`],
    ['only the client leg, done, then the reset', CLIENT_LEG],
  ])('%s: other/network_reset', (_label, log) => {
    expect(verdictOf(upstreamReset(log))).toBe('other/network_reset');
  });
});

const refused400 = (message: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  source: { kind: 'proxy', service: 'test', runtime: 'node proxy' },
  target: { url: 'ws://edge.example.com/live' },
  handshake: { status: 400, request_extensions: 'permessage-deflate; client_max_window_bits' },
  error: { message },
  ...extra,
});

describe("a key= field whose key names a WebSocket header restates it: a 400 beside it stays http_rejected", () => {
  it.each([
    ['a qualified extensions key', 'upstream 400 client.extensions="permessage-deflate; client_max_window_bits" hook error: invalid argument'],
    ['a negotiated_ext key', 'backend answered 400 negotiated_ext="" callback failed: bad argument'],
  ])('%s', (_label, message) => {
    expect(verdictOf(refused400(message))).toBe('other/http_rejected');
  });
  it('a refusal of the offer in words stays 1010', () => {
    expect(verdictOf(refused400('upstream 400: invalid extension parameter client_max_window_bits'))).toMatch(/^1010\//);
  });
});

const server400 = (message: string): Partial<TelemetryEventInput> => ({ source: SERVER, target: { url: 'ws://api.example.com/socket' }, handshake: { status: 400 }, error: { message } });

describe("a 400 whose reason is the server's request parser: protocol_error", () => {
  it.each([
    ["Jetty's page, a non-ASCII byte", '<h2>HTTP ERROR 400 Illegal character OTEXT=0xe2</h2>'],
    ["Tomcat's invalid method", 'HTTP Status 400 – Bad Request: Invalid character found in method name [0x160x030x01]. HTTP method names must be tokens'],
  ])('%s', (_label, message) => {
    expect(verdictOf(server400(message))).toBe('other/protocol_error');
  });
  it.each([
    ['a plain 400', 'Bad Request'],
    ['a character in the target, not the request line', 'HTTP Status 400 – Invalid character found in the request target'],
  ])('%s stays http_rejected', (_label, message) => {
    expect(verdictOf(server400(message))).toBe('other/http_rejected');
  });
});

const serverClose = (close: NonNullable<TelemetryEventInput['close']>, error?: TelemetryEventInput['error'], labels?: Record<string, string>): Partial<TelemetryEventInput> => ({
  source: SERVER,
  target: { url: 'ws://api.example.com/socket' },
  outcome: 'closed',
  handshake: { status: 101 },
  close,
  ...(error ? { error } : {}),
  ...(labels ? { labels } : {}),
});

describe("a server's own timeout exception beside the 1001 it sent: network_timeout", () => {
  it.each([
    ["Java's SocketTimeoutException", { name: 'java.net.SocketTimeoutException', message: 'Read timed out' }],
    ["Python's TimeoutError", { name: 'TimeoutError', message: 'keepalive ping timeout' }],
  ])('%s', (_label, error) => {
    expect(verdictOf(serverClose({ code: 1001, initiator: 'server', reason: 'Going Away' }, error))).toBe('other/network_timeout');
  });
  it.each([
    ["a Close frame's idle reason alone", serverClose({ code: 1001, initiator: 'server', reason: 'Connection Idle Timeout', on_wire: true })],
    ['the client named as closing', serverClose({ code: 1001, initiator: 'client' }, { name: 'java.util.concurrent.TimeoutException', message: 'Idle timeout expired' })],
  ])('%s stays going_away', (_label, overrides) => {
    expect(verdictOf(overrides)).toBe('none/going_away');
  });
});

describe("zlib's data errors: a compressed payload that broke the protocol", () => {
  it.each([
    ["Node's zlib code beside a made-up 1006", serverClose({ code: 1006, on_wire: false }, { code: 'Z_DATA_ERROR', message: 'invalid stored block lengths' })],
    ["Python's zlib.error", serverClose({ code: 1006, on_wire: false }, { name: 'zlib.error', message: 'Error -3 while decompressing data: invalid distance too far back' })],
  ])('%s: protocol_error', (_label, overrides) => {
    expect(verdictOf(overrides)).toBe('other/protocol_error');
  });
});

describe("a server's keepalive terminating an unresponsive peer before a made-up 1006: network_timeout", () => {
  it('the heartbeat line', () => {
    expect(verdictOf(serverClose({ code: 1006, on_wire: false }, undefined, { server_log: 'heartbeat: terminating unresponsive peer 10.0.0.5\nsession closed code=1006' }))).toBe('other/network_timeout');
  });
  it('a peer that disconnected stays abnormal_closure', () => {
    expect(verdictOf(serverClose({ code: 1006, on_wire: false }, undefined, { server_log: 'peer 10.0.0.5 disconnected\nsession closed code=1006' }))).toBe('other/abnormal_closure');
  });
});

describe("an application code beside the server's own exception is read by the exception", () => {
  it.each([
    ['its handler threw: server_error', { message: 'RoomError: onMessage handler threw' }, 'other/server_error'],
    ['a failure without a cause: unknown_failure', { message: 'MatchError: ticket was not accepted' }, 'other/unknown_failure'],
  ])('%s', (_label, error, verdict) => {
    expect(verdictOf(serverClose({ code: 4003, initiator: 'server' }, error))).toBe(verdict);
  });
  it.each([
    ['no error', serverClose({ code: 4000, initiator: 'server' })],
    ['a reason of its own', serverClose({ code: 4000, initiator: 'server', reason: 'consented leave' }, { message: 'Error: room disposed' })],
  ])('%s stays a clean close', (_label, overrides) => {
    expect(verdictOf(overrides)).toBe('none/normal_closure');
  });
});
