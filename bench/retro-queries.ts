// Each `wsdiag retro` query timed alone on a kept month-bench database (BENCH_MONTH_DB), with what
// system.query_log says it read (18.16): duration, read_rows, read_bytes; and the "Unexplained 1006"
// panel as Grafana would send it. `BENCH_MONTH_DB=<db> node dist/bench/retro-queries.js [days]`.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { clickhouseDatasourceType, dashboardQueries, expandSql, loadDashboards, withDatabase } from '../dashboards/panel-sql.js';
import { parseRetroFilters } from '../dashboards/sql/retro-filters.js';
import { causesSql, certificatesSql, correlationSqlFor, extensionsSql, failureGroupsSql, timelineSql, totalsSql, violationsSql } from '../dashboards/sql/retro.js';
import { benchClickHouse } from './storage-bench.js';

const DAY_S = 86_400;
const CLICKHOUSE_URL = (process.env.WSDIAG_CLICKHOUSE_URL ?? 'http://127.0.0.1:8123').replace(/\/$/, '');
const START_S = Date.parse('2026-10-01T00:00:00Z') / 1000;

export async function retroQueries(db: string, days: number, rounds = 3) {
  const runner = benchClickHouse();
  try {
    const toS = START_S + days * DAY_S;
    const f = parseRetroFilters({ db, from: START_S * 1000, to: toS * 1000 });
    if (!f.success) throw new Error(f.error);
    const panel = loadDashboards().flatMap(dashboardQueries).find((q) => q.datasourceType === clickhouseDatasourceType && q.panelTitle.startsWith('Unexplained 1006'))!;
    const all = { service: { all: true as const, options: [] as string[] }, region: { all: true as const, options: [] as string[] } };
    const queries: Array<[string, string]> = [
      ['totals', totalsSql(f.data)], ['timeline', timelineSql(f.data)], ['causes', causesSql(f.data)], ['failure groups', failureGroupsSql(f.data)],
      ['certificates', certificatesSql(f.data)], ['extensions', extensionsSql(f.data)], ['violations', violationsSql(f.data)],
      ['correlation', correlationSqlFor(f.data)],
      ['panel Unexplained 1006', withDatabase(expandSql(panel.query, { fromSeconds: START_S, toSeconds: toS, intervalSeconds: 60, variables: all }), db)],
    ];
    const results: Array<{ name: string; ms: number; cpuMs: number; readRows: number; readBytes: number; rows: number }> = [];
    for (const [name, sql] of queries) {
      const runs: Array<{ ms: number; cpuMs: number; readRows: number; readBytes: number; rows: number }> = [];
      for (let i = 0; i < rounds; i++) {
        // Over HTTP with log_queries=1 (off by default on 18.16) and our own query_id, to find it in query_log.
        const queryId = `retro-q-${randomUUID()}`;
        const url = `${CLICKHOUSE_URL}/?log_queries=1&query_id=${queryId}`;
        const response = await fetch(url, { method: 'POST', body: `${sql}\nFORMAT TSV`, headers: { 'X-ClickHouse-User': process.env.WSDIAG_CLICKHOUSE_USER ?? 'default', 'X-ClickHouse-Key': process.env.WSDIAG_CLICKHOUSE_PASSWORD ?? '' } });
        const body = await response.text();
        if (!response.ok) throw new Error(`${name}: ${body.slice(0, 500)}`);
        await runner.command('SYSTEM FLUSH LOGS');
        const cpu = (name: string) => `ProfileEvents.Values[indexOf(ProfileEvents.Names, '${name}')]`;
        const [log] = await runner.query<{ d: string; r: string; b: string; c: string }>(`SELECT toString(query_duration_ms) AS d, toString(read_rows) AS r, toString(read_bytes) AS b, toString(${cpu('UserTimeMicroseconds')} + ${cpu('SystemTimeMicroseconds')}) AS c FROM system.query_log WHERE type = 2 AND query_id = '${queryId}' LIMIT 1`);
        runs.push({ ms: Number(log?.d ?? NaN), cpuMs: Number(log?.c ?? NaN) / 1000, readRows: Number(log?.r ?? NaN), readBytes: Number(log?.b ?? NaN), rows: body === '' ? 0 : body.trimEnd().split('\n').length });
      }
      runs.sort((a, b) => a.cpuMs - b.cpuMs);
      results.push({ name, ...runs[Math.floor(runs.length / 2)]! });
    }
    return results;
  } finally {
    await runner.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const db = process.env.BENCH_MONTH_DB;
  if (!db) throw new Error('BENCH_MONTH_DB=<database kept by BENCH_MONTH_KEEP=1 node dist/bench/month-bench.js>');
  for (const days of (process.argv[2] ?? '1,30').split(',').map(Number)) {
    console.log(`## retro queries alone over ${days} d (${db}; the run of median server CPU of 3; query_log: duration, CPU user+sys, rows and bytes read, rows out)`);
    for (const r of await retroQueries(db, days)) console.log(`  ${String(r.ms).padStart(5)} ms  ${r.cpuMs.toFixed(0).padStart(5)} ms CPU  ${r.readRows.toLocaleString('en-US').padStart(11)} rows  ${(r.readBytes / 1e6).toFixed(1).padStart(7)} MB  ${String(r.rows).padStart(4)} out  ${r.name}`);
  }
}
