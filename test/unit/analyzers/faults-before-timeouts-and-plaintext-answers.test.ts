// Round 31 (eng-y2, 1.5.94): a carried protocol's request timeout after a fault the emitter logged at error level (the fault
// decides, conventions 11/17); a client's TLS error saying the answer to its ClientHello was no TLS record beside the status read
// from that plaintext answer (conventions 4/15); a call made after the connection had ended ("already disconnected": the close
// decides); a header mapping restated in an exception's repr, and llhttp's reason printed bare (conventions 6/10).
// Texts are written for these tests from other libraries' wordings (zap's and logrus' formats, Python logging's BASIC_FORMAT,
// coder/websocket's and websockets' frame errors, Node's and Python's OpenSSL texts, JSSE, Eclipse Paho's 32101, urllib3's and
// httpx's header mappings); none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const goClient = { kind: 'client', service: 'rpc', runtime: 'go 1.23 coder/websocket 1.8' } as const;

/** An opened session (101, then closed without a close code) whose error is a request timeout and whose log is `log`. */
const timedOutAfter = (log: string, message = 'call eth_blockNumber: timed out waiting for the reply', key = 'client_log'): Partial<TelemetryEventInput> => ({
  outcome: 'closed',
  source: goClient,
  target: { url: 'ws://node.example.test/rpc' },
  handshake: { status: 101 },
  error: { message },
  timing: { total_ms: 5012 },
  labels: { [key]: log },
});

describe('a request timeout after a fault the emitter logged', () => {
  it.each([
    // zap's console encoder: time, level, caller, message.
    ['zap: a frame with reserved bits', '2026-01-02T10:00:00.120Z\tINFO\trpc/conn.go:40\tconnected\n2026-01-02T10:00:00.300Z\tERROR\trpc/conn.go:88\tread loop: received header with unexpected rsv bits set: true:false:false', 'other/protocol_error'],
    // Python logging's BASIC_FORMAT.
    ['Python: a reset logged by the reader task', 'INFO:jsonrpc.ws:connected\nERROR:jsonrpc.ws:reader stopped: [Errno 104] Connection reset by peer', 'other/abnormal_closure'],
    // logrus' text formatter.
    ['logrus: a reserved opcode', 'time="2026-01-02T10:00:00Z" level=info msg="session open"\ntime="2026-01-02T10:00:00Z" level=error msg="read failed: websocket: bad opcode 7"', 'other/protocol_error'],
    // A bracketed level after Go's log prefix.
    ['a bracketed level: a masked server frame', '10:00:00 ws.go:51: [INFO] open\n10:00:00 ws.go:97: [ERROR] reader: received masked frame from server', 'other/protocol_error'],
  ] as const)('%s', (_label, log, verdict) => {
    expect(verdictOf(timedOutAfter(log))).toBe(verdict);
  });

  it.each([
    ['a log of steps only', '10:00:00 ws.go:51: [INFO] open\n10:00:01 ws.go:60: [DEBUG] sent request 7'],
    ['an error record that is itself a timeout', '10:00:00 ws.go:51: [INFO] open\n10:00:05 ws.go:97: [ERROR] request 7: deadline exceeded waiting for reply'],
    ['a fault in a free label, no log', ''],
  ] as const)('hard negative: %s leaves the timeout', (_label, log) => {
    const overrides = log === '' ? { ...timedOutAfter('x'), labels: { note: '[ERROR] read: connection reset by peer' } } : timedOutAfter(log);
    expect(verdictOf(overrides)).toBe('other/network_timeout');
  });

  it('hard negative: a timeout before open (no 101) stays a timeout whatever the log says', () => {
    const overrides: Partial<TelemetryEventInput> = { ...timedOutAfter('10:00:00 ws.go:97: [ERROR] read: connection reset by peer', 'dial: i/o timeout'), outcome: 'failed', handshake: undefined };
    expect(verdictOf(overrides)).toBe('other/network_timeout');
  });

  it('hard negative: a close code on record decides, not the log', () => {
    const overrides: Partial<TelemetryEventInput> = { ...timedOutAfter('10:00:00 ws.go:97: [ERROR] read: websocket: bad opcode 7'), close: { code: 1001, initiator: 'server', on_wire: true } };
    expect(verdictOf(overrides)).not.toBe('other/protocol_error');
  });
});

describe("a client's plaintext answer read as a TLS record, beside the status read from it", () => {
  /** A failed wss:// attempt with `status` recorded and `error`. */
  const plaintextAnswer = (error: TelemetryEventInput['error'], status = 400): Partial<TelemetryEventInput> => ({
    source: { kind: 'client', service: 'feed', runtime: 'node 20 ws 8.18' },
    target: { url: 'wss://feed.example.test/socket' },
    handshake: { status },
    error,
  });

  it.each([
    ["Node's OpenSSL record error", { code: 'ERR_SSL_WRONG_VERSION_NUMBER', message: 'write EPROTO 40E8F5C1:error:0A00010B:SSL routines:ssl3_get_record:wrong version number' }],
    ["Python's ssl module", { name: 'ssl.SSLError', message: '[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)' }],
    ['JSSE', { name: 'javax.net.ssl.SSLException', message: 'Unsupported or unrecognized SSL message' }],
    ["Go's net/http", { message: 'Get "https://feed.example.test/socket": http: server gave HTTP response to HTTPS client' }],
  ] as const)('%s → tls_unknown over the 400', (_label, error) => {
    expect(verdictOf(plaintextAnswer(error))).toBe('1015/tls_unknown');
  });

  it.each([
    ['a refusal text with the status', { message: 'Unexpected server response: 400' }, 400, 'other/http_rejected'],
    ['a 401 refused in words', { message: 'Unexpected server response: 401' }, 401, 'other/http_auth_rejected'],
  ] as const)('hard negative: %s keeps the status', (_label, error, status, verdict) => {
    expect(verdictOf(plaintextAnswer(error, status))).toBe(verdict);
  });
});

