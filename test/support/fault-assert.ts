// The one exactness check every fault test ends with: nothing lost, and every figure a user can see
// (raw distinct ids, FINAL rows, rollups, the retro summary, the dead-letter topic) counts each record once.
import { expect } from 'vitest';
import { countedTwice, figures, stderrProblems, waitCaughtUp, type Expected, type FaultSandbox, type Figures, type PipelineProcess } from './fault-harness.js';

/**
 * `reReads`: the fault may make an instance re-read a batch it could not commit (crash, rebalance,
 * broker outage). Events must still count once everywhere; the batch's dead letters may be published
 * again (same source-offset headers, same bytes), and two instances may briefly both write a row
 * that FINAL and uniqExact collapse.
 */
export async function expectExactlyOnce(sandbox: FaultSandbox, expected: Expected, { reReads = false } = {}): Promise<Figures & { countedTwice: number }> {
  const f = await figures(sandbox, expected);
  const n = expected.validIds.size;
  const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v > 0));
  expect({ lost: f.lost, unexpected: f.unexpected }).toEqual({ lost: 0, unexpected: 0 });
  expect({ rawDistinct: f.rawDistinct, rawFinal: f.rawFinal, rollup: f.rollupEvents, retro: f.retroEvents }).toEqual({
    rawDistinct: n,
    rawFinal: n,
    rollup: n,
    retro: expected.retro.events,
  });
  expect(nonZero(f.rollupByAttribution)).toEqual(nonZero(expected.byAttribution));
  expect(nonZero(f.retroByAttribution)).toEqual(nonZero(expected.retro.byAttribution));
  expect(f.dlqProblems).toEqual([]);
  expect(f.dlqMatched).toBe(expected.invalid.size);
  if (!reReads) {
    // Nothing was re-read, so the sink's existence check must have kept even physical rows unique.
    expect(f.rawRows).toBe(n);
    expect(f.dlqCopies).toBe(0);
  }
  return { ...f, countedTwice: countedTwice(f, expected) };
}

/**
 * Ends a streaming run: the stream is fully sent, the pipeline catches up with the topic, and SIGTERM
 * stops it cleanly (exit 0, nothing alarming on stderr).
 */
export async function finishStream(
  sandbox: FaultSandbox,
  stream: { done: Promise<unknown> },
  producer: { disconnect(): Promise<void> },
  pipeline: PipelineProcess,
  catchUpMs = 120_000,
): Promise<void> {
  await stream.done;
  await producer.disconnect();
  await waitCaughtUp(sandbox, catchUpMs);
  pipeline.child.kill('SIGTERM');
  const result = await pipeline.done;
  expect(result.code, result.stderr).toBe(0);
  expect(stderrProblems(result.stderr)).toEqual([]);
}
