// Round 18 (holdout-24's families outside the relay lines in general form, 1.5.57): a 400 naming a request header takes that
// header's cause (the extension offer → 1010), a record-layer text is no cipher mismatch, a server's quiet records among its other
// lines, a buffer overflowing a size limit beside the 1011 the server sent, an error record the session outlived, a decoding cut
// short, a property read from nothing, a reset inside Python's ssl do_handshake, websocket-client's subprotocol line. Texts are
// written for these tests in the shapes the stacks print; none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { onlyQuietLines, serverFailureKind, withoutQuietRecords } from '../../../analyzers/server-log-levels.js';
import { classify } from '../../../analyzers/classify.js';
import { event, verdictOf } from './event-builder.js';

const server = { kind: 'server', service: 'docs', runtime: 'app server 1.0' } as const;
const refused = (message: string, status = 400, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  source: server,
  target: { url: 'ws://docs.example.test/collab' },
  handshake: { status },
  error: { message },
  ...extra,
});

describe('a 400 whose text names a request header takes that header\'s cause', () => {
  it.each([
    ['the extension offer refused', 'upgrade refused: Sec-WebSocket-Extensions header is invalid (bad window bits)', '1010/extension_params_rejected'],
    ['an extension parameter out of range', 'rejecting request: server_max_window_bits=3 out of range', '1010/extension_params_rejected'],
    ['a missing Connection header', 'Missing Connection header', 'other/protocol_error'],
    ['a bad Upgrade header', 'Invalid Upgrade header', 'other/protocol_error'],
    ['a bad Sec-WebSocket-Version', 'Unsupported Sec-WebSocket-Version header value 7', 'other/protocol_error'],
    ['the subprotocol', 'Invalid Sec-WebSocket-Protocol header: chat.v9', 'other/subprotocol_mismatch'],
  ] as const)('%s: %s', (_label, message, verdict) => {
    expect(verdictOf(refused(message))).toBe(verdict);
  });

  it.each([
    ['another status (403) naming the extension header', 'Sec-WebSocket-Extensions header is invalid', 403],
  ] as const)('%s stays a refusal: never 1010', (_label, message, status) => {
    expect(verdictOf(refused(message, status))).not.toMatch(/^1010/);
  });

  it('a 400 naming no header stays http_rejected', () => {
    expect(verdictOf(refused('request rejected by policy'))).toBe('other/http_rejected');
  });
});

describe('a handshake_failure beside a record the cipher could not open', () => {
  it.each([
    ['JSSE\'s AEAD fragment', 'Fatal (HANDSHAKE_FAILURE): Insufficient buffer remaining for AEAD cipher fragment (2)', '1015/tls_unknown'],
    ['a decryption failure', 'sslv3 alert handshake failure: record decryption failed with cipher aes-128-gcm', '1015/tls_unknown'],
    ['a cipher named without a record word', 'Fatal (HANDSHAKE_FAILURE): no cipher suites in common', '1015/cipher_mismatch'],
  ] as const)('%s: %s', (_label, message, verdict) => {
    expect(verdictOf({ source: server, error: { message } })).toBe(verdict);
  });
});

describe("a server's quiet records among its other lines", () => {
  const debug = (time: string, text: string): string => `2026-01-05 10:00:${time},100 DEBUG [ws.traffic] (loop-1) ${text}`;
  const session = [debug('01', '[server] connection opened: /live'), debug('01', '[server] received text message, Payload: '), 'hello', debug('02', '[server] connection closed, CloseReason [code=1000, ]')].join('\n');

  it('a payload printed on the line after its debug record belongs to it', () => {
    expect(onlyQuietLines(session)).toBe(true);
    expect(withoutQuietRecords(`${session}\n2026-01-05 10:00:03,000 ERROR [app] handler failed`)).toBe('2026-01-05 10:00:03,000 ERROR [app] handler failed');
  });

  it('a line of another logger after a one-line record (uWSGI\'s, pino\'s) is its own', () => {
    const text = '{"level":30,"msg":"upgraded"}\n[router] backend read(): Connection reset by peer';
    expect(withoutQuietRecords(text)).toBe('[router] backend read(): Connection reset by peer');
  });

  it('an open session whose lines are only such records stays connected', () => {
    expect(verdictOf({ source: server, outcome: 'connected', target: { url: 'ws://docs.example.test/live' }, handshake: { status: 101 }, error: { message: session.split('\n').slice(0, 3).join('\n') } })).toBe('none/connected');
  });

  it('"connection closed" in a debug record is a step, not a drop: the client\'s 1000 decides', () => {
    expect(verdictOf({ source: server, outcome: 'closed', target: { url: 'ws://docs.example.test/live' }, handshake: { status: 101 }, close: { code: 1000, initiator: 'client', on_wire: true }, error: { message: session } })).toBe('none/normal_closure');
  });
});

