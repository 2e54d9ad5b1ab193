// Throughput of `wsdiag run --drain` next to two anchors measured in the same run on the same
// pre-filled 6-partition topic: a no-op kafkajs eachBatch consumer (+ JSON.parse), and ClickHouse's own
// Kafka engine + one materialized view into a MergeTree (what a ClickHouse user would pick). The machine
// is shared, so the ratios against the anchors are the figures to read, not the absolute rates.
// Also: wsdiag's peak RSS, rollup bytes / raw bytes, and produce→queryable latency at a steady rate.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { sampleTraffic, type SampleRecord } from '../ingest/sample-traffic.js';
import { createClickHouseRunner } from '../ingest/clickhouse-client.js';
import type { SqlRunner } from '../ingest/sql-runner.js';
import { rollupStorageNames } from '../schemas/clickhouse/rollups.js';

export const brokers = (process.env.WSDIAG_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
export const clickhouseUrl = process.env.WSDIAG_CLICKHOUSE_URL ?? 'http://127.0.0.1:8123';
const cli = fileURLToPath(new URL('../cli/wsdiag.js', import.meta.url));
const PARTITIONS = 6;
/** Events per second the drained topic's timestamps represent (the storage bench's rate too). */
const TRAFFIC_RATE = Number(process.env.BENCH_EVENTS_PER_SEC ?? 200);

export function benchRunner() {
  return createClickHouseRunner({
    url: clickhouseUrl,
    username: process.env.WSDIAG_CLICKHOUSE_USER ?? 'default',
    password: process.env.WSDIAG_CLICKHOUSE_PASSWORD ?? '',
    requestTimeoutMs: 300_000,
  });
}

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
        for (const m of batch.messages) {
          try {
            JSON.parse(m.value?.toString('utf8') ?? '');
          } catch {
            // the 1% invalid records: parsing them is the work measured
          }
        }
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

/**
 * ClickHouse's Kafka engine reading the topic as one String column per line (18.16 needs
 * kafka_row_delimiter; TabSeparated takes any bytes without a tab or newline, so invalid records load too),
 * and a materialized view extracting the fields into a MergeTree with visitParam* (18.16 has no JSON*).
 * 18.16's consumer sets no auto.offset.reset, so its fresh group starts from offsets committed here.
 */
async function kafkaEngineConsume(admin: Admin, runner: SqlRunner, topic: string, count: number): Promise<number> {
  const db = `wsdiag_bench_anchor_${randomUUID().slice(0, 8)}`;
  const group = `bench-ch-${randomUUID().slice(0, 8)}`;
  await admin.setOffsets({ groupId: group, topic, partitions: Array.from({ length: PARTITIONS }, (_, partition) => ({ partition, offset: '0' })) });
  await runner.command(`CREATE DATABASE ${db}`);
  try {
    await runner.command(`CREATE TABLE ${db}.events (event_id String, ts String, outcome String, service String, region String, runtime String, url String, close_code Int32, error_message String)
      ENGINE = MergeTree() ORDER BY (service, event_id)`);
    const started = performance.now();
    await runner.command(`CREATE TABLE ${db}.queue (raw String)
      ENGINE = Kafka('${brokers.join(',')}', '${topic}', '${group}', 'TabSeparated', '\\n')`);
    await runner.command(`CREATE MATERIALIZED VIEW ${db}.events_mv TO ${db}.events AS SELECT
      visitParamExtractString(raw, 'event_id') AS event_id, visitParamExtractString(raw, 'ts') AS ts,
      visitParamExtractString(raw, 'outcome') AS outcome, visitParamExtractString(raw, 'service') AS service,
      visitParamExtractString(raw, 'region') AS region, visitParamExtractString(raw, 'runtime') AS runtime,
      visitParamExtractString(raw, 'url') AS url, toInt32(visitParamExtractInt(raw, 'code')) AS close_code,
      visitParamExtractString(raw, 'message') AS error_message
      FROM ${db}.queue`);
    for (;;) {
      const [row] = await runner.query<{ n: string }>(`SELECT count() AS n FROM ${db}.events`);
      if (Number(row?.n ?? 0) >= count) break;
      if (performance.now() - started > 600_000) throw new Error('Kafka engine anchor did not finish in 10 min');
      await new Promise((r) => setTimeout(r, 50));
    }
    return count / ((performance.now() - started) / 1000);
  } finally {
    await runner.command(`DROP TABLE IF EXISTS ${db}.events_mv`);
    await runner.command(`DROP TABLE IF EXISTS ${db}.queue`);
    await runner.command(`DROP DATABASE IF EXISTS ${db}`);
  }
}

/** Peak resident set (VmHWM) of a child, read from /proc until it exits. */
function watchPeakRss(child: ChildProcess): () => number {
  let peakKb = 0;
  const read = () => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
    } catch {
      // exited
    }
  };
  const timer = setInterval(read, 100);
  child.once('exit', () => clearInterval(timer));
  return () => peakKb / 1024;
}

