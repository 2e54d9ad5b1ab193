// Fault 1: `kill -9` of the pipeline at seeded random points of a steady stream, then a restart each
// time and a final drain: nothing lost, nothing counted twice in raw events, rollups or the retro.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../ingest/sample-traffic.js';
import { expectExactlyOnce, finishStream } from '../support/fault-assert.js';
import {
  committedTotal,
  connectProducer,
  expectationOf,
  pick,
  report,
  sampleRecords,
  sleep,
  startPipeline,
  startStream,
  stderrProblems,
  waitCommitProgress,
  useFaultSandbox,
} from '../support/fault-harness.js';

const KILLS = pick(3, 10);
const RATE_PER_S = 500;
const COUNT = KILLS * 5_000;

describe('fault 1: kill -9 during a steady stream', () => {
  const sandbox = useFaultSandbox('kill9');

  it(`survives ${KILLS} kills: 0 lost, 0 counted twice`, async () => {
    const records = sampleRecords(COUNT, 101, 0.01, '2026-11-24T10:00:00.000Z', sandbox().partitions);
    const producer = await connectProducer(sandbox());
    const stream = startStream(sandbox(), producer, records, RATE_PER_S / 10);
    const random = seededRandom(7);
    const recoverMs: number[] = [];
    let pipeline = await startPipeline(sandbox());
    for (let k = 0; k < KILLS; k++) {
      await sleep(300 + Math.floor(random() * 3_500));
      pipeline.child.kill('SIGKILL');
      const killed = await pipeline.done;
      expect(killed.signal).toBe('SIGKILL');
      expect(stderrProblems(killed.stderr)).toEqual([]);
      const baseline = (await committedTotal(sandbox())).committed;
      pipeline = await startPipeline(sandbox());
      recoverMs.push(await waitCommitProgress(sandbox(), baseline, 90_000));
    }
    await finishStream(sandbox(), stream, producer, pipeline);

    // "then a restart and drain": the restarted job finds nothing left and adds nothing.
    const drain = await startPipeline(sandbox(), ['run', '--drain']);
    const drained = await drain.done;
    expect(drained.code, drained.stderr).toBe(0);

    const placed = stream.placed;
    expect(placed).toHaveLength(COUNT);
    const expected = expectationOf(placed);
    const f = await expectExactlyOnce(sandbox(), expected, { reReads: true });
    report(
      {
        fault: 'kill -9 at random points',
        repetitions: KILLS,
        produced: placed.length,
        recoverMs,
      },
      f,
    );
  }, pick(300_000, 900_000));
});
