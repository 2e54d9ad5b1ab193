// Round 22 (holdout-28's server-record misses in general form, 1.5.66): a traceback that ends in a framework's exception for the
// peer's close reports the disconnect (the close decides), an application's own uncaught exception whose message alone holds
// reset words is server_error, and a 400 naming a request header without its "Sec-" prefix or by its required token. Texts are
// written for these tests in the shapes the frameworks print (class names from their sources, cited in raised-exception.ts).
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { raisedDisconnect, raisedException, resetWordsOnlyInApplicationException } from '../../../analyzers/raised-exception.js';
import { serverFailureKind } from '../../../analyzers/server-log-levels.js';
import { event, verdictOf } from './event-builder.js';

const server = { kind: 'server', service: 'chat', runtime: 'python app 1.0' } as const;
const traceback = (exception: string, head = 'ERROR:root:Exception while handling WebSocket'): string =>
  [head, 'Traceback (most recent call last):', '  File "/srv/app/handlers.py", line 21, in chat', '    msg = await ws.receive_text()', '          ^^^^^^^^^^^^^^^^^^^^^^', exception].join('\n');
const closedSession = (message: string, close?: TelemetryEventInput['close']): Partial<TelemetryEventInput> => ({
  source: server,
  outcome: 'closed',
  handshake: { status: 101 },
  error: { message },
  ...(close ? { close } : {}),
});

describe('raisedException reads the exception a traceback ends in', () => {
  it('names the class without its module path', () => {
    expect(raisedException(traceback('starlette.websockets.WebSocketDisconnect: 1001'))?.name).toBe('WebSocketDisconnect');
    expect(raisedException(traceback('KeyError'))?.name).toBe('KeyError');
  });
  it('reads the last traceback of a chained report', () => {
    const chained = `${traceback('websockets.exceptions.ConnectionClosedOK: received 1000 (OK); then sent 1000 (OK)')}\n\nDuring handling of the above exception, another exception occurred:\n\n${traceback('ValueError: bad payload', '')}`;
    expect(raisedException(chained)?.name).toBe('ValueError');
    expect(raisedDisconnect(chained)).toBe(false);
  });
  it('no traceback, no exception', () => {
    expect(raisedException('ERROR: handler failed')).toBeUndefined();
  });
});

describe("a traceback ending in the framework's disconnect exception is the peer's close, not a failure", () => {
  it.each([
    ['Starlette', 'starlette.websockets.WebSocketDisconnect: 1000'],
    ['BlackSheep', 'blacksheep.server.websocket.WebSocketDisconnectError: The client closed the connection. WebSocket close code: 1000.'],
    ['websockets', 'websockets.exceptions.ConnectionClosedOK: received 1000 (OK); then sent 1000 (OK)'],
    ['Tornado', 'tornado.websocket.WebSocketClosedError'],
  ] as const)('%s: no server failure recorded', (_label, exception) => {
    expect(serverFailureKind(event({ source: server, error: { message: traceback(exception) } }))).toBeUndefined();
  });

  it('the client\'s 1000 beside it decides: a normal closure', () => {
    const message = traceback('blacksheep.server.websocket.WebSocketDisconnectError: The client closed the connection. WebSocket close code: 1000.');
    expect(verdictOf(closedSession(message, { code: 1000, initiator: 'client', on_wire: true }))).toBe('none/normal_closure');
  });
  it('the client\'s 1001 beside it decides: going away', () => {
    const message = traceback('starlette.websockets.WebSocketDisconnect: 1001');
    expect(verdictOf(closedSession(message, { code: 1001, initiator: 'client', on_wire: true }))).toBe('none/going_away');
  });
  it('a handler\'s own exception beside the client\'s 1000 stays server_error', () => {
    const message = traceback('TypeError: unsupported operand type(s) for +: \'int\' and \'str\'');
    expect(serverFailureKind(event({ source: server, error: { message } }))).toBe('uncaught');
    expect(verdictOf(closedSession(message, { code: 1000, initiator: 'client', on_wire: true }))).toBe('other/server_error');
  });
});

describe("an application's own uncaught exception whose message holds reset words", () => {
  const app = (exception: string): string => traceback(exception, '[ERROR] Application callable raised an exception');
  it('the words are of another resource: server_error', () => {
    expect(resetWordsOnlyInApplicationException(app('RuntimeError: database connection lost'))).toBe(true);
    expect(verdictOf(closedSession(app('RuntimeError: database connection lost')))).toBe('other/server_error');
  });
  it('an I/O class is this session\'s transport: the reset stands', () => {
    const message = app('ConnectionResetError: [Errno 104] Connection reset by peer');
    expect(resetWordsOnlyInApplicationException(message)).toBe(false);
    expect(verdictOf(closedSession(message))).toBe('other/abnormal_closure');
  });
  it('a reset named outside the exception line is this session\'s: the reset stands', () => {
    const message = `WARNING: connection reset by peer while reading\n${app('RuntimeError: connection lost')}`;
    expect(resetWordsOnlyInApplicationException(message)).toBe(false);
  });
});

describe('a 400 naming a request header by its words without "Sec-" or by its required token', () => {
  const refused = (message: string): Partial<TelemetryEventInput> => ({ source: server, target: { url: 'ws://chat.example.test/ws' }, handshake: { status: 400 }, error: { message } });
  it.each([
    ['the version without its prefix', 'handshake refused: WebSocket version is not 13'],
    ['the key without its prefix', 'bad request: WebSocket key missing'],
    ['the Connection token missing', 'upgrade: missing connection upgrade'],
    ['the Connection field with its token', 'request without Connection: upgrade'],
    ['the Upgrade field with its token', 'invalid request: no Upgrade: websocket (unsupported value h2c)'],
  ] as const)('%s: %s → protocol_error', (_label, message) => {
    expect(verdictOf(refused(message))).toBe('other/protocol_error');
  });
  it.each([
    ['an upgrade refused in plain words', 'websocket connection upgrade refused by policy'],
    ['a version of the application', 'client version is not supported'],
  ] as const)('%s stays http_rejected: %s', (_label, message) => {
    expect(verdictOf(refused(message))).toBe('other/http_rejected');
  });
});
