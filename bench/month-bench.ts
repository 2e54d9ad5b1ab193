// Panels, alerts and retro over 30 days of rollups. One day of sample traffic at BENCH_DAY_RATE
// events/s goes through the real write path (TabSeparated insert, marks, rollup build); the day's
// rollup rows are then repeated for 29 more days (the same traffic every day), which is what a month
// of rollups holds. BENCH_MONTH_RAW_DAYS=n (default 1) also repeats the day's raw events for days
// 1..n-1 (new event ids, same traffic), for what reads raw events (the correlation). Times every ClickHouse panel (variables at All), every alert query and the full
// retro over 1 day and over 30 days, on the server at WSDIAG_CLICKHOUSE_URL. `node dist/bench/month-bench.js`.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { classify, CLASSIFIER_VERSION } from '../analyzers/classify.js';
import { alertQueries, alertRulesFile, clickhouseDatasourceType, dashboardQueries, dashboardVariables, expandAlertSql, expandSql, loadDashboards, variableSql, withDatabase, type AlertRulesDocument } from '../dashboards/panel-sql.js';
import { parseRetroFilters } from '../dashboards/sql/retro-filters.js';
import { fetchRetroRows } from '../dashboards/sql/retro.js';
import { toEventRow } from '../ingest/event-row.js';
import { migrate } from '../ingest/migrate.js';
import { buildPendingCoarse, createRollupBuilder } from '../ingest/rollup-builder.js';
import { sampleTraffic } from '../ingest/sample-traffic.js';
import { encodeTsv } from '../ingest/tsv.js';
import { eventColumns } from '../schemas/clickhouse/events-table.js';
import { allRollups, coarseGrains, markAllMinutesSql, markUnbuiltPeriodsSql } from '../schemas/clickhouse/rollups.js';
import { telemetryEventSchema } from '../schemas/telemetry-event.js';
import { benchClickHouse, medianMs } from './storage-bench.js';

const DAY_S = 86_400;
const START_S = Date.parse('2026-10-01T00:00:00Z') / 1000;
const RATE = Number(process.env.BENCH_DAY_RATE ?? 5);
const RAW_DAYS = Math.min(30, Math.max(1, Number(process.env.BENCH_MONTH_RAW_DAYS ?? 1)));

/** Raw events of day 0 repeated on the days that lack them, up to RAW_DAYS: ts shifted, ids made new. */
async function repeatRawDays(runner: ReturnType<typeof benchClickHouse>, db: string): Promise<number> {
  const [have] = await runner.query<{ days: string }>(`SELECT toString(uniqExact(toDate(ts))) AS days FROM ${db}.events`);
  // Other aliases than the column names: 18.16 would read the WHERE clause's ts as the shifted one. Inserted by position.
  const shifted = (d: number) =>
    eventColumns.map(([n]) => (n === 'ts' || n === 'ingested_at' ? `${n} + ${d * DAY_S} AS ${n}_shifted` : n === 'event_id' ? `concat(event_id, '/d${d}') AS event_id_copy` : n));
  const started = performance.now();
  for (let d = Number(have?.days ?? 1); d < RAW_DAYS; d++) {
    await runner.command(`INSERT INTO ${db}.events (${eventColumns.map(([n]) => n).join(', ')}) SELECT ${shifted(d).join(', ')} FROM ${db}.events WHERE ts < toDateTime(${START_S + DAY_S})`);
  }
  return (performance.now() - started) / 1000;
}

