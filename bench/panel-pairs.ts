// Every ClickHouse panel, alert and `wsdiag retro` query over 30 days of a kept month-bench database,
// each timed as this checkout sends it ("after") and as another build sends it ("before", e.g. main:
// `git archive main | tar -x -C /tmp/before && cd /tmp/before && npx tsc`), alternating before / after
// in every round, with ClickHouse's own figures from system.query_log (duration, CPU user + system).
// Two traffic cases: the month as generated (no unexplained failure), and the correlation's worst case,
// an unexplained browser failure in every 5-minute bucket of the month (8 640 rows of
// rollup_unexplained_minute, service 'bench-worst', one per bucket for each host:port with evidence in
// turn). BENCH_LOAD=n runs n busy loops of this process's own while timing (a loaded machine).
//   BENCH_MONTH_DB=<db> BENCH_BEFORE_DIR=/tmp/before [BENCH_LOAD=2] [BENCH_ROUNDS=3] node dist/bench/panel-pairs.js
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { benchClickHouse } from './storage-bench.js';

type PanelSqlModule = typeof import('../dashboards/panel-sql.js');
type RetroModule = typeof import('../dashboards/sql/retro.js');
type FiltersModule = typeof import('../dashboards/sql/retro-filters.js');

const DAY_S = 86_400;
const START_S = Date.parse('2026-10-01T00:00:00Z') / 1000;
const CLICKHOUSE_URL = (process.env.WSDIAG_CLICKHOUSE_URL ?? 'http://127.0.0.1:8123').replace(/\/$/, '');
const WORST_SERVICE = 'bench-worst';

interface Build {
  panelSql: PanelSqlModule;
  retro: RetroModule;
  filters: FiltersModule;
}

async function loadBuild(distDir: string): Promise<Build> {
  const at = (p: string) => pathToFileURL(join(distDir, p)).href;
  return {
    panelSql: (await import(at('dashboards/panel-sql.js'))) as PanelSqlModule,
    retro: (await import(at('dashboards/sql/retro.js'))) as RetroModule,
    filters: (await import(at('dashboards/sql/retro-filters.js'))) as FiltersModule,
  };
}

/** Every query one build sends over [from, to): panels (variables at All), alerts at `to`, the retro's queries. */
async function queriesOf(b: Build, runner: ReturnType<typeof benchClickHouse>, db: string, days: number): Promise<Map<string, string>> {
  const toS = START_S + days * DAY_S;
  const { panelSql: p } = b;
  const dashboards = p.loadDashboards();
  const out = new Map<string, string>();
  const selection: Record<string, { all: true; options: string[] }> = {};
  for (const v of dashboards.flatMap(p.dashboardVariables)) {
    const sql = p.withDatabase(p.expandSql(p.variableSql(v), { fromSeconds: START_S, toSeconds: toS, intervalSeconds: 60, variables: {} }), db);
    out.set(`variable ${v.name}`, sql);
    selection[v.name] = { all: true, options: (await runner.query<Record<string, unknown>>(sql)).map((r) => String(Object.values(r)[0])) };
  }
  const ctx = { fromSeconds: START_S, toSeconds: toS, intervalSeconds: Math.max(60, Math.floor((days * DAY_S) / 1000)), variables: selection };
  for (const q of dashboards.flatMap(p.dashboardQueries).filter((q) => q.datasourceType === p.clickhouseDatasourceType)) out.set(`panel ${q.panelTitle}`, p.withDatabase(p.expandSql(q.query, ctx), db));
  for (const a of p.alertQueries(parse(readFileSync(p.alertRulesFile, 'utf8')) as Parameters<PanelSqlModule['alertQueries']>[0])) out.set(`alert ${a.title}`, p.withDatabase(p.expandAlertSql(a, toS), db));
  const f = b.filters.parseRetroFilters({ db, from: START_S * 1000, to: toS * 1000 });
  if (!f.success) throw new Error(f.error);
  const r = b.retro;
  const retro: Array<[string, string]> = [
    ['totals', r.totalsSql(f.data)], ['timeline', r.timelineSql(f.data)], ['causes', r.causesSql(f.data)], ['failure groups', r.failureGroupsSql(f.data)],
    ['certificates', r.certificatesSql(f.data)], ['extensions', r.extensionsSql(f.data)], ['violations', r.violationsSql(f.data)], ['correlation', r.correlationSqlFor(f.data)],
  ];
  for (const [name, sql] of retro) out.set(`retro ${name}`, sql);
  return out;
}

interface Timing {
  wallMs: number;
  cpuMs: number;
  rows: number;
}

