// Round 33 (eng-a2, 1.5.100): a carried protocol's own error before its client's clean close, an error the session outlived, an
// application code's reason that something is not supported, and a closed-connection class beside the close code it states.
// Texts are written from the Pusher Channels protocol's error table (4000-4099 don't reconnect, 4100-4199 reconnect after backoff,
// 4200-4299 reconnect now; https://pusher.com/docs/channels/library_auth_reference/pusher-websockets-protocol/#error-codes) in the
// wordings of other servers of that protocol (Soketi, Laravel Reverb, pusher-js's logs), obs-websocket's WebSocketCloseCode table,
// graphql-ws's close codes, Phoenix, Socket.IO and STOMP's ERROR frame. None is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const client = { kind: 'client', service: 'feed', runtime: 'node 20 pusher-js 8.4' } as const;
/** A carried protocol's error, then the client library's own 1000. */
const errorThenOwnClose = (error: { name?: string; message: string; code?: number | string }): Partial<TelemetryEventInput> => ({
  source: client,
  outcome: 'closed',
  target: { url: 'wss://ws.example.test/app/key?protocol=7' },
  handshake: { status: 101 },
  close: { code: 1000, initiator: 'client', on_wire: true },
  error,
});
/** A carried protocol's error while the session stays open. */
const errorWhileOpen = (error: { name?: string; message: string; code?: number | string }): Partial<TelemetryEventInput> => ({
  source: client,
  outcome: 'connected',
  target: { url: 'wss://ws.example.test/app/key?protocol=7' },
  handshake: { status: 101 },
  error,
});
const applicationClose = (code: number, reason: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  source: client,
  outcome: 'closed',
  target: { url: 'ws://127.0.0.1:4455/' },
  handshake: { status: 101 },
  close: { code, reason, initiator: 'server', on_wire: true },
  ...extra,
});

describe("a carried protocol's error before its client's own clean close: the error decides, by its words", () => {
  it.each([
    ['Soketi 4001, an app that does not exist', { name: 'PusherError', code: 4001, message: 'App key abc does not exist.' }, 'other/unknown_failure'],
    ['Reverb 4001', { name: 'pusher:error', code: 4001, message: 'Application does not exist' }, 'other/unknown_failure'],
    ['4004 over connection quota (pusher-js log)', { name: 'PusherError', code: 4004, message: 'App over connection quota' }, 'other/unknown_failure'],
    ['4100 over capacity (reconnect after backoff)', { name: 'pusher:error', code: 4100, message: 'Over capacity' }, 'other/unknown_failure'],
    ['4009 unauthorized (Soketi)', { name: 'pusher:error', code: 4009, message: 'The connection is unauthorized.' }, 'other/http_auth_rejected'],
    ['4201 pong not received, reply worded', { name: 'pusher:error', code: 4201, message: 'Pong response not received: the server pinged and the client did not answer' }, 'other/network_timeout'],
    ['4201, heartbeat worded', { name: 'pusher:error', code: 4201, message: 'Heartbeat not received in time' }, 'other/network_timeout'],
  ])('%s', (_label, error, verdict) => {
    expect(verdictOf(errorThenOwnClose(error))).toBe(verdict);
  });

  it.each([
    // Hard negatives: no application code on the error, or the close is not the client's own.
    ['Phoenix phx_error without a code', errorThenOwnClose({ name: 'phx_error', message: 'channel error' }), 'none/normal_closure'],
    ['Socket.IO connect_error without a code', errorThenOwnClose({ name: 'connect_error', message: 'Invalid namespace' }), 'none/normal_closure'],
    ['a code in the HTTP range on the error', errorThenOwnClose({ name: 'PusherError', code: 404, message: 'Not found' }), 'none/normal_closure'],
    ['the server closed 1000 after the error', { ...errorThenOwnClose({ name: 'pusher:error', code: 4003, message: 'Application is disabled' }), close: { code: 1000, initiator: 'server' as const, on_wire: true } }, 'none/normal_closure'],
    ['a server event, not a client', { ...errorThenOwnClose({ name: 'pusher:error', code: 4003, message: 'Application is disabled' }), source: { kind: 'server' as const, service: 'feed', runtime: 'soketi 1.6' } }, 'none/normal_closure'],
  ])('%s stays the 1000', (_label, input, verdict) => {
    expect(verdictOf(input)).toBe(verdict);
  });
});

describe('an error the open session outlived: still connected', () => {
  it.each([
    ['Soketi 4301 client events over the rate limit', { name: 'pusher:error', code: 4301, message: 'The app reached the client events rate limit' }],
    ['a private channel refused for its auth signature (Reverb)', { name: 'pusher:error', message: 'Invalid auth signature provided.' }],
    ['Phoenix join refused with unauthorized', { name: 'phx_reply', message: 'join crashed: unauthorized' }],
  ])('%s', (_label, error) => {
    expect(verdictOf(errorWhileOpen(error))).toBe('none/connected');
  });

  it.each([
    // Hard negatives: a cause a text names wins; a bare message with nothing named; a session that did not stay open.
    ['NATS payload over the limit', errorWhileOpen({ name: 'NatsError', code: 'MAX_PAYLOAD_EXCEEDED', message: 'maximum payload exceeded' }), 'other/message_too_big'],
    ['a bare message, nothing named', { ...errorWhileOpen({ message: 'INFO: connection open' }), error: { message: 'INFO: connection open' } }, 'not none/connected'],
  ])('%s', (_label, input, verdict) => {
    if (verdict.startsWith('not ')) expect(verdictOf(input)).not.toBe(verdict.slice(4));
    else expect(verdictOf(input)).toBe(verdict);
  });
});

describe("an application code's reason read by its words (convention 11)", () => {
  it.each([
    ['obs-websocket 4010 UnsupportedRpcVersion', applicationClose(4010, 'Your requested RPC version (2) is not supported. Supported versions: 1'), 'other/unknown_failure'],
    ['a feature not supported', applicationClose(4002, 'Encoding not supported'), 'other/unknown_failure'],
    ['a routine reason stays clean', applicationClose(4000, 'Session ended'), 'none/normal_closure'],
    ['a goodbye stays clean', applicationClose(4001, 'client left the room'), 'none/normal_closure'],
  ])('%s', (_label, input, verdict) => {
    expect(verdictOf(input)).toBe(verdict);
  });
});

describe('a closed-connection class beside the close code its message states', () => {
  it.each([
    ['websocket-client, an application code', applicationClose(4000, 'Session ended', { error: { name: 'WebSocketConnectionClosedException', message: 'Connection closed (code 4000): Session ended' } }), 'none/normal_closure'],
    ['a standard code stated: its own cause', applicationClose(1011, 'internal error', { error: { name: 'ConnectionClosedException', message: 'Connection closed with code 1011: internal error' } }), 'other/server_error'],
  ])('%s', (_label, input, verdict) => {
    expect(verdictOf(input)).toBe(verdict);
  });

  it('a closed-connection class whose message states no code stays a drop', () => {
    const input: Partial<TelemetryEventInput> = { source: client, outcome: 'closed', target: { url: 'ws://127.0.0.1:4455/' }, handshake: { status: 101 }, error: { name: 'WebSocketConnectionClosedException', message: 'socket is already closed.' } };
    expect(verdictOf(input)).not.toMatch(/^none\//);
  });
});
