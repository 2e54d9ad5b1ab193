// wsdiag's memory while it drains a large backlog and while ClickHouse is down, with the heap cap the
// Dockerfile runs it with: peak RSS against the 256 MB bound (docs/reliability.md, "Memory"). The outage
// is a TCP proxy between wsdiag and the shared ClickHouse that drops every connection and refuses new
// ones for a while, then lets them through again (the shared server itself is never stopped).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { sampleTraffic } from '../ingest/sample-traffic.js';
import { benchRunner, brokers, clickhouseUrl, createTopics, HEAP_ARGS, sendRecords, startCli, wsdiagEnv } from './pipeline-bench.js';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Produces `count` sample records (1 % invalid) in slices, so the bench itself never holds them all. */
async function fillTopic(admin: Admin, kafka: Kafka, topic: string, count: number): Promise<void> {
  await createTopics(admin, topic);
  const producer = kafka.producer();
  await producer.connect();
  const slice = 20_000;
  for (let i = 0; i < count; i += slice) {
    const records = sampleTraffic({ count: Math.min(slice, count - i), seed: 1000 + i, invalidRatio: 0.01, startMs: Date.parse('2026-11-25T00:00:00Z') + i * 5, spacingMs: 5 });
    await sendRecords(producer, topic, records);
  }
  await producer.disconnect();
}

/** Current resident set of a process in MB (0 once it has exited). */
function rssMb(pid: number | undefined): number {
  try {
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return rss ? Number(rss[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** A TCP proxy to ClickHouse's HTTP port that can drop and refuse every connection (an outage) and recover. */
async function outageProxy(target: URL): Promise<{ url: string; down(): void; up(): void; close(): Promise<void> }> {
  const open = new Set<Socket>();
  let isDown = false;
  const server = createServer((client) => {
    if (isDown) return void client.destroy();
    const upstream = connect(Number(target.port || 80), target.hostname);
    for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
      open.add(a);
      a.on('error', () => b.destroy());
      a.on('close', () => (open.delete(a), b.destroy()));
      a.pipe(b);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    down() {
      isDown = true;
      for (const s of open) s.destroy();
    },
    up() {
      isDown = false;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface MemoryBenchResult {
  backlog: { events: number; perSec: number; peakRssMb: number; stored: number };
  outage: { events: number; outageSecs: number; peakRssDuringMb: number; peakRssMb: number; stored: number; recoverSecs: number };
}

/**
 * Phase 1: `run --drain` over a backlog of `backlogCount`. Phase 2: `run --drain` over `outageCount`
 * records through the proxy, ClickHouse dropped after the first rows arrive and for `outageSecs`.
 */
export async function runMemoryBench(
  backlogCount = Number(process.env.BENCH_BACKLOG_EVENTS ?? 1_000_000),
  outageCount = Number(process.env.BENCH_OUTAGE_EVENTS ?? 300_000),
  outageSecs = Number(process.env.BENCH_OUTAGE_SECS ?? 60),
): Promise<MemoryBenchResult> {
  const kafka = new Kafka({ clientId: 'wsdiag-bench', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const runner = benchRunner();
  const cleanup: Array<() => Promise<unknown>> = [];
  try {
    // Phase 1: the backlog.
    const id = randomUUID().slice(0, 8);
    const topic = `bench.${id}.backlog`;
    const database = `wsdiag_bench_${id}`;
    cleanup.push(() => runner.command(`DROP DATABASE IF EXISTS ${database}`), () => admin.deleteTopics({ topics: [topic, `${topic}.dlq`] }));
    await fillTopic(admin, kafka, topic, backlogCount);
    const started = performance.now();
    const drain = startCli(['run', '--drain'], wsdiagEnv(id, topic, database));
    await drain.exited;
    const seconds = (performance.now() - started) / 1000;
    const [stored] = await runner.query<{ n: string }>(`SELECT uniqExact(event_id) AS n FROM ${database}.events`);

    // Phase 2: the outage.
    const oid = randomUUID().slice(0, 8);
    const otopic = `bench.${oid}.outage`;
    const odatabase = `wsdiag_bench_${oid}`;
    cleanup.push(() => runner.command(`DROP DATABASE IF EXISTS ${odatabase}`), () => admin.deleteTopics({ topics: [otopic, `${otopic}.dlq`] }));
    await fillTopic(admin, kafka, otopic, outageCount);
    const proxy = await outageProxy(new URL(clickhouseUrl));
    cleanup.push(() => proxy.close());
    const run = startCli(['run', '--drain'], { ...wsdiagEnv(oid, otopic, odatabase), WSDIAG_CLICKHOUSE_URL: proxy.url, WSDIAG_LOG_LEVEL: 'error' });
    // Down once the job is writing (its first rows are stored), so the outage meets a full pipeline.
    for (;;) {
      const rows = await runner.query<{ n: string }>(`SELECT count() AS n FROM system.tables WHERE database = '${odatabase}' AND name = 'events'`);
      if (Number(rows[0]?.n ?? 0) > 0) {
        const [written] = await runner.query<{ n: string }>(`SELECT count() AS n FROM ${odatabase}.events`);
        if (Number(written?.n ?? 0) > 0) break;
      }
      await sleep(100);
    }
    proxy.down();
    let peakDuring = 0;
    const downUntil = performance.now() + outageSecs * 1000;
    while (performance.now() < downUntil) {
      peakDuring = Math.max(peakDuring, rssMb(run.child.pid));
      await sleep(100);
    }
    proxy.up();
    const upAt = performance.now();
    await run.exited;
    const recoverSecs = (performance.now() - upAt) / 1000;
    const [ostored] = await runner.query<{ n: string }>(`SELECT uniqExact(event_id) AS n FROM ${odatabase}.events`);
    return {
      backlog: { events: backlogCount, perSec: backlogCount / seconds, peakRssMb: drain.peakRssMb(), stored: Number(stored?.n ?? 0) },
      outage: { events: outageCount, outageSecs, peakRssDuringMb: peakDuring, peakRssMb: run.peakRssMb(), stored: Number(ostored?.n ?? 0), recoverSecs },
    };
  } finally {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
    await runner.close();
    await admin.disconnect();
  }
}

export function formatMemoryBench(r: MemoryBenchResult): string {
  return [
    `## memory (node ${HEAP_ARGS.join(' ')} as in the Dockerfile; target peak RSS <= 256 MB)`,
    `backlog of ${fmt(r.backlog.events)} records (1% invalid), run --drain: peak RSS ${r.backlog.peakRssMb.toFixed(0)} MB, ${fmt(r.backlog.perSec)} events/s, ${fmt(r.backlog.stored)} stored`,
    `ClickHouse down ${r.outage.outageSecs} s while draining ${fmt(r.outage.events)} records: peak RSS ${r.outage.peakRssDuringMb.toFixed(0)} MB during the outage, ${r.outage.peakRssMb.toFixed(0)} MB over the run; ${fmt(r.outage.stored)} stored, drained ${r.outage.recoverSecs.toFixed(1)} s after recovery`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(formatMemoryBench(await runMemoryBench()));
