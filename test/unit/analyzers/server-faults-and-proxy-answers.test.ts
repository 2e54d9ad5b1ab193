// Issue 11, round 32 (eng-z1, 1.5.96): holdout-39's server and proxy families in general form. A server's own fault beside the
// extension answer it sent (no drop to explain); a TLS listener's handshake call named by its function beside a reset; a label
// holding the upstream's answer body beside a 400; a log record's field naming the software's version beside alert 40; a proxy
// with no upstream to forward to; a payload length stated unsupported; the client's own log of a connection whose TLS handshake a
// server or proxy saw end. Texts are written for these tests from the libraries' documented shapes (nginx's SSL_do_handshake line,
// Python's ssl do_handshake, Go's tls alerts, logrus/zap fields, Envoy's and Traefik's routing words, OpenSSL's and Node's verify
// texts, RFC 6455/7692); none is a line of a held-out set.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const SERVER = { kind: 'server' as const, service: 'test', runtime: 'c++ asio server' };
const PROXY = { kind: 'proxy' as const, service: 'test', runtime: 'go 1.22 reverse proxy' };
const CLIENT = { kind: 'client' as const, service: 'test', runtime: 'python 3.12 websockets' };

describe("a server's own fault beside an extension answer the offer does not permit: the fault decides (conventions 11/17)", () => {
  // The client offered no client_max_window_bits, which the answer then carries (RFC 7692 §7.1.2.2: the server must not).
  const opened = (error: TelemetryEventInput['error']): Partial<TelemetryEventInput> => ({
    source: SERVER,
    target: { url: 'ws://feed.example.com/ws' },
    outcome: 'closed',
    handshake: { status: 101, request_extensions: 'permessage-deflate', response_extensions: 'permessage-deflate; client_max_window_bits=10' },
    ...(error ? { error } : {}),
  });
  it.each([
    ['an inflate failure in its own words', { message: 'ws session 12: inflate failed: invalid distance too far back' }, 'other/protocol_error'],
    ['a frame it refused', { message: 'read frame: invalid opcode 11 from peer' }, 'other/protocol_error'],
  ])('%s', (_label, error, expected) => {
    expect(verdictOf(opened(error))).toBe(expected);
  });
  it.each([
    ['a bare reset (the drop the answer explains)', { message: 'read: Connection reset by peer' }],
    ['no error at all', undefined],
  ])('what stays 1010: %s', (_label, error) => {
    expect(verdictOf(opened(error))).toBe('1010/extension_params_rejected');
  });
});

describe("a TLS listener's handshake call named by its function beside a reset: 1015/tls_unknown (convention 2)", () => {
  const listener = (kind: 'server' | 'proxy', url: string, message: string, log: string): Partial<TelemetryEventInput> => ({
    source: kind === 'server' ? SERVER : PROXY,
    target: { url },
    error: { message },
    labels: { server_log: log },
  });
  it.each([
    ["nginx's SSL_do_handshake() line", 'SSL_do_handshake() failed while SSL handshaking, client: 10.0.0.7: Connection reset by peer', '*41 SSL_do_handshake() failed while SSL handshaking: Connection reset by peer'],
    ['a camelCase handshake call', 'doHandshake failed: unexpected end of stream', 'accepted 10.0.0.7:50122\ndoHandshake failed: unexpected end of stream (EOF)'],
    ['a snake_case step', 'accept_shake error: broken pipe', 'conn 7 open\naccept_shake error: broken pipe'],
  ])('%s', (_label, message, log) => {
    expect(verdictOf(listener('server', 'wss://feed.example.com/ws', message, log))).toBe('1015/tls_unknown');
  });
  it.each([
    ['the same call on a plaintext listener', 'server', 'ws://feed.example.com/ws', 'do_handshake error: Connection reset by peer'],
    ['a WebSocket handshake call on a TLS listener', 'server', 'wss://feed.example.com/ws', 'ws_handshake error: Connection reset by peer'],
    ["after the library's completed TLS handshake", 'server', 'wss://feed.example.com/ws', 'TLS handshake completed\nread_request error: Connection reset by peer'],
  ])('stays a reset: %s', (_label, kind, url, log) => {
    expect(verdictOf(listener(kind as 'server', url, 'Connection reset by peer', log))).toBe('other/network_reset');
  });
  it("a client's own handshake call is no listener's", () => {
    expect(verdictOf({ source: CLIENT, target: { url: 'wss://feed.example.com/ws' }, error: { message: 'Connection reset by peer' }, labels: { client_log: 'do_handshake error: Connection reset by peer' } })).toBe('other/network_reset');
  });
});

