// Round 9 (holdout-16's proxy and auth families in general form, 1.5.30): a gateway status a proxy's access-log line states
// weighs below the upstream failure its own lines state; Go's "context canceled" names no cause; credentials refused in a
// proxy's words beside a 403; a reset under a TLS library's error type; an upgrade answer named as never come. Texts are
// written for these tests in the shapes the cited sources print (Go net/http/httputil.ReverseProxy's default ErrorHandler
// "http: proxy error: %v", combined log format, rust-native-tls' Error, Python's ssl exceptions); none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const proxy = { kind: 'proxy', service: 'edge', runtime: 'go1.22 reverse proxy' } as const;
const accessLine = (status: number): string => `10.0.0.7 - - [03/Dec/2026:10:00:00 +0000] "GET /ws HTTP/1.1" ${status} 0 "-" "-" 12`;
const proxyLines = (status: number, errorLine: string): Partial<TelemetryEventInput> => ({ source: proxy, error: { message: `${accessLine(status)}\n${errorLine}` } });

describe('a proxy\'s status caused by its upstream\'s failure: the upstream failure its lines state decides', () => {
  it.each([
    ['a reset (ReverseProxy)', 502, 'http: proxy error: read tcp 10.0.0.2:41234->10.0.0.9:8443: read: connection reset by peer', 'other/network_reset'],
    ['a bare EOF (ReverseProxy)', 502, '2026/12/03 10:00:00 http: proxy error: EOF', 'other/network_reset'],
    ['a refused connect to the backend', 503, 'level=error msg="Error connecting to backend: dial tcp 10.1.1.1:9000: connect: connection refused"', 'other/connection_refused'],
    ['an answer that broke off, under a proxy\'s 500', 500, 'level=error msg="Error reading response from backend: unexpected EOF"', 'other/network_reset'],
    ['a resolver failure', 502, 'http: proxy error: dial tcp: lookup api.internal on 10.0.0.2:53: no such host', 'other/dns_failure'],
    ['a timeout', 504, 'http: proxy error: dial tcp 10.0.0.9:8443: i/o timeout', 'other/network_timeout'],
  ] as const)('%s beside an access-log %i', (_label, status, errorLine, expected) => {
    expect(verdictOf(proxyLines(status, errorLine))).toBe(expected);
  });

  it('Go\'s "context canceled" beside a gateway status names no cause: unknown_failure, not the status', () => {
    expect(verdictOf(proxyLines(502, 'http: proxy error: context canceled'))).toBe('other/unknown_failure');
    expect(verdictOf({ source: proxy, error: { message: 'http: proxy error: context canceled' }, handshake: { status: 502 } })).toBe('other/unknown_failure');
  });

  it.each([403, 404, 401])('a plain %i the proxy or origin answered, with no upstream error line, keeps its status', (status) => {
    expect(verdictOf({ source: proxy, error: { message: accessLine(status) } })).toBe(status === 401 ? 'other/http_auth_rejected' : 'other/http_rejected');
  });

  it('an access-log 502 with nothing else stays http_rejected', () => {
    expect(verdictOf({ source: proxy, error: { message: accessLine(502) } })).toBe('other/http_rejected');
  });

  it('a client\'s 502 from a server it reached directly stays that server\'s answer, beside a drop in its texts', () => {
    expect(verdictOf({ error: { message: 'server denied connection with: 502 Bad Gateway; handshake reply incomplete' } })).toBe('other/http_rejected');
  });

  it('lines that name the upstream read as the gateway\'s side, from any source', () => {
    expect(verdictOf({ error: { message: 'upgrade failed: status 502\nupstream: connection reset by peer' } })).toBe('other/network_reset');
  });

  it('within one access-log line the proxy\'s own flags decide, not a reset word in them (Envoy UF: refused or TLS alike)', () => {
    const envoy = '[2026-12-03T04:00:00.000Z] "GET /ws HTTP/1.1" 503 UF upstream_reset_before_response_started{connection_failure} - "-" 0 91 2 - "-" "client" "7c1f" "example.com" "10.0.0.2:8080"';
    expect(verdictOf({ source: proxy, error: { message: envoy } })).toBe('other/http_rejected');
  });
});

