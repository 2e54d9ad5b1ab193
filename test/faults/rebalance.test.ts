// Fault 5: a consumer-group rebalance under load: a second instance joins mid-stream, takes
// partitions, and leaves again (SIGTERM) — once in the short suite, three times in the full run.
// Two instances may briefly write the same re-read record; raw FINAL, uniqExact, rollups and the
// retro must still count it once.
import { describe, expect, it } from 'vitest';
import { expectExactlyOnce, finishStream } from '../support/fault-assert.js';
import {
  committedTotal,
  connectProducer,
  expectationOf,
  httpStatus,
  metric,
  pick,
  report,
  sampleRecords,
  sleep,
  startPipeline,
  startStream,
  stderrProblems,
  waitCommitProgress,
  waitFor,
  useFaultSandbox,
} from '../support/fault-harness.js';

const CYCLES = pick(1, 3);
const RATE_PER_S = 1_000;
const COUNT = CYCLES * 25_000;

describe('fault 5: consumer-group rebalance under load', () => {
  const sandbox = useFaultSandbox('rebalance');

  it(`a second instance joins and leaves ${CYCLES} time(s): no loss, no double count`, async () => {
    const records = sampleRecords(COUNT, 505, 0.01, '2026-11-25T04:00:00.000Z', sandbox().partitions);
    const producer = await connectProducer(sandbox());
    const first = await startPipeline(sandbox());
    const stream = startStream(sandbox(), producer, records, RATE_PER_S / 10);
    const recoverMs: number[] = [];
    let secondConsumed = 0;
    for (let k = 0; k < CYCLES; k++) {
      await sleep(4_000);
      const second = await startPipeline(sandbox());
      await waitFor('the second instance to consume', async () => (await metric(second.metricsPort, 'wsdiag_records_consumed_total')) > 0, 60_000);
      await sleep(3_000);
      expect(await httpStatus(second.metricsPort, '/readyz')).toBe(200);
      secondConsumed += await metric(second.metricsPort, 'wsdiag_records_consumed_total');
      const baseline = (await committedTotal(sandbox())).committed;
      second.child.kill('SIGTERM');
      const left = await second.done;
      expect(left.code, left.stderr).toBe(0);
      expect(stderrProblems(left.stderr)).toEqual([]);
      recoverMs.push(await waitCommitProgress(sandbox(), baseline, 60_000));
    }
    await finishStream(sandbox(), stream, producer, first);
    expect(secondConsumed).toBeGreaterThan(0);

    const expected = expectationOf(stream.placed);
    const f = await expectExactlyOnce(sandbox(), expected, { reReads: true });
    report(
      {
        fault: 'rebalance: 2nd instance joins/leaves',
        repetitions: CYCLES,
        produced: stream.placed.length,
        recoverMs,
        notes: `second instance consumed ${secondConsumed}; physical rows before merge ${f.rawRows} (FINAL ${f.rawFinal}); recover = leave to next commit`,
      },
      f,
    );
  });
});
