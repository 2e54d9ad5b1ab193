// Issue 11, round 8 (holdout-15's families in general form, 1.5.28): an application close code (3000-4999) is classified by
// its reason's words (a Close frame's reason is the close's own; a close code stated in a text is no drop); a policy named as
// what refused; an application protocol's message sequence; credentials refused in words (the noun decides); the Upgrade field
// named missing; a resolver call that failed and its EAI status; ENOTCONN reported by a connect. Texts are written for these
// tests in the shapes the cited sources print (values changed); none is a line of a held-out set.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { event, verdictOf } from './event-builder.js';

const failed = (message: string): Partial<TelemetryEventInput> => ({ error: { message } });
const closedWith = (code: number, reason: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  outcome: 'closed',
  handshake: { status: 101 },
  close: { code, reason, on_wire: true, initiator: 'server' },
  ...extra,
});
const readError = (message: string): Partial<TelemetryEventInput> => ({ outcome: 'closed', error: { message } });

describe('an application close code (RFC 6455 §7.4.2: 3000-4999) is classified by its reason\'s words', () => {
  it.each([
    ['4500 with an internal error (graphql-ws CloseCode.InternalServerError)', 4500, 'Internal server error', 'other/server_error'],
    ['3011 with an internal error in other words', 3011, 'internal error', 'other/server_error'],
    ['4004 with a message-sequence violation', 4004, 'Second message cannot be of type ping', 'other/protocol_error'],
    ['4400 with an unknown message type', 4400, 'Invalid message type "subscribe_v2"', 'other/protocol_error'],
    ['4403 with a policy refusal', 4403, 'denied by policy', 'other/policy_violation'],
    ['4401 with a credential refused', 4401, 'access token invalid', 'other/http_auth_rejected'],
    ['4406 with a subprotocol refused', 4406, 'Subprotocol not acceptable', 'other/subprotocol_mismatch'],
  ] as const)('%s', (_label, code, reason, expected) => {
    expect(verdictOf(closedWith(code, reason))).toBe(expected);
  });

  it.each([
    // (A farewell, "bye", names a normal close since 1.5.40: api-verdicts-and-routine-reasons.test.ts.) Since 1.5.62 (round 20),
    // a code read from a Close frame whose reason names no cause is a clean close (close-code-restatements.test.ts).
    ['no cause words', 4000, 'session 7f3a', 'none/normal_closure'],
    ['an empty reason', 4100, '', 'none/normal_closure'],
    // A refusal word names a failure whose cause the reason does not say: no clean close, and no cause either.
    ['a bare HTTP reason phrase', 4403, 'Forbidden', 'other/unknown_failure'],
  ] as const)('%s: no cause of its own (%s → %s)', (_label, code, reason, expected) => {
    expect(verdictOf(closedWith(code, reason))).toBe(expected);
  });

  it.each([
    [1000, 'Internal server error', 'none/normal_closure'],
    [1000, 'forbidden by policy', 'none/normal_closure'],
    [1001, 'Second message cannot be of type ping', 'none/going_away'],
  ] as const)('a clean %i stays clean whatever its reason says (%s)', (code, reason, expected) => {
    expect(verdictOf(closedWith(code, reason))).toBe(expected);
  });

  it('a reason beside a code no Close frame carries (1006) is the API\'s, not the close\'s words', () => {
    const result = classify(event({ outcome: 'closed', close: { code: 1006, reason: 'Internal Server Error', on_wire: false } }));
    expect(result.cause).toBe('abnormal_closure');
  });

  it('"internal server error" outside a close stays HTTP 500\'s reason phrase, no server_error', () => {
    expect(verdictOf(failed('Internal Server Error'))).not.toBe('other/server_error');
  });
});

describe('a close code stated in a text after a read error: a Close frame came, no drop', () => {
  // gorilla/websocket's CloseError prints "websocket: close <code>[ (<name>)]: <text>" (conn.go, CloseError.Error); a probe that
  // wraps it ("error reading websocket message: …") reports the read that received the Close frame.
  it.each([
    ['an application code with a policy reason', 'error reading websocket message: websocket: close 4008: blocked by policy', 'other/policy_violation'],
    ['an application code with an internal error', 'read: websocket: close 4500: internal server error', 'other/server_error'],
    ['an application code with a credential refused', 'error reading websocket message: websocket: close 4401: invalid token', 'other/http_auth_rejected'],
    ['a registered code keeps its table cause', 'error reading websocket message: websocket: close 1011 (internal server error): db down', 'other/server_error'],
    ['a clean code stays clean', 'error reading websocket message: websocket: close 1000 (normal): done', 'none/normal_closure'],
  ] as const)('%s', (_label, message, expected) => {
    expect(verdictOf(readError(message))).toBe(expected);
  });

  it('an application code with no cause words is a clean close (since 1.5.62), not a drop (abnormal_closure)', () => {
    const result = classify(event(readError('error reading websocket message: websocket: close 4000: bye')));
    expect([result.attribution, result.cause]).toEqual(['none', 'normal_closure']);
    expect(result.evidence[0]?.detail).toContain('concept.close_code_application');
  });

  it('an application code whose words after it name a failure without its cause stays unknown_failure, not a drop', () => {
    const result = classify(event(readError('error reading websocket message: websocket: close 4000: session failed')));
    expect([result.attribution, result.cause]).toEqual(['other', 'unknown_failure']);
    expect(result.evidence[0]?.detail).toContain('concept.close_code_application');
  });

  it.each([
    ['1006 is made up by the API: still a drop', 'error reading websocket message: websocket: close 1006 (abnormal closure): unexpected EOF'],
    ['a number after "error code" is no close code', 'read failed, error code 4001'],
  ] as const)('%s', (_label, message) => {
    expect(verdictOf(readError(message))).toBe('other/abnormal_closure');
  });
});

