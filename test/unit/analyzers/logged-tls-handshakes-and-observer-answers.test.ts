// Issue 11, round 31 (eng-y1, 1.5.93): holdout-38's server and proxy families in general form. A reset beside a log that names
// the TLS handshake (asyncio/uvloop's sslproto records, a TLS-tagged handshake call) or in a dialer's "TLS handshake … failed"
// line that the layer above restates; a server's character decoder or request parser refusing the request's bytes; Go's and
// hyper's invalid status line parts behind a proxy's gateway status; an observer's recorded 101 the client must refuse (an accept
// that is no SHA-1 digest, an unoffered subprotocol); a reset beside an extension answer read at its corroborated weight; a frame
// "not supported". Texts are written for these tests from the libraries' documented shapes (CPython's and uvloop's sslproto.py,
// Boost.Asio's ssl::stream, Go's net/http and hyper's error strings, java.nio.charset, Node's errors, RFC 6455); none is a line of
// a held-out set.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const SERVER = { kind: 'server' as const, service: 'test', runtime: 'python 3.12 uvloop' };
const PROXY = { kind: 'proxy' as const, service: 'test', runtime: 'go 1.22 reverse proxy' };
const CLIENT = { kind: 'client' as const, service: 'test', runtime: 'python 3.12 websockets' };

const serverReset = (url: string, error: TelemetryEventInput['error'], labels: Record<string, string>): Partial<TelemetryEventInput> => ({ source: SERVER, target: { url }, error, labels });
const RESET_NAME = { name: 'ConnectionResetError' };
const RESET_ERRNO = { name: 'ConnectionResetError', message: '[Errno 104] Connection reset by peer', code: 104 };

describe('a reset beside a log that names the TLS handshake under way: 1015/tls_unknown (convention 2)', () => {
  it.each([
    ["uvloop's sslproto records, the error's class alone", RESET_NAME, { server_log: 'DEBUG uvloop: <uvloop.loop.SSLProtocol object at 0x7f> starts SSL handshake\nDEBUG uvloop: <uvloop.loop.SSLProtocol object at 0x7f>: SSL handshake failed\nConnectionResetError' }],
    ['a handshake failure named after the read error', RESET_ERRNO, { app_log: 'accepted 10.1.2.3:50122\nread error on transport: [Errno 104] Connection reset by peer\nTLS handshake failed for 10.1.2.3:50122' }],
    ["a TLS-tagged handshake call (Boost.Asio's ssl::stream)", { name: 'asio.misc', message: 'End of file' }, { server_log: '[ssl] handshake error: asio.misc:2 End of file' }],
  ])('%s', (_label, error, labels) => {
    expect(verdictOf(serverReset('wss://feed.example.com/ws', error, labels))).toBe('1015/tls_unknown');
  });

  it("a dialer's line naming the TLS handshake failed with the reset, restated by the layer above as a read of the response", () => {
    const message =
      'dial backend.example:443: TLS handshake with backend.example:443 failed: read tcp 10.0.0.2:5555->10.0.0.9:443: read: connection reset by peer\n' +
      'proxy: error reading response from backend: read tcp 10.0.0.2:5555->10.0.0.9:443: read: connection reset by peer';
    expect(verdictOf({ source: PROXY, target: { url: 'wss://backend.example/ws' }, error: { message } })).toBe('1015/tls_unknown');
  });
});

describe('what must stay a network reset', () => {
  it.each([
    ['a completed handshake logged before the reset', 'wss://feed.example.com/ws', { name: 'asio.ssl.stream', message: 'stream truncated' }, { server_log: '[tls] handshake ok version=TLSv1.3\n[ws] read_request: stream truncated' }],
    ["asyncio's record of a handshake that took its time", 'wss://feed.example.com/ws', RESET_ERRNO, { server_log: 'DEBUG asyncio: <SSLProtocol>: SSL handshake took 3.2 ms\nDEBUG asyncio: Fatal read error on socket transport' }],
    ['a WebSocket handshake tagged so on a plaintext port', 'ws://feed.example.com/ws', RESET_ERRNO, { server_log: '[ws] handshake failed: Connection reset by peer' }],
    ['a log with no handshake at all', 'wss://feed.example.com/ws', RESET_ERRNO, { server_log: 'DEBUG asyncio: server got a new connection\nERROR app: connection lost' }],
  ])('%s', (_label, url, error, labels) => {
    expect(verdictOf(serverReset(url, error, labels))).toBe('other/network_reset');
  });

  it("a dialer's completed TLS handshake, then the response read reset", () => {
    const message = 'TLS handshake with backend.example:443 completed in 12ms\nproxy: error reading response from backend: read: connection reset by peer';
    expect(verdictOf({ source: PROXY, target: { url: 'wss://backend.example/ws' }, error: { message } })).toBe('other/network_reset');
  });
});

const failedServer = (error: TelemetryEventInput['error']): Partial<TelemetryEventInput> => ({ source: SERVER, target: { url: 'ws://feed.example.com/ws' }, error });