/** The heap cap the Dockerfile runs wsdiag with (docs/reliability.md, "Memory"). */
export const HEAP_ARGS = ['--max-old-space-size=160'];

export function startCli(args: string[], env: Record<string, string>): { child: ChildProcess; exited: Promise<number>; peakRssMb: () => number } {
  const child = spawn(process.execPath, [...HEAP_ARGS, cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const peakRssMb = watchPeakRss(child);
  const exited = new Promise<number>((resolve, reject) => {
    child.on('close', (code) => (code === 0 ? resolve(0) : reject(new Error(`wsdiag ${args.join(' ')} exited ${code}`))));
  });
  return { child, exited, peakRssMb };
}

export function wsdiagEnv(id: string, topic: string, database: string): Record<string, string> {
  return {
    WSDIAG_KAFKA_BROKERS: brokers.join(','),
    WSDIAG_CLICKHOUSE_URL: clickhouseUrl,
    WSDIAG_TOPIC: topic,
    WSDIAG_DLQ_TOPIC: `${topic}.dlq`,
    WSDIAG_KAFKA_GROUP_ID: `bench-${id}`,
    WSDIAG_CLICKHOUSE_DATABASE: database,
    WSDIAG_METRICS_PORT: '0',
    WSDIAG_LOG_LEVEL: 'warn',
  };
}

/** Sends sample records to `topic` in messages of 5 000 per request. */
export async function sendRecords(producer: Producer, topic: string, records: readonly SampleRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 5000) {
    await producer.send({ topic, messages: records.slice(i, i + 5000).map((r) => ({ key: r.key, value: r.value })) });
  }
}

export async function createTopics(admin: Admin, topic: string): Promise<void> {
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: PARTITIONS }, { topic: `${topic}.dlq`, numPartitions: 1 }] });
}

/** Bytes on disk of the active parts of the rollup tables and of the raw events, after merging everything. */
async function storageBytes(runner: SqlRunner, database: string): Promise<{ rawBytes: number; rollupBytes: number }> {
  // Every rollup grain (minute, hour, day) and its bookkeeping; `certificates` is a view.
  const rollupTables = rollupStorageNames.filter((t) => t !== 'certificates');
  for (const table of ['events', ...rollupTables]) await runner.command(`OPTIMIZE TABLE ${database}.${table} FINAL`);
  const rows = await runner.query<{ table: string; bytes: string }>(
    `SELECT table, sum(bytes_on_disk) AS bytes FROM system.parts WHERE database = '${database}' AND active GROUP BY table`,
  );
  const bytesOf = (t: string) => Number(rows.find((r) => r.table === t)?.bytes ?? 0);
  return { rawBytes: bytesOf('events'), rollupBytes: rollupTables.reduce((sum, t) => sum + bytesOf(t), 0) };
}

export interface PipelineBenchResult {
  events: number;
  stored: number;
  noopPerSec: number;
  kafkaEnginePerSec: number;
  pipelinePerSec: number;
  pipelineSeconds: number;
  peakRssMb: number;
  rawBytes: number;
  rollupBytes: number;
}

