import { describe, expect, it } from 'vitest';
import { caughtUp } from '../../../ingest/pipeline.js';
import { sampleTraffic } from '../../../ingest/sample-traffic.js';
import { decodeRecord } from '../../../ingest/decode-record.js';
import { toClickHouseError } from '../../../ingest/clickhouse-client.js';

describe('caughtUp', () => {
  it.each([
    ['all committed to the end', [{ endOffset: '10', committedOffset: '10', lowOffset: '0' }], true],
    ['one partition behind', [{ endOffset: '10', committedOffset: '9', lowOffset: '0' }, { endOffset: '5', committedOffset: '5', lowOffset: '0' }], false],
    ['empty partition, nothing committed', [{ endOffset: '0', committedOffset: '-1', lowOffset: '0' }], true],
    ['records but nothing committed', [{ endOffset: '3', committedOffset: '-1', lowOffset: '0' }], false],
    ['offsets beyond 2^53', [{ endOffset: '9007199254740993', committedOffset: '9007199254740992', lowOffset: '0' }], false],
  ])('%s → %s', (_label, lags, expected) => {
    expect(caughtUp(lags)).toBe(expected);
  });
});

describe('sampleTraffic', () => {
  it('is deterministic for a seed and yields exactly the requested invalid share', () => {
    const a = sampleTraffic({ count: 10_000, seed: 7, invalidRatio: 0.01, startMs: 1_764_000_000_000 });
    const b = sampleTraffic({ count: 10_000, seed: 7, invalidRatio: 0.01, startMs: 1_764_000_000_000 });
    expect(a.map((r) => r.value.toString('hex'))).toEqual(b.map((r) => r.value.toString('hex')));
    expect(a.filter((r) => r.eventId === undefined)).toHaveLength(100);
  });

  it('marks as valid exactly the records the decoder accepts, with unique event ids', () => {
    const records = sampleTraffic({ count: 2_000, seed: 3, invalidRatio: 0.05, startMs: 1_764_000_000_000 });
    for (const r of records) expect(decodeRecord(r.value, 262_144).ok).toBe(r.eventId !== undefined);
    const ids = records.flatMap((r) => (r.eventId ? [r.eventId] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('toClickHouseError', () => {
  it.each([
    ['18.16 form', 'Code: 53, e.displayText() = DB::Exception: Type mismatch', 53, false],
    ['current form', 'Code: 27. DB::Exception: Cannot parse input: expected', 27, false],
    ['server busy', 'Code: 202, e.displayText() = DB::Exception: Too many simultaneous queries', 202, true],
    ['no server', 'connect ECONNREFUSED 127.0.0.1:8123', undefined, true],
  ])('%s', (_label, message, serverCode, retriable) => {
    const error = toClickHouseError(new Error(message));
    expect(error.serverCode).toBe(serverCode);
    expect(error.retriable).toBe(retriable);
  });
});
