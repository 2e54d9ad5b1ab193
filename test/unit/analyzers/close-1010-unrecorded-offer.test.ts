// Issue 11, round 21 (eng-f1, 1.5.65): a 1010 a client read from a Close frame that its event credits to no side, after no
// recorded expectation of the server's extensions (no requirement; no offer with content, or none recorded; since round 32, 1.5.97,
// an offer alone is no expectation either), was the
// server's: other/protocol_error (RFC 6455 §7.4.1: 1010 is the client's code, sent "because it has expected the server to
// negotiate one or more extension"). An application knows the closes it starts: a client's own 1010 names the client as
// initiator, or records the requirement it checked; those stay the 1010 family. Events are written for these tests.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import { receivedUnasked1010 } from '../../../analyzers/close-codes.js';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { event, verdictOf } from './event-builder.js';

type Close = NonNullable<TelemetryEventInput['close']>;
type Handshake = NonNullable<TelemetryEventInput['handshake']>;

const closed = (close: Close, handshake?: Handshake, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  outcome: 'closed',
  target: { url: 'ws://api.example.com/socket' },
  close,
  ...(handshake ? { handshake } : {}),
  ...extra,
});
const fromServer: Close = { code: 1010, reason: 'compression', on_wire: true };

describe('a Close-frame 1010 credited to no side, with no expectation on record: the server sent it', () => {
  it.each<[string, Handshake | undefined]>([
    ['no handshake recorded at all (an API that hands the app only the CloseEvent)', undefined],
    ['the 101 recorded, the offer not', { status: 101, response_extensions: '' }],
    ['the offer recorded empty', { status: 101, request_extensions: '', response_extensions: '' }],
    ['an empty requirement list', { status: 101, required_extensions: [] }],
    // Round 32 (1.5.97): an offer alone is no requirement (RFC 6455 §9.1, RFC 7692 §5): declined or answered, the server's 1010.
    ['an offer with content, declined', { status: 101, request_extensions: 'permessage-deflate; client_max_window_bits', response_extensions: '' }],
    ['an offer with content, answered', { status: 101, request_extensions: 'permessage-deflate', response_extensions: 'permessage-deflate' }],
  ])('%s: other/protocol_error', (_label, handshake) => {
    const result = classify(event(closed(fromServer, handshake)));
    expect(`${result.attribution}/${result.cause}`).toBe('other/protocol_error');
    expect(result.evidence[0]?.detail).toContain('close_codes.1010_unasked');
  });

  it('an unknown initiator reads the same', () => {
    expect(verdictOf(closed({ ...fromServer, initiator: 'unknown' }))).toBe('other/protocol_error');
  });

  it('a probe reads the same', () => {
    expect(verdictOf(closed(fromServer, undefined, { source: { kind: 'probe', service: 'test', runtime: 'k6 0.50' } }))).toBe('other/protocol_error');
  });
});

describe("the client's own 1010 stays the 1010 family", () => {
  it.each<[string, Close, Handshake | undefined]>([
    ['the client named as starting the close (the frame read is the echo)', { ...fromServer, reason: 'permessage-deflate not negotiated', initiator: 'client' }, undefined],
    ['a requirement recorded', fromServer, { status: 101, response_extensions: '', required_extensions: ['permessage-deflate'] }],
    ['an offer declined beside the requirement recorded', fromServer, { status: 101, request_extensions: 'permessage-deflate', response_extensions: '', required_extensions: ['permessage-deflate'] }],
    ['an offer declined, the client named as closing', { ...fromServer, initiator: 'client' }, { status: 101, request_extensions: 'permessage-deflate', response_extensions: '' }],
  ])('%s', (_label, close, handshake) => {
    expect(verdictOf(closed(close, handshake)).startsWith('1010/')).toBe(true);
  });

  it('a 1010 not read from a Close frame (an API that made it up) is not read so', () => {
    expect(receivedUnasked1010({ source: { kind: 'client' }, close: { ...fromServer, on_wire: false } })).toBe(false);
    expect(receivedUnasked1010({ source: { kind: 'client' }, close: { code: 1010 } })).toBe(false);
  });

  it("a server's event is the client's 1010 received", () => {
    expect(receivedUnasked1010({ source: { kind: 'server' }, close: fromServer })).toBe(false);
    expect(receivedUnasked1010({ source: { kind: 'client' }, close: fromServer })).toBe(true);
  });
});

// Round 32 (eng-z2, 1.5.97): the offers other clients record by default (Chromium and Python websockets send
// "permessage-deflate; client_max_window_bits"; Go's coder/websocket "permessage-deflate; client_no_context_takeover;
// server_no_context_takeover"), each declined by a 101 without extensions, then a Close-frame 1010 credited to no side:
// an offer alone is no requirement (RFC 6455 §9.1, RFC 7692 §5), so the 1010 is the server's.
describe('an offer alone, declined, then a Close-frame 1010 credited to no side: the server sent it', () => {
  it.each<[string, string, string]>([
    ['chromium', 'chrome 131', 'permessage-deflate; client_max_window_bits'],
    ['python websockets', 'python 3.12 websockets 13.1', 'permessage-deflate; client_max_window_bits'],
    ['coder/websocket', 'go 1.23 coder/websocket 1.8', 'permessage-deflate; client_no_context_takeover; server_no_context_takeover'],
  ])('%s: other/protocol_error', (_label, runtime, offer) => {
    const input = closed({ code: 1010, reason: 'extension required', on_wire: true }, { status: 101, request_extensions: offer, response_extensions: '' }, { source: { kind: 'client', service: 'test', runtime } });
    expect(verdictOf(input)).toBe('other/protocol_error');
  });

  it('hard negative: the same offer with the requirement recorded stays extension_not_negotiated', () => {
    const input = closed({ code: 1010, reason: 'extension required', on_wire: true }, { status: 101, request_extensions: 'permessage-deflate', response_extensions: '', required_extensions: ['permessage-deflate'] });
    expect(verdictOf(input)).toBe('1010/extension_not_negotiated');
  });
});