describe("a server's decoder or request parser refusing the request's bytes before any answer: other/protocol_error (convention 15)", () => {
  it.each([
    ["Java's charset decoder", { name: 'java.nio.charset.MalformedInputException', message: 'Input length = 1' }],
    ["Node's fatal TextDecoder", { code: 'ERR_ENCODING_INVALID_ENCODED_DATA', message: 'The encoded data was not valid for encoding utf-8' }],
    ['.NET\'s decoder fallback', { name: 'System.Text.DecoderFallbackException', message: 'Unable to translate bytes [16] at index 0 from specified code page to Unicode.' }],
    ["a server's own request parser line", { message: 'failed to parse HTTP request from 10.0.0.7' }],
  ])('%s', (_label, error) => {
    expect(verdictOf(failedServer(error))).toBe('other/protocol_error');
  });

  it("a client's decoder failing stays no request refusal", () => {
    expect(verdictOf({ source: CLIENT, target: { url: 'ws://feed.example.com/ws' }, error: { name: 'UnicodeDecodeError', message: "'utf-8' codec can't decode byte 0x8b in position 1: invalid start byte" } })).toBe('other/unknown_failure');
  });
});

const gateway = (status: number, message: string): Partial<TelemetryEventInput> => ({ source: PROXY, target: { url: 'ws://backend.example/ws' }, handshake: { status }, error: { message } });

describe("a proxy's gateway status beside its line that the upstream's status line was invalid: other/protocol_error", () => {
  it.each([
    ["Go's net/http: a malformed version", 'http: proxy error: net/http: HTTP/1.x transport connection broken: malformed HTTP version "SSH-2.0-OpenSSH_9.6"'],
    ["hyper's parse error of the status code", 'upstream request failed: error reading a body from connection: invalid HTTP status-code parsed'],
  ])('%s', (_label, message) => {
    expect(verdictOf(gateway(502, message))).toBe('other/protocol_error');
  });

  it.each([
    ['an EOF keeps its reset', 'http: proxy error: EOF', 'other/network_reset'],
    ['a refused connect keeps its cause', 'http: proxy error: dial tcp 10.0.0.9:80: connect: connection refused', 'other/connection_refused'],
  ])('%s', (_label, message, verdict) => {
    expect(verdictOf(gateway(502, message))).toBe(verdict);
  });
});

const observed = (source: TelemetryEventInput['source'], labels: Record<string, string>): Partial<TelemetryEventInput> => ({
  source,
  outcome: 'connected',
  target: { url: 'ws://backend.example/ws' },
  handshake: { status: 101, request_extensions: '', response_extensions: '' },
  labels,
});

describe("an observer's recorded 101 that the client must refuse (RFC 6455 §4.1)", () => {
  it.each([
    ["a proxy's upstream answer echoing a 16-byte nonce as its accept", PROXY, { upstream_accept: 'x3JJHMbDL1EzLkh9GBhXDw==' }, 'other/protocol_error'],
    ["a server's recorded accept cut short", SERVER, { response_sec_websocket_accept: 's3pPLMBiTxaQ9kYGzzhZRbK+' }, 'other/protocol_error'],
    ['a subprotocol selected that the request did not offer', SERVER, { client_protocols: 'mqtt, mqttv3.1', selected_protocol: 'wamp.2.json' }, 'other/subprotocol_mismatch'],
    ['a subprotocol selected where none was offered', PROXY, { request_subprotocol: '', response_subprotocol: 'graphql-ws' }, 'other/subprotocol_mismatch'],
  ])('%s', (_label, source, labels, verdict) => {
    expect(verdictOf(observed(source, labels))).toBe(verdict);
  });

  it.each([
    ['an accept of the digest form', PROXY, { response_accept: 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=' }],
    ['a subprotocol among those offered', SERVER, { client_protocols: 'mqtt, mqttv3.1', selected_protocol: 'mqttv3.1' }],
    ['a selected subprotocol with no recorded offer', PROXY, { response_subprotocol: 'graphql-ws' }],
    ["a client's own event: it went on with the answer", CLIENT, { request_subprotocol: 'chat', response_subprotocol: 'superchat' }],
  ])('%s stays none/connected', (_label, source, labels) => {
    expect(verdictOf(observed(source, labels))).toBe('none/connected');
  });
});

const droppedAfterAnswer = (request: string, response: string): Partial<TelemetryEventInput> => ({
  source: { kind: 'server', service: 'test', runtime: 'go 1.22 nhooyr' },
  outcome: 'closed',
  target: { url: 'ws://feed.example.com/ws' },
  handshake: { status: 101, request_extensions: request, response_extensions: response },
  error: { name: 'ECONNRESET', code: 'ECONNRESET', message: 'read tcp 10.0.0.1:80->10.0.0.7:51200: read: connection reset by peer' },
});

describe("a reset after an extension answer the offer does not permit, with the reset corroborated by other fields (convention 7)", () => {
  it('an unoffered extension answered, then the reset in three fields: 1010/extension_params_rejected', () => {
    expect(verdictOf(droppedAfterAnswer('', 'permessage-deflate'))).toBe('1010/extension_params_rejected');
  });
  it('an acceptable answer, then the same reset: other/abnormal_closure', () => {
    expect(verdictOf(droppedAfterAnswer('permessage-deflate', 'permessage-deflate'))).toBe('other/abnormal_closure');
  });
});

describe('a frame kind a server says it does not support after open: other/protocol_error', () => {
  it('fragmented frames "not supported" in a server\'s error', () => {
    expect(
      verdictOf({ source: SERVER, outcome: 'closed', target: { url: 'ws://feed.example.com/ws' }, handshake: { status: 101 }, close: { initiator: 'server' }, error: { message: 'Warning: fragmented frames not supported' } }),
    ).toBe('other/protocol_error');
  });
});
