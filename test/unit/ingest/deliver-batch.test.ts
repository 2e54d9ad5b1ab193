import { describe, expect, it } from 'vitest';
import { classify, CLASSIFIER_VERSION } from '../../../analyzers/classify.js';
import { deliverBatch, type DeliveryPolicy, type DeliverySeams } from '../../../ingest/deliver-batch.js';
import { pendingRow, prepareBatch } from '../../../ingest/prepare-batch.js';
import { decodeRecord } from '../../../ingest/decode-record.js';
import { toEventRow } from '../../../ingest/event-row.js';
import { eventColumns } from '../../../schemas/clickhouse/events-table.js';
import { fakePublisher, fakeSink, Journal, sampleRecords } from '../../support/delivery-fakes.js';

const prepare = (count: number, invalidRatio = 0) =>
  prepareBatch(sampleRecords(count, { partitions: 3, invalidRatio }), { classify, classifierVersion: CLASSIFIER_VERSION, maxRecordBytes: 262_144, ingestedAtMs: 1_764_000_000_000 });

function setup(options: { sinkFailures?: number; permanent?: boolean; reject?: Set<string>; publishFailures?: number; commitFails?: boolean } = {}) {
  const journal = new Journal();
  const sink = fakeSink(journal, { failures: options.sinkFailures ?? 0, permanent: options.permanent ?? false, reject: options.reject ?? new Set() });
  const publisher = fakePublisher(journal, { failures: options.publishFailures ?? 0 });
  const retries: string[] = [];
  const seams: DeliverySeams = {
    write: (rows) => sink.write(rows),
    publishDeadLetters: (records) => publisher.publish('dlq', records),
    commit: async (offsets) => {
      if (options.commitFails) throw new Error('rebalance in progress (fake)');
      journal.steps.push({ kind: 'commit', offsets });
    },
    heartbeat: async () => {},
  };
  const policy: DeliveryPolicy = { retryInitialMs: 1, retryMaxMs: 2, heartbeatEveryMs: 1000, onRetry: (stage, error) => retries.push(`${stage}:${(error as { code?: string }).code ?? 'UNKNOWN'}`), sleep: async () => {} };
  return { journal, sink, publisher, seams, policy, retries };
}

describe('deliverBatch', () => {
  it('commits each partition\'s next offset only after the rows and the dead letters were acknowledged', async () => {
    const batch = prepare(300, 0.02);
    const { journal, seams, policy } = setup();
    const report = await deliverBatch(batch, seams, policy);
    expect(journal.steps.map((s) => s.kind)).toEqual(['write-attempt', 'write-ack', 'dead-letters', 'commit']);
    expect(report).toMatchObject({ inserted: 294, committed: true });
    expect(report.deadLetters).toHaveLength(6);
    expect(journal.of('commit')[0]!.offsets.sort((a, b) => a.partition - b.partition)).toEqual([
      { topic: 't', partition: 0, offset: '100' },
      { topic: 't', partition: 1, offset: '100' },
      { topic: 't', partition: 2, offset: '100' },
    ]);
  });

  it('retries a transient write failure and commits nothing until the write is acknowledged', async () => {
    const { journal, seams, policy, retries } = setup({ sinkFailures: 3 });
    await deliverBatch(prepare(50), seams, policy);
    expect(retries).toEqual(['write:CH_UNAVAILABLE', 'write:CH_UNAVAILABLE', 'write:CH_UNAVAILABLE']);
    expect(journal.steps.map((s) => s.kind)).toEqual(['write-attempt', 'write-attempt', 'write-attempt', 'write-attempt', 'write-ack', 'commit']);
  });

  it('a write that can never pass is thrown and never committed', async () => {
    const { journal, seams, policy } = setup({ permanent: true });
    await expect(deliverBatch(prepare(20), seams, policy)).rejects.toMatchObject({ code: 'CH_SOMETHING_PERMANENT', retriable: false });
    expect(journal.of('commit')).toEqual([]);
  });

  it('rows the sink rejects for good become dead letters before the commit', async () => {
    const batch = prepare(10);
    const poisoned = batch.rows[4]!.eventId;
    const { journal, seams, policy, publisher } = setup({ reject: new Set([poisoned]) });
    const report = await deliverBatch(batch, seams, policy);
    expect(report.deadLetters.map((d) => d.reason)).toEqual(['rejected_by_clickhouse']);
    expect(publisher.published[0]!.value).toEqual(batch.rows[4]!.ref.value);
    expect(journal.steps.map((s) => s.kind)).toEqual(['write-attempt', 'write-ack', 'dead-letters', 'commit']);
  });

  it('retries the dead-letter publish and commits only after it passed', async () => {
    const { journal, seams, policy, retries } = setup({ publishFailures: 2 });
    await deliverBatch(prepare(100, 0.05), seams, policy);
    expect(retries).toEqual(['dead-letters:UNKNOWN', 'dead-letters:UNKNOWN']);
    expect(journal.steps.map((s) => s.kind)).toEqual(['write-attempt', 'write-ack', 'dead-letters', 'commit']);
  });

  it('a failed commit is reported, not thrown (the next owner of the partition re-reads)', async () => {
    const { seams, policy } = setup({ commitFails: true });
    const report = await deliverBatch(prepare(5), seams, policy);
    expect(report).toMatchObject({ committed: false, inserted: 5 });
    expect(report.commitError).toContain('rebalance');
  });
});

