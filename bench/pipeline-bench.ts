// Throughput of `wsdiag run --drain` over a pre-filled topic next to a no-op kafkajs eachBatch
// consumer over the same topic: the ratio is what decode, classify, ClickHouse and commits cost.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { sampleTraffic } from '../ingest/sample-traffic.js';
import { createClickHouseRunner } from '../ingest/clickhouse-client.js';

const brokers = (process.env.WSDIAG_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const clickhouseUrl = process.env.WSDIAG_CLICKHOUSE_URL ?? 'http://127.0.0.1:8123';
const cli = fileURLToPath(new URL('../cli/wsdiag.js', import.meta.url));

async function noopConsume(kafka: Kafka, topic: string, count: number): Promise<number> {
  const consumer = kafka.consumer({ groupId: `bench-noop-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const started = performance.now();
  let seen = 0;
  await new Promise<void>((resolve) => {
    void consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch, resolveOffset }) => {
        seen += batch.messages.length;
        resolveOffset(batch.lastOffset());
        if (seen >= count) resolve();
      },
    });
  });
  const seconds = (performance.now() - started) / 1000;
  await consumer.disconnect();
  return count / seconds;
}

function drainWithCli(env: Record<string, string>): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'run', '--drain'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (code) => (code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`wsdiag run exited ${code}`))));
  });
}

export async function runPipelineBench(count = Number(process.env.BENCH_EVENTS ?? 100_000)) {
  const id = randomUUID().slice(0, 8);
  const topic = `bench.${id}.telemetry`;
  const kafka = new Kafka({ clientId: 'wsdiag-bench', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 6 }, { topic: `${topic}.dlq`, numPartitions: 1 }] });
  const producer = kafka.producer();
  await producer.connect();
  const records = sampleTraffic({ count, seed: 99, invalidRatio: 0.01, startMs: Date.parse('2026-11-25T00:00:00Z') });
  for (let i = 0; i < records.length; i += 5000) {
    await producer.send({ topic, messages: records.slice(i, i + 5000).map((r) => ({ key: r.key, value: r.value })) });
  }
  await producer.disconnect();

  const noopPerSec = await noopConsume(kafka, topic, count);
  const database = `wsdiag_bench_${id}`;
  const seconds = await drainWithCli({
    WSDIAG_KAFKA_BROKERS: brokers.join(','),
    WSDIAG_CLICKHOUSE_URL: clickhouseUrl,
    WSDIAG_TOPIC: topic,
    WSDIAG_DLQ_TOPIC: `${topic}.dlq`,
    WSDIAG_KAFKA_GROUP_ID: `bench-${id}`,
    WSDIAG_CLICKHOUSE_DATABASE: database,
    WSDIAG_METRICS_PORT: '0',
    WSDIAG_LOG_LEVEL: 'warn',
  });
  const runner = createClickHouseRunner({ url: clickhouseUrl, username: 'default', password: '', requestTimeoutMs: 60_000 });
  const [stored] = await runner.query<{ n: string }>(`SELECT uniqExact(event_id) AS n FROM ${database}.events`);
  await runner.command(`DROP DATABASE IF EXISTS ${database}`);
  await runner.close();
  await admin.deleteTopics({ topics: [topic, `${topic}.dlq`] }).catch(() => undefined);
  await admin.disconnect();
  const pipelinePerSec = count / seconds;
  return { events: count, stored: Number(stored?.n ?? 0), noopPerSec, pipelinePerSec, ratio: pipelinePerSec / noopPerSec, pipelineSeconds: seconds };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await runPipelineBench();
  console.log(`pipeline: ${r.events} records, ${r.stored} stored`);
  console.log(`no-op kafkajs eachBatch: ${Math.round(r.noopPerSec)} events/s`);
  console.log(`wsdiag run --drain:      ${Math.round(r.pipelinePerSec)} events/s (${r.pipelineSeconds.toFixed(1)} s incl. start-up and drain detection)`);
  console.log(`ratio pipeline/no-op:    ${r.ratio.toFixed(3)}`);
}
