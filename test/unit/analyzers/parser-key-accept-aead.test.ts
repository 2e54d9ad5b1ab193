// Issue 11, round 37 (eng-e2, 1.5.112): five families in general form. Python http.server's refusal of a request line (a ClientHello on a
// plaintext port, convention 15); a 400 whose server says the request's key is absent (convention 10); a client's error that is the
// answer's checked field line (convention 6); an observer's parser refusal beside its client's "wrong version number" (conventions 4
// and 15); an AEAD open failure at a keyed tunnel's receiving end (convention 9). Texts are written for these tests in the shapes the
// cited sources print (names and values changed); none is a line of a held-out set.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const server = (message: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  source: { kind: 'server', service: 'test', runtime: 'python 3.12' },
  target: { url: 'ws://api.example.com/socket' },
  error: { message },
  ...extra,
});

describe("Python http.server's refusal of a request line (BaseHTTPRequestHandler.parse_request): protocol_error", () => {
  it.each([
    // CPython Lib/http/server.py: send_error(400, "Bad request syntax (%r)") logged as "code %d, message %s".
    ['bad request syntax, no status field', "127.0.0.1 - - [01/Jun/2025 12:00:00] code 400, message Bad request syntax ('\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xfc\\x03\\x03')", {}],
    ['bad request version, with the 400 recorded', "code 400, message Bad request version ('\\x9a\\x1b')", { handshake: { status: 400 } }],
    ['an HTTP/0.9 request type', "code 400, message Bad HTTP/0.9 request type ('\\x16\\x03\\x01')", {}],
  ])('%s', (_label, message, extra) => {
    expect(verdictOf(server(message, extra as Partial<TelemetryEventInput>))).toBe('other/protocol_error');
  });

  it.each([
    ['a 400 with only its reason phrase', 'code 400, message Bad Request', { handshake: { status: 400 } }, 'other/http_rejected'],
    ['a client reading a 400 answer', 'Unexpected server response: 400', { source: { kind: 'client', service: 'test', runtime: 'node 20 ws 8.18' } }, 'other/http_rejected'],
  ])('hard negative: %s', (_label, message, extra, verdict) => {
    expect(verdictOf(server(message, extra as Partial<TelemetryEventInput>))).toBe(verdict);
  });
});

describe("a 400 whose server says the request's key is absent: the Sec-WebSocket-Key, protocol_error (convention 10)", () => {
  it.each([
    ['an Erlang reason atom', 'websocket upgrade refused: {error,missing_key}'],
    ['key not found', 'ws handshake: key not found in request'],
    ['no key', 'rejecting upgrade: there is no key'],
    ['a fused reason', 'handshake_failed reason=key_notfound'],
  ])('%s', (_label, message) => {
    expect(verdictOf(server(message, { handshake: { status: 400 }, outcome: 'failed' }))).toBe('other/protocol_error');
  });

  it.each([
    ['a key a qualifier names', 'API key not found', 400],
    ['a key a name follows', "missing key 'user' in body", 400],
    ['a credential key', 'no session key', 400],
    ['a status with its own reason', 'key not found', 403],
  ])('hard negative: %s stays http_rejected', (_label, message, status) => {
    expect(verdictOf(server(message, { handshake: { status }, outcome: 'failed' }))).toBe('other/http_rejected');
  });
});

describe("an error that is the answer's checked field line: protocol_error (convention 6)", () => {
  const client = (message: string, status?: number): Partial<TelemetryEventInput> => ({
    source: { kind: 'client', service: 'test', runtime: 'go 1.23' },
    target: { url: 'ws://api.example.com/socket' },
    error: { message },
    ...(status === undefined ? {} : { handshake: { status } }),
  });
  it.each([
    ['Sec-WebSocket-Accept after a 101', 'Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=', 101],
    ['Upgrade after a 101', 'Upgrade: h2c', 101],
    ['Sec-WebSocket-Accept without a status', 'Sec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=', undefined],
  ])('%s', (_label, message, status) => {
    expect(verdictOf(client(message, status))).toBe('other/protocol_error');
  });

  it('hard negative: a field restated among other words is no verdict', () => {
    expect(verdictOf(client('dial done, answer had Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo= and more'))).toBe('other/unknown_failure');
  });
});

describe("an observer's parser refusal beside its client's non-TLS-answer error: tls_unknown (conventions 4 and 15)", () => {
  const observer = (labels: Record<string, string>): Partial<TelemetryEventInput> => ({
    source: { kind: 'server', service: 'test', runtime: 'python 3.12 gunicorn 22' },
    target: { url: 'wss://api.example.com/socket' },
    // gunicorn/http/errors.py InvalidRequestLine: "Invalid HTTP request line: %r".
    error: { message: "Invalid HTTP request line: '\\x16\\x03\\x01\\x00\\xf4\\x01\\x00\\x00\\xf0\\x03\\x03'" },
    labels,
  });
  it.each([
    ["Python's ssl in the client's log", { client_log: 'ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1000)' }],
    ["Go's record header error at the front", { front_socket: 'tls: first record does not look like a TLS handshake' }],
  ])('%s', (_label, labels) => {
    expect(verdictOf(observer(labels))).toBe('1015/tls_unknown');
  });

  it.each([
    ['no other view: convention 15, no TLS word', {}, 'other/protocol_error'],
    ["the maker's note is no view", { note: 'TRUTH: wrong version number at the client' }, 'other/protocol_error'],
  ])('hard negative: %s', (_label, labels, verdict) => {
    expect(verdictOf(observer(labels))).toBe(verdict);
  });

  it('hard negative: a status the observer answered is read as before', () => {
    expect(verdictOf({ ...observer({ client_log: 'ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number' }), handshake: { status: 400 } })).toBe('other/protocol_error');
  });
});

describe("an AEAD open failure at a keyed tunnel's receiving end: credentials refused (convention 9)", () => {
  const tunnel = (message: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
    source: { kind: 'proxy', service: 'test', runtime: 'go-shadowsocks2' },
    target: { url: 'ws://tunnel.example.com/ws' },
    outcome: 'closed',
    close: { initiator: 'server' },
    error: { message },
    ...extra,
  });
  it.each([
    // golang.org/x/crypto/chacha20poly1305 Open; javax.crypto.AEADBadTagException; cryptography.exceptions.InvalidTag.
    ['chacha20poly1305', 'read from 10.0.0.9:5000: chacha20poly1305: message authentication failed'],
    ["Java's bad tag", 'javax.crypto.AEADBadTagException: Tag mismatch'],
    ["Python's invalid tag", 'cryptography.exceptions.InvalidTag'],
  ])('%s', (_label, message) => {
    expect(verdictOf(tunnel(message))).toBe('other/http_auth_rejected');
  });

  it.each([
    ['a TLS record', 'tls: cipher: message authentication failed', {}],
    ['a close code read', 'cipher: message authentication failed', { close: { initiator: 'server', code: 1000, on_wire: true } }],
  ])('hard negative: %s stays the clean close', (_label, message, extra) => {
    expect(verdictOf(tunnel(message, extra as Partial<TelemetryEventInput>))).toBe('none/normal_closure');
  });

  it("hard negative: a client's event is no receiving tunnel end", () => {
    expect(verdictOf({ ...tunnel('cipher: message authentication failed'), source: { kind: 'client', service: 'test', runtime: 'go 1.23' } })).not.toBe('other/http_auth_rejected');
  });
});