export async function runPipelineBench(count = Number(process.env.BENCH_EVENTS ?? 300_000)): Promise<PipelineBenchResult> {
  const id = randomUUID().slice(0, 8);
  const topic = `bench.${id}.telemetry`;
  const kafka = new Kafka({ clientId: 'wsdiag-bench', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await createTopics(admin, topic);
  const producer = kafka.producer();
  await producer.connect();
  // Timestamps at a steady TRAFFIC_RATE, so rollups group as they would in production at that rate.
  await sendRecords(producer, topic, sampleTraffic({ count, seed: 99, invalidRatio: 0.01, startMs: Date.parse('2026-11-25T00:00:00Z'), spacingMs: 1000 / TRAFFIC_RATE }));
  await producer.disconnect();
  const runner = benchRunner();
  const database = `wsdiag_bench_${id}`;
  try {
    const noopPerSec = await noopConsume(kafka, topic, count);
    const kafkaEnginePerSec = await kafkaEngineConsume(admin, runner, topic, count);
    const started = performance.now();
    const run = startCli(['run', '--drain'], wsdiagEnv(id, topic, database));
    await run.exited;
    const pipelineSeconds = (performance.now() - started) / 1000;
    const [stored] = await runner.query<{ n: string }>(`SELECT uniqExact(event_id) AS n FROM ${database}.events`);
    const bytes = await storageBytes(runner, database);
    return {
      events: count,
      stored: Number(stored?.n ?? 0),
      noopPerSec,
      kafkaEnginePerSec,
      pipelinePerSec: count / pipelineSeconds,
      pipelineSeconds,
      peakRssMb: run.peakRssMb(),
      ...bytes,
    };
  } finally {
    await runner.command(`DROP DATABASE IF EXISTS ${database}`);
    await runner.close();
    await admin.deleteTopics({ topics: [topic, `${topic}.dlq`] }).catch(() => undefined);
    await admin.disconnect();
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * Produce→queryable latency: events produced at a steady rate while `wsdiag run` consumes; a poller
 * reads the highest stored offset per partition every 50 ms, and an event counts as queryable at the
 * first poll that sees its offset (batches are written whole and in offset order per partition).
 */
export async function runLatencyBench(ratePerSec = Number(process.env.BENCH_RATE ?? 5000), seconds = Number(process.env.BENCH_LATENCY_SECS ?? 20)) {
  const id = randomUUID().slice(0, 8);
  const topic = `bench.${id}.latency`;
  const kafka = new Kafka({ clientId: 'wsdiag-bench', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await createTopics(admin, topic);
  const database = `wsdiag_bench_${id}`;
  const runner = benchRunner();
  const run = startCli(['run'], wsdiagEnv(id, topic, database));
  try {
    // Wait until the job has created its tables and joined the group.
    for (;;) {
      const tables = await runner.query<{ name: string }>(`SELECT name FROM system.tables WHERE database = '${database}' AND name = 'events'`).catch(() => []);
      if (tables.length > 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 3000));
    const producer = kafka.producer();
    await producer.connect();
    const total = ratePerSec * seconds;
    const records = sampleTraffic({ count: total, seed: 5, invalidRatio: 0, startMs: Date.now() });
    /** sent[partition][offset] = send time in ms. */
    const sent: number[][] = Array.from({ length: PARTITIONS }, () => []);
    const seen: number[] = new Array<number>(PARTITIONS).fill(-1);
    const latencies: number[] = [];
    let polling = true;
    let stoppedAt = 0;
    const poller = (async () => {
      while (polling || latencies.length < total) {
        const rows = await runner.query<{ p: number; o: string }>(`SELECT kafka_partition AS p, max(kafka_offset) AS o FROM ${database}.events GROUP BY p`);
        const at = performance.now();
        for (const { p, o } of rows) {
          const upTo = Math.min(Number(o), sent[p]!.length - 1);
          for (let offset = seen[p]! + 1; offset <= upTo; offset++) latencies.push(at - sent[p]![offset]!);
          seen[p] = Math.max(seen[p]!, upTo);
        }
        if (!polling && performance.now() - stoppedAt > 30_000) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const tickMs = 20;
    const perTick = Math.max(1, Math.round((ratePerSec * tickMs) / 1000));
    const started = performance.now();
    for (let i = 0; i < total; i += perTick) {
      const due = started + (i / ratePerSec) * 1000;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const chunk = records.slice(i, i + perTick);
      const at = performance.now();
      const acks = await producer.send({ topic, acks: -1, messages: chunk.map((r, j) => ({ key: r.key, value: r.value, partition: (i + j) % PARTITIONS })) });
      // Messages of one partition keep their order within a request: base offset + index.
      for (const ack of acks) {
        const base = Number(ack.baseOffset);
        const n = chunk.filter((_, j) => (i + j) % PARTITIONS === ack.partition).length;
        for (let k = 0; k < n; k++) sent[ack.partition]![base + k] = at;
      }
    }
    const produceSeconds = (performance.now() - started) / 1000;
    stoppedAt = performance.now();
    polling = false;
    await poller;
    await producer.disconnect();
    latencies.sort((a, b) => a - b);
    return { ratePerSec, achievedRatePerSec: total / produceSeconds, events: total, measured: latencies.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), maxMs: latencies.at(-1) ?? NaN };
  } finally {
    run.child.kill('SIGTERM');
    await run.exited.catch(() => undefined);
    await runner.command(`DROP DATABASE IF EXISTS ${database}`);
    await runner.close();
    await admin.deleteTopics({ topics: [topic, `${topic}.dlq`] }).catch(() => undefined);
    await admin.disconnect();
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export function formatPipelineBench(r: PipelineBenchResult): string {
  return [
    `## pipeline (${fmt(r.events)} records, 1% invalid, ${PARTITIONS} partitions, one topic; real Kafka and ClickHouse ${clickhouseUrl})`,
    `kafkajs no-op eachBatch + JSON.parse:   ${fmt(r.noopPerSec)} events/s`,
    `ClickHouse Kafka engine + MV:           ${fmt(r.kafkaEnginePerSec)} events/s`,
    `wsdiag run --drain:                     ${fmt(r.pipelinePerSec)} events/s (${r.pipelineSeconds.toFixed(1)} s wall incl. start-up, migrate, drain detection; ${fmt(r.stored)} stored)`,
    `wsdiag / Kafka engine + MV:             ${(r.pipelinePerSec / r.kafkaEnginePerSec).toFixed(2)}x   (target >= 1.0, stretch 1.5)`,
    `wsdiag / no-op consumer:                ${(r.pipelinePerSec / r.noopPerSec).toFixed(3)}x`,
    `wsdiag peak RSS:                        ${r.peakRssMb.toFixed(0)} MB   (target <= 256; node ${HEAP_ARGS.join(' ')} as in the Dockerfile)`,
    `raw events ${fmt(r.rawBytes)} B, rollups ${fmt(r.rollupBytes)} B (timestamps at ${TRAFFIC_RATE}/s): raw / rollups = ${(r.rawBytes / Math.max(1, r.rollupBytes)).toFixed(1)}x   (target >= 50)`,
  ].join('\n');
}

export function formatLatencyBench(r: Awaited<ReturnType<typeof runLatencyBench>>): string {
  return [
    `## produce -> queryable (${fmt(r.events)} events at ${fmt(r.ratePerSec)}/s, achieved ${fmt(r.achievedRatePerSec)}/s; ${fmt(r.measured)} seen)`,
    `p50 ${fmt(r.p50Ms)} ms, p99 ${fmt(r.p99Ms)} ms, max ${fmt(r.maxMs)} ms   (target p99 <= 2000)`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.env.BENCH_SKIP_DRAIN !== '1') console.log(formatPipelineBench(await runPipelineBench()));
  if (process.env.BENCH_SKIP_LATENCY !== '1') console.log(formatLatencyBench(await runLatencyBench()));
}