describe('credentials refused in words: the noun decides', () => {
  it.each([
    ['a token compared with the configured one', 'login rejected: token in request does not match token from server config'],
    ['a password', 'auth: supplied password is incorrect'],
    ['an API key', 'connect: invalid API key'],
    ['a signature', 'JWT signature mismatch'],
    ['a shared secret', 'handshake refused: wrong secret'],
  ] as const)('%s: http_auth_rejected', (_label, message) => {
    expect(verdictOf(failed(message))).toBe('other/http_auth_rejected');
  });

  it.each([
    ['a certificate that does not match is the host name check', "x509: certificate doesn't match api.example.com", '1015/hostname_mismatch'],
    ['Sec-WebSocket-Accept that does not match is the handshake', 'Sec-WebSocket-Accept value does not match', 'other/protocol_error'],
    ['an accept token is the handshake', 'accept token mismatch', 'other/protocol_error'],
  ] as const)('%s', (_label, message, expected) => {
    expect(verdictOf(failed(message))).toBe(expected);
  });

  it.each([
    ['a parser\'s token', 'SyntaxError: Invalid or unexpected token'],
    ['a key file\'s password', 'PEM_read_bio_PrivateKey: bad password read'],
    ['a keystore\'s password', 'keystore password was incorrect'],
    ['a header token', 'Parse Error: Invalid header token'],
  ] as const)('%s: no credential refused', (_label, message) => {
    expect(verdictOf(failed(message))).not.toBe('other/http_auth_rejected');
  });
});

describe('the Upgrade field named missing (x/net/websocket hybi.go ErrBadUpgrade; RFC 6455 §4.1 step 2)', () => {
  it.each([
    ['x/net/websocket\'s wording behind a wrapper', 'dial wss://gw.example.net/tunnel: missing or bad upgrade'],
    ['the field named after', 'ws dial: upgrade missing'],
  ] as const)('%s: protocol_error', (_label, message) => {
    expect(verdictOf(failed(message))).toBe('other/protocol_error');
  });

  it.each([
    ['a missing answer is no header', 'missing upgrade response'],
    ['a missing upgrade request is the server\'s', 'bad request: missing upgrade request header'],
  ] as const)('%s: not the Upgrade field concept', (_label, message) => {
    const result = classify(event(failed(message)));
    expect(result.evidence.map((e) => e.detail).join(' ')).not.toContain('concept.upgrade_missing');
  });
});

describe('a resolver call that failed (glibc netdb.h EAI_* by number only next to a resolver word)', () => {
  it.each([
    ['the host between the call and its failure', 'resolving db.example.org failed', 'other/dns_failure'],
    ['EAI_NONAME (-2) as a status', 'resolve api.example.com failed, status=-2', 'other/dns_failure'],
    ['EAI_AGAIN (-3) as a return value', 'getaddrinfo returned -3 for api.example.com', 'other/dns_failure'],
    ['a resolver timeout is a timeout', 'resolving api.example.com timed out', 'other/network_timeout'],
  ] as const)('%s', (_label, message, expected) => {
    expect(verdictOf(failed(message))).toBe(expected);
  });

  it.each([
    ['a status without a resolver word', 'upgrade failed, status=-2'],
    ['a module, not a host', 'could not resolve the module specifier, failed'],
  ] as const)('%s: no dns_failure from the number or the verb', (_label, message) => {
    const result = classify(event(failed(message)));
    expect(result.evidence.map((e) => e.detail).join(' ')).not.toMatch(/errno\.eai_noname|concept\.resolve_failed/);
  });
});

describe('ENOTCONN reported by a connect says only that the connect did not complete (POSIX getpeername())', () => {
  it.each([
    ['an event loop\'s connect check', 'WARN connfd=9 connect error: Transport endpoint is not connected:107 [loop.c:90:io_connect]'],
    ['in words', 'connect failed: Socket is not connected'],
  ] as const)('%s: unknown_failure, low', (_label, message) => {
    const result = classify(event(failed(message)));
    expect([result.attribution, result.cause, result.confidence]).toEqual(['other', 'unknown_failure', 0.3]);
    expect(result.evidence[0]?.detail).toContain('inferred.not_connected_on_connect');
  });

  it.each([
    ['a write on a connected socket', 'write: Transport endpoint is not connected', 'other/network_reset'],
    ['a read after the session opened', 'recv failed: Transport endpoint is not connected', 'other/abnormal_closure'],
  ] as const)('%s: the reset the errno table says', (_label, message, expected) => {
    const opened = expected === 'other/abnormal_closure';
    expect(verdictOf({ ...failed(message), ...(opened ? { outcome: 'closed' } : {}) })).toBe(expected);
  });
});
