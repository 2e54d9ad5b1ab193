// Issue 11, round 29 (eng-w1, 1.5.87): holdout-36's server and proxy families in general form. A logged TLS handshake read in
// its library's own order (a line printed only once the handshake is done, or a line of the layer above, places a reset after
// it); a 400 stating a requirement of a request header (must have / requires / expected); a proxy's line stating that its
// upstream answered invalid HTTP; the frame-rule errors of gorilla/websocket's two generations and other libraries' wordings.
// Texts are written for these tests from the libraries' documented shapes (OpenSSL's info callback, GnuTLS's handshake debug,
// rustls' debug lines, nginx's proxy error log, gorilla/websocket conn.go, websockets' frames.py); none is a line of a held-out set.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const RUSTLS_TLS13 = [
  'DEBUG rustls::client::hs: No cached session for DnsName("api.example.com")',
  'DEBUG rustls::client::hs: Not resuming any session',
  'DEBUG rustls::client::hs: Using ciphersuite TLS13_AES_128_GCM_SHA256',
  'DEBUG rustls::client::tls13: TLS1.3 encrypted extensions: []',
  'DEBUG rustls::client::hs: ALPN protocol is Some(b"http/1.1")',
].join('\n');
const OPENSSL_DONE = 'SSL_connect:before SSL initialization\nSSL_connect:SSLv3/TLS write client hello\nSSL_connect:SSLv3/TLS read finished\nSSL_connect:SSL negotiation finished successfully';
const GNUTLS_TICKET = '|<4>| HSK[0x55d0c2a8]: CLIENT HELLO was queued [246 bytes]\n|<4>| HSK[0x55d0c2a8]: NEW SESSION TICKET was received [212 bytes]';

const withClientLog = (message: string, log: string): Partial<TelemetryEventInput> => ({ error: { message }, labels: { client_log: log } });

describe("a logged TLS handshake read in the library's order: a reset after its end stays a network reset", () => {
  it.each([
    ["OpenSSL's info callback: negotiation finished", OPENSSL_DONE],
    ["GnuTLS's handshake debug: a TLS 1.3 session ticket received", GNUTLS_TICKET],
    ["rustls' TLS 1.3 lines, then the WebSocket client's upgrade request sent", `${RUSTLS_TLS13}\nDEBUG wsclient::conn: sending upgrade request for /socket`],
    ["rustls' lines, then an HTTP client's connection opened", `${RUSTLS_TLS13}\nDEBUG httpc::pool: connection established to 192.0.2.7:443`],
    ['a log split over two labels, the end in the second', undefined],
  ])('%s', (_label, log) => {
    const overrides: Partial<TelemetryEventInput> =
      log === undefined
        ? { error: { message: 'Connection reset by peer (os error 104)' }, labels: { client_log: RUSTLS_TLS13, client_log_2: 'DEBUG httpc::h1: opened new connection to 192.0.2.7:443' } }
        : withClientLog('Connection reset by peer (os error 104)', log);
    expect(verdictOf(overrides)).toBe('other/network_reset');
  });
});

describe('what must stay a reset inside the TLS handshake (1015/tls_unknown)', () => {
  it.each([
    // ExpectEncryptedExtensions precedes ExpectCertificate, ExpectCertificateVerify and ExpectFinished (rustls client/tls13.rs).
    ["rustls' encrypted extensions and ALPN result, and nothing after", RUSTLS_TLS13],
    // hyper-util's HttpConnector logs "connected to" after the TCP connect, before the TLS connector's ClientHello.
    ['a TCP "connected to" before the first TLS step', `DEBUG hyper_util::client::connect::http: connected to 192.0.2.7:443\n${RUSTLS_TLS13}`],
    ['a resumption attempt and nothing after', 'DEBUG rustls::client::hs: Resuming session'],
  ])('%s', (_label, log) => {
    expect(verdictOf(withClientLog('Connection reset by peer (os error 104)', log))).toBe('1015/tls_unknown');
  });
});