describe('a size limit overflowed beside the 1011 the server sent', () => {
  const over = 'ERROR [endpoint] Unhandled error: a text message of 5000 bytes would overflow the max message size of 4096';
  const sent = (close: Partial<NonNullable<TelemetryEventInput['close']>>): Partial<TelemetryEventInput> => ({
    source: server,
    outcome: 'closed',
    target: { url: 'ws://docs.example.test/live' },
    handshake: { status: 101 },
    close: { code: 1011, initiator: 'server', on_wire: false, ...close },
    error: { message: over },
  });

  it('the words decide over the generic 1011 it sent: message_too_big', () => {
    expect(verdictOf(sent({}))).toBe('other/message_too_big');
  });

  it('a 1011 read from a Close frame keeps its cause', () => {
    expect(verdictOf({ ...sent({ on_wire: true, initiator: 'client' }), source: { kind: 'client', service: 'docs', runtime: 'app client 1.0' } })).toBe('other/server_error');
  });

  it('a 1011 sent beside a failure naming no condition stays server_error', () => {
    expect(verdictOf({ ...sent({}), error: { message: 'ERROR [endpoint] Unhandled error: java.lang.NullPointerException' } })).toBe('other/server_error');
  });
});

describe('an error record the session outlived, and an exception that ended it', () => {
  const opened = (message: string, close: NonNullable<TelemetryEventInput['close']>): Partial<TelemetryEventInput> => ({
    source: server,
    outcome: 'closed',
    target: { url: 'ws://docs.example.test/live' },
    handshake: { status: 101 },
    close,
    error: { message },
  });
  const record = '2026-01-05 10:00:01,120 ERROR [app.Echo] error on message: java.lang.IllegalArgumentException: bad command';

  it('an error record, then the client\'s own 1000 on the wire: normal_closure', () => {
    expect(verdictOf(opened(record, { code: 1000, initiator: 'client', on_wire: true }))).toBe('none/normal_closure');
  });

  it('the same record and a 1000 the server sent: server_error (it gave up)', () => {
    expect(verdictOf(opened(record, { code: 1000, initiator: 'server', on_wire: true }))).toBe('other/server_error');
  });

  it.each([
    ['closing the connection because of an exception', 'closing connection 7f3a because of exception TypeError: x is not a function'],
    ['a connection terminated due to an unhandled exception', 'session 12 terminated due to an unhandled exception in onMessage'],
  ] as const)('%s: uncaught', (_label, message) => {
    expect(serverFailureKind(event({ source: server, outcome: 'closed', error: { message } }))).toBe('uncaught');
  });

  it('a server closing because of an exception, with a client\'s 1005: server_error', () => {
    expect(verdictOf(opened("closing connection 7f3a because of exception TypeError: Cannot read properties of null (reading 'room')", { code: 1005, initiator: 'client', on_wire: false }))).toBe('other/server_error');
  });
});

describe('decoding cut short, and a property read from nothing', () => {
  const opened = (message: string): Partial<TelemetryEventInput> => ({
    source: server,
    outcome: 'closed',
    target: { url: 'ws://docs.example.test/live' },
    handshake: { status: 101 },
    close: { code: 4000, initiator: 'server', on_wire: true },
    error: { message },
  });

  it.each([
    ['a binary decoder', 'Error: Unexpected end of array while decoding update'],
    ['JSON.parse', 'SyntaxError: Unexpected end of JSON input'],
    ['a text decoder', "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 10-11: unexpected end of data"],
  ] as const)('%s: protocol_error, no drop', (_label, message) => {
    expect(verdictOf(opened(message))).toBe('other/protocol_error');
  });

  it('an end of stream stays a drop', () => {
    expect(verdictOf({ ...opened('EOFError: unexpected end of stream'), close: undefined })).toBe('other/abnormal_closure');
  });

  it("V8's property read from undefined is no read failure", () => {
    for (const message of ["TypeError: Cannot read properties of undefined (reading 'id')", "TypeError: Cannot read property 'id' of null"]) {
      const result = classify(event({ ...opened(message), close: undefined }));
      expect(JSON.stringify(result.evidence)).not.toContain('read_failed');
    }
    expect(JSON.stringify(classify(event({ ...opened('upstream: cannot read the answer'), close: undefined })).evidence)).toContain('read_failed');
  });
});

describe("a reset inside Python's ssl handshake", () => {
  const frames = (exception: string): string =>
    ['Traceback (most recent call last):', '  File "/srv/venv/lib/python3.12/site-packages/server/tls.py", line 80, in accept', '    conn.do_handshake()', '  File "/usr/lib/python3.12/ssl.py", line 1342, in do_handshake', '    self._sslobj.do_handshake()', exception].join('\n');

  it('ConnectionResetError through ssl.py do_handshake: tls_unknown (the text names the TLS handshake)', () => {
    expect(verdictOf({ source: server, error: { message: frames('ConnectionResetError: [Errno 104] Connection reset by peer'), name: 'ConnectionResetError' } })).toBe('1015/tls_unknown');
  });

  it('a reset with no ssl frame stays network_reset', () => {
    expect(verdictOf({ source: server, target: { url: 'ws://docs.example.test/live' }, error: { message: 'ConnectionResetError: [Errno 104] Connection reset by peer' } })).toBe('other/network_reset');
  });
});

describe("websocket-client's subprotocol line beside its generic header error", () => {
  it('names the header the error leaves unnamed: subprotocol_mismatch', () => {
    expect(verdictOf({ target: { url: 'ws://docs.example.test/live' }, error: { message: "WebSocketException('Invalid WebSocket Header')\nERROR websocket: Invalid subprotocol: ['chat.v2']" } })).toBe('other/subprotocol_mismatch');
  });
});