describe('a call made after the connection had ended', () => {
  /** An opened session closed with `close`, whose error is a later call's `message`. */
  const calledAfterClose = (message: string, close: TelemetryEventInput['close']): Partial<TelemetryEventInput> => ({
    outcome: 'closed',
    source: { kind: 'client', service: 'telemetry', runtime: 'java 17 paho.mqtt.client 1.2.5' },
    target: { url: 'ws://broker.example.test/mqtt' },
    handshake: { status: 101 },
    close,
    error: { message },
  });

  it.each([
    // Eclipse Paho Java's REASON_CODE_CLIENT_ALREADY_DISCONNECTED (32101).
    ['Paho: already disconnected after a Close without a code', calledAfterClose('Client is already disconnected (32101)', { code: 1005, initiator: 'server', on_wire: false }), 'none/normal_closure'],
    ['Paho: already disconnected after a 1000', calledAfterClose('Client is already disconnected (32101)', { code: 1000, initiator: 'server', on_wire: true }), 'none/normal_closure'],
    ['a publish after a 1001', calledAfterClose('publish telemetry/1: client already disconnected', { code: 1001, initiator: 'server', on_wire: true }), 'none/going_away'],
  ] as const)('%s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });

  it.each([
    ['the peer disconnected, no close code', { ...calledAfterClose('peer disconnected', undefined) }, 'other/abnormal_closure'],
    ['already disconnected, but a reset named', { ...calledAfterClose('client already disconnected: read: connection reset by peer', undefined) }, 'other/abnormal_closure'],
  ] as const)('hard negative: %s stays a drop', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });
});

describe("an exception's repr: header mappings restated, llhttp's reason bare", () => {
  /** A failed ws:// attempt with `status` and an exception repr `message`. */
  const refusedRepr = (message: string, status?: number): Partial<TelemetryEventInput> => ({
    source: { kind: 'client', service: 'feed', runtime: 'python 3.12 aiohttp 3.10' },
    target: { url: 'ws://feed.example.test/ws' },
    ...(status === undefined ? {} : { handshake: { status } }),
    error: { name: 'WSServerHandshakeError', message },
  });
  const request = "headers=<CIMultiDictProxy('Host': 'feed.example.test', 'Upgrade': 'websocket', 'Connection': 'Upgrade', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Accept-Encoding': 'gzip, deflate')>";

  it.each([
    ['the Connection header refused beside the answer headers', `WSServerHandshakeError(RequestInfo(url=URL('ws://feed.example.test/ws'), method='GET', ${request}), (), status=101, message='Invalid connection header', headers=<CIMultiDictProxy('Upgrade': 'websocket', 'Sec-WebSocket-Accept': 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=')>)`, 101, 'other/protocol_error'],
    ["urllib3's mapping beside a missing Upgrade", "UpgradeError(status=101, reason='missing Upgrade header', headers=HTTPHeaderDict({'Connection': 'Upgrade', 'Sec-WebSocket-Accept': 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=', 'Sec-WebSocket-Extensions': 'permessage-deflate'}))", 101, 'other/protocol_error'],
    ["llhttp's reason printed bare, beside the parser's 400", `ClientResponseError(RequestInfo(url=URL('ws://feed.example.test/ws'), method='GET', ${request}), (), status=400, message="Bad status line:\\n  Expected HTTP/, RTSP/ or ICE/:\\n\\n  b'\\\\x15\\\\x03\\\\x01\\\\x00\\\\x02\\\\x02P'\\n  ^")`, undefined, 'other/protocol_error'],
  ] as const)('%s', (_label, message, status, verdict) => {
    expect(verdictOf(refusedRepr(message, status))).toBe(verdict);
  });

  it.each([
    ['a refused status beside a mapping naming the subprotocol', `WSServerHandshakeError(RequestInfo(url=URL('ws://feed.example.test/ws'), method='GET', ${request}), (), status=403, message='Invalid response status', headers=<CIMultiDictProxy('Content-Type': 'text/plain', 'Sec-WebSocket-Protocol': 'chat.v1')>)`, 403, 'other/http_rejected'],
    ["httpx's mapping beside a 401", "HTTPStatusError(status=401, message='Invalid response status', headers=Headers({'www-authenticate': 'Bearer', 'sec-websocket-extensions': 'permessage-deflate; x-bad'}))", 401, 'other/http_auth_rejected'],
  ] as const)('hard negative: %s keeps the status', (_label, message, status, verdict) => {
    expect(verdictOf(refusedRepr(message, status))).toBe(verdict);
  });
});
