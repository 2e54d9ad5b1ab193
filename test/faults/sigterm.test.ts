// Fault 7: SIGTERM while a batch is still buffered (the flush timer and size limit are far away):
// the job flushes and commits that batch, exits 0, and a restart re-reads nothing into the counts.
import { describe, expect, it } from 'vitest';
import { expectExactlyOnce } from '../support/fault-assert.js';
import {
  committedTotal,
  connectProducer,
  expectationOf,
  metric,
  pick,
  report,
  sampleRecords,
  sendAll,
  startPipeline,
  stderrProblems,
  waitFor,
  type PlacedRecord,
  useFaultSandbox,
} from '../support/fault-harness.js';

const ROUNDS = pick(2, 5);
const PER_ROUND = 3_000;
/** Nothing flushes by itself: only the shutdown path can write these batches. */
const holdBatches = { WSDIAG_BATCH_MAX_ROWS: '500000', WSDIAG_BATCH_FLUSH_MS: '600000' };

describe('fault 7: SIGTERM during a batch', () => {
  const sandbox = useFaultSandbox('sigterm');

  it(`flushes, commits and exits 0, ${ROUNDS} times; restarts add nothing`, async () => {
    const all = sampleRecords(ROUNDS * PER_ROUND, 707, 0.01, '2026-11-24T14:00:00.000Z', sandbox().partitions);
    const producer = await connectProducer(sandbox());
    const placed: PlacedRecord[] = [];
    const stopMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      placed.push(...(await sendAll(producer, sandbox().topic, all.slice(round * PER_ROUND, (round + 1) * PER_ROUND))));
      const before = await committedTotal(sandbox());
      const pipeline = await startPipeline(sandbox(), ['run'], holdBatches);
      await waitFor('the whole round to be consumed', async () => (await metric(pipeline.metricsPort, 'wsdiag_records_consumed_total')) >= PER_ROUND, 60_000);
      // The batch is only in memory: nothing of this round is committed yet.
      expect((await committedTotal(sandbox())).committed).toBe(before.committed);
      const signalled = Date.now();
      pipeline.child.kill('SIGTERM');
      const result = await pipeline.done;
      stopMs.push(Date.now() - signalled);
      expect(result.code, result.stderr).toBe(0);
      expect(stderrProblems(result.stderr)).toEqual([]);
      const after = await committedTotal(sandbox());
      expect(after.caughtUp).toBe(true);
      expect(after.committed).toBe(BigInt(placed.length));
    }
    await producer.disconnect();
    const expected = expectationOf(placed);
    const first = await expectExactlyOnce(sandbox(), expected);

    // A restart finds committed = end: it reads nothing, and every figure stays the same.
    const restart = await startPipeline(sandbox(), ['run', '--drain']);
    const restarted = await restart.done;
    expect(restarted.code, restarted.stderr).toBe(0);
    const again = await expectExactlyOnce(sandbox(), expected);
    expect({ raw: again.rawRows, dlq: again.dlq }).toEqual({ raw: first.rawRows, dlq: first.dlq });

    report(
      {
        fault: 'SIGTERM during a buffered batch',
        repetitions: ROUNDS,
        produced: placed.length,
        recoverMs: stopMs,
        notes: 'recover = SIGTERM to exit 0 (flush + commit)',
      },
      again,
    );
  });
});
