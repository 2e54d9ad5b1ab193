import { describe, expect, it } from 'vitest';
import { classify, CLASSIFIER_VERSION } from '../../../analyzers/classify.js';
import { loadConfig } from '../../../ingest/config.js';
import { createLogger } from '../../../ingest/logger.js';
import { createMetrics } from '../../../ingest/metrics.js';
import { createPipeline } from '../../../ingest/pipeline.js';
import { fakePublisher, fakeSink, fakeSource, Journal, sampleRecords } from '../../support/delivery-fakes.js';

const tick = (ms = 1) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function setup(env: Record<string, string>, sinkOptions: Parameters<typeof fakeSink>[1] = {}) {
  const journal = new Journal();
  const source = fakeSource(journal);
  const sink = fakeSink(journal, sinkOptions);
  const publisher = fakePublisher(journal);
  const config = loadConfig({ WSDIAG_RETRY_INITIAL_MS: '1', WSDIAG_RETRY_MAX_MS: '2', ...env });
  const pipeline = createPipeline({ config, source, publisher, sink, classify, classifierVersion: CLASSIFIER_VERSION, metrics: createMetrics(), logger: createLogger('silent'), sleep: () => tick(2) });
  return { journal, source, sink, publisher, pipeline };
}

/** No commit may name an offset whose record the sink has not acknowledged (or dead-lettered) before it. */
function expectNoCommitBeforeAck(journal: Journal, records: ReturnType<typeof sampleRecords>) {
  const idAt = new Map(records.map((r) => [`${r.partition}/${r.offset}`, JSON.parse(r.value!.toString()).event_id as string]));
  const acked = new Set<string>();
  for (const step of journal.steps) {
    if (step.kind === 'write-ack') for (const id of step.ids) acked.add(id);
    if (step.kind !== 'commit') continue;
    for (const { partition, offset } of step.offsets) {
      for (let o = 0; o < Number(offset); o++) expect(acked.has(idAt.get(`${partition}/${o}`)!), `partition ${partition} offset ${o}`).toBe(true);
    }
  }
}

