// Round 28 (eng-v1, 1.5.84): a refused upgrade's reason written beside its status rather than in error.message — in a log label
// (a server's or proxy's own log, a proxy's record of the upstream's raw answer) or in a label holding the answer's error page
// title or body — read as convention 17 reads it in the message; absence said with a negated verb ("not set", "was not
// provided"); a proxy's own TLS listener line beside the 400 it wrote; a server's HTTP parser refusing a request's first bytes.
// Texts are written for these tests from the wordings of libraries other than the held-out lines' (gorilla/websocket's and ws's
// refusal bodies, Tomcat's, gunicorn's and h11's parser errors, Traefik's and Caddy's Go listeners); none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const server = { kind: 'server', service: 'feed', runtime: 'go 1.22 gorilla/websocket 1.5' } as const;
const proxy = { kind: 'proxy', service: 'edge', runtime: 'traefik 3.1' } as const;
const client = { kind: 'client', service: 'feed', runtime: 'python 3.12 websockets 13' } as const;

/** A refused upgrade with `status` whose only texts are `labels`. */
const refusedWith = (labels: Record<string, string>, extra: Partial<TelemetryEventInput> = {}, status = 400): Partial<TelemetryEventInput> => ({
  target: { url: 'ws://feed.example.test/feed' },
  handshake: { status, request_extensions: 'permessage-deflate; client_max_window_bits', response_extensions: '' },
  labels,
  ...extra,
});

describe('a refusal whose reason stands in a log or answer label', () => {
  it.each([
    // gorilla/websocket server.go Upgrade: http.Error(w, "websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header", 400)
    ['gorilla body in a client-logged response_body', client, { response_body: "websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header" }, 'other/protocol_error'],
    // gorilla: "websocket: unsupported version: 13 not found in 'Sec-Websocket-Version' header"
    ['gorilla version body in a server_log', server, { server_log: "2026/01/05 10:00:01 upgrade: websocket: unsupported version: 13 not found in 'Sec-Websocket-Version' header" }, 'other/protocol_error'],
    // ws lib/websocket-server.js handleUpgrade: abortHandshake(socket, 400, 'Invalid or unacceptable Sec-WebSocket-Extensions header')
    ['ws body relayed in a proxy_log', proxy, { proxy_log: 'upstream answered: HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\nInvalid or unacceptable Sec-WebSocket-Extensions header' }, '1010/extension_params_rejected'],
    // ws: abortHandshake(socket, 400, 'Invalid Sec-WebSocket-Protocol header')
    ['ws subprotocol body in an error page title', server, { error_page_title: 'Error 400 Invalid Sec-WebSocket-Protocol header' }, 'other/subprotocol_mismatch'],
    // An extension refused without the header's name, in an answer's body.
    ['an offered extension the server could not instantiate', server, { http_response_body: 'failed to instantiate extension x-webkit-deflate-frame' }, '1010/extension_params_rejected'],
    ['an unsupported extension in the server log', server, { log: 'WARN upgrade refused: unsupported extension permessage-foo' }, '1010/extension_params_rejected'],
  ] as const)('%s', (_label, source, labels, verdict) => {
    expect(verdictOf(refusedWith(labels, { source }))).toBe(verdict);
  });

  it.each([
    ['label texts that name no header', { server_log: 'GET /feed 400 1.2ms', response_body: 'Bad Request' }],
    ['a log restating the request header as a key= field', { server_log: 'upgrade request /feed Sec-WebSocket-Extensions=[permessage-deflate; x=1] Sec-WebSocket-Protocol=null' }],
    ["a client's log of the request it sent", { client_log: 'handshake request\nGET /feed HTTP/1.1\nHost: feed.example.test:8080\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Version: 13' }],
    ["the maker's note", { note: 'upstream 400 naming Sec-WebSocket-Key (missing)' }],
    // Round 30 (eng-x2): a reason field among the answer's headers is read (answer-headers-and-late-timers.test.ts); the
    // handshake's own fields restated stay no reason.
    ['the response headers restated', { response_headers: '{"sec-websocket-version":["13"],"content-type":["text/plain"]}' }],
  ] as const)('hard negative: a 400 beside %s stays http_rejected', (_label, labels) => {
    expect(verdictOf(refusedWith(labels, { source: server }))).toBe('other/http_rejected');
  });

  it('hard negative: a 403 whose log names a header keeps its own reason', () => {
    expect(verdictOf(refusedWith({ server_log: 'refused: missing Sec-WebSocket-Key' }, { source: server }, 403))).toBe('other/http_rejected');
  });
});

