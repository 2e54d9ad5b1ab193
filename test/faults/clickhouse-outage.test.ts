// Fault 3: ClickHouse down for a while (20 s in the short suite, 60 s in the full run) under a steady
// stream. Consumption pauses (no commits, bounded memory: RSS < 256 MB), /readyz answers 503,
// inserts retry with backoff and jitter, and after the server returns /readyz is 200 and all arrives.
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
  rssMiB,
  sampleRecords,
  services,
  sleep,
  startPipeline,
  startStream,
  waitFor,
  useFaultSandbox,
} from '../support/fault-harness.js';

const OUTAGE_MS = pick(20_000, 60_000);
const RATE_PER_S = 1_000;
const COUNT = Math.round(((OUTAGE_MS + 20_000) / 1000) * RATE_PER_S);

describe('fault 3: ClickHouse down', () => {
  const sandbox = useFaultSandbox('chdown');

  it(`pauses for ${OUTAGE_MS / 1000} s with bounded memory, reports not ready, then delivers everything`, async () => {
    const records = sampleRecords(COUNT, 303, 0.01, '2026-11-24T22:00:00.000Z', sandbox().partitions);
    const producer = await connectProducer(sandbox());
    const pipeline = await startPipeline(sandbox());
    await waitFor('/readyz 200', async () => (await httpStatus(pipeline.metricsPort, '/readyz')) === 200, 60_000);
    const stream = startStream(sandbox(), producer, records, RATE_PER_S / 10);
    await sleep(5_000);

    await services('down', 'clickhouse');
    const downAt = Date.now();
    const statuses = new Set<number>();
    let maxRss = 0;
    let committedEarly = -1n;
    while (Date.now() - downAt < OUTAGE_MS) {
      statuses.add(await httpStatus(pipeline.metricsPort, '/readyz'));
      maxRss = Math.max(maxRss, rssMiB(pipeline.pid));
      // A commit already under way when the server went down may still land; after that, none.
      if (committedEarly < 0n && Date.now() - downAt > 3_000) committedEarly = (await committedTotal(sandbox())).committed;
      await sleep(500);
    }
    const during = await committedTotal(sandbox());
    const failures = await metric(pipeline.metricsPort, 'wsdiag_insert_failures_total{code="CH_UNAVAILABLE"}');

    await services('up', 'clickhouse');
    const upAt = Date.now();
    await waitFor('/readyz 200 after the outage', async () => (await httpStatus(pipeline.metricsPort, '/readyz')) === 200, 60_000);
    await waitFor('commit progress', async () => (await committedTotal(sandbox())).committed > during.committed, 60_000);
    const recoverMs = Date.now() - upAt;
    await finishStream(sandbox(), stream, producer, pipeline);

    expect(statuses.has(503)).toBe(true);
    expect(maxRss).toBeLessThan(256);
    expect(during.committed).toBe(committedEarly);
    expect(during.end - during.committed).toBeGreaterThan(BigInt(RATE_PER_S * 5));
    expect(failures).toBeGreaterThan(1);

    const expected = expectationOf(stream.placed);
    const f = await expectExactlyOnce(sandbox(), expected);
    report(
      {
        fault: `ClickHouse down ${OUTAGE_MS / 1000} s`,
        repetitions: 1,
        produced: stream.placed.length,
        recoverMs: [recoverMs],
        notes: `max RSS ${maxRss.toFixed(0)} MiB while down; lag at the end of the outage ${during.end - during.committed}; ${failures} failed insert attempts retried; recover = server up to first commit`,
      },
      f,
    );
  });
});
