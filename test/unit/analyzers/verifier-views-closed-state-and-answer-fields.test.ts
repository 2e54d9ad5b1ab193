// Round 35 (eng-c2, 1.5.106): the party that verified refines an observer's unknown issuer (a self-signed leaf, a chain without its
// intermediate), while a listener's own alert about its client's certificate is not decided by the server's chain facts; a library's
// statement that its socket is closed beside the peer's Close frame; a package's version line is no TLS version; an answer's handshake
// fields written beside its status line are its values, no refusal reason.
// Texts are written for these tests from other libraries' wordings (nginx's SSL_do_handshake line, OpenSSL's info callback and
// s_client, curl's error 60 and -v output, Go's x509 text, OkHttp/java.net's "Socket closed", ethers' error footer); none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { answerFieldLines } from '../../../analyzers/answer-field-lines.js';
import { verdictOf } from './event-builder.js';

const server = { source: { kind: 'server', service: 'srv', runtime: 'nginx 1.24' }, target: { url: 'wss://srv.example.test/ws' } } as const;
const nginxReceived48 = 'SSL_do_handshake() failed (SSL: error:0A000418:SSL routines::tlsv1 alert unknown ca:SSL alert number 48) while SSL handshaking, client: 10.0.0.5';

describe("the verifying party's view refines an observer's unknown issuer", () => {
  it.each([
    ["curl's self-signed certificate", { client_log: 'curl: (60) SSL certificate problem: self-signed certificate' }, '1015/self_signed'],
    ["s_client's verify error at depth 0", { client_log: 'depth=0 CN = srv.example.test\nverify error:num=20:unable to get local issuer certificate\nverify return:1' }, '1015/incomplete_chain'],
  ] as const)('%s', (_label, labels, verdict) => {
    expect(verdictOf({ ...server, error: { message: nginxReceived48 }, labels })).toBe(verdict);
  });

  it.each([
    ["the client's own unknown authority (no more specific)", { ...server, error: { message: nginxReceived48 }, labels: { client_log: 'x509: certificate signed by unknown authority' } }, '1015/untrusted_ca'],
    ['the same words in a note', { ...server, error: { message: nginxReceived48 }, labels: { note: 'curl: (60) SSL certificate problem: self-signed certificate' } }, '1015/untrusted_ca'],
    ["the server's chain facts decide as before", { ...server, error: { message: nginxReceived48 }, tls: { chain_length: 1, peer_certificate: { subject: 'CN=srv.example.test', issuer: 'CN=Example Issuing CA' } } }, '1015/incomplete_chain'],
    ['a client of its own: its log is not another view', { error: { message: 'tlsv1 alert unknown ca' }, labels: { client_log: 'curl: (60) SSL certificate problem: self-signed certificate' } }, '1015/untrusted_ca'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

describe("a listener's own alert about its client's certificate", () => {
  const intermediateLeaf = { peer_certificate: { subject: 'CN=srv.example.test', issuer: 'CN=Example Intermediate CA', self_signed: false } };
  it.each([
    ["OpenSSL's info callback: the alert it wrote", { ...server, error: { message: 'SSL_accept: SSL3 alert write:fatal:unknown CA' }, tls: intermediateLeaf }, '1015/untrusted_ca'],
    ['the alert field, sent', { ...server, tls: { alert: 48, alert_direction: 'sent', chain_length: 1 } }, '1015/untrusted_ca'],
    ["the client's view holds no verdict on it", { ...server, error: { message: 'SSL_accept: SSL3 alert write:fatal:unknown CA' }, labels: { client_log: 'curl: (60) SSL certificate problem: self-signed certificate' } }, '1015/untrusted_ca'],
  ] as const)('%s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });

  it.each([
    ['an alert it received keeps the chain facts', { ...server, tls: { alert: 48, alert_direction: 'received', chain_length: 1 } }, '1015/incomplete_chain'],
    ["a client's verify text beside the leaf's intermediate issuer", { target: { url: 'wss://srv.example.test/ws' }, error: { message: 'unable to get local issuer certificate' }, tls: intermediateLeaf }, '1015/incomplete_chain'],
    ["a peer that sent the alert, in the server's words", { ...server, error: { message: 'client sent alert: unknown CA' }, tls: intermediateLeaf }, '1015/incomplete_chain'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

describe("a library's statement that its socket is closed beside the peer's Close frame", () => {
  const opened = { outcome: 'closed', target: { url: 'ws://api.example.test/feed' }, handshake: { status: 101 } } as const;
  it.each([
    ['java.net via OkHttp, a 1005 from the server', { error: { name: 'SocketException', message: 'java.net.SocketException: Socket closed' }, close: { code: 1005, initiator: 'server', on_wire: false } }, 'none/normal_closure'],
    ['a closed-state error class, a 1008 read from the frame', { error: { name: 'WebSocketClosedError', message: 'WebSocket is closed' }, close: { code: 1008, reason: 'policy', initiator: 'server', on_wire: true } }, 'other/policy_violation'],
    ['an application code the server sent for credentials', { error: { message: 'Socket is closed' }, close: { code: 4003, reason: 'Unauthorized', on_wire: true } }, 'other/http_auth_rejected'],
  ] as const)('%s', (_label, overrides, verdict) => {
    expect(verdictOf({ ...opened, ...overrides } as Partial<TelemetryEventInput>)).toBe(verdict);
  });

  it.each([
    ['closed unexpectedly beside a 1005 from the server', { error: { message: 'Connection closed unexpectedly' }, close: { code: 1005, initiator: 'server', on_wire: false } }, 'other/abnormal_closure'],
    ['a bare closed state beside a 1006', { error: { message: 'java.net.SocketException: Socket closed' }, close: { code: 1006, on_wire: false } }, 'other/abnormal_closure'],
    ["a closed state beside the client's own 1005", { error: { message: 'Socket is closed' }, close: { code: 1005, initiator: 'client', on_wire: false } }, 'other/abnormal_closure'],
    ['a reset on another line', { error: { message: 'Socket is closed\ncaused by: read ECONNRESET' }, close: { code: 1005, initiator: 'server', on_wire: false } }, 'other/abnormal_closure'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf({ ...opened, ...overrides } as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

describe("a package's version line is no TLS version", () => {
  const alert40 = 'write EPROTO 40A8C2E1:error:0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:ssl/record/rec_layer_s3.c:1605:SSL alert number 40';
  it.each([
    ["ethers' footer (version=)", `${alert40} (code=UNKNOWN_ERROR, version=6.13.2)`, '1015/cipher_mismatch'],
    ['a scoped package spec', `${alert40}\n\nVersion: @solana/web3.js@1.95.3`, '1015/cipher_mismatch'],
  ] as const)('%s', (_label, message, verdict) => {
    expect(verdictOf({ error: { message } })).toBe(verdict);
  });

  it.each([
    ['a TLS version named', `${alert40}\nmin version: TLSv1.3`, '1015/tls_version_mismatch'],
    ["OpenSSL's protocol version alert", 'tlsv1 alert protocol version (SSL alert number 70)', '1015/tls_version_mismatch'],
    ['an obsolete negotiated version', alert40, '1015/tls_version_mismatch'],
  ] as const)('hard negative: %s', (label, message, verdict) => {
    expect(verdictOf({ error: { message }, ...(label.startsWith('an obsolete') ? { tls: { version: 'TLSv1.1' } } : {}) })).toBe(verdict);
  });
});

describe("an answer's handshake fields beside its status line", () => {
  const refused400 = (labels: Record<string, string>): Partial<TelemetryEventInput> => ({ ...server, target: { url: 'ws://srv.example.test/ws' }, handshake: { status: 400 }, labels });
  it.each([
    ["curl -v's received lines", refused400({ client_log: '< HTTP/1.1 400 Bad Request\r\n< Sec-WebSocket-Version: 13\r\n< Content-Length: 0' }), 'other/http_rejected'],
    ['a quoted status line, then the answer\'s subprotocol', refused400({ client_log: 'upgrade refused: "HTTP/1.1 400 Bad Request" Sec-WebSocket-Protocol: graphql-ws' }), 'other/http_rejected'],
  ] as const)('%s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });

  it.each([
    ['a reason phrase naming the header', refused400({ client_log: 'HTTP/1.1 400 Bad Sec-WebSocket-Extensions: server_max_window_bits' }), '1010/extension_params_rejected'],
    ['a verdict after the status', refused400({ client_log: 'HTTP/1.1 400 Bad Request: invalid Sec-WebSocket-Protocol' }), 'other/subprotocol_mismatch'],
    ['a body naming the missing key', refused400({ client_log: 'HTTP/1.1 400 Bad Request\r\n\r\nmissing Sec-WebSocket-Key header' }), 'other/protocol_error'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });

  it('spans only the handshake fields after a status line', () => {
    const text = "'HTTP/1.1 400 Bad Request' Sec-WebSocket-Protocol: v2.chat";
    expect(answerFieldLines(text)?.map(([a, b]) => text.slice(a, b).trim())).toEqual(['Sec-WebSocket-Protocol: v2.chat']);
    expect(answerFieldLines('Sec-WebSocket-Protocol: v2.chat')).toBeUndefined();
  });
});
