// Fault 6: hostile input, then a seeded fuzz run. Every record is accounted for: valid ones in
// ClickHouse by event_id, invalid ones in the dead-letter topic by source offset with their original
// bytes and the reason the pipeline's own decoder gives; the job never crashes nor logs a rejection.
import { describe, expect, it } from 'vitest';
import { expectExactlyOnce } from '../support/fault-assert.js';
import { fuzzRecords, hostileRecords } from '../support/fault-fuzz.js';
import {
  connectProducer,
  createFaultSandbox,
  expectationOf,
  pick,
  report,
  roundRobin,
  sendAll,
  startPipeline,
  stderrProblems,
  useFaultSandbox,
} from '../support/fault-harness.js';

const FUZZ_COUNT = pick(100_000, 250_000);
const FUZZ_SEED = 20261124;

describe('fault 6: hostile and fuzzed input', () => {
  const sandbox = useFaultSandbox('hostile');

  it('dead-letters 1 000 hostile records with original bytes and reasons', async () => {
    const hostile = hostileRecords(1_000);
    const producer = await connectProducer(sandbox());
    const placed = await sendAll(producer, sandbox().topic, hostile.map(roundRobin(sandbox().partitions)));
    await producer.disconnect();
    const run = await (await startPipeline(sandbox(), ['run', '--drain'])).done;
    expect(run.code, run.stderr).toBe(0);
    expect(stderrProblems(run.stderr)).toEqual([]);

    const expected = expectationOf(placed);
    expect(expected.validIds.size).toBe(0);
    expect(expected.invalid.size).toBe(1_000);
    const reasons = new Set([...expected.invalid.values()].map((v) => v.reason));
    expect([...reasons].sort()).toEqual(expect.arrayContaining(['empty_value', 'invalid_utf8', 'not_json', 'schema_violation', 'too_large']));
    const f = await expectExactlyOnce(sandbox(), expected);
    expect(f.dlq).toBe(1_000);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it(`survives ${FUZZ_COUNT} seeded fuzzed records and accounts for each`, async () => {
    const fuzz = fuzzRecords(FUZZ_COUNT, FUZZ_SEED);
    const producer = await connectProducer(sandbox());
    const placed = await sendAll(producer, sandbox().topic, fuzz.map((r, i) => ({ key: r.key, value: r.value, partition: i % sandbox().partitions })));
    await producer.disconnect();
    const started = Date.now();
    const run = await (await startPipeline(sandbox(), ['run', '--drain'])).done;
    const drainMs = Date.now() - started;
    expect(run.code, run.stderr).toBe(0);
    expect(stderrProblems(run.stderr)).toEqual([]);

    // The hostile records of the first test are still in the topic: account for both runs together.
    const hostile = hostileRecords(1_000);
    const hostileExpected = expectationOf(hostile.map((r, i) => ({ ...r, partition: i % sandbox().partitions, offset: '' })));
    expect(hostileExpected.validIds.size).toBe(0);
    const expected = expectationOf(placed, { fromIso: '2026-11-24T00:00:00.000Z', toIso: '2026-11-26T00:00:00.000Z' });
    const dlqBefore = 1_000;
    const invalid = new Map(expected.invalid);
    // Offsets of the hostile records: they were the first 1 000 records, round-robin from offset 0.
    hostile.forEach((r, i) => invalid.set(`${i % sandbox().partitions}:${Math.floor(i / sandbox().partitions)}`, { key: r.key, value: r.value }));
    const f = await expectExactlyOnce(sandbox(), { ...expected, invalid });

    const kinds = new Map<string, number>();
    for (const r of fuzz) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
    const reasons = new Map<string, number>();
    for (const v of expected.invalid.values()) reasons.set(v.reason ?? '?', (reasons.get(v.reason ?? '?') ?? 0) + 1);
    const summary = `fuzz seed ${FUZZ_SEED}: ${expected.validIds.size} valid, ${expected.invalid.size} invalid; mutations ${JSON.stringify(Object.fromEntries(kinds))}; reasons ${JSON.stringify(Object.fromEntries(reasons))}`;
    process.stderr.write(`${summary}\n`);
    report(
      {
        fault: 'hostile (1 000) + seeded fuzz',
        repetitions: 1,
        produced: FUZZ_COUNT + dlqBefore,
        recoverMs: [drainMs],
        notes: `${summary}; recover = drain time of the fuzz run`,
      },
      f,
    );
  });

  // Regression: kafkajs sent all dead letters of a flush in one request, i.e. one record batch per
  // partition; with the broker's default 1 MiB limit, two 700 KB too_large records bound for the
  // same dead-letter partition made a batch the broker refuses for good, and the job retried it
  // forever (not even SIGTERM could end it). The publisher now sends requests of at most 512 KiB.
  it('dead-letters big records under the broker default 1 MiB limit without stalling', async () => {
    const small = await createFaultSandbox('bigdlq', 1, { brokerDefaultLimits: true });
    try {
      const big = Array.from({ length: 6 }, (_, i) => ({ key: `big-${i}`, value: Buffer.from(`{"x":"${'A'.repeat(700_000)}${i}"}`), partition: 0 }));
      const producer = await connectProducer(small);
      const placed = [];
      for (const record of big) placed.push(...(await sendAll(producer, small.topic, [record])));
      await producer.disconnect();
      const pipeline = await startPipeline(small, ['run', '--drain']);
      const guard = setTimeout(() => pipeline.child.kill('SIGKILL'), 90_000);
      const run = await pipeline.done;
      clearTimeout(guard);
      expect(run.signal, 'the job stalled publishing dead letters').toBeNull();
      expect(run.code, run.stderr).toBe(0);
      const expected = expectationOf(placed);
      expect([...expected.invalid.values()].map((v) => v.reason)).toEqual(Array(6).fill('too_large'));
      await expectExactlyOnce(small, expected);
    } finally {
      await small.cleanup();
    }
  });
});