/** One run over HTTP with log_queries=1 (off by default on 18.16) and our own query_id, then its query_log row. */
async function timeOnce(runner: ReturnType<typeof benchClickHouse>, sql: string): Promise<Timing> {
  const queryId = `panel-pair-${randomUUID()}`;
  const response = await fetch(`${CLICKHOUSE_URL}/?log_queries=1&query_id=${queryId}`, {
    method: 'POST',
    body: `${sql}\nFORMAT TSV`,
    headers: { 'X-ClickHouse-User': process.env.WSDIAG_CLICKHOUSE_USER ?? 'default', 'X-ClickHouse-Key': process.env.WSDIAG_CLICKHOUSE_PASSWORD ?? '' },
  });
  const body = await response.text();
  if (!response.ok) throw new Error(body.slice(0, 500));
  const cpu = (name: string) => `ProfileEvents.Values[indexOf(ProfileEvents.Names, '${name}')]`;
  let log: { d: string; c: string } | undefined;
  // The server logs a query after it answered: flush until its row is there.
  for (let i = 0; i < 20 && !log; i++) {
    await runner.command('SYSTEM FLUSH LOGS');
    [log] = await runner.query<{ d: string; c: string }>(`SELECT toString(query_duration_ms) AS d, toString(${cpu('UserTimeMicroseconds')} + ${cpu('SystemTimeMicroseconds')}) AS c FROM system.query_log WHERE type = 2 AND query_id = '${queryId}' LIMIT 1`);
    if (!log) await new Promise((r) => setTimeout(r, 100));
  }
  return { wallMs: Number(log?.d ?? NaN), cpuMs: Number(log?.c ?? NaN) / 1000, rows: body === '' ? 0 : body.trimEnd().split('\n').length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Adds (worst) or removes (normal) one unexplained failure per 5-minute bucket of the month. */
async function setCase(runner: ReturnType<typeof benchClickHouse>, db: string, worst: boolean): Promise<void> {
  const [have] = await runner.query<{ n: string }>(`SELECT toString(count()) AS n FROM ${db}.rollup_unexplained_minute WHERE service = '${WORST_SERVICE}'`);
  const present = Number(have?.n ?? 0) > 0;
  if (worst && !present) {
    await runner.command(`INSERT INTO ${db}.rollup_unexplained_minute (minute, authority, service, region, target_host, cause, events, first_seen, last_seen, built_at)
SELECT toDateTime(${START_S} + 300 * n + 120) AS minute, auths[n % length(auths) + 1] AS authority, '${WORST_SERVICE}' AS service, 'bench' AS region,
  splitByChar(':', authority)[1] AS target_host, 'abnormal_closure' AS cause, toUInt64(1) AS events, minute AS first_seen, minute AS last_seen, toUInt32(1) AS built_at
FROM (SELECT arrayJoin(range(${(30 * DAY_S) / 300})) AS n, (SELECT groupUniqArray(authority) FROM ${db}.rollup_evidence_minute WHERE minute < toDateTime(${START_S + DAY_S})) AS auths)`);
  }
  if (!worst && present) {
    await runner.command(`ALTER TABLE ${db}.rollup_unexplained_minute DELETE WHERE service = '${WORST_SERVICE}'`);
    for (let i = 0; i < 600; i++) {
      const [left] = await runner.query<{ n: string }>(`SELECT toString(count()) AS n FROM system.mutations WHERE database = '${db}' AND table = 'rollup_unexplained_minute' AND is_done = 0`);
      if (Number(left?.n ?? 0) === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export async function panelPairs(db: string, beforeDist: string, afterDist: string, rounds: number, load: number) {
  const runner = benchClickHouse();
  const burners: ChildProcess[] = [];
  try {
    const [before, after] = [await loadBuild(beforeDist), await loadBuild(afterDist)];
    const results: Array<{ caseName: string; name: string; before?: Timing; after?: Timing }> = [];
    for (const worst of [false, true]) {
      await setCase(runner, db, worst);
      const [qb, qa] = [await queriesOf(before, runner, db, 30), await queriesOf(after, runner, db, 30)];
      const names = [...new Set([...qb.keys(), ...qa.keys()])].filter((n) => !worst || /correlation|Unexplained/.test(n));
      for (let i = 0; i < load; i++) burners.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
      for (const name of names) {
        const runs: { before: Timing[]; after: Timing[] } = { before: [], after: [] };
        for (let r = 0; r < rounds; r++) {
          const b = qb.get(name);
          const a = qa.get(name);
          if (b) runs.before.push(await timeOnce(runner, b));
          if (a) runs.after.push(await timeOnce(runner, a));
        }
        const pick = (ts: Timing[]) => (ts.length === 0 ? undefined : { wallMs: median(ts.map((t) => t.wallMs)), cpuMs: median(ts.map((t) => t.cpuMs)), rows: ts[0]!.rows });
        results.push({ caseName: worst ? 'worst case' : 'month', name, ...(pick(runs.before) ? { before: pick(runs.before)! } : {}), ...(pick(runs.after) ? { after: pick(runs.after)! } : {}) });
      }
      for (const b of burners.splice(0)) b.kill();
    }
    return results;
  } finally {
    for (const b of burners) b.kill();
    await runner.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const db = process.env.BENCH_MONTH_DB;
  const beforeDir = process.env.BENCH_BEFORE_DIR;
  if (!db || !beforeDir) throw new Error('BENCH_MONTH_DB=<database kept by BENCH_MONTH_KEEP=1 node dist/bench/month-bench.js> BENCH_BEFORE_DIR=<a built checkout>');
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const load = Number(process.env.BENCH_LOAD ?? 0);
  const afterDist = new URL('../', import.meta.url).pathname;
  const started = new Date().toISOString();
  const results = await panelPairs(db, join(beforeDir, 'dist'), afterDist, rounds, load);
  const { loadavg } = await import('node:os');
  console.log(`## 30 days, before (${beforeDir}) / after (this build), alternating, median of ${rounds}; busy loops: ${load}; ${started}, load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('  before wall / CPU ms    after wall / CPU ms   query');
  const fmt = (t?: Timing) => (t ? `${t.wallMs.toFixed(0).padStart(6)} / ${t.cpuMs.toFixed(0).padStart(5)}` : '          -   ');
  for (const r of results) console.log(`  ${fmt(r.before)}      ${fmt(r.after)}     ${r.caseName}: ${r.name}`);
}
