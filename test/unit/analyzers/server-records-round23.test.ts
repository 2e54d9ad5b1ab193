// Round 23 (holdout-29's server-record misses in general form, 1.5.69): a framework's disconnect class handed to the application
// as the error's name is the peer's close (the close code decides); a framework's "Unhandled exception" header after an info record
// is a record of its own (the server's failure); a size limit named exceeded outranks a frame called invalid; a continuation that
// "has not started" breaks RFC 6455 §5.4; a server draining its connections as it stops is 1001's meaning. Texts written for these tests.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { isDisconnectClassName } from '../../../analyzers/raised-exception.js';
import { serverFailureKind } from '../../../analyzers/server-log-levels.js';
import { event, verdictOf } from './event-builder.js';

const server = { kind: 'server', service: 'feed', runtime: 'python app 1.0' } as const;
const opened = (error: TelemetryEventInput['error'], close?: TelemetryEventInput['close']): Partial<TelemetryEventInput> => ({
  source: server,
  outcome: 'closed',
  handshake: { status: 101 },
  error,
  ...(close ? { close } : {}),
});
const info = 'INFO:     10.0.0.7:40112 - "WebSocket /feed" [accepted]\nINFO:     connection open';

describe("a framework's disconnect class as error.name", () => {
  it('is known by its name, with or without its own module path', () => {
    expect(isDisconnectClassName('WebSocketDisconnected')).toBe(true);
    expect(isDisconnectClassName('falcon.errors.WebSocketDisconnected')).toBe(true);
    expect(isDisconnectClassName('starlette.websockets.WebSocketDisconnect')).toBe(true);
  });
  it("is not another library's class of the same name", () => {
    expect(isDisconnectClassName('simple_websocket.errors.ConnectionClosed')).toBe(false);
    expect(isDisconnectClassName('Disconnected')).toBe(false);
  });
  it.each([
    [1000, 'client', true, 'none/normal_closure'],
    [1001, 'client', true, 'none/going_away'],
    [1005, 'client', false, 'none/normal_closure'],
    [1009, 'unknown', false, 'other/message_too_big'],
    [1002, 'unknown', false, 'other/protocol_error'],
    [1007, 'unknown', false, 'other/protocol_error'],
  ] as const)('beside close %i (%s, on_wire %s): the code decides, no drop', (code, initiator, onWire, verdict) => {
    expect(verdictOf(opened({ name: 'WebSocketDisconnected', message: info }, { code, initiator, on_wire: onWire }))).toBe(verdict);
  });
});

describe("a framework's unhandled-exception header after an info record", () => {
  const message = `${info}\n[APP] Unhandled exception in ASGI app\nTraceback (most recent call last):\n  File "/srv/feed.py", line 12, in on_ws\n    raise ValueError("feed index out of range")\nValueError: feed index out of range`;
  it('is an uncaught exception of the server, not a line of the info record', () => {
    expect(serverFailureKind(event({ source: server, error: { message } }))).toBe('uncaught');
  });
  it('with no close code: server_error', () => {
    expect(verdictOf(opened({ message }))).toBe('other/server_error');
  });
  it('a bare traceback under a DEBUG record stays that record', () => {
    const debug = 'DEBUG:asyncio:<_SelectorSocketTransport fd=9> closed\nTraceback (most recent call last):\n  File "x.py", line 1, in f\nOSError: closed';
    expect(serverFailureKind(event({ source: server, error: { message: debug } }))).toBeUndefined();
  });
});

describe('frame words of a Rust server (actix-http ProtocolError variants)', () => {
  it('a payload length named invalid or over the size limit is message_too_big', () => {
    expect(verdictOf(opened({ message: 'ERROR ws] Overflow: frame payload length is invalid or exceeds the size limit' }))).toBe('other/message_too_big');
  });
  it('a frame named invalid with no limit stays protocol_error', () => {
    expect(verdictOf(opened({ message: 'ERROR ws] frame payload length is invalid' }))).toBe('other/protocol_error');
  });
  it('a continuation that has not started is protocol_error, not the application\'s failure', () => {
    expect(verdictOf(opened({ message: '[2026-01-01T00:00:00Z ERROR ws_srv] ContinuationNotStarted: Continuation has not started' }))).toBe('other/protocol_error');
  });
});

describe('a server draining its connections as it stops', () => {
  it('is going_away, not a drop', () => {
    const message = '12:00:01.000 INF Shutting down... (graceful shutdown in progress)\n12:00:01.001 INF closing active connections num=4\n12:00:01.002 INF all active connections closed';
    expect(verdictOf({ source: { kind: 'server', service: 'hub', runtime: 'go app 1.0' }, outcome: 'closed', handshake: { status: 101 }, error: { message } })).toBe('none/going_away');
  });
  it('a connection closed by reset stays a drop', () => {
    expect(verdictOf(opened({ message: 'connection reset by peer' }))).toBe('other/abnormal_closure');
  });
});
