// Round 8 (eng-m): causes named in identifiers (enum variants, exception classes, error constants) of WebSocket libraries
// no fixture set covers line for line, read by the cause their source gives them; closed-state errors after a clean
// close and errors that name no cause stay clean or unknown, never 1010/1015.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import { event } from './event-builder.js';
import { identifierNegatives, identifierProbe, identifierRows, type IdentifierRow } from './identifier-text-samples.js';

const label = (r: IdentifierRow): string => {
  const e = r.input.error;
  return `${r.library} (${r.mode}): ${[e?.name, e?.code, e?.message].filter(Boolean).join(' / ').slice(0, 110)}`;
};
const rows = [...identifierRows, ...identifierNegatives];
const read = (r: IdentifierRow) => {
  const result = classify(event(r.input));
  return { attribution: result.attribution, cause: result.cause };
};

describe('causes named in identifiers', () => {
  it.each([...rows, ...identifierProbe].filter((r) => !r.knownMiss).map((r) => [label(r), r] as const))('%s', (_label, r) => {
    expect(read(r)).toEqual({ attribution: r.attribution, cause: r.cause });
  });
});

describe('the identifier table itself', () => {
  it('has at least 80 rows from 15 libraries, 20 of them hard negatives, every row with its source', () => {
    expect(rows.length).toBeGreaterThanOrEqual(80);
    expect(new Set(rows.map((r) => r.library)).size).toBeGreaterThanOrEqual(15);
    expect(identifierNegatives.length).toBeGreaterThanOrEqual(20);
    for (const r of rows) expect(r.source.length).toBeGreaterThan(10);
  });

  it('reads every row but its known misses (first figure on 1.5.27: 141/141 attribution, 100/141 cause; 1.5.28: 134/141; 1.5.29: 135/141)', () => {
    const right = rows.filter((r) => {
      const got = read(r);
      return got.attribution === r.attribution && got.cause === r.cause;
    });
    expect(right.length).toBe(rows.length - rows.filter((r) => r.knownMiss).length);
  });

  it('gives no 1010 or 1015 on any row', () => {
    expect([...rows, ...identifierProbe].filter((r) => ['1010', '1015'].includes(read(r).attribution)).map(label)).toEqual([]);
  });
});

// Each new concept on texts where it must not act.
describe('identifier concepts stay in their lane', () => {
  const failed = (message: string) => classify(event({ error: { message } }));
  const opened = (message: string) => classify(event({ outcome: 'closed', handshake: { status: 101 }, error: { message } }));
  it.each([
    // A rate or request limit is no message over the size limit.
    ['message rate limit exceeded: max 100 per second', 'message_too_big'],
    ['too many requests: frame quota exceeded, max 50', 'message_too_big'],
    // A ping that timed out is no control frame over 125 bytes.
    ['ping frame timeout exceeded', 'protocol_error'],
    // The key check only in an upgrade text, only as an error name: a TLS key mismatch or a setting is no accept check.
    ['tls: private key does not match public key (KeyMismatch)', 'protocol_error'],
    ['config: KeyMismatch', 'protocol_error'],
    ['websocket upgrade: key_mismatch=3', 'protocol_error'],
    // A field name in prose is no error name of a field check.
    ['no connection upgrade happened before the timeout on websocket', 'protocol_error'],
    // "status" beside the words of 1009 in prose is an HTTP answer's, not a close status's name.
    ['HTTP status 413: message too large', 'message_too_big'],
    // The key alone, with no upgrade named: no accept check.
    ['KeyMismatch', 'protocol_error'],
  ])('%s is not read as %s', (text, cause) => {
    expect(failed(text).cause).not.toBe(cause);
    expect(opened(text).cause).not.toBe(cause);
  });

  it('still reads the same words where they are the rule', () => {
    expect(failed('upgrade: NonceMismatch').cause).toBe('protocol_error');
    expect(failed('NoSecWebSocketAccept').cause).toBe('protocol_error');
    expect(opened('RsvNotZero').cause).toBe('protocol_error');
    expect(opened('MaskedServerFrame').cause).toBe('protocol_error');
    expect(opened('ControlFrameTooLong').cause).toBe('protocol_error');
    expect(opened('StatusMessageTooBig').cause).toBe('message_too_big');
    expect(failed('ws handshake: MissingUpgradeWebsocket').cause).toBe('protocol_error');
    expect(opened('PongFrameTooBig').cause).toBe('protocol_error');
    expect(opened('inbound frame exceeded our max').cause).toBe('message_too_big');
  });

  it('lets the size a corrupted-frame class reports decide (Netty names every frame error so)', () => {
    const r = classify(event({ outcome: 'closed', handshake: { status: 101 }, error: { name: 'io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException', message: 'Max frame length of 1048576 has been exceeded.' } }));
    expect(r.cause).toBe('message_too_big');
  });

  it("reads Rust's Protocol(…) beside a frame or close word as no subprotocol refusal, and a subprotocol one still as one", () => {
    expect(opened('Protocol(InvalidCloseSequence)').cause).not.toBe('subprotocol_mismatch');
    expect(failed('Protocol(SecWebSocketSubProtocolError(InvalidSubProtocol))').cause).toBe('subprotocol_mismatch');
  });
});