describe("a label holding the upstream's answer body beside a 400 (conventions 10 and 17)", () => {
  const refused = (request_extensions: string, answer: string): Partial<TelemetryEventInput> => ({
    source: PROXY,
    target: { url: 'ws://edge.example.com/feed' },
    handshake: { status: 400, request_extensions, response_extensions: '' },
    labels: { upstream_answer: answer },
  });
  it.each([
    ['a request header refused', '', 'Bad Sec-WebSocket-Version header: expected 13', 'other/protocol_error'],
    ['the extension offer refused', 'permessage-deflate; server_max_window_bits=4', 'Sec-WebSocket-Extensions: invalid server_max_window_bits value', '1010/extension_params_rejected'],
    ['a body naming no header', '', 'route disabled by operator', 'other/http_rejected'],
  ])('%s', (_label, offer, answer, expected) => {
    expect(verdictOf(refused(offer, answer))).toBe(expected);
  });
  it('the raw answer (status line first) lists the server\'s own header values, no reason', () => {
    expect(verdictOf(refused('', 'HTTP/1.1 400 Bad Request | Sec-WebSocket-Version: 13; content-length: 0'))).toBe('other/http_rejected');
  });
});

describe("a log record's field naming the software's version beside alert 40: cipher_mismatch (convention 4)", () => {
  const alert40 = (message: string): Partial<TelemetryEventInput> => ({ source: PROXY, target: { url: 'wss://edge.example.com/feed' }, handshake: { status: 502 }, error: { message } });
  it.each([
    ['a logrus service_version field', '{"level":"error","msg":"gateway error","error":"remote error: tls: handshake failure","service_version":"v1.4.2"}'],
    ['a logfmt app_version field', 'level=error msg="upstream dial" err="remote error: tls: handshake failure" app_version=2.0.1'],
    ['a camelCase buildVersion key', '{"err":"remote error: tls: handshake failure","buildVersion":"2026.12"}'],
  ])('%s', (_label, message) => {
    expect(verdictOf(alert40(message))).toBe('1015/cipher_mismatch');
  });
  it.each([
    ['a tls_version field', '{"err":"remote error: tls: handshake failure","tls_version":"TLS 1.0"}'],
    ['a text naming the protocol version', 'remote error: tls: handshake failure (peer offered an unsupported protocol version)'],
  ])('the version still decides: %s', (_label, message) => {
    expect(verdictOf(alert40(message))).toBe('1015/tls_version_mismatch');
  });
});

describe('a proxy with no upstream to forward to: the status it answered (convention 9)', () => {
  const gateway = (status: number, message: string): Partial<TelemetryEventInput> => ({ source: PROXY, target: { url: 'ws://edge.example.com/feed' }, handshake: { status }, error: { message } });
  it.each([
    ['no registered backends', 503, 'router: no registered backends for service "feed"'],
    ['no endpoints available', 503, 'level=warn msg="no endpoints available for service default/feed"'],
  ])('%s', (_label, status, message) => {
    expect(verdictOf(gateway(status, message))).toBe('other/http_rejected');
  });
  it.each([
    ['an upstream found dead behind it', 502, 'upstream connect error: connection refused', 'other/connection_refused'],
    ['a line naming nothing the engine reads', 502, 'upstream sadness #42', 'other/unknown_failure'],
  ])('%s', (_label, status, message, expected) => {
    expect(verdictOf(gateway(status, message))).toBe(expected);
  });
});

describe('a payload length stated unsupported: message_too_big (RFC 6455 §7.4.1, 1009)', () => {
  const opened = (error: TelemetryEventInput['error']): Partial<TelemetryEventInput> => ({ source: SERVER, target: { url: 'ws://feed.example.com/ws' }, outcome: 'closed', handshake: { status: 101 }, close: { code: 1006, on_wire: false }, error });
  it.each([
    ['a frame length not supported', { message: 'read: frame length 9007199254740993 not supported' }],
    ['an unsupported message length code', { code: 'E_UNSUPPORTED_MESSAGE_LENGTH', message: 'message dropped' }],
  ])('%s', (_label, error) => {
    expect(verdictOf(opened(error))).toBe('other/message_too_big');
  });
  it.each([
    ['an unsupported opcode', { message: 'Unsupported frame opcode 0x3' }],
    ["a control frame's payload length", { message: 'control frame payload length not supported: 126' }],
  ])('stays a protocol error: %s', (_label, error) => {
    expect(verdictOf(opened(error))).toBe('other/protocol_error');
  });
});