describe("a 400 stating a requirement of a WebSocket request header: protocol_error (convention 17)", () => {
  const refused = (message: string): Partial<TelemetryEventInput> => ({
    source: { kind: 'server', service: 'test', runtime: 'test' },
    target: { url: 'ws://api.example.com/socket' },
    handshake: { status: 400 },
    error: { message },
  });
  it.each([
    ['requires the header', 'handshake requires the Sec-WebSocket-Key header'],
    ['the header and its value expected', 'expected `Upgrade: websocket` in the request'],
    ['must include the header with its value', 'request must include Sec-WebSocket-Version: 13'],
    ['must be, said of the header', 'Connection header must be Upgrade'],
  ])('%s', (_label, message) => {
    expect(verdictOf(refused(message))).toBe('other/protocol_error');
  });

  it('a requirement that names no header stays the refusal', () => {
    expect(verdictOf(refused('request must have a valid JSON body'))).toBe('other/http_rejected');
  });
});

describe("a proxy's gateway status beside its line stating the upstream answered invalid HTTP: protocol_error", () => {
  const proxied = (message: string): Partial<TelemetryEventInput> => ({
    source: { kind: 'proxy', service: 'edge', runtime: 'test' },
    target: { url: 'ws://api.example.com/socket' },
    handshake: { status: 502 },
    error: { message },
  });
  it.each([
    ["nginx's invalid header", 'upstream sent invalid header while reading response header from upstream, client: 10.0.0.1'],
    ["nginx's no valid HTTP/1.0 header", 'upstream sent no valid HTTP/1.0 header while reading response header from upstream'],
    ['an invalid status line named', 'backend answered with an invalid HTTP status line'],
  ])('%s', (_label, message) => {
    expect(verdictOf(proxied(message))).toBe('other/protocol_error');
  });

  it.each([
    ['an EOF stays a reset', 'upstream error: unexpected EOF', 'other/network_reset'],
    ['a line naming no failure the engine reads stays unknown', 'upstream error: something odd happened', 'other/unknown_failure'],
  ])('%s', (_label, message, verdict) => {
    expect(verdictOf(proxied(message))).toBe(verdict);
  });

  it("a client's 502 saying the same is a gateway's answer, not the proxy's own line", () => {
    expect(verdictOf({ target: { url: 'ws://api.example.com/socket' }, handshake: { status: 502 }, error: { message: 'invalid HTTP response from server' } })).toBe('other/http_rejected');
  });
});

describe('frame rules broken after open, in the words of several libraries: protocol_error (RFC 6455 §5.1, §5.4, §5.5)', () => {
  const afterOpen = (message: string): Partial<TelemetryEventInput> => ({
    source: { kind: 'server', service: 'test', runtime: 'test' },
    target: { url: 'ws://api.example.com/socket' },
    outcome: 'closed',
    handshake: { status: 101 },
    error: { message },
  });
  it.each([
    ['websockets frames.py: a mask bit wrong', 'websockets.exceptions.ProtocolError: incorrect masking'],
    ['gorilla 1.5 bad MASK', 'websocket: bad MASK'],
    ['gorilla 1.4 control frame without FIN', 'websocket: control frame not final'],
    ['gorilla 1.5 control frame without FIN', 'websocket: FIN not set on control'],
    ['gorilla 1.5 control frame over 125 bytes', 'websocket: len > 125 for control'],
    ['gorilla 1.4 a message begun inside another', 'websocket: message start before final message frame'],
    ['gorilla 1.5 a message begun inside another', 'websocket: data before FIN'],
    ['gorilla 1.5 continuation with no message open', 'websocket: continuation after FIN'],
  ])('%s', (_label, message) => {
    expect(verdictOf(afterOpen(message))).toBe('other/protocol_error');
  });

  it('a connection closed before a final frame is a drop, no frame rule', () => {
    expect(verdictOf({ error: { message: 'connection closed before final data frame' }, target: { url: 'ws://api.example.com/socket' } })).toBe('other/network_reset');
  });
});