describe('pipeline loop', () => {
  it('shutdown flushes what is buffered, commits it, then disconnects', async () => {
    const { journal, source, sink, pipeline } = setup({ WSDIAG_BATCH_MAX_ROWS: '1000', WSDIAG_BATCH_FLUSH_MS: '600000' });
    const running = pipeline.run({ drain: false });
    await tick();
    const records = sampleRecords(30, { partitions: 2 });
    await source.push(records);
    expect(sink.stored).toEqual([]);
    pipeline.stop();
    await running;
    expect(sink.stored).toHaveLength(30);
    expect(journal.of('commit').at(-1)!.offsets.map((o) => o.offset)).toEqual(['15', '15']);
    expect(source.state).toMatchObject({ paused: true, disconnected: true });
    expectNoCommitBeforeAck(journal, records);
  });

  it('leaves the group while the last rollups build, and reports stopped only once they are built', async () => {
    const journal = new Journal();
    const source = fakeSource(journal);
    const sink = fakeSink(journal);
    let release!: () => void;
    const builds: string[] = [];
    const rollups = {
      buildPending: async (which: 'due' | 'all' = 'due') => {
        builds.push(which);
        if (which === 'all') await new Promise<void>((resolve) => (release = resolve));
        return 1;
      },
    };
    const config = loadConfig({ WSDIAG_BATCH_MAX_ROWS: '1000', WSDIAG_BATCH_FLUSH_MS: '600000', WSDIAG_ROLLUP_INTERVAL_MS: '600000' });
    const pipeline = createPipeline({ config, source, publisher: fakePublisher(journal), sink, rollups, classify, classifierVersion: CLASSIFIER_VERSION, metrics: createMetrics(), logger: createLogger('silent'), sleep: () => tick(2) });
    const running = pipeline.run({ drain: false });
    await tick();
    await source.push(sampleRecords(10));
    pipeline.stop();
    let stopped = false;
    void running.then(() => (stopped = true));
    while (!builds.includes('all')) await tick();
    await tick(5);
    expect(sink.stored).toHaveLength(10);
    expect(journal.of('commit')).toHaveLength(1);
    expect(source.state.disconnected).toBe(true);
    expect(stopped).toBe(false);
    release();
    await running;
    expect(stopped).toBe(true);
  });

  it('a failing write is retried and nothing is committed until it passes', async () => {
    const { journal, source, sink, pipeline } = setup({ WSDIAG_BATCH_MAX_ROWS: '10', WSDIAG_BATCH_FLUSH_MS: '20' }, { failures: 5 });
    const running = pipeline.run({ drain: true });
    await tick();
    const records = sampleRecords(45, { partitions: 3 });
    for (let i = 0; i < records.length; i += 5) await source.push(records.slice(i, i + 5));
    await running;
    expect(journal.of('write-attempt').length).toBe(journal.of('write-ack').length + 5);
    expect(new Set(sink.stored).size).toBe(45);
    expectNoCommitBeforeAck(journal, records);
  });

  it('a write that can never pass stops the job without committing that batch', async () => {
    const { journal, source, pipeline } = setup({ WSDIAG_BATCH_MAX_ROWS: '5', WSDIAG_BATCH_FLUSH_MS: '600000' }, { permanent: true });
    const running = pipeline.run({ drain: false });
    await tick();
    await source.push(sampleRecords(5));
    await expect(running).rejects.toMatchObject({ retriable: false });
    expect(journal.of('commit')).toEqual([]);
  });

  it('holds fetching back while the sink is behind: one batch writing and one waiting at most', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { journal, source, sink, pipeline } = setup({ WSDIAG_BATCH_MAX_ROWS: '10', WSDIAG_BATCH_FLUSH_MS: '600000' }, { gate: () => gate });
    const running = pipeline.run({ drain: true });
    await tick();
    const records = sampleRecords(40);
    await source.push(records.slice(0, 10)); // batch 1 starts writing
    let secondReturned = false;
    const second = source.push(records.slice(10, 20)).then(() => (secondReturned = true)); // batch 2 waits for batch 1
    await tick(20);
    expect(secondReturned).toBe(false);
    expect(journal.of('write-attempt')).toHaveLength(1);
    release();
    await second;
    for (let i = 20; i < 40; i += 10) await source.push(records.slice(i, i + 10));
    await running;
    expect(sink.stored).toHaveLength(40);
    expectNoCommitBeforeAck(journal, records);
  });

  it('draining, flushes the last partial batch as soon as every partition has been read to its end', async () => {
    const { journal, source, sink, pipeline } = setup({ WSDIAG_BATCH_MAX_ROWS: '1000', WSDIAG_BATCH_FLUSH_MS: '600000' });
    const running = pipeline.run({ drain: true });
    await tick();
    const records = sampleRecords(30, { partitions: 3 });
    // The fake's end offsets are what was pushed; a drain would otherwise wait 600 s for the batch's age.
    await source.push(records);
    await running;
    expect(sink.stored).toHaveLength(30);
    expect(journal.of('commit').at(-1)!.offsets.map((o) => o.offset)).toEqual(['10', '10', '10']);
    expectNoCommitBeforeAck(journal, records);
  });

  it('flushes a partial batch once it is WSDIAG_BATCH_FLUSH_MS old', async () => {
    const { source, sink, pipeline } = setup({ WSDIAG_BATCH_MAX_ROWS: '1000', WSDIAG_BATCH_FLUSH_MS: '20' });
    const running = pipeline.run({ drain: false });
    await tick();
    await source.push(sampleRecords(3));
    for (let i = 0; i < 100 && sink.stored.length < 3; i++) await tick(5);
    expect(sink.stored).toHaveLength(3);
    pipeline.stop();
    await running;
  });
});
