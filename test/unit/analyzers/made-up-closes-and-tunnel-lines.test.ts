// Issue 11, round 19 (eng-d2, 1.5.60): holdout-25's client and tunnel families in general form. A 1000 an API made up
// (on_wire false, a placeholder for its reason) beside an error naming a failure; a required extension's parameter missing
// from the answer; a tunnel's own lines are text, so its length is no timer's evidence; ENOTCONN from getpeername() after a
// connect. Texts are written for these tests in the shapes the cited sources print (values changed); none is a line of a
// held-out set.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { event, verdictOf } from './event-builder.js';

const opened = (close: NonNullable<TelemetryEventInput['close']>, error?: TelemetryEventInput['error']): Partial<TelemetryEventInput> => ({
  outcome: 'closed',
  target: { url: 'ws://api.example.com/socket' },
  handshake: { status: 101 },
  close,
  ...(error ? { error } : {}),
});

describe('a 1000 the API made up beside the error it reports (RFC 6455 §7.1.5: a clean close needs a Close frame)', () => {
  it.each([
    ['RSV bits without an extension (ws WS_ERR_UNEXPECTED_RSV_2)', 'unknown reason', { name: 'RangeError', message: 'Invalid WebSocket frame: RSV2 and RSV3 must be clear', code: 'WS_ERR_UNEXPECTED_RSV_2_3' }, 'other/protocol_error'],
    ['a reserved opcode', 'Unknown Reason', { message: 'Invalid WebSocket frame: invalid opcode 11' }, 'other/protocol_error'],
    ['a message over the limit', 'no reason', { name: 'RangeError', message: 'Max payload size exceeded', code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' }, 'other/message_too_big'],
  ] as const)('%s: the error decides', (_label, reason, error, expected) => {
    expect(verdictOf(opened({ code: 1000, reason, on_wire: false }, error))).toBe(expected);
  });

  it.each([
    ['read from a Close frame (on_wire true)', { code: 1000, reason: 'unknown reason', on_wire: true }],
    ['with a reason of its own', { code: 1000, reason: 'bye', on_wire: false }],
  ] as const)('a 1000 %s beside the same error stays a normal close', (_label, close) => {
    expect(verdictOf(opened(close, { message: 'Invalid WebSocket frame: invalid opcode 11' }))).toBe('none/normal_closure');
  });

  it('a made-up 1000 beside an error that names nothing stays a normal close (a library reporting its close as an error)', () => {
    expect(verdictOf(opened({ code: 1000, reason: 'unknown reason', on_wire: false }, { message: 'websocket closed' }))).toBe('none/normal_closure');
  });
});

describe('a required extension answered without a parameter the client required (RFC 7692 §7.1.1.1)', () => {
  const required = (requirement: string, answer: string): Partial<TelemetryEventInput> => ({
    outcome: 'closed',
    handshake: { status: 101, request_extensions: 'permessage-deflate; client_no_context_takeover; server_no_context_takeover', response_extensions: answer, required_extensions: [requirement] },
    close: { code: 1010, reason: '', on_wire: true, initiator: 'client' },
  });

  it('a parameter missing from the answer: extension_params_rejected', () => {
    const result = classify(event(required('permessage-deflate; client_no_context_takeover', 'permessage-deflate; server_no_context_takeover')));
    expect(`${result.attribution}/${result.cause}`).toBe('1010/extension_params_rejected');
    expect(result.evidence.map((e) => e.detail).join(' ')).toContain('extensions.required_param');
  });

  it('the parameter answered: no finding of its own; the extension missing altogether: extension_not_negotiated', () => {
    const answered = classify(event(required('permessage-deflate; client_no_context_takeover', 'permessage-deflate; client_no_context_takeover')));
    expect(answered.evidence.map((e) => e.detail).join(' ')).not.toContain('extensions.required_param');
    expect(verdictOf(required('permessage-deflate; client_no_context_takeover', ''))).toBe('1010/extension_not_negotiated');
  });
});

describe("a tunnel's own lines are text: its length is no timer's evidence behind it", () => {
  const tunnel = (lines: string, kind: 'proxy' | 'server'): Partial<TelemetryEventInput> => ({
    source: { kind, service: 'test', runtime: 'tunnel 1.0' },
    target: { url: 'ws://api.example.com/socket' },
    timing: { total_ms: 5004.2 },
    labels: { proxy_log: lines },
  });
  const teardown = 'INFO: connect to api.example.com:443\nINFO: new connection to remote\nINFO: close a connection to remote\nINFO: close a connection from client';

  it('teardown lines only, ended at a whole-second bound: unknown_failure', () => {
    expect(verdictOf(tunnel(teardown, 'proxy'))).toBe('other/unknown_failure');
  });

  it('without the lines, the bound reads as a timeout as before (convention "An attempt that ended at a whole-second bound")', () => {
    expect(verdictOf({ ...tunnel(teardown, 'proxy'), labels: {} })).toBe('other/network_timeout');
  });

  it("a server's accept/unbind lines show a wait in which nothing came: the bound still reads as a timeout", () => {
    expect(verdictOf(tunnel('accept port=8080\nunbind ms=5004.2', 'server'))).toBe('other/network_timeout');
  });
});

describe('ENOTCONN from getpeername(), the call that checks whether a connect completed', () => {
  it('a tunnel\'s "getpeername: Transport endpoint is not connected" after its connect: unknown_failure, low', () => {
    const result = classify(event({ source: { kind: 'proxy', service: 'test', runtime: 'tunnel 1.0' }, error: { message: 'INFO: connect to 10.0.0.7:8080\nERROR: getpeername: Transport endpoint is not connected' } }));
    expect([result.attribution, result.cause, result.confidence]).toEqual(['other', 'unknown_failure', 0.3]);
    expect(result.evidence[0]?.detail).toContain('inferred.not_connected_on_connect');
  });

  it('ENOTCONN on a write stays the reset the errno table says', () => {
    expect(verdictOf({ error: { message: 'send: Transport endpoint is not connected' } })).toBe('other/network_reset');
  });
});
