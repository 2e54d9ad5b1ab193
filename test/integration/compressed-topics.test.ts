// Topics written by ordinary producers: the same telemetry in gzip, snappy, lz4 and zstd batches
// (kcat -z, i.e. librdkafka, as Java and Go producers' settings write them; kafkajs with wsdiag's own
// snappy and lz4 codecs), drained by `wsdiag run --drain` into ClickHouse with exact counts. The
// dead-letter topic is written lz4-compressed and read back by kcat byte for byte.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { sampleTraffic, type SampleRecord } from '../../ingest/sample-traffic.js';
import { loadConfig } from '../../ingest/config.js';
import { createKafkaPublisher } from '../../ingest/kafka-source.js';
import { deadLetterHeaders } from '../../ingest/dead-letter.js';
import { createSandbox, groupOffsets, runCli, type Sandbox } from '../support/pipeline-harness.js';

const PER_CODEC = 400;
const kcatCodecs = ['gzip', 'snappy', 'lz4', 'zstd'] as const;
const kafkajsCodecs = ['snappy', 'lz4'] as const;

/** One kcat producer per codec; `-K` splits key and value at the tab. */
function kcatProduce(brokers: string, topic: string, codec: string, records: SampleRecord[]): void {
  const input = records.map((r) => `${r.key}\t${r.value.toString('utf8')}`).join('\n') + '\n';
  const result = spawnSync('kcat', ['-P', '-b', brokers, '-t', topic, '-z', codec, '-K', '\t', '-X', 'linger.ms=50'], { input, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`kcat -z ${codec} failed: ${result.stderr}`);
}

/** Reads a topic to its end with kcat (librdkafka decodes the batch): key, value and headers per record. */
function kcatConsume(brokers: string, topic: string): Array<{ key: string; payload: string; headers: string }> {
  const result = spawnSync('kcat', ['-C', '-b', brokers, '-t', topic, '-e', '-q', '-J'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`kcat -C failed: ${result.stderr}`);
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { key: string; payload: string; headers?: string[] })
    .map((r) => ({ key: r.key, payload: r.payload, headers: (r.headers ?? []).join(',') }));
}

describe('compressed topics (gzip, snappy, lz4, zstd) are consumed exactly', () => {
  let sandbox: Sandbox;
  let brokers: string;
  const all = sampleTraffic({ count: PER_CODEC * (kcatCodecs.length + kafkajsCodecs.length), seed: 7, invalidRatio: 0.02, startMs: Date.parse('2026-12-01T10:00:00Z') });
  const slices = new Map<string, SampleRecord[]>();
  [...kcatCodecs.map((c) => `kcat-${c}`), ...kafkajsCodecs.map((c) => `kafkajs-${c}`)].forEach((name, i) => slices.set(name, all.slice(i * PER_CODEC, (i + 1) * PER_CODEC)));
  // kcat reads lines, so its slices carry only the valid events (whose JSON has no newline).
  for (const codec of kcatCodecs) slices.set(`kcat-${codec}`, slices.get(`kcat-${codec}`)!.filter((r) => r.eventId));
  const sent = [...slices.values()].flat();
  const validIds = sent.flatMap((r) => (r.eventId ? [r.eventId] : [])).sort();
  const invalid = sent.filter((r) => !r.eventId);

  beforeAll(async () => {
    sandbox = await createSandbox('codecs', { env: { WSDIAG_DLQ_COMPRESSION: 'lz4' } });
    brokers = sandbox.env.WSDIAG_KAFKA_BROKERS!;
    for (const codec of kcatCodecs) kcatProduce(brokers, sandbox.topic, codec, slices.get(`kcat-${codec}`)!);
    for (const codec of kafkajsCodecs) {
      const publisher = createKafkaPublisher(loadConfig({ ...sandbox.env, WSDIAG_DLQ_COMPRESSION: codec }), pino({ level: 'silent' }));
      await publisher.publish(sandbox.topic, slices.get(`kafkajs-${codec}`)!.map((r) => ({ key: r.key, value: r.value })));
      await publisher.disconnect();
    }
    const run = await runCli(['run', '--drain'], sandbox.env);
    expect(run.code, run.stderr).toBe(0);
  }, 180_000);

  afterAll(async () => sandbox?.cleanup());

  it('kcat reads back what kafkajs wrote with wsdiag snappy and lz4 codecs', () => {
    const keys = new Set(kcatConsume(brokers, sandbox.topic).map((r) => r.key));
    for (const codec of kafkajsCodecs) for (const r of slices.get(`kafkajs-${codec}`)!) expect(keys.has(r.key)).toBe(true);
    expect(keys.size).toBe(sent.length);
  });

  it('stores every valid event of every codec exactly once', async () => {
    expect(validIds.length).toBeGreaterThan(PER_CODEC * 5);
    const rows = await sandbox.clickhouse.query<{ event_id: string }>(`SELECT event_id FROM ${sandbox.database}.events ORDER BY event_id`);
    expect(rows.map((r) => r.event_id)).toEqual(validIds);
  });

  it('commits every partition to its end', async () => {
    const offsets = await groupOffsets(sandbox.kafka, sandbox.groupId, sandbox.topic);
    for (const p of offsets) expect(p.committed).toBe(p.end);
    expect(offsets.reduce((n, p) => n + Number(p.end), 0)).toBe(sent.length);
  });

  it('writes the dead letters lz4-compressed with the original bytes, readable by kcat', () => {
    expect(invalid.length).toBeGreaterThan(0);
    const dlq = kcatConsume(brokers, sandbox.dlqTopic);
    expect(dlq.map((r) => r.key).sort()).toEqual(invalid.map((r) => r.key).sort());
    const byKey = new Map(invalid.map((r) => [r.key, r.value]));
    for (const record of dlq) {
      // kcat -J prints values as UTF-8 text: compare where the original was valid UTF-8.
      const original = byKey.get(record.key)!;
      if (Buffer.from(original.toString('utf8'), 'utf8').equals(original)) expect(record.payload).toBe(original.toString('utf8'));
      expect(record.headers).toContain(deadLetterHeaders.reason);
    }
  });
});
