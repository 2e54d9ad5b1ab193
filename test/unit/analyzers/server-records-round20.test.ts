// Round 20 (eng-e2, 1.5.63): holdout-26's server-record misses in general form. A close code a framework made up (on_wire false,
// nobody named as closing, no reason beyond the code's name) yields to the frame violation or size limit its log names; a panic
// (Go, Rust) after open is the handler's failure; a framework's upgrade-refusal texts (gorilla, Netty; upgrade-refusal-texts.ts)
// name the request's part; "the websocket protocol" is no subprotocol. Texts are written in the shapes the cited sources print
// (values, threads, paths changed); none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { classify } from '../../../analyzers/classify.js';
import { serverFailureKind } from '../../../analyzers/server-log-levels.js';
import { upgradeRefusalTexts } from '../../../analyzers/upgrade-refusal-texts.js';
import { event, verdictOf } from './event-builder.js';

const server = { kind: 'server', service: 'feeds', runtime: 'app server 1.0' } as const;
const jvmTrace = (exception: string): string =>
  [
    '09:14:02.311 [io-loop-3] ERROR app.Main -- GET /feed 500 Server Error',
    exception,
    '\tat io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder.protocolViolation(WebSocket08FrameDecoder.java:431)',
    '\tat io.netty.handler.codec.ByteToMessageDecoder.callDecode(ByteToMessageDecoder.java:469)',
    '\tat java.base/java.lang.Thread.run(Thread.java:840)',
  ].join('\n');
const opened = (close: NonNullable<TelemetryEventInput['close']>, message: string): Partial<TelemetryEventInput> => ({
  source: server,
  outcome: 'closed',
  target: { url: 'ws://feeds.example.test/feed' },
  handshake: { status: 101 },
  close,
  error: { message },
});
const madeUp1001 = { code: 1001, reason: 'Going away', initiator: 'unknown', on_wire: false } as const;

describe('a close code the framework made up yields to the frame violation or size limit its log names', () => {
  it.each([
    ['an unmasked client frame (Netty)', jvmTrace('io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException: received a frame that is not masked as expected'), 'other/protocol_error'],
    ['a frame over the limit (Netty)', jvmTrace('io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException: Max frame length of 65536 has been exceeded.'), 'other/message_too_big'],
    ['a reserved opcode (Netty)', jvmTrace('io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException: data frame using reserved opcode 5'), 'other/protocol_error'],
    ['RSV bits in words no table knows', 'feed 7: peer sent a frame with the RSV2 bit set: illegal', 'other/protocol_error'],
    ['a read limit (gorilla)', 'read feed 7: websocket: read limit exceeded', 'other/message_too_big'],
  ] as const)('%s', (_label, message, expected) => {
    expect(verdictOf(opened(madeUp1001, message))).toBe(expected);
  });

  it.each([
    ['read from a Close frame (on_wire true)', { ...madeUp1001, on_wire: true }],
    ['with the closing side named', { ...madeUp1001, initiator: 'client' }],
    ['with a reason of its own', { ...madeUp1001, reason: 'tab closed' }],
  ] as const)('a 1001 %s beside the same exception stays going_away', (_label, close) => {
    const message = jvmTrace('io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException: received a frame that is not masked as expected');
    expect(verdictOf(opened(close, message))).toBe('none/going_away');
  });

  it('a made-up 1000 with an empty reason yields the same way', () => {
    expect(verdictOf(opened({ code: 1000, reason: '', on_wire: false }, 'frame error: control frame with payload length > 125 octets'))).toBe('other/protocol_error');
  });

  it('a made-up 1001 beside an exception that names no frame or size stays going_away', () => {
    expect(verdictOf(opened(madeUp1001, jvmTrace('java.lang.IllegalStateException: handler already removed')))).toBe('none/going_away');
  });
});

describe("other frameworks' frame texts beside a made-up 1001 (Jetty's exception classes, Tomcat's wsFrame strings)", () => {
  it.each([
    ['Jetty 12 ProtocolException', 'org.eclipse.jetty.websocket.core.exception.ProtocolException: DataFrame before fin==true', 'other/protocol_error'],
    ['Jetty 10 api ProtocolException', 'org.eclipse.jetty.websocket.api.exceptions.ProtocolException: Invalid CLOSE payload', 'other/protocol_error'],
    ['Jetty MessageTooLargeException', 'org.eclipse.jetty.websocket.core.exception.MessageTooLargeException: Binary message too large: 90,000 > 65,536', 'other/message_too_big'],
    ["Tomcat's MessageHandler limit", 'java.io.IOException: The message was [90000] bytes long but the MessageHandler has a limit of [8192] bytes', 'other/message_too_big'],
    ["Tomcat's unrecognised opCode", 'java.io.IOException: A WebSocket frame was sent with an unrecognised opCode of [11]', 'other/protocol_error'],
    ["Tomcat's frame after a close", 'java.io.IOException: New frame received after a close control frame', 'other/protocol_error'],
  ] as const)('%s', (_label, message, expected) => {
    expect(verdictOf(opened(madeUp1001, message))).toBe(expected);
  });
});