describe('prepareBatch', () => {
  it('turns every record into exactly one row or one dead letter, and commits past the last of each partition', () => {
    const records = sampleRecords(1000, { partitions: 4, invalidRatio: 0.03 });
    const batch = prepareBatch(records, { classify, classifierVersion: CLASSIFIER_VERSION, maxRecordBytes: 262_144, ingestedAtMs: 0 });
    expect(batch.rows.length + batch.deadLetters.length).toBe(1000);
    expect(batch.deadLetters).toHaveLength(30);
    // The line ends with kafka_topic, kafka_partition, kafka_offset and the five chain columns.
    const lines = batch.rows.map((r) => r.tsv.toString('utf8'));
    expect(lines.every((line, i) => line.split('\t').slice(-7, -5).join(':') === `${batch.rows[i]!.ref.partition}:${batch.rows[i]!.ref.offset}`)).toBe(true);
    expect(lines.every((line, i) => line.endsWith('\n') && line.split('\t').length === eventColumns.length && line.startsWith(`${batch.rows[i]!.eventId}\t`))).toBe(true);
    // One buffer holds the batch's lines, back to back: the prepare step hands it over whole.
    expect(new Set(batch.rows.map((r) => r.tsv.buffer)).size).toBe(1);
    expect(batch.rows.every((r, i) => i === 0 || r.tsv.byteOffset === batch.rows[i - 1]!.tsv.byteOffset + batch.rows[i - 1]!.tsv.byteLength)).toBe(true);
    expect(batch.offsets.map((o) => o.offset)).toEqual(['250', '250', '250', '250']);
  });

  it.each([
    // The evidence of about a quarter of the sample events holds a '→'.
    ['sample traffic', (text: string) => text],
    ['more text beyond ASCII', (text: string, i: number) => (i % 3 === 0 ? text.replace(/"message":"/, '"message":"Verbindung abgelehnt → ✗ ') : text)],
  ])('%s: each row holds the UTF-8 bytes of its own line, as one row encoded alone', (_label, edit) => {
    const records = sampleRecords(300, { partitions: 2 }).map((r, i) => ({ ...r, value: Buffer.from(edit(r.value!.toString('utf8'), i)) }));
    const ctx = { classify, classifierVersion: CLASSIFIER_VERSION, maxRecordBytes: 262_144, ingestedAtMs: 1_764_000_000_000 };
    const batch = prepareBatch(records, ctx);
    expect(batch.rows).toHaveLength(300);
    const alone = records.map((record) => {
      const decoded = decodeRecord(record.value, ctx.maxRecordBytes);
      if (!decoded.ok) throw new Error(decoded.detail);
      return pendingRow(toEventRow(decoded.event, classify(decoded.event), record, ctx.ingestedAtMs, CLASSIFIER_VERSION), record).tsv;
    });
    expect(batch.rows.map((r) => r.tsv.toString('hex'))).toEqual(alone.map((b) => b.toString('hex')));
  });
});
