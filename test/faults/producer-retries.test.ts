// Fault 8: producer retries. 5 % of the stream's records are produced a second time at other
// offsets: half of them within the same stream (same batches or the next), half later, after the
// first copies are stored. Every figure counts each event_id once; dead letters stay per record.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../ingest/sample-traffic.js';
import { expectExactlyOnce } from '../support/fault-assert.js';
import {
  connectProducer,
  expectationOf,
  pick,
  report,
  sampleRecords,
  sendAll,
  sleep,
  startPipeline,
  type OutRecord,
  useFaultSandbox,
} from '../support/fault-harness.js';

const COUNT = pick(10_000, 40_000);
/** The full run leaves minutes between a record and its late copy. */
const LATE_COPY_DELAY_MS = pick(0, 120_000);

describe('fault 8: producer retries (5 % of records produced twice)', () => {
  const sandbox = useFaultSandbox('retries');

  it('counts each event_id once in every figure', async () => {
    const records = sampleRecords(COUNT, 808, 0.01, '2026-11-24T16:00:00.000Z', sandbox().partitions);
    const random = seededRandom(88);
    const chosen = [...new Set(Array.from({ length: COUNT }, (_, i) => i).filter(() => random() < 0.05))];
    // A copy goes to another partition, hence another offset (and possibly another instance).
    const copyOf = (i: number): OutRecord => ({ ...records[i]!, partition: (records[i]!.partition + 3) % sandbox().partitions });
    const early = chosen.filter((_, k) => k % 2 === 0);
    const late = chosen.filter((_, k) => k % 2 === 1);
    const stream: OutRecord[] = [];
    let e = 0;
    for (let i = 0; i < COUNT; i++) {
      stream.push(records[i]!);
      // The early copy follows its original a few hundred records later.
      while (e < early.length && early[e]! + 300 <= i) stream.push(copyOf(early[e++]!));
    }
    while (e < early.length) stream.push(copyOf(early[e++]!));

    const producer = await connectProducer(sandbox());
    const placed = await sendAll(producer, sandbox().topic, stream);
    const first = await (await startPipeline(sandbox(), ['run', '--drain'])).done;
    expect(first.code, first.stderr).toBe(0);

    await sleep(LATE_COPY_DELAY_MS);
    placed.push(...(await sendAll(producer, sandbox().topic, late.map(copyOf))));
    await producer.disconnect();
    const started = Date.now();
    const second = await (await startPipeline(sandbox(), ['run', '--drain'])).done;
    const secondMs = Date.now() - started;
    expect(second.code, second.stderr).toBe(0);

    expect(placed).toHaveLength(COUNT + chosen.length);
    const expected = expectationOf(placed);
    const f = await expectExactlyOnce(sandbox(), expected);
    report(
      {
        fault: 'producer retries (5 % twice)',
        repetitions: 1,
        produced: placed.length,
        recoverMs: [secondMs],
        notes: `${chosen.length} copies (${early.length} in-stream, ${late.length} after ${LATE_COPY_DELAY_MS / 1000} s); recover = drain of the late copies`,
      },
      f,
    );
  });
});
