// Round 24 (holdout-31's server misses in general form, 1.5.73): a close reason that says the peer leaves is 1001's meaning; a
// reason that says the session ended states the close, no failure; an application code the API reports with the side named and
// nothing else is a clean close; a server's own lines that it was going down (a signal, a shutdown requested) or that it dropped
// the session decide a close with no code; an unset key=value field and a cancelled timer are no verdicts; a header counted twice
// in a 400 is a duplicated header. Texts written for these tests.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const server = { kind: 'server', service: 'feed', runtime: 'cpp app 1.0' } as const;
const closed = (close: TelemetryEventInput['close'], extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  source: server,
  outcome: 'closed',
  handshake: { status: 101 },
  close,
  ...extra,
});

describe('an application close whose reason says the peer leaves', () => {
  it.each(['leaving', 'customer leaving the lobby', 'navigating away'])('"%s" is going_away', (reason) => {
    expect(verdictOf(closed({ code: 4005, reason, initiator: 'client', on_wire: true }))).toBe('none/going_away');
  });
  it('a leaving reason that names a failure is no clean close', () => {
    expect(verdictOf(closed({ code: 4005, reason: 'leaving after auth failure', initiator: 'client', on_wire: true }))).not.toBe('none/going_away');
  });
});

describe('a reason that says the session ended', () => {
  it.each(['tls session ended', 'TLS session closed by operator', 'session finished'])('"%s" with an application code is a clean close', (reason) => {
    expect(verdictOf(closed({ code: 3100, reason, initiator: 'server', on_wire: true }))).toBe('none/normal_closure');
  });
  it('an end word that says how it ended still names a failure', () => {
    expect(verdictOf(closed({ code: 3100, reason: 'tls session ended unexpectedly', initiator: 'server', on_wire: true }))).not.toBe('none/normal_closure');
  });
});

describe('an application code the API reports (on_wire false)', () => {
  it('with the closing side named and no reason, error or text: a clean close', () => {
    expect(verdictOf(closed({ code: 4100, initiator: 'server', on_wire: false }))).toBe('none/normal_closure');
  });
  it('with nobody named it stays unread', () => {
    expect(verdictOf(closed({ code: 4100, on_wire: false }))).not.toBe('none/normal_closure');
  });
});

describe("a server's own lines that it was going down, with no close code", () => {
  it('a termination signal before the reset that followed: going_away', () => {
    const message = 'session open\nnotice: got SIGINT, initiating graceful shutdown\nerror: write failed: Broken pipe (os error 32)';
    expect(verdictOf(closed(undefined, { error: { message } }))).toBe('none/going_away');
  });
  it("Crow's stop() line in the server's log label, the server named as closing: going_away", () => {
    const log = '[INFO    ] ws open 0x1\n[INFO    ] Quitting Websocket: 0x1\n[INFO    ] Exiting.';
    expect(verdictOf(closed({ initiator: 'server', on_wire: false }, { labels: { server_log: log } }))).toBe('none/going_away');
  });
  it('a free label (note) is not the server\'s lines', () => {
    expect(verdictOf(closed({ initiator: 'server', on_wire: false }, { labels: { note: 'server stopping' } }))).toBe('none/normal_closure');
  });
  it('a failure other than a drop named beside it keeps its cause', () => {
    const message = 'received SIGTERM, shutdown requested\nerror: certificate has expired';
    expect(verdictOf(closed(undefined, { error: { message } }))).not.toBe('none/going_away');
  });
});

describe("a server's own lines that it dropped the session", () => {
  it('with the server named as closing and no code: abnormal_closure', () => {
    const log = 'handler returned\n[feed] dropping connection';
    expect(verdictOf(closed({ initiator: 'server' }, { labels: { server_log: log } }))).toBe('other/abnormal_closure');
  });
});

describe('false readings removed', () => {
  it('an unset key=value field ("protocol=None") is no subprotocol refusal', () => {
    const message = 'upgrade: extensions=Some("permessage-deflate") protocol=None\nhandler error: Space limit exceeded: Message too long: 70000 > 65536';
    expect(verdictOf(closed(undefined, { error: { message } }))).toBe('other/message_too_big');
  });
  it('a subprotocol refused in words is still read', () => {
    expect(verdictOf({ handshake: { status: 101 }, error: { message: 'server answered with an unsupported protocol' } })).toBe('other/subprotocol_mismatch');
  });
  it('a cancelled timer is no cancellation', () => {
    const message = '[DEBUG   ] 0x55 timer cancelled: 0x7f 3\n[DEBUG   ] 0x55 from read(1) with description: "invalid HTTP method"';
    expect(verdictOf({ source: server, error: { message } })).toBe('other/protocol_error');
  });
  it('a 400 naming a WebSocket extensions header counted twice is the 1010 family (convention 17)', () => {
    expect(verdictOf({ source: server, handshake: { status: 400, request_extensions: 'permessage-deflate' }, error: { message: 'rejecting handshake: 3 Sec-WebSocket-Extensions headers' } })).toBe('1010/extension_params_rejected');
  });
});