export async function runMonthBench() {
  const runner = benchClickHouse();
  // BENCH_MONTH_KEEP=1 leaves the database in place (its name is printed) for EXPLAIN and query_log;
  // BENCH_MONTH_DB=<name> times the queries again on such a database (after `wsdiag migrate`).
  const reuse = process.env.BENCH_MONTH_DB;
  const db = reuse ?? `wsdiag_bench_month_${randomUUID().slice(0, 8)}`;
  const keep = process.env.BENCH_MONTH_KEEP === '1' || reuse !== undefined;
  if (keep) console.error(`month bench database: ${db}`);
  try {
    await migrate(runner, { db, retentionDays: 0 });
    if (reuse !== undefined) return { count: RATE * DAY_S, insertSeconds: 0, buildSeconds: 0, hourBuildSeconds: 0, rawRepeatSeconds: await repeatRawDays(runner, db), ...(await timeQueries(runner, db)) };
    const count = RATE * DAY_S;
    const columns = eventColumns.map(([name]) => name);
    let started = performance.now();
    const records = sampleTraffic({ count, seed: 31, invalidRatio: 0, startMs: START_S * 1000, spacingMs: 1000 / RATE });
    for (let i = 0; i < records.length; i += 20_000) {
      const rows = records.slice(i, i + 20_000).map((r, j) => {
        const event = telemetryEventSchema.parse(JSON.parse(r.value.toString('utf8')));
        return toEventRow(event, classify(event), { topic: 'bench', partition: 0, offset: String(i + j) }, event.ts, CLASSIFIER_VERSION);
      });
      await runner.insertText(`${db}.events`, columns, 'TabSeparated', encodeTsv(rows, eventColumns));
    }
    const insertSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await runner.command(markAllMinutesSql(db));
    await createRollupBuilder(runner, db).buildPending('all');
    const buildSeconds = (performance.now() - started) / 1000;
    // Days 1..29: the same rollup rows, shifted by whole days.
    for (const rollup of allRollups) {
      const names = [...rollup.dimensions.map(([n]) => n), ...rollup.measures.map(([n]) => n), 'built_at'];
      const shifted = (d: number) => names.map((n) => (n === 'minute' || n === 'first_seen' || n === 'last_seen' ? `${n} + ${d * DAY_S} AS ${n}_s` : n));
      for (let d = 1; d < 30; d++) {
        await runner.command(`INSERT INTO ${db}.${rollup.table} (${names.join(', ')}) SELECT ${shifted(d).join(', ')} FROM ${db}.${rollup.table} FINAL WHERE minute < toDateTime(${START_S + DAY_S})`);
      }
    }
    // The hourly and daily rollups of the repeated days, built as an upgrade builds them (marks from the minute rollups).
    started = performance.now();
    for (const grain of coarseGrains) await runner.command(markUnbuiltPeriodsSql(db, grain));
    await buildPendingCoarse(runner, db);
    const hourBuildSeconds = (performance.now() - started) / 1000;
    const rawRepeatSeconds = await repeatRawDays(runner, db);
    return { count, insertSeconds, buildSeconds, hourBuildSeconds, rawRepeatSeconds, ...(await timeQueries(runner, db)) };
  } finally {
    if (!keep) await runner.command(`DROP DATABASE IF EXISTS ${db}`).catch(() => undefined);
    await runner.close();
  }
}

