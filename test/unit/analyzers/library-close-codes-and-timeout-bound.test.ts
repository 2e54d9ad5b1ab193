// Round 9 (eng-o, 1.5.30): a library's own close code below 1000 (RFC 6455 §7.4.2 leaves 0-999 unused) that the event does not
// mark as read from a Close frame is no close code: the reason's words decide, and with none the event reads as one without a
// code. Reasons that name a shutdown, a close-code name or a reconnect asked for; the whole-second timeout bound only for an
// event with no text at all. Texts are written for these tests (the shapes centrifuge-go / Centrifugo use: codes.go, and
// https://centrifugal.dev/docs/server/codes), none is a line of a held-out set.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { event, verdictOf } from './event-builder.js';

const apiClose = (code: number, reason: string, extra: Partial<NonNullable<TelemetryEventInput['close']>> = {}): Partial<TelemetryEventInput> => ({
  outcome: 'closed',
  target: { url: 'ws://rt.example.net/connection/websocket' },
  close: { code, reason, ...extra },
});

describe('a library\'s own close code below 1000 is read by its reason\'s words', () => {
  it.each([
    ['the application called disconnect', 0, 'disconnect called', { initiator: 'client' as const }, 'none/normal_closure'],
    ['a server that goes away', 1, 'backend going away', {}, 'none/going_away'],
    ['a server that shuts down', 1, 'node shutting down', {}, 'none/going_away'],
    ['a reconnect asked for', 1, 'config reloaded, please reconnect', {}, 'none/normal_closure'],
    ['a policy', 1, 'policy violation', {}, 'other/policy_violation'],
    ['a size limit', 3, 'message too big', {}, 'other/message_too_big'],
    ['an internal error', 1, 'internal server error', {}, 'other/server_error'],
    ['a restart', 1, 'service restart', {}, 'other/service_restart'],
    ['try again later', 1, 'overloaded, try again later', {}, 'other/service_restart'],
    ['a protocol error', 1, 'protocol error', {}, 'other/protocol_error'],
    ['1003\'s name', 1, 'unsupported data', {}, 'other/protocol_error'],
    ['an EOF', 1, 'unexpected EOF', {}, 'other/abnormal_closure'],
  ] as const)('%s', (_label, code, reason, extra, expected) => {
    expect(verdictOf(apiClose(code, reason, extra))).toBe(expected);
  });

  it('with no cause words and nobody named as closing, the library\'s words are no Close frame: a drop (1006)', () => {
    expect(verdictOf(apiClose(1, 'transport closed'))).toBe('other/abnormal_closure');
    expect(verdictOf(apiClose(0, ''))).toBe('other/abnormal_closure');
  });

  it('reports no wire violation for it', () => {
    expect(classify(event(apiClose(1, 'transport closed'))).violations).toEqual([]);
    expect(classify(event(apiClose(0, 'x', { on_wire: false }))).violations).toEqual([]);
  });

  it('a code below 1000 read from a Close frame (on_wire true) stays a peer\'s breach of RFC 6455 §7.4.2', () => {
    const result = classify(event(apiClose(2, 'server going away', { on_wire: true, initiator: 'server' })));
    expect(`${result.attribution}/${result.cause}`).toBe('other/protocol_error');
    expect(result.violations).toEqual(['close_code_invalid:2']);
  });

  it('a registered code keeps its meaning whatever the reason says', () => {
    expect(verdictOf(apiClose(1000, 'please reconnect', { on_wire: true, initiator: 'server' }))).toBe('none/normal_closure');
    expect(verdictOf(apiClose(1011, 'shutdown', { on_wire: true, initiator: 'server' }))).toBe('other/server_error');
  });
});

describe('an application code\'s reason names a shutdown or a bad request (Centrifugo 3001, 3501)', () => {
  it.each([
    [3001, 'shutdown', 'none/going_away'],
    [4001, 'server shutting down for maintenance', 'none/going_away'],
    [3501, 'bad request', 'other/protocol_error'],
    [4400, 'unsupported data', 'other/protocol_error'],
  ] as const)('%i %s', (code, reason, expected) => {
    expect(verdictOf(apiClose(code, reason, { on_wire: true, initiator: 'server' }))).toBe(expected);
  });

  it('outside a close reason the words are not read as a close', () => {
    // "Bad Request" in an error text is HTTP 400's reason phrase, not a close's.
    expect(verdictOf({ error: { message: 'unexpected response: 400 Bad Request' } })).toBe('other/http_rejected');
    // A shutdown word in a failed connect's text names no clean end.
    expect(verdictOf({ error: { message: 'connect failed: server shutdown in progress' } })).not.toMatch(/^none\//);
  });
});

describe('an attempt that ended at a whole-second bound is a timeout only with no text at all', () => {
  const silent = (total_ms: number): Partial<TelemetryEventInput> => ({ target: { url: 'ws://rt.example.net/ws' }, timing: { total_ms } });

  it('no text, just past a whole second: a timer ended the wait', () => {
    expect(verdictOf(silent(8012))).toBe('other/network_timeout');
    expect(verdictOf(silent(30_000))).toBe('other/network_timeout');
  });

  it('no text, at no bound: unknown', () => {
    expect(verdictOf(silent(2437))).toBe('other/unknown_failure');
  });

  it('a text that names no cause is the library\'s report of a failure, not a timer: unknown', () => {
    expect(verdictOf({ ...silent(4006), error: { name: 'Error', message: 'Unable to establish the session with the hub.' } })).toBe('other/unknown_failure');
    expect(verdictOf({ ...silent(4006), error: { name: 'HubError' } })).toBe('other/unknown_failure');
  });

  it('a failed read of the answer keeps its own timing rule (the text names the read)', () => {
    expect(verdictOf({ ...silent(5003), error: { message: 'Failed reading HTTP status line from ws://rt.example.net/ws' } })).toBe('other/network_timeout');
  });
});