describe("the client's own log of a connection whose TLS handshake the server or proxy saw end", () => {
  const front = (source: typeof SERVER | typeof PROXY, labels: Record<string, string>): Partial<TelemetryEventInput> => ({
    source,
    target: { url: 'wss://edge.example.com/feed' },
    error: { message: 'http: TLS handshake error from 10.0.0.7:50122: EOF' },
    labels,
  });
  it.each([
    ["Node's verify text", PROXY, { client_log: 'Error: self-signed certificate' }, '1015/self_signed'],
    ["Python's verify text", SERVER, { client_log: 'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)' }, '1015/cert_expired'],
  ])('%s', (_label, source, labels, expected) => {
    expect(verdictOf(front(source, labels))).toBe(expected);
  });
  it.each([
    ['a client log naming no TLS cause', { client_log: 'connect failed, retrying in 1s' }],
    ['the maker\'s note is not a log', { note: 'the client did not trust the CA: unable to get local issuer certificate' }],
  ])('stays tls_unknown: %s', (_label, labels) => {
    expect(verdictOf(front(PROXY, labels))).toBe('1015/tls_unknown');
  });
  it("a client's own event reads its own texts, not a client_log label", () => {
    expect(verdictOf({ source: CLIENT, target: { url: 'wss://edge.example.com/feed' }, error: { message: 'TLS handshake failed: EOF' }, labels: { client_log: 'certificate has expired' } })).toBe('1015/tls_unknown');
  });
});

describe("the client's own log of a session an observer saw drop after its 101", () => {
  const dropped = (labels: Record<string, string>, close: TelemetryEventInput['close'] = { code: 1006, on_wire: false }): Partial<TelemetryEventInput> => ({
    source: PROXY,
    target: { url: 'ws://edge.example.com/feed' },
    outcome: 'closed',
    handshake: { status: 101 },
    close,
    labels,
  });
  it.each([
    ["tungstenite's subprotocol refusal", { client_log: 'WebSocket protocol error: SubProtocol error: Server sent no subprotocol' }, 'other/subprotocol_mismatch'],
    ["undici's accept refusal", { client_log: 'Incorrect hash received in Sec-WebSocket-Accept header.' }, 'other/protocol_error'],
  ])('%s', (_label, labels, expected) => {
    expect(verdictOf(dropped(labels))).toBe(expected);
  });
  it.each([
    ['a client log naming no refusal', { client_log: 'reconnecting in 2s' }, undefined],
    ['a Close frame the observer read', { client_log: 'Server sent no subprotocol' }, { code: 1000, on_wire: true }],
    ['the maker\'s note', { note: 'the client logged: Server sent no subprotocol' }, undefined],
  ])('stays as it was: %s', (_label, labels, close) => {
    expect(verdictOf(dropped(labels, close))).not.toBe('other/subprotocol_mismatch');
  });
});

describe('an answer to an offer that does not parse (RFC 6455 §9.1 grammar; convention 7)', () => {
  const answered = (request_extensions: string, response_extensions: string): Partial<TelemetryEventInput> => ({
    source: SERVER,
    target: { url: 'ws://feed.example.com/ws' },
    outcome: 'connected',
    handshake: { status: 101, request_extensions, response_extensions },
  });
  it.each([
    ['a parameter without a name', 'permessage-deflate; =15', 'permessage-deflate'],
    ['an empty element between commas', 'x-webkit-deflate-frame,,;', 'x-webkit-deflate-frame'],
  ])('%s', (_label, offer, answer) => {
    expect(verdictOf(answered(offer, answer))).toBe('1010/extension_params_rejected');
  });
  it.each([
    ['a malformed offer declined', 'permessage-deflate; =15', ''],
    ['a well-formed offer answered', 'permessage-deflate; client_max_window_bits', 'permessage-deflate; client_max_window_bits=12'],
  ])('stays connected: %s', (_label, offer, answer) => {
    expect(verdictOf(answered(offer, answer))).toBe('none/connected');
  });
});

describe("a server's runtime stopping the units that host the endpoint, the session open (1001, RFC 6455 §7.4.1)", () => {
  const ended = (server_log: string): Partial<TelemetryEventInput> => ({ source: SERVER, target: { url: 'ws://feed.example.com/ws' }, outcome: 'closed', handshake: { status: 101 }, labels: { server_log } });
  it.each([
    ['flows stopped for a deploy', '12 Mar 10:00:01 - [info] Stopping flows\n12 Mar 10:00:01 - [info] Stopped flows'],
    ['the WebSocket listener stopped', 'INFO stopping websocket listener on :8080'],
  ])('%s', (_label, log) => {
    expect(verdictOf(ended(log))).toBe('none/going_away');
  });
  it.each([
    ['a flow started', '[info] Starting flows\n[info] Started flows'],
    ['a client stopping its own listener word', 'debug: stopping retry timer'],
  ])('stays a drop: %s', (_label, log) => {
    expect(verdictOf(ended(log))).toBe('other/abnormal_closure');
  });
});
