// `npm run bench:cluster`: events/s of 1, 2 and 3 `wsdiag run --drain` instances in one consumer group
// over one pre-filled 6-partition topic, writing through a ClickHouse cluster (docs/scaling.md).
// Needs Kafka and a cluster: `scripts/services up --cluster`, then WSDIAG_CLICKHOUSE_URL (a shard's
// HTTP) and WSDIAG_CLICKHOUSE_CLUSTER. A benchmark: prints figures, fails only if a figure is inexact.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { createClickHouseRunner } from '../ingest/clickhouse-client.js';
import { decodeRecord } from '../ingest/decode-record.js';
import { sampleTraffic } from '../ingest/sample-traffic.js';

const brokers = (process.env.WSDIAG_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const urls = (process.env.WSDIAG_CLICKHOUSE_URL ?? 'http://127.0.0.1:8124,http://127.0.0.1:8125').split(',');
const cluster = process.env.WSDIAG_CLICKHOUSE_CLUSTER ?? 'wsdiag';
const count = Number(process.env.BENCH_EVENTS ?? 120_000);
const instances = (process.env.BENCH_INSTANCES ?? '1,2,3').split(',').map(Number);
const cli = fileURLToPath(new URL('../cli/wsdiag.js', import.meta.url));

function runCli(args: string[], env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  return new Promise((resolve, reject) => child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`wsdiag ${args.join(' ')} exited ${code}`)))));
}

/** Bytes on disk of the raw events over every shard, after merging (compressed, as stored). */
async function eventBytes(database: string): Promise<number> {
  let bytes = 0;
  for (const url of urls) {
    const shard = createClickHouseRunner({ url, username: 'default', password: '', requestTimeoutMs: 300_000 });
    try {
      await shard.command(`OPTIMIZE TABLE ${database}.events_local FINAL`);
      const [row] = await shard.query<{ b: string }>(`SELECT sum(bytes_on_disk) AS b FROM system.parts WHERE database = '${database}' AND table = 'events_local' AND active`);
      bytes += Number(row?.b ?? 0);
    } finally {
      await shard.close();
    }
  }
  return bytes;
}

async function measure(n: number): Promise<{ n: number; seconds: number; perSec: number; stored: number; expected: number; bytesPerEvent: number }> {
  const id = randomUUID().slice(0, 8);
  const topic = `bench.cluster.${id}`;
  const database = `wsdiag_bench_cluster_${id}`;
  const kafka = new Kafka({ clientId: 'wsdiag-bench', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 6 }, { topic: `${topic}.dlq`, numPartitions: 1 }] });
  const records = sampleTraffic({ count, seed: 1616, invalidRatio: 0.01, startMs: Date.parse('2026-11-25T00:00:00Z') });
  const expected = new Set(records.flatMap((r) => {
    const d = decodeRecord(r.value, 262_144);
    return d.ok ? [d.event.event_id] : [];
  })).size;
  const producer = kafka.producer();
  await producer.connect();
  for (let i = 0; i < records.length; i += 5000) await producer.send({ topic, messages: records.slice(i, i + 5000).map((r) => ({ key: r.key, value: r.value })) });
  await producer.disconnect();
  const env = (k: number): Record<string, string> => ({
    WSDIAG_KAFKA_BROKERS: brokers.join(','),
    WSDIAG_CLICKHOUSE_URL: urls[k % urls.length]!,
    WSDIAG_CLICKHOUSE_CLUSTER: cluster,
    WSDIAG_TOPIC: topic,
    WSDIAG_DLQ_TOPIC: `${topic}.dlq`,
    WSDIAG_KAFKA_GROUP_ID: `bench-${id}`,
    WSDIAG_CLICKHOUSE_DATABASE: database,
    WSDIAG_METRICS_PORT: '0',
    WSDIAG_LOG_LEVEL: 'warn',
  });
  const runner = createClickHouseRunner({ url: urls[0]!, username: 'default', password: '', requestTimeoutMs: 300_000 });
  try {
    await runCli(['migrate'], env(0));
    const started = performance.now();
    await Promise.all(Array.from({ length: n }, (_, k) => runCli(['run', '--drain', '--no-migrate'], env(k))));
    const seconds = (performance.now() - started) / 1000;
    const [row] = await runner.query<{ n: string }>(`SELECT uniqExact(event_id) AS n FROM ${database}.events`);
    const stored = Number(row?.n ?? 0);
    return { n, seconds, perSec: count / seconds, stored, expected, bytesPerEvent: (await eventBytes(database)) / Math.max(1, stored) };
  } finally {
    await runner.command(`DROP DATABASE IF EXISTS ${database} ON CLUSTER ${cluster}`).catch(() => undefined);
    await runner.close();
    await admin.deleteTopics({ topics: [topic, `${topic}.dlq`] }).catch(() => undefined);
    await admin.disconnect();
  }
}

const fmt = (v: number) => Math.round(v).toLocaleString('en-US');
console.log(`## cluster scaling: ${fmt(count)} events, 6 partitions, cluster ${cluster} via ${urls.join(' ')}`);
let inexact = false;
for (const n of instances) {
  const r = await measure(n);
  inexact ||= r.stored !== r.expected;
  console.log(`${n} instance(s): ${fmt(r.perSec)} events/s total, ${fmt(r.perSec / n)} per instance (${r.seconds.toFixed(1)} s wall incl. start-up and drain detection; ${fmt(r.stored)} of ${fmt(r.expected)} distinct ids stored; raw events ${r.bytesPerEvent.toFixed(0)} bytes/event on disk)`);
}
process.exit(inexact ? 1 : 0);
