// Issue 11, round 28 (eng-v2, 1.5.85): holdout-35's client and server families in general form. A reset or EOF whose text names
// no TLS but whose event's own log shows a TLS library's handshake under way and never completed; rustls' corrupt-message family
// in every release; a key said not to match; a server's error record that names its transport, or a connection found closed.
// Texts are written for these tests from the libraries' documented shapes (OpenSSL's info callback, GnuTLS's and JSSE's debug
// logs, rustls 0.20's Display and Debug, gunicorn's and Spring's records); none is a line of a held-out set.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const OPENSSL_STATE = 'SSL_connect:before SSL initialization\nSSL_connect:SSLv3/TLS write client hello';
const GNUTLS_DEBUG = '|<4>| HSK[0x55d0c2a8]: CLIENT HELLO was queued [246 bytes]\n|<3>| ASSERT: buffers.c[_gnutls_io_read_buffered]:589';
const JSSE_DEBUG = 'javax.net.ssl|DEBUG|01|main|2025-06-01 12:00:00.001 UTC|ClientHello.java:641|Produced ClientHello handshake message';
const RUSTLS_SERVER = '2025-06-01T12:00:00.001Z DEBUG rustls::server::hs: decided upon suite TLS13_AES_128_GCM_SHA256';

const withLog = (message: string, log: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  error: { message },
  labels: { client_log: log },
  ...extra,
});

describe("a reset or EOF inside a TLS handshake that the event's own log shows: 1015/tls_unknown", () => {
  it.each([
    ["OpenSSL's info-callback states, then a reset", 'read: Connection reset by peer', OPENSSL_STATE],
    ["GnuTLS's handshake debug, then an EOF", 'connection closed: unexpected end of file', GNUTLS_DEBUG],
    ["JSSE's ClientHello produced, then a reset", 'java.net.SocketException: Connection reset', JSSE_DEBUG],
  ])('%s', (_label, message, log) => {
    expect(verdictOf(withLog(message, log))).toBe('1015/tls_unknown');
  });

  it("a server's own log label with rustls' server handshake state", () => {
    expect(verdictOf({ source: { kind: 'server', service: 'test', runtime: 'rust' }, error: { message: 'Connection reset by peer (os error 104)' }, labels: { log: RUSTLS_SERVER } })).toBe('1015/tls_unknown');
  });
});

describe('what the log rule must not change', () => {
  it.each([
    ['the log shows the handshake completed', `${OPENSSL_STATE}\nTLS handshake completed`],
    ['the log shows the upgrade request written', `${JSSE_DEBUG}\nGET /socket HTTP/1.1\nHost: api.example.com`],
    ["asyncio's record of a completed handshake", `${GNUTLS_DEBUG}\nSSL handshake took 2.1 ms`],
    ['a log with no TLS step', 'connecting to api.example.com:443\nresolved 192.0.2.7'],
  ])('%s: the reset stays network_reset', (_label, log) => {
    expect(verdictOf(withLog('Connection reset by peer', log))).toBe('other/network_reset');
  });

  it('a TLS step in a free label (note) is no log', () => {
    expect(verdictOf({ error: { message: 'Connection reset by peer' }, labels: { note: OPENSSL_STATE } })).toBe('other/network_reset');
  });

  it('on ws:// the rule does not apply', () => {
    expect(verdictOf(withLog('Connection reset by peer', OPENSSL_STATE, { target: { url: 'ws://api.example.com/socket' } }))).toBe('other/network_reset');
  });

  it('a text that places the reset after the handshake stays a reset', () => {
    expect(verdictOf(withLog('reading upgrade response: connection reset by peer', OPENSSL_STATE))).toBe('other/network_reset');
  });
});

