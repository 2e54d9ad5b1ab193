// Round 12 (eng-u): protocols carried over WebSocket that fail in their own words after the 101 (Engine.IO/Socket.IO packets),
// a failed attempt that recorded only its 101, a resolver call traced with its success, a code an API made up beside a drop,
// and a close the client itself started (docs/attribution.md, "Carried protocols and bare 101s in general form").
// Texts are written for these tests in the shapes the stacks print (the Engine.IO protocol's packet names, a proxy's INFO trace).
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

type Case = readonly [label: string, input: Partial<TelemetryEventInput>, verdict: string];
const ws = { url: 'ws://chat.example.com/socket.io/?EIO=4&transport=websocket' };

describe("a carried protocol's handshake packet refused after the 101", () => {
  it.each<Case>([
    // https://socket.io/docs/v4/engine-io-protocol/ "Handshake": the server's first packet is OPEN (type 0).
    ['no OPEN packet', { target: ws, error: { message: 'ConnectionError: no OPEN packet' } }, 'other/protocol_error'],
    ['first packet of another type', { target: ws, error: { message: 'handshake: unexpected packet type 4 as first packet' } }, 'other/protocol_error'],
    ['Socket.IO CONNECT packet invalid', { target: ws, error: { message: 'namespace /chat: invalid CONNECT packet' } }, 'other/protocol_error'],
    // Not a timeout: a packet that never came is the timer's.
    ['an OPEN packet that never came in time', { target: ws, error: { message: 'no OPEN packet received: timed out after 20000 ms' } }, 'other/network_timeout'],
  ])('%s', (_label, input, verdict) => expect(verdictOf(input)).toBe(verdict));
});

describe("Engine.IO's receive after the WebSocket connected", () => {
  it.each<Case>([
    ['the first receive dropped', { target: ws, error: { message: 'engineio.exceptions.ConnectionError: Unexpected recv exception: Connection to remote host was lost.' } }, 'other/abnormal_closure'],
    ['a reset before the receive: no open session', { target: ws, error: { message: 'websocket._exceptions.WebSocketConnectionClosedException: Connection to remote host was lost.' } }, 'other/network_reset'],
  ])('%s', (_label, input, verdict) => expect(verdictOf(input)).toBe(verdict));
});

describe('a failed attempt with only a 101 recorded', () => {
  it.each<Case>([
    ['101 and nothing else: a header of the answer refused', { target: ws, handshake: { status: 101 } }, 'other/protocol_error'],
    ['101 and nothing else on wss://', { handshake: { status: 101 } }, 'other/protocol_error'],
    // Anything more decides: a text, a close, or no 101 at all.
    ['101 with a reset in the text', { target: ws, handshake: { status: 101 }, error: { message: 'read ECONNRESET' } }, 'other/abnormal_closure'],
    ['101 with a 1006', { target: ws, handshake: { status: 101 }, close: { code: 1006 } }, 'other/abnormal_closure'],
    ['no status, nothing at all', { target: ws }, 'other/unknown_failure'],
  ])('%s', (_label, input, verdict) => expect(verdictOf(input)).toBe(verdict));
});

describe('a resolver call traced with its success is no resolver failure', () => {
  const trace = (last: string): Partial<TelemetryEventInput> => ({
    source: { kind: 'proxy', service: 'fwd' },
    target: ws,
    error: { message: `INFO  opensock: opening connection to 10.1.2.3:8080\nINFO  opensock: getaddrinfo returned for 10.1.2.3:8080\n${last}` },
  });
  it.each<Case>([
    ['then a connect refused', trace('ERROR opensock: connect: Connection refused'), 'other/connection_refused'],
    ['then an idle timeout', trace('INFO  Idle Timeout (after poll)'), 'other/network_timeout'],
    ['a lookup traced as succeeded, then a reset', { target: ws, error: { message: 'getaddrinfo succeeded for api.example.com; read: connection reset by peer' } }, 'other/network_reset'],
    ['getaddrinfo returning an error code still fails', { target: ws, error: { message: 'opensock: getaddrinfo returned -2 for nosuch.example' } }, 'other/dns_failure'],
    // The call failing still reads as a resolver failure.
    ['getaddrinfo failed', { target: ws, error: { message: 'opensock: getaddrinfo failed for nosuch.example: Name or service not known' } }, 'other/dns_failure'],
  ])('%s', (_label, input, verdict) => expect(verdictOf(input)).toBe(verdict));
});

describe('a close code the API made up beside a drop', () => {
  it.each<Case>([
    ['a 1001 with no Close frame after a connection abort', { target: ws, outcome: 'closed', close: { code: 1001, reason: 'Endpoint going away', on_wire: false }, error: { message: 'error reading socket: software caused connection abort' } }, 'other/abnormal_closure'],
    ['a 1001 read from a Close frame stays going away', { target: ws, outcome: 'closed', close: { code: 1001, on_wire: true }, error: { message: 'error reading socket: connection reset by peer' } }, 'none/going_away'],
    ['a 1000 made up with no drop stays normal', { target: ws, outcome: 'closed', close: { code: 1000, on_wire: false }, error: { message: 'session ended' } }, 'none/normal_closure'],
  ])('%s', (_label, input, verdict) => expect(verdictOf(input)).toBe(verdict));
});

describe('a close the client itself started, reported as closed', () => {
  it.each<Case>([
    ['client named, "connection was closed"', { target: ws, handshake: { status: 101 }, outcome: 'closed', close: { initiator: 'client', reason: 'client disconnect' }, error: { message: 'WARNING: WebSocket connection was closed, aborting' } }, 'none/normal_closure'],
    ['nobody named: a drop', { target: ws, handshake: { status: 101 }, outcome: 'closed', error: { message: 'WARNING: WebSocket connection was closed, aborting' } }, 'other/abnormal_closure'],
    ['client named, but the peer reset it', { target: ws, handshake: { status: 101 }, outcome: 'closed', close: { initiator: 'client' }, error: { message: 'read ECONNRESET' } }, 'other/abnormal_closure'],
  ])('%s', (_label, input, verdict) => expect(verdictOf(input)).toBe(verdict));
});
