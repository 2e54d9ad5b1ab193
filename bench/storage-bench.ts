// Cost of the count-once storage design: insert rows/s into events with the per-minute rollup builds
// vs without them, and retro query time on the rollups vs the same figures scanned from raw events.
// Runs on the server at WSDIAG_CLICKHOUSE_URL (18.16 here). `node dist/bench/storage-bench.js`.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { classify, CLASSIFIER_VERSION } from '../analyzers/classify.js';
import { parseRetroFilters, type RetroFilters } from '../dashboards/sql/retro-filters.js';
import { causesSql, failureGroupsSql, fetchRetroRows, timelineSql, totalsSql } from '../dashboards/sql/retro.js';
import { createClickHouseRunner } from '../ingest/clickhouse-client.js';
import { toEventRow, type EventRow } from '../ingest/event-row.js';
import { migrate, probeCapabilities } from '../ingest/migrate.js';
import { sampleTraffic } from '../ingest/sample-traffic.js';
import type { SqlRunner } from '../ingest/sql-runner.js';
import { createEventsTable, eventColumns } from '../schemas/clickhouse/events-table.js';
import { markMinutesSql, rollupTableNames } from '../schemas/clickhouse/rollups.js';
import { createRollupBuilder } from '../ingest/rollup-builder.js';
import { encodeTsv } from '../ingest/tsv.js';
import { telemetryEventSchema } from '../schemas/telemetry-event.js';

const START_MS = Date.parse('2025-03-14T00:00:00Z');
const BLOCK_ROWS = 5000;

/** Events per second of simulated traffic: rollups pay off with many events per minute and group. */
const RATE_PER_SEC = Number(process.env.BENCH_EVENTS_PER_SEC ?? 200);

export function benchRows(count: number): EventRow[] {
  return sampleTraffic({ count, seed: 7, invalidRatio: 0, startMs: START_MS }).map((record, i) => {
    const parsed = telemetryEventSchema.parse(JSON.parse(record.value.toString('utf8')));
    const event = { ...parsed, ts: START_MS + Math.floor((i * 1000) / RATE_PER_SEC) };
    return toEventRow(event, classify(event), { topic: 'bench', partition: 0, offset: String(i) }, START_MS, CLASSIFIER_VERSION);
  });
}

/** Inserts blocks as the sink does (TabSeparated); with `rollups`, marks each block's minutes and builds them. */
async function insertAll(runner: SqlRunner, db: string, rows: EventRow[], rollups = false): Promise<number> {
  const builder = createRollupBuilder(runner, db);
  const columns = eventColumns.map(([name]) => name);
  const started = performance.now();
  for (let i = 0; i < rows.length; i += BLOCK_ROWS) {
    const block = rows.slice(i, i + BLOCK_ROWS);
    await runner.insertText(`${db}.events`, columns, 'TabSeparated', encodeTsv(block, eventColumns));
    if (!rollups) continue;
    await runner.command(markMinutesSql(db, [...new Set(block.map((r) => Math.floor(Number(r.ts) / 60) * 60))]));
    await builder.buildPending();
  }
  return rows.length / ((performance.now() - started) / 1000);
}

/** The ClickHouse the storage benches write their throwaway databases to (WSDIAG_CLICKHOUSE_URL/USER/PASSWORD). */
export function benchClickHouse(): ReturnType<typeof createClickHouseRunner> {
  return createClickHouseRunner({
    url: process.env.WSDIAG_CLICKHOUSE_URL ?? 'http://127.0.0.1:8123',
    username: process.env.WSDIAG_CLICKHOUSE_USER ?? 'default',
    password: process.env.WSDIAG_CLICKHOUSE_PASSWORD ?? '',
    requestTimeoutMs: 300_000,
  });
}