describe("rustls' corrupt-message family in any release and wrapper: 1015/tls_unknown", () => {
  it.each([
    ['0.20 Display with a payload type', 'WebSocket connect: IO error: received corrupt message of type Handshake'],
    ['0.20 Debug in an io::Error', 'hyper::Error(Connect, Custom { kind: InvalidData, error: CorruptMessage })'],
    ['0.20 Debug with its payload type', 'Custom { kind: InvalidData, error: CorruptMessagePayload(Handshake) }'],
    ['the bare Display in backquotes', 'dial failed: `received corrupt message`'],
  ])('%s', (_label, message) => {
    expect(verdictOf({ error: { message } })).toBe('1015/tls_unknown');
  });

  it('a corrupted frame is no TLS failure', () => {
    expect(verdictOf({ error: { message: 'received corrupted frame' } })).not.toMatch(/^1015\//);
  });
});

describe('a key said not to match: the Sec-WebSocket-Accept check, other/protocol_error', () => {
  it.each([
    ['with a 101 recorded', 'keys do not match', { status: 101 }],
    ['with no status', 'handshake: key mismatched', undefined],
  ])('%s', (_label, message, handshake) => {
    expect(verdictOf({ target: { url: 'ws://api.example.com/socket' }, error: { message }, ...(handshake ? { handshake } : {}) })).toBe('other/protocol_error');
  });

  it.each([
    ["OpenSSL's private key against its certificate", 'X509_check_private_key: key values mismatch'],
    ["an SSH host key", 'host key mismatch for 192.0.2.7'],
    ["a database's foreign key", 'foreign key mismatch - "orders" referencing "users"'],
  ])('%s is no accept check', (_label, message) => {
    expect(verdictOf({ target: { url: 'ws://api.example.com/socket' }, error: { message } })).not.toBe('other/protocol_error');
  });

  it('an API key refused stays a credential refusal', () => {
    expect(verdictOf({ target: { url: 'ws://api.example.com/socket' }, error: { message: 'api key mismatch' } })).toBe('other/http_auth_rejected');
  });
});

const serverAfterOpen = (message: string): Partial<TelemetryEventInput> => ({
  source: { kind: 'server', service: 'test', runtime: 'server' },
  target: { url: 'ws://127.0.0.1:8080/ws' },
  outcome: 'closed',
  handshake: { status: 101 },
  error: { message },
});

describe("a server's error record after open naming its transport: other/abnormal_closure", () => {
  it.each([
    ["Spring's transport error", '2025-06-01 12:00:00,123 ERROR 4242 --- [nio-8080-exec-3] o.s.w.s.h.LoggingWebSocketHandlerDecorator: Transport error in StandardWebSocketSession[id=1, uri=/ws]'],
    ["a Rust server's stream error", '2025-06-01T12:00:00.1Z ERROR ws_server: read loop: stream error'],
    ['an I/O error named so', 'ERROR: app.ws: I/O error on session 42'],
  ])('%s', (_label, message) => {
    expect(verdictOf(serverAfterOpen(message))).toBe('other/abnormal_closure');
  });

  it.each([
    ["a database's connection", '2025-06-01T12:00:00.1Z ERROR app: db connection failed: too many clients'],
    ["the application's own error", '2025-06-01T12:00:00.1Z ERROR app: handler panicked: index out of bounds'],
    ['the transport named only in an info record', "2025-06-01T12:00:00.1Z INFO app: socket closed\n2025-06-01T12:00:00.2Z ERROR app: KeyError 'user'"],
  ])('%s stays server_error', (_label, message) => {
    expect(verdictOf(serverAfterOpen(message))).toBe('other/server_error');
  });
});

const serverFailed = (message: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  source: { kind: 'server', service: 'test', runtime: 'server' },
  target: { url: 'ws://127.0.0.1:8080/ws' },
  error: { message },
  ...extra,
});

describe("a server's error record stating the connection closed before any answer: other/network_reset", () => {
  it.each([
    ['a tracing field', '2025-06-01T12:00:00.1Z ERROR http::server: conn=7 error=ConnectionClosed'],
    ['a bracketed error record, quoted', '[2025-06-01 12:00:00] [ERROR] server: peer=192.0.2.7 err="closed"'],
  ])('%s', (_label, message) => {
    expect(verdictOf(serverFailed(message))).toBe('other/network_reset');
  });

  it('a warning record is no error record', () => {
    expect(verdictOf(serverFailed('2025-06-01T12:00:00.1Z WARN http::server: state=closed'))).toBe('other/unknown_failure');
  });

  it('a status answered decides', () => {
    expect(verdictOf(serverFailed('2025-06-01T12:00:00.1Z ERROR http::server: error=closed', { handshake: { status: 400 } }))).toBe('other/http_rejected');
  });
});