describe('credentials refused in a proxy\'s words beside a 403 (RFC 9110 §15.5.4)', () => {
  it.each([
    ['no valid credentials', 'auth: no valid credentials in request, access denied'],
    ['a login the proxy starts', 'session cookie absent. Initiating login.'],
    ['a login it requires', 'login required for /ws'],
    ['not logged in', 'user is not logged in'],
    ['authentication missing', 'request rejected: authentication missing'],
  ] as const)('%s with a 403 status field → http_auth_rejected', (_label, message) => {
    expect(verdictOf({ error: { message }, handshake: { status: 403 } })).toBe('other/http_auth_rejected');
  });

  it('the words beside a 403 an access-log line states', () => {
    expect(verdictOf({ source: proxy, error: { message: `No valid authentication in request. Access Denied.\n${accessLine(403)}` } })).toBe('other/http_auth_rejected');
  });

  it('the words with nothing else', () => {
    expect(verdictOf({ error: { message: 'no valid session token; initiating login' } })).toBe('other/http_auth_rejected');
  });

  it('a 403 with no credential words stays http_rejected', () => {
    expect(verdictOf({ error: { message: 'Forbidden: origin not allowed' }, handshake: { status: 403 } })).toBe('other/http_rejected');
  });

  it('a 401 keeps its own rule', () => {
    expect(verdictOf({ error: { message: 'No valid authentication in request' }, handshake: { status: 401 } })).toBe('other/http_auth_rejected');
  });

  it('a TLS text with "no valid session" is no credential refusal', () => {
    expect(verdictOf({ error: { message: 'TLS resumption: no valid session ticket' } })).not.toBe('other/http_auth_rejected');
  });
});

describe('a reset under a TLS library\'s error type is the TLS handshake\'s (reset/EOF convention)', () => {
  it.each([
    ['native_tls::Error', 'Connection reset by peer (os error 104)'],
    ['rustls::Error', 'unexpected end of file'],
    ['openssl::ssl::Error', 'broken pipe (os error 32)'],
    ['ssl.SSLError', '[Errno 104] Connection reset by peer'],
    ['javax.net.ssl.SSLException', 'Connection reset'],
  ] as const)('%s: %s → 1015/tls_unknown', (name, message) => {
    expect(verdictOf({ error: { name, message } })).toBe('1015/tls_unknown');
  });

  it('not when the text places it after the handshake (reading the upgrade\'s answer)', () => {
    expect(verdictOf({ error: { name: 'native_tls::Error', message: 'error reading the upgrade response: connection reset by peer' } })).toBe('other/network_reset');
  });

  it('not under a type that is no TLS library\'s', () => {
    expect(verdictOf({ error: { name: 'std::io::Error', message: 'Connection reset by peer (os error 104)' } })).toBe('other/network_reset');
  });

  it('aiohttp\'s ssl:<ssl.SSLContext …> in the message is no error type: the reset stays a reset', () => {
    const message = 'Cannot connect to host api.example.com:443 ssl:<ssl.SSLContext object at 0x7f2c> [Connection reset by peer]';
    expect(verdictOf({ error: { name: 'aiohttp.client_exceptions.ClientConnectorError', message } })).toBe('other/network_reset');
  });

  it('not on ws://, and not once the connection opened', () => {
    expect(verdictOf({ target: { url: 'ws://api.example.com/socket' }, error: { name: 'native_tls::Error', message: 'Connection reset by peer' } })).toBe('other/network_reset');
    expect(verdictOf({ outcome: 'closed', handshake: { status: 101 }, error: { name: 'native_tls::Error', message: 'Connection reset by peer' } })).toBe('other/abnormal_closure');
  });
});

describe('an upgrade answer named as never come', () => {
  it.each([
    ['no HTTP upgrade response', 'other/network_reset'],
    ['handshake: no reply from the websocket server', 'other/network_reset'],
    ['ws client: got no upgrade answer from peer', 'other/network_reset'],
    ['no upgrade response within 5s', 'other/network_timeout'],
    ['no HTTP response: timed out', 'other/network_timeout'],
    ['response is not valid HTTP', 'other/protocol_error'],
    ["Sent non-empty 'Sec-WebSocket-Protocol' header but no response was received", 'other/subprotocol_mismatch'],
  ] as const)('%s → %s', (message, expected) => {
    expect(verdictOf({ target: { url: 'ws://api.example.com/socket' }, error: { message } })).toBe(expected);
  });

  it('a status stated beside it decides', () => {
    expect(verdictOf({ target: { url: 'ws://api.example.com/socket' }, error: { message: 'no upgrade response' }, handshake: { status: 404 } })).toBe('other/http_rejected');
  });
});