describe('JVM stack frames name code locations, not the failure', () => {
  it('a frame method named protocolViolation does not outweigh the size limit the exception states', () => {
    const message = jvmTrace('io.example.ws.FrameTooLargeError: inbound frame length 90000 exceeds the configured limit 65536');
    const result = classify(event(opened(madeUp1001, message)));
    expect(`${result.attribution}/${result.cause}`).toBe('other/message_too_big');
    expect(result.evidence.map((e) => e.detail).join(' ')).not.toContain('Violation');
  });
});

describe('a panic after open is the handler failing the session (round 16/19: server_error)', () => {
  const goPanic = ['panic: runtime error: index out of range [3] with length 2', '', 'goroutine 41 [running]:', 'main.feedHandler(0xc000182000)', '\t/srv/feeds/main.go:88 +0x1c5'].join('\n');
  const netHttpPanic = 'http: panic serving 10.0.0.7:51514: runtime error: invalid memory address or nil pointer dereference\ngoroutine 12 [running]:\nnet/http.(*conn).serve.func1()';
  const rustPanic = "thread 'tokio-runtime-worker' panicked at src/feed.rs:41:17:\ncalled `Option::unwrap()` on a `None` value";

  it.each([
    ['Go runtime panic (recovered by a framework)', goPanic],
    ["net/http's recovered handler panic", netHttpPanic],
    ["Rust's default panic hook", rustPanic],
  ] as const)('%s: uncaught, and server_error after a 101 with no close code', (_label, message) => {
    expect(serverFailureKind(event({ source: server, error: { message } }))).toBe('uncaught');
    expect(verdictOf({ source: server, outcome: 'closed', target: { url: 'ws://feeds.example.test/feed' }, handshake: { status: 101 }, error: { message } })).toBe('other/server_error');
  });

  it('a "panic:" inside a line is no runtime panic', () => {
    expect(serverFailureKind(event({ source: server, error: { message: 'feed 7: client said panic: true' } }))).toBeUndefined();
  });
});

describe("frameworks' upgrade-refusal texts (one cited row each)", () => {
  it.each(upgradeRefusalTexts.map((row) => [row.id, row] as const))('%s matches its example and cites its source', (_id, row) => {
    expect(row.pattern.test(row.example)).toBe(true);
    expect(row.source).toMatch(/https:\/\/github\.com\//);
  });

  const refused = (message: string, status?: number): Partial<TelemetryEventInput> => ({
    source: server,
    outcome: 'failed',
    target: { url: 'ws://feeds.example.test/feed' },
    ...(status === undefined ? {} : { handshake: { status } }),
    error: { message },
  });
  it.each([
    // Convention 17: a 400 naming a request header is protocol_error; any other status is http_rejected (convention 4).
    ["gorilla's Connection header, 400", "2026/01/05 09:14:02 upgrade 10.0.0.7:51514: websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header", 400, 'other/protocol_error'],
    ["gorilla's Sec-WebSocket-Key, 400", "websocket: not a websocket handshake: 'Sec-WebSocket-Key' header must be Base64 encoded value of 16-byte in length", 400, 'other/protocol_error'],
    ["gorilla's method, 405", 'upgrade 10.0.0.7:51514: websocket: the client is not using the websocket protocol: request method is not GET', 405, 'other/http_rejected'],
    ["gorilla's Upgrade header, 426 (since v1.5.1)", "websocket: the client is not using the websocket protocol: 'websocket' token not found in 'Upgrade' header", 426, 'other/protocol_error'], // round 23: convention 17 reads any 4xx but 401/403/404/405
    ["Netty's Connection header, 400", "WebSocketServerHandshakeException: not a WebSocket request: a |Connection| header must includes a token 'Upgrade'", 400, 'other/protocol_error'],
    ["Netty's missing key, 400", 'io.netty.handler.codec.http.websocketx.WebSocketServerHandshakeException: not a WebSocket request: missing key', 400, 'other/protocol_error'],
    // A server's refusal with no status recorded (round 14): protocol_error, whatever a close callback logged after it.
    ["Netty's missing key, no status, a made-up 1001 logged later", '09:14:02.311 [io-loop-3] ERROR app.Main -- GET /feed 500 Server Error\nio.netty.handler.codec.http.websocketx.WebSocketServerHandshakeException: not a WebSocket request: missing key\n09:14:05.320 [worker-2] INFO app.Main -- websocket closed 1001 Going away', undefined, 'other/protocol_error'],
    ["gorilla's method, no status", 'websocket: the client is not using the websocket protocol: request method is not GET', undefined, 'other/protocol_error'],
  ] as const)('%s → %s', (_label, message, status, expected) => {
    expect(verdictOf(refused(message, status))).toBe(expected);
  });
});

describe('"the websocket protocol" is not a subprotocol', () => {
  it.each([
    ['the WebSocket protocol itself', 'peer is not speaking the websocket protocol at all', 405, 'other/http_rejected'],
    ['a subprotocol named by its header stays one', 'refusing upgrade: Sec-WebSocket-Protocol not supported', 400, 'other/subprotocol_mismatch'],
    ['"protocol" refused with no WebSocket word stays a subprotocol', 'server refused: unsupported protocol requested', 400, 'other/subprotocol_mismatch'],
  ] as const)('%s', (_label, message, status, expected) => {
    expect(verdictOf({ outcome: 'failed', target: { url: 'ws://feeds.example.test/feed' }, handshake: { status }, error: { message } })).toBe(expected);
  });
});