/** Median wall time of `runs` executions, in ms. */
export async function medianMs(runs: number, run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** The same figures as totals/timeline/causes/failure groups, scanned from raw events. */
function rawEquivalents(f: RetroFilters): string[] {
  const where = `ts >= toDateTime(${f.fromS}) AND ts < toDateTime(${f.toS})`;
  const counts = `uniqExact(event_id) AS attempts, uniqExactIf(event_id, attribution != 'none') AS failures,
    uniqExactIf(event_id, attribution = '1010') AS a1010, uniqExactIf(event_id, attribution = '1015') AS a1015,
    uniqExactIf(event_id, attribution = 'other') AS other, uniqExactIf(event_id, attribution = 'none') AS none`;
  return [
    `SELECT ${counts} FROM ${f.db}.events WHERE ${where}`,
    `SELECT toUInt32(toStartOfMinute(ts)) AS minute, ${counts} FROM ${f.db}.events WHERE ${where} GROUP BY minute ORDER BY minute`,
    `SELECT attribution, cause, uniqExact(event_id) AS attempts, toUInt32(min(ts)) AS first_seen, toUInt32(max(ts)) AS last_seen FROM ${f.db}.events WHERE ${where} GROUP BY attribution, cause`,
    `SELECT attribution, cause, service, region, target_host, runtime_family, uniqExact(event_id) AS failures FROM ${f.db}.events WHERE ${where} AND attribution != 'none' GROUP BY attribution, cause, service, region, target_host, runtime_family`,
  ];
}

export interface StorageBenchResult {
  server: string;
  rows: number;
  insertWithRollupsPerSec: number;
  insertWithoutRollupsPerSec: number;
  /** totals + timeline + causes + failure groups. */
  rollupQueriesMs: number;
  rawQueriesMs: number;
  /** All seven retro queries on the rollups. */
  fullRetroMs: number;
  /** After OPTIMIZE … FINAL (what background merges converge to). */
  mergedRollupQueriesMs: number;
  mergedRawQueriesMs: number;
  rollupMinuteRows: number;
}

export async function runStorageBench(count = Number(process.env.BENCH_EVENTS ?? 200_000)): Promise<StorageBenchResult> {
  const runner = benchClickHouse();
  const id = randomUUID().slice(0, 8);
  const withRollups = `wsdiag_bench_rollups_${id}`;
  const withoutRollups = `wsdiag_bench_raw_${id}`;
  try {
    const rows = benchRows(count);
    const caps = await probeCapabilities(runner);
    await migrate(runner, { db: withRollups, retentionDays: 0 });
    await runner.command(`CREATE DATABASE IF NOT EXISTS ${withoutRollups}`);
    await runner.command(createEventsTable(withoutRollups, caps, 0));
    // Warm up the client and server on a slice, then alternate the two targets so neither gets the warm
    // start; each figure is the mean of two full inserts (the second into a truncated copy).
    await insertAll(runner, withoutRollups, rows.slice(0, 20_000));
    await runner.command(`DROP TABLE ${withoutRollups}.events`);
    await runner.command(createEventsTable(withoutRollups, caps, 0));
    const without: number[] = [];
    const withViews: number[] = [];
    for (let round = 0; round < 2; round++) {
      if (round > 0) {
        await runner.command(`DROP DATABASE ${withoutRollups}`);
        await runner.command(`CREATE DATABASE ${withoutRollups}`);
        await runner.command(createEventsTable(withoutRollups, caps, 0));
        await runner.command(`DROP DATABASE ${withRollups}`);
        await migrate(runner, { db: withRollups, retentionDays: 0 });
      }
      without.push(await insertAll(runner, withoutRollups, rows));
      withViews.push(await insertAll(runner, withRollups, rows, true));
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const insertWithoutRollupsPerSec = mean(without);
    const insertWithRollupsPerSec = mean(withViews);

    const spanMs = Math.ceil((count * 1000) / RATE_PER_SEC);
    const parsed = parseRetroFilters({ db: withRollups, from: START_MS, to: START_MS + spanMs + 60_000 });
    if (!parsed.success) throw new Error(parsed.error);
    const f = parsed.data;
    const rollupSql = [totalsSql(f), timelineSql(f), causesSql(f), failureGroupsSql(f)];
    const rawSql = rawEquivalents(f);
    const runAll = (sqls: string[]) => async () => {
      for (const sql of sqls) await runner.query(sql);
    };
    await runAll(rollupSql)(); // warm-up
    await runAll(rawSql)();
    const rollupQueriesMs = await medianMs(7, runAll(rollupSql));
    const rawQueriesMs = await medianMs(7, runAll(rawSql));
    const fullRetroMs = await medianMs(7, () => fetchRetroRows(runner, f));
    // Background merges will eventually fold the parts together; measure that steady state too.
    for (const table of ['events', ...rollupTableNames]) await runner.command(`OPTIMIZE TABLE ${withRollups}.${table} FINAL`);
    const [sizes] = await runner.query<{ raw: string; rollup: string }>(
      `SELECT sumIf(rows, table = 'events') AS raw, sumIf(rows, table = 'rollup_minute') AS rollup FROM system.parts WHERE database = '${withRollups}' AND active`,
    );
    return {
      server: caps.version,
      rows: count,
      rollupMinuteRows: Number(sizes?.rollup ?? 0),
      insertWithRollupsPerSec,
      insertWithoutRollupsPerSec,
      rollupQueriesMs,
      rawQueriesMs,
      fullRetroMs,
      mergedRollupQueriesMs: await medianMs(7, runAll(rollupSql)),
      mergedRawQueriesMs: await medianMs(7, runAll(rawSql)),
    };
  } finally {
    await runner.command(`DROP DATABASE IF EXISTS ${withRollups}`).catch(() => undefined);
    await runner.command(`DROP DATABASE IF EXISTS ${withoutRollups}`).catch(() => undefined);
    await runner.close();
  }
}

export function formatStorageBench(r: StorageBenchResult): string {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  return [
    `## storage (${fmt(r.rows)} events at ${RATE_PER_SEC}/s, ClickHouse ${r.server}, blocks of ${BLOCK_ROWS})`,
    `insert into events (TabSeparated), no rollups:       ${fmt(r.insertWithoutRollupsPerSec)} rows/s`,
    `insert + mark + build the block's minutes each block: ${fmt(r.insertWithRollupsPerSec)} rows/s (${(r.insertWithRollupsPerSec / r.insertWithoutRollupsPerSec).toFixed(2)}×)`,
    `retro totals+timeline+causes+blast radius on rollups: ${r.rollupQueriesMs.toFixed(1)} ms`,
    `the same figures scanned from raw events:            ${r.rawQueriesMs.toFixed(1)} ms (raw / rollups = ${(r.rawQueriesMs / r.rollupQueriesMs).toFixed(2)})`,
    `all seven retro queries on rollups:                   ${r.fullRetroMs.toFixed(1)} ms`,
    `after OPTIMIZE FINAL (rollup_minute ${fmt(r.rollupMinuteRows)} rows): rollups ${r.mergedRollupQueriesMs.toFixed(1)} ms, raw ${r.mergedRawQueriesMs.toFixed(1)} ms`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatStorageBench(await runStorageBench()));
}