/** Every panel, alert and the retro over 1 and 30 days from START_S, with the rollup and raw sizes. */
async function timeQueries(runner: ReturnType<typeof benchClickHouse>, db: string) {
  const [rows] = await runner.query<{ n: string }>(`SELECT count() AS n FROM ${db}.rollup_minute`);
  const [raw] = await runner.query<{ days: string }>(`SELECT toString(uniqExact(toDate(ts))) AS days FROM ${db}.events`);

  const dashboards = loadDashboards();
  const panels = dashboards.flatMap(dashboardQueries).filter((q) => q.datasourceType === clickhouseDatasourceType);
  const variables = dashboards.flatMap(dashboardVariables);
  const alerts = alertQueries(parse(readFileSync(alertRulesFile, 'utf8')) as AlertRulesDocument);
  const timeRange = async (days: number) => {
    const toSeconds = START_S + days * DAY_S;
    const selection: Record<string, { all: true; options: string[] }> = {};
    for (const v of variables) {
      const options = await runner.query<Record<string, unknown>>(withDatabase(expandSql(variableSql(v), { fromSeconds: START_S, toSeconds, intervalSeconds: 60, variables: {} }), db));
      selection[v.name] = { all: true, options: options.map((r) => String(Object.values(r)[0])) };
    }
    const ctx = { fromSeconds: START_S, toSeconds, intervalSeconds: Math.max(60, Math.floor((days * DAY_S) / 1000)), variables: selection };
    const times: Array<[string, number]> = [];
    for (const p of panels) {
      const sql = withDatabase(expandSql(p.query, ctx), db);
      times.push([`panel ${p.panelTitle}`, await medianMs(3, () => runner.query(sql))]);
    }
    for (const a of alerts) {
      // Alerts look back their own fixed window from "now": evaluated at the end of the range.
      const sql = withDatabase(expandAlertSql(a, toSeconds), db);
      times.push([`alert ${a.title}`, await medianMs(3, () => runner.query(sql))]);
    }
    const filters = parseRetroFilters({ db, from: START_S * 1000, to: toSeconds * 1000 });
    if (!filters.success) throw new Error(filters.error);
    times.push(['retro (all seven queries)', await medianMs(3, () => fetchRetroRows(runner, filters.data))]);
    return times;
  };
  const sizes = await runner.query<{ table: string; bytes: string }>(`SELECT table, toString(sum(bytes)) AS bytes FROM system.parts WHERE database = '${db}' AND active GROUP BY table`);
  const bytes = (match: (t: string) => boolean) => sizes.filter((r) => match(r.table)).reduce((n, r) => n + Number(r.bytes), 0);
  return { rollupMinuteRows: Number(rows?.n ?? 0), minuteBytes: bytes((t) => /^rollup_.*minute$/.test(t)), hourBytes: bytes((t) => /^rollup_.*hour$/.test(t)), dayBytes: bytes((t) => /^rollup_.*day$/.test(t)), rawBytes: bytes((t) => t === 'events'), rawDays: Number(raw?.days ?? 1), day: await timeRange(1), month: await timeRange(30) };
}
export function formatMonthBench(r: Awaited<ReturnType<typeof runMonthBench>>): string {
  const worst = (times: Array<[string, number]>) => times.reduce((a, b) => (b[1] > a[1] ? b : a));
  const lines = [
    `## 30 days of rollups (a day of ${RATE} events/s = ${r.count.toLocaleString('en-US')} events written and built in ${r.insertSeconds.toFixed(0)} s + ${r.buildSeconds.toFixed(0)} s, repeated for 30 days: ${r.rollupMinuteRows.toLocaleString('en-US')} rollup_minute rows; hourly and daily rollups of the 29 repeated days built in ${r.hourBuildSeconds.toFixed(0)} s)`,
    `rollup bytes per grain: minute ${(r.minuteBytes / 1e6).toFixed(1)} MB, hour ${(r.hourBytes / 1e6).toFixed(1)} MB, day ${(r.dayBytes / 1e6).toFixed(2)} MB; raw events (${r.rawDays} day${r.rawDays === 1 ? '' : 's'}${r.rawRepeatSeconds > 0 ? `, repeated in ${r.rawRepeatSeconds.toFixed(0)} s` : ''}) ${(r.rawBytes / 1e6).toFixed(1)} MB`,
    `slowest over 1 day:   ${worst(r.day)[1].toFixed(0)} ms (${worst(r.day)[0]})`,
    `slowest over 30 days: ${worst(r.month)[1].toFixed(0)} ms (${worst(r.month)[0]})   (target < 1000)`,
  ];
  const dayMs = new Map(r.day);
  for (const [name, ms] of r.month) lines.push(`  30 d  ${ms.toFixed(0).padStart(5)} ms   (1 d ${(dayMs.get(name) ?? 0).toFixed(0).padStart(5)} ms)  ${name}`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatMonthBench(await runMonthBench()));
}
