// Fault 2: the Kafka broker stopped and restarted while the pipeline consumes a steady stream
// (once in the short suite, three times in the full run): the job waits, reconnects, and every
// record is accounted for once. The producer retries its own sends during the outage and may leave
// extra copies, so the truth is read back from the topic itself.
import { describe, expect, it } from 'vitest';
import { expectExactlyOnce, finishStream } from '../support/fault-assert.js';
import { readTopic } from '../support/pipeline-harness.js';
import {
  committedTotal,
  connectProducer,
  expectationOf,
  pick,
  report,
  sampleRecords,
  services,
  sleep,
  startPipeline,
  startStream,
  waitCommitProgress,
  useFaultSandbox,
} from '../support/fault-harness.js';

const RESTARTS = pick(1, 3);
const DOWN_MS = pick(5_000, 15_000);
const RATE_PER_S = 500;
const COUNT = RESTARTS * 15_000;

describe('fault 2: Kafka broker stopped and restarted', () => {
  const sandbox = useFaultSandbox('kafkadown');

  it(`waits out ${RESTARTS} broker restart(s): 0 lost, 0 counted twice`, async () => {
    const records = sampleRecords(COUNT, 202, 0.01, '2026-11-25T02:00:00.000Z', sandbox().partitions);
    const producer = await connectProducer(sandbox());
    const pipeline = await startPipeline(sandbox());
    const stream = startStream(sandbox(), producer, records, RATE_PER_S / 10);
    const recoverMs: number[] = [];
    for (let k = 0; k < RESTARTS; k++) {
      await sleep(6_000);
      const baseline = (await committedTotal(sandbox())).committed;
      await services('down', 'kafka');
      await sleep(DOWN_MS);
      expect(pipeline.child.exitCode, pipeline.stderr).toBeNull();
      await services('up', 'kafka');
      recoverMs.push(await waitCommitProgress(sandbox(), baseline, 180_000));
    }
    await finishStream(sandbox(), stream, producer, pipeline, 180_000);

    const inTopic = await readTopic(sandbox().kafka, sandbox().topic, stream.placed.length, 60_000);
    expect(inTopic.length).toBeGreaterThanOrEqual(COUNT);
    const placed = inTopic.map((r) => ({ key: r.key!.toString(), value: r.value!, partition: r.partition, offset: r.offset }));
    const expected = expectationOf(placed);
    expect(expected.validIds.size).toBe(expectationOf(stream.placed).validIds.size);
    const f = await expectExactlyOnce(sandbox(), expected, { reReads: true });
    report(
      {
        fault: 'Kafka broker stop/start',
        repetitions: RESTARTS,
        produced: COUNT,
        recoverMs,
        notes: `broker down ${DOWN_MS / 1000} s each time; ${inTopic.length - COUNT} extra copies from producer re-sends; recover = broker up to first commit`,
      },
      f,
    );
  });
});
