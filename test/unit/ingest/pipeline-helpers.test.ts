import { describe, expect, it } from 'vitest';
import { classify, CLASSIFIER_VERSION } from '../../../analyzers/classify.js';
import { caughtUp, fetchedAll, prepareInSlices } from '../../../ingest/pipeline.js';
import { prepareBatch } from '../../../ingest/prepare-batch.js';
import { sampleRecords } from '../../support/delivery-fakes.js';
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

describe('fetchedAll', () => {
  const lag = (partition: number, endOffset: string, committedOffset = '-1', lowOffset = '0') => ({ partition, endOffset, committedOffset, lowOffset });
  it.each([
    ['every partition handed over to its end', [lag(0, '10'), lag(1, '4')], [[0, '9'], [1, '3']], true],
    ['one partition short of its end', [lag(0, '10'), lag(1, '4')], [[0, '9'], [1, '2']], false],
    ['a partition with nothing new since its commit', [lag(0, '10'), lag(1, '4', '4')], [[0, '9']], true],
    ['an empty partition', [lag(0, '0')], [], true],
    ['a partition not read at all', [lag(0, '10'), lag(1, '4')], [[0, '9']], false],
    ['offsets beyond 2^53', [lag(0, '9007199254740994')], [[0, '9007199254740992']], false],
  ] as const)('%s → %s', (_label, lags, fetched, expected) => {
    expect(fetchedAll(lags, new Map(fetched as ReadonlyArray<readonly [number, string]>))).toBe(expected);
  });
});

describe('prepareInSlices', () => {
  it.each([
    ['one slice', 300],
    ['slices that split partitions unevenly', 1_777],
  ])('%s: the same rows, dead letters and offsets as one prepareBatch', async (_label, count) => {
    // 7 partitions over slices of 500: every slice ends on another partition, so offsets must take the last slice's.
    const records = sampleRecords(count, { partitions: 7, invalidRatio: 0.02 });
    const ctx = { classify, classifierVersion: CLASSIFIER_VERSION, maxRecordBytes: 262_144, ingestedAtMs: 1_764_000_000_000 };
    const whole = prepareBatch(records, ctx);
    const sliced = await prepareInSlices(records, ctx);
    expect(sliced.rows.map((r) => r.tsv.toString())).toEqual(whole.rows.map((r) => r.tsv.toString()));
    expect(sliced.deadLetters.map((d) => [d.record.offset, d.reason])).toEqual(whole.deadLetters.map((d) => [d.record.offset, d.reason]));
    expect(sliced.records).toBe(count);
    const byPartition = (b: typeof whole) => Object.fromEntries(b.offsets.map((o) => [o.partition, o.offset]));
    expect(byPartition(sliced)).toEqual(byPartition(whole));
    expect(sliced.offsets).toHaveLength(7);
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

  it.each([
    ['rejected data', new Error('Code: 53, e.displayText() = DB::Exception: Type mismatch'), 'CH_REJECTED_DATA'],
    ['wrong password (18.16)', new Error('Code: 193, e.displayText() = DB::Exception: Wrong password for user wsdiag_writer, e.what() = DB::Exception'), 'WSDIAG_ERR_CLICKHOUSE_AUTH'],
    ['unknown user (18.16)', new Error('Code: 192, e.displayText() = DB::Exception: Unknown user nobody'), 'WSDIAG_ERR_CLICKHOUSE_AUTH'],
    ['authentication failed (current)', new Error('Code: 516. DB::Exception: wsdiag_writer: Authentication failed: password is incorrect'), 'WSDIAG_ERR_CLICKHOUSE_AUTH'],
    ['untrusted certificate', Object.assign(new Error('unable to verify the first certificate'), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }), 'WSDIAG_ERR_CLICKHOUSE_TLS'],
  ])('%s → %s, not retried', (_label, cause, code) => {
    const error = toClickHouseError(cause, 'https://ch.example:8443');
    expect(error.code).toBe(code);
    expect(error.retriable).toBe(false);
    // Codes that stop the job lead their message, with what to check.
    if (code.startsWith('WSDIAG_ERR_')) expect(error.message).toMatch(new RegExp(`^${code}: .*; check WSDIAG_CLICKHOUSE_`));
  });

  it('names the server a TLS failure happened with', () => {
    const error = toClickHouseError(Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }), 'https://ch.example:8443');
    expect(error.message).toBe('WSDIAG_ERR_CLICKHOUSE_TLS: TLS to https://ch.example:8443 failed, peer certificate: self-signed certificate in certificate chain (SELF_SIGNED_CERT_IN_CHAIN); check WSDIAG_CLICKHOUSE_CA_FILE and the host in WSDIAG_CLICKHOUSE_URL');
  });
});
