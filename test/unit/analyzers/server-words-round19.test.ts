// Round 19 (holdout-25's server-log misses in general form, 1.5.59): a request header refused in any wording beside the
// server's 400 (its name beside a word of refusal, with the access line's own 400 in the same log), and an access line of a 101
// that is no orderly end beside the server's own error record. Texts are written for these tests in the shapes the stacks
// print (pretty_env_logger's " LEVEL target > message", an access line); none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { serverFailureKind } from '../../../analyzers/server-log-levels.js';
import { event, verdictOf } from './event-builder.js';

const server = { kind: 'server', service: 'docs', runtime: 'app server 1.0' } as const;
const access = (status: number): string => ` INFO  app                    > 10.0.0.7:51514 "GET /feed HTTP/1.1" ${status} "-" "-" 31.2µs`;
const refused = (line: string): Partial<TelemetryEventInput> => ({
  source: server,
  outcome: 'failed',
  target: { url: 'ws://docs.example.test/feed' },
  handshake: { status: 400, request_extensions: 'permessage-deflate; client_max_window_bits' },
  error: { message: [' DEBUG hyper::proto::h1::conn > incoming body is empty', line, access(400)].join('\n') },
});

describe('a request header refused in any wording beside the 400', () => {
  it.each([
    ['an unknown offer parameter', ' WARN  feed   > rejecting upgrade: bad Sec-WebSocket-Extensions header (unknown parameter zz)', '1010/extension_params_rejected'],
    ['the header named first', ' WARN  feed   > Sec-WebSocket-Extensions header malformed: empty parameter', '1010/extension_params_rejected'],
    ['a quoted Connection header', ' WARN  feed   > handshake failed: Illegal request header \'connection\'', 'other/protocol_error'],
    ['an Upgrade header called so', ' WARN  feed   > refusing: the Upgrade header is missing', 'other/protocol_error'],
    ['a Sec-WebSocket-Key', ' WARN  feed   > Sec-WebSocket-Key rejected: not 16 bytes', 'other/protocol_error'],
  ] as const)('%s: %s', (_label, line, verdict) => {
    expect(verdictOf(refused(line))).toBe(verdict);
  });

  it('"upgrade refused" alone names no header: the 400 stays http_rejected', () => {
    expect(verdictOf(refused(' WARN  feed   > upgrade refused: rate limit for this client'))).toBe('other/http_rejected');
  });
});

describe("a 101's access line beside the server's own error record", () => {
  const closed = (...lines: string[]): Partial<TelemetryEventInput> => ({
    source: server,
    outcome: 'closed',
    target: { url: 'ws://docs.example.test/feed' },
    handshake: { status: 101 },
    error: { message: [access(101), ...lines].join('\n') },
  });

  it("reads pretty_env_logger's ERROR record as the server's error record", () => {
    expect(serverFailureKind(event(closed(' ERROR feed_srv               > session 4 failed: frame too large')))).toBe('record');
    expect(serverFailureKind(event(closed(' WARN  feed_srv               > slow consumer')))).toBeUndefined();
  });

  it.each([
    ['a frame over the size limit', ' ERROR feed_srv > websocket error for 10.0.0.7:51514: Space limit exceeded: Message too long: 70000 > 65536', 'other/message_too_big'],
    ['an unmasked frame', ' ERROR feed_srv > websocket error: WebSocket protocol error: Received an unmasked frame from client', 'other/protocol_error'],
  ] as const)('%s decides, not the access line', (_label, line, verdict) => {
    expect(verdictOf(closed(' DEBUG warp::filters::ws > websocket poll error', line))).toBe(verdict);
  });

  it('the access line alone still reads as the orderly end it records', () => {
    expect(verdictOf(closed(' DEBUG hyper::proto::h1::conn > read eof'))).toBe('none/normal_closure');
  });
});

describe('a keepalive timeout after open decides over the code made up for it', () => {
  const session = (message: string, close: NonNullable<TelemetryEventInput['close']>, name?: string): Partial<TelemetryEventInput> => ({
    source: server,
    outcome: 'closed',
    target: { url: 'ws://docs.example.test/feed' },
    handshake: { status: 101 },
    error: name ? { name, message } : { message },
    close,
  });

  it.each([
    ['a 1011 the server sent for its ping timer', ' WARN  feed_srv > closing 10.0.0.7:51514: no pong received within 5s', { code: 1011, initiator: 'server', on_wire: false }],
    ['a 1006 the API reports for the terminate', 'heartbeat: no pong received, terminating', { code: 1006, initiator: 'server', on_wire: false }],
    ['a 1001 made up for an idle timer', 'Idle timeout expired: 30000/30000 ms', { code: 1001, initiator: 'server', on_wire: false }],
    ['a ping timeout in the words', 'ping timeout', { code: 1006, on_wire: false }],
  ] as const)('%s', (_label, message, close) => {
    expect(verdictOf(session(message, close))).toBe('other/network_timeout');
  });

  it('a 1001 read from a Close frame stays going_away', () => {
    expect(verdictOf(session('Idle timeout expired', { code: 1001, initiator: 'server', on_wire: true }))).toBe('none/going_away');
  });

});

describe("a server's own failure after open: its handler's exception or an application's error beside its close", () => {
  const opened = (error: NonNullable<TelemetryEventInput['error']>, close?: TelemetryEventInput['close']): Partial<TelemetryEventInput> => ({
    source: server,
    outcome: 'closed',
    target: { url: 'ws://docs.example.test/feed' },
    handshake: { status: 101 },
    error,
    ...(close ? { close } : {}),
  });
  const traceback = ['Traceback (most recent call last):', '  File "/srv/app/feed.py", line 40, in session', '    handle(ws.wait())'];

  it.each([
    ['a handler that raised, then the WSGI server\'s 500 line', [...traceback, "ValueError: bad subscription 'x'", '10.0.0.7 - - [03/Dec/2026 10:00:01] "GET /feed HTTP/1.1" 500 0 0.0011']],
    ['a decode error the handler did not catch', [...traceback, "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 2: invalid start byte", '10.0.0.7 - - [03/Dec/2026 10:00:02] "GET /feed HTTP/1.1" 500 0 0.0009']],
  ] as const)('%s: server_error', (_label, lines) => {
    expect(verdictOf(opened({ message: lines.join('\n') }))).toBe('other/server_error');
  });

  it.each([
    ['a TypeError beside a 1005 the server started', { name: 'TypeError', message: "Cannot read properties of null (reading 'room')" }, { code: 1005, initiator: 'server', on_wire: false }],
    ['an Error beside a close without code', { name: 'Error', message: 'ledger backend unavailable' }, { initiator: 'server' }],
  ] as const)('%s: server_error', (_label, error, close) => {
    expect(verdictOf(opened(error, close))).toBe('other/server_error');
  });

  it('a client-started close beside the same error is no server failure', () => {
    expect(verdictOf(opened({ name: 'Error', message: 'ledger backend unavailable' }, { initiator: 'client' }))).not.toBe('other/server_error');
  });

  it("a 500 access line without the handler's exception is no server_error of this rule", () => {
    expect(verdictOf(opened({ message: '10.0.0.7 - - [03/Dec/2026 10:00:03] "GET /feed HTTP/1.1" 500 0 0.0010' }))).not.toBe('other/server_error');
  });
});