describe('a request header named absent with a negated verb', () => {
  it.each([
    ['Sec-WebSocket-Key header was not provided'],
    ['request rejected: Connection header is not present'],
    ['Sec-WebSocket-Version not set in request'],
    ['handshake error: "upgrade" header not found'],
  ])('%s → protocol_error beside a 400', (message) => {
    expect(verdictOf({ source: server, target: { url: 'ws://feed.example.test/feed' }, handshake: { status: 400 }, error: { message } })).toBe('other/protocol_error');
  });

  it('hard negative: an absence naming no request header stays http_rejected', () => {
    expect(verdictOf({ source: server, target: { url: 'ws://feed.example.test/feed' }, handshake: { status: 400 }, error: { message: 'request body was not provided' } })).toBe('other/http_rejected');
  });
});

describe("a proxy's own TLS listener line beside the 400 it wrote", () => {
  // Go net/http conn.serve: "http: TLS handshake error from %s: %v" after writing "HTTP/1.0 400 Bad Request" (Traefik, Caddy).
  const listener = (message: string): Partial<TelemetryEventInput> => ({ source: proxy, target: { url: 'wss://edge.example.test/feed' }, handshake: { status: 400 }, error: { message } });

  it('a plaintext request on the TLS port is the TLS handshake that never happened', () => {
    expect(verdictOf(listener('2026/01/05 10:00:01 http: TLS handshake error from 10.0.0.3:51234: client sent an HTTP request to an HTTPS server'))).toBe('1015/tls_unknown');
  });

  it('hard negative: a proxy line about its own TLS handshake upstream does not make the 400 its listener\'s', () => {
    expect(verdictOf(listener('upstream dial: TLS handshake error: remote error: tls: handshake failure'))).not.toBe('1015/tls_unknown');
  });
});

describe("a server's HTTP parser refusing a request's first bytes", () => {
  const parserError = (message: string): Partial<TelemetryEventInput> => ({ source: { kind: 'server', service: 'feed', runtime: 'java 21 tomcat 10.1' }, target: { url: 'wss://feed.example.test/feed' }, error: { message } });

  it.each([
    // Tomcat iib.invalidmethod
    ['java.lang.IllegalArgumentException: Invalid character found in method name [0x160x030x010x020x00]. HTTP method names must be tokens'],
    // gunicorn InvalidRequestLine
    ["[2026-01-05 10:00:01 +0000] [4242] [WARNING] Invalid request from ip=10.0.0.7: Invalid HTTP request line: '\\x16\\x03\\x01\\x02\\x00'"],
    // h11 LocalProtocolError
    ['h11._util.RemoteProtocolError: illegal request line'],
    // Jetty 9's abbreviated logger name
    ['WARN:oejh.HttpParser:qtp1-17: Illegal character 0x16 in state=START for buffer HeapByteBuffer@1a2b[p=1,l=517]'],
  ])('%s → protocol_error', (message) => {
    expect(verdictOf(parserError(message))).toBe('other/protocol_error');
  });

  it.each([
    ["invalid character '<' looking for beginning of value"],
    ['Invalid character found in the request target [/feed?q={x}]. The valid characters are defined in RFC 7230 and RFC 3986'],
  ])('hard negative: %s is no refusal of the request start', (message) => {
    expect(verdictOf(parserError(message))).not.toBe('other/protocol_error');
  });
});
