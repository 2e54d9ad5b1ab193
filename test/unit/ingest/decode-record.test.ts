import { describe, expect, it } from 'vitest';
import { isUtf8 } from 'node:buffer';
import { decodeRecord } from '../../../ingest/decode-record.js';
import { seededRandom } from '../../../ingest/sample-traffic.js';

const valid = {
  event_id: 'e1',
  ts: '2026-11-25T09:00:04.250Z',
  outcome: 'failed',
  source: { kind: 'client', service: 'market-feed', runtime: 'node 20 ws 8.18', extra: 'ignored' },
  target: { url: 'wss://api.example.com/socket' },
  unknown_top_level: { anything: true },
};
const bytes = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v));

describe('decodeRecord', () => {
  it('accepts a valid event, normalises ts to epoch ms and drops unknown fields', () => {
    const result = decodeRecord(bytes(valid), 10_000);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.event.ts).toBe(Date.UTC(2026, 10, 25, 9, 0, 4, 250));
    expect(result.event).not.toHaveProperty('unknown_top_level');
    expect(result.event.source).not.toHaveProperty('extra');
  });

  it('reads JSON in the Schema Registry wire format (magic 0, 4-byte schema id) like plain JSON', () => {
    const framed = Buffer.concat([Buffer.from([0, 0, 0, 0x01, 0x2c]), bytes(valid)]);
    const result = decodeRecord(framed, 10_000);
    expect(result.ok && result.event.event_id).toBe('e1');
    expect(decodeRecord(Buffer.from([0, 0, 0, 0, 1, 0x7b]), 10_000)).toMatchObject({ ok: false, reason: 'not_json' });
  });

  it('accepts epoch milliseconds as ts', () => {
    const result = decodeRecord(bytes({ ...valid, ts: 1764061204250 }), 10_000);
    expect(result.ok && result.event.ts).toBe(1764061204250);
  });

  it.each([
    ['null value', null, 'empty_value'],
    ['empty value', Buffer.alloc(0), 'empty_value'],
    ['over the size limit', bytes({ ...valid, pad: 'x'.repeat(20_000) }), 'too_large'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'invalid_utf8'],
    ['truncated JSON', bytes('{"event_id": "x", "ts": '), 'not_json'],
    ['JSON but not an object', bytes('[1,2,3]'), 'schema_violation'],
    ['missing event_id', bytes({ ...valid, event_id: undefined }), 'schema_violation'],
    ['bad outcome', bytes({ ...valid, outcome: 'exploded' }), 'schema_violation'],
    ['unparseable ts', bytes({ ...valid, ts: 'yesterday' }), 'schema_violation'],
    ['ts past ClickHouse DateTime range', bytes({ ...valid, ts: '2200-01-01T00:00:00Z' }), 'schema_violation'],
    ['http url', bytes({ ...valid, target: { url: 'https://api.example.com' } }), 'schema_violation'],
    ['wrong type', bytes({ ...valid, close: { code: '1006' } }), 'schema_violation'],
  ] as const)('rejects %s as %s', (_label, value, reason) => {
    const result = decodeRecord(value, 10_000);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.detail.length).toBeGreaterThan(0);
    }
  });

  it('names the offending field in the detail', () => {
    const result = decodeRecord(bytes({ ...valid, outcome: 'exploded' }), 10_000);
    expect(!result.ok && result.detail).toMatch(/^outcome:/);
  });

  it('reports absurd nesting as too_deep or not_json without throwing', () => {
    const deep = Buffer.from('['.repeat(200_000) + ']'.repeat(200_000));
    const result = decodeRecord(deep, 10_000_000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['too_deep', 'schema_violation']).toContain(result.reason);
  });

  it('does not let a __proto__ key change the prototype of the parsed labels', () => {
    const result = decodeRecord(bytes('{"event_id":"p","ts":1,"outcome":"connected","source":{"kind":"probe","service":"s"},"target":{"url":"wss://h"},"labels":{"__proto__":{"polluted":"yes"}}}'), 10_000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (result.ok) expect(Object.getPrototypeOf(result.event.labels ?? {})).not.toHaveProperty('polluted');
  });

  // decodeRecord decodes once and checks the bytes only when the text holds U+FFFD: every ill-formed
  // sequence must still be caught (Unicode 15 §3.9, Table 3-7: well-formed byte sequences).
  const inMessage = (raw: number[]) => Buffer.concat([bytes({ ...valid, error: { message: 'a' } }).subarray(0, -3), Buffer.from(raw), Buffer.from('"}}')]);
  it.each([
    ['a lone continuation byte', [0x80]],
    ['a truncated 2-byte sequence', [0xc3]],
    ['an overlong 2-byte "/"', [0xc0, 0xaf]],
    ['an overlong 3-byte NUL', [0xe0, 0x80, 0x80]],
    ['a UTF-16 surrogate (CESU-8)', [0xed, 0xa0, 0x80]],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a truncated 4-byte sequence', [0xf0, 0x9f, 0x98]],
    ['0xFF', [0xff]],
  ])('dead-letters %s as invalid_utf8', (_label, raw) => {
    expect(isUtf8(inMessage(raw))).toBe(false);
    expect(decodeRecord(inMessage(raw), 10_000)).toMatchObject({ ok: false, reason: 'invalid_utf8' });
  });

  it('accepts U+FFFD sent as such (EF BF BD)', () => {
    const result = decodeRecord(inMessage([0xef, 0xbf, 0xbd]), 10_000);
    expect(result.ok && result.event.error?.message).toBe('a\uFFFD');
  });

  it('says invalid_utf8 exactly when the bytes are not UTF-8 (random bytes in a valid record)', () => {
    const random = seededRandom(13);
    let invalid = 0;
    for (let i = 0; i < 5000; i++) {
      const raw = Array.from({ length: 1 + Math.floor(random() * 4) }, () => (random() < 0.5 ? 0x80 + Math.floor(random() * 0x80) : Math.floor(random() * 0x100)));
      // Quotes, backslashes and control characters would make it not_json rather than test the UTF-8 step.
      const value = inMessage(raw.map((b) => (b < 0x20 || b === 0x22 || b === 0x5c ? 0x61 : b)));
      const result = decodeRecord(value, 10_000);
      expect(!result.ok && result.reason === 'invalid_utf8').toBe(!isUtf8(value));
      if (!isUtf8(value)) invalid++;
    }
    expect(invalid).toBeGreaterThan(1000);
  });
});
