// Round 13 (eng-w): a standard close code that the API made up on an attempt that never opened (its reason decides), application
// close codes read by their reasons' routine words, and a WebSocket handshake key named in prose
// (docs/attribution.md, "Made-up close codes and routine reasons in general form").
// Texts are written for these tests in the shapes clients and servers print; none is a copy of a fixture line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

type Case = readonly [label: string, input: Partial<TelemetryEventInput>, verdict: string];
const ws = { url: 'ws://chat.example.com/live' };
const wss = { url: 'wss://chat.example.com/live' };

describe('a standard close code made up by the API on an attempt that never opened', () => {
  it.each<Case>([
    // "A failure to connect stated without its reason": the reason says only that the connect failed.
    // (curl's "Couldn't connect to server" is its code 7, read as refused: a known text, not this case.)
    ['1002 "Failed to connect to the server", not from a Close frame', { target: ws, close: { code: 1002, reason: 'Failed to connect to the server', on_wire: false } }, 'other/unknown_failure'],
    ['the same on wss://: no TLS word, no 1015', { target: wss, close: { code: 1002, reason: 'Unable to connect to server', on_wire: false } }, 'other/unknown_failure'],
    ['on_wire absent: no Close frame before open either', { target: ws, close: { code: 1002, reason: 'connect failed' } }, 'other/unknown_failure'],
    // A reason that names a cause decides.
    ['1011 whose reason names a refusal', { target: ws, close: { code: 1011, reason: 'connect ECONNREFUSED 10.0.0.7:443', on_wire: false } }, 'other/connection_refused'],
    ['1002 whose reason names a timeout', { target: ws, close: { code: 1002, reason: 'connection attempt timed out after 10 s', on_wire: false } }, 'other/network_timeout'],
    // Nothing else: the code's own cause, at low confidence.
    ['1002 with no reason', { target: ws, close: { code: 1002, on_wire: false } }, 'other/protocol_error'],
    // Read from a Close frame, or on a session that opened: the code's own cause ("A standard close code on the wire takes its own cause").
    ['1002 read from a Close frame keeps protocol_error', { target: ws, close: { code: 1002, reason: 'Failed to connect to the server', on_wire: true } }, 'other/protocol_error'],
    ['1002 after a 101 keeps protocol_error', { target: ws, handshake: { status: 101 }, close: { code: 1002, reason: 'connect failed', on_wire: false } }, 'other/protocol_error'],
    ['1008 on an opened session keeps policy_violation', { target: ws, outcome: 'closed', close: { code: 1008, reason: 'connect failed', on_wire: false } }, 'other/policy_violation'],
  ])('%s', (_label, input, verdict) => expect(verdictOf(input)).toBe(verdict));
});

describe("an application close code's routine reason", () => {
  const closed = (code: number, reason: string): Partial<TelemetryEventInput> => ({ target: wss, outcome: 'closed', close: { code, reason, initiator: 'server', on_wire: true } });
  it.each<Case>([
    ['a certificate renewal with nothing to do', closed(4100, 'server certificate renewal in progress, no action required'), 'none/normal_closure'],
    ['a key rotation', closed(4002, 'signing keys rotated'), 'none/normal_closure'],
    ['a scheduled close', closed(3100, 'scheduled session recycle'), 'none/normal_closure'],
    ['a farewell', closed(4000, 'goodbye'), 'none/normal_closure'],
    ["1001's name said to the client", closed(3001, 'please go away now'), 'none/going_away'],
    // Words that something failed, expired or was refused rule the routine out: no clean close, and never a 1015 (the TLS handshake completed).
    ['a renewal that failed is no routine close', closed(4001, 'certificate renewal failed'), 'other/unknown_failure'],
    ['a rotation because a key expired is no routine close', closed(4001, 'key rotation: session key expired'), 'other/unknown_failure'],
    // Standard codes are read by their codes, whatever the reason says.
    ['1011 with a routine word keeps server_error', closed(1011, 'scheduled maintenance'), 'other/server_error'],
  ])('%s', (_label, input, verdict) => expect(verdictOf(input)).toBe(verdict));
});

describe('the WebSocket handshake key named in prose', () => {
  it.each<Case>([
    ['a wrong handshake key', { target: ws, error: { message: 'client: peer answered a wrong handshake key' } }, 'other/protocol_error'],
    ['an invalid handshake key', { target: ws, error: { message: 'upgrade rejected: invalid handshake key in response' } }, 'other/protocol_error'],
    // A TLS handshake's keys are another matter: not read as the WebSocket key.
    ['a TLS handshake key mismatch', { target: wss, error: { message: 'TLS handshake key mismatch' } }, 'other/unknown_failure'],
  ])('%s', (_label, input, verdict) => expect(verdictOf(input)).toBe(verdict));
});
