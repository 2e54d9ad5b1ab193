// Upgrade path: a database made by release 0.2.0's `wsdiag migrate` (fixture: its exact statements), with
// the seeded incident stored and its minute rollups built as 0.2.0 built them, is carried over by
// today's migrate on 18.16 and on a current engine (chDB): every minute figure stays, the hourly and
// daily rollups hold exactly the minute rollups' sums, the retro over a window with whole hours (read
// from the hourly rollups) gives 0.2.0's figures, and a later rebuild from raw events changes nothing.
// The certificate chain inventory, fed by 0.2.0's view, keeps its rows when migrate drops the view, and
// the minute builds alone (no view) give the same inventory, forecast panel and expiry alert.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClickHouseRunner } from '../../ingest/clickhouse-client.js';
import { createEventSink } from '../../ingest/clickhouse-sink.js';
import { migrate } from '../../ingest/migrate.js';
import { buildProjectionsFromCoarse, createRollupBuilder } from '../../ingest/rollup-builder.js';
import type { SqlRunner } from '../../ingest/sql-runner.js';
import { alertQueries, alertRulesFile, dashboardQueries, expandAlertSql, expandSql, loadDashboards, withDatabase, type AlertRulesDocument } from '../../dashboards/panel-sql.js';
import { correlationSqlFor, fetchRetroRows, totalsSql } from '../../dashboards/sql/retro.js';
import { classify, CLASSIFIER_VERSION } from '../../analyzers/classify.js';
import { toEventRow } from '../../ingest/event-row.js';
import { telemetryEventSchema } from '../../schemas/telemetry-event.js';
import { referenceCorrelationSql } from '../support/correlation-reference.js';
import { parseRetroFilters } from '../../dashboards/sql/retro-filters.js';
import { buildRollupSql, coarseGrains, GRAIN_S, grainTable, markAllMinutesSql, projections, projectionTable, recordBuildSql, rollups, type CoarseGrain, type Projection } from '../../schemas/clickhouse/rollups.js';
import { createChdbRunner } from '../support/chdb-runner.js';
import { insertSeededIncident } from '../support/seed-clickhouse.js';
import { window } from '../support/seeded-incident.js';
import { servicesConfig } from '../support/services.js';
import { loadYaml } from '../support/yaml-file.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/schema-0.2.0/migration-statements.json', import.meta.url), 'utf8')) as Record<'18.16' | 'current', string[]>;
const db = `wsdiag_upgrade_02_${process.pid}`;

type Row = Record<string, unknown>;
/** Numbers compare by value (UInt64 arrives quoted). */
const plain = (rows: Row[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v])));

/** Per hour (day) and group of each rollup: from the minute rollup (`minute`) or from its hourly (daily) twin. */
function perPeriodSql(rollup: (typeof rollups)[number], grain: CoarseGrain, from: 'minute' | CoarseGrain): string {
  const dims = rollup.dimensions.map(([name]) => name).filter((n) => n !== 'minute');
  const hour = from === 'minute' ? `intDiv(toUInt32(minute), ${GRAIN_S[grain]}) * ${GRAIN_S[grain]}` : `toUInt32(${grain})`;
  const measures = rollup.measures.map(([name, , , combine]) => `toUInt64(${combine === 'sum' ? 'sum' : combine}(${combine === 'sum' ? name : `toUInt32(${name})`})) AS m_${name}`);
  return `SELECT toUInt32(${hour}) AS h, ${dims.join(', ')}, ${measures.join(', ')}
FROM ${db}.${grainTable(rollup.table, from)} FINAL
GROUP BY h, ${dims.join(', ')}
ORDER BY h, ${dims.join(', ')}`;
}

/** Per hour (day) and group of a projection: from the minute rollup or from the projection's own table. */
function projectionPerPeriodSql(p: Projection, grain: CoarseGrain, table: string): string {
  const time = table.endsWith('_minute') ? 'minute' : grain;
  const measures = p.of.measures.map(([name, , , combine]) => `toUInt64(${combine}(${combine === 'sum' ? name : `toUInt32(${name})`})) AS m_${name}`);
  return `SELECT toUInt32(intDiv(toUInt32(${time}), ${GRAIN_S[grain]}) * ${GRAIN_S[grain]}) AS h, ${p.dimensions.join(', ')}, ${measures.join(', ')}
FROM ${db}.${table} FINAL
GROUP BY h, ${p.dimensions.join(', ')}
ORDER BY h, ${p.dimensions.join(', ')}`;
}

/** 0.2.0's figures: every rollup per minute and group, read FINAL and summed. */
function perMinuteSql(rollup: (typeof rollups)[number]): string {
  const dims = rollup.dimensions.map(([name]) => name).filter((n) => n !== 'minute');
  return `SELECT toUInt32(minute) AS m, ${dims.join(', ')}, toUInt64(sum(events)) AS n, toUInt32(min(first_seen)) AS f, toUInt32(max(last_seen)) AS l
FROM ${db}.${rollup.table} FINAL GROUP BY m, ${dims.join(', ')} ORDER BY m, ${dims.join(', ')}`;
}

/** Every certificate_chain figure: the inventory's merged states per key, the forecast panel and the expiry alert. */
const forecastRule = alertQueries(loadYaml<AlertRulesDocument>(alertRulesFile)).find((r) => r.uid === 'wsdiag-cert-expiring-14d')!;
const forecastPanel = dashboardQueries(loadDashboards().find((d) => d.uid === 'wsdiag-overview')!).find((q) => q.panelTitle.startsWith('Certificate forecast'))!;
const chainKey = 'target_host, service, region, position, cert_subject, cert_issuer, cert_not_after, cert_self_signed';
async function chainFigures(runner: SqlRunner): Promise<Row[][]> {
  const toS = window.toMs / 1000;
  const inventory = `SELECT ${chainKey}, toUInt32(minMerge(cert_not_before)) AS not_before_s, toUInt32(minMerge(first_seen)) AS first_s,
  toUInt32(maxMerge(last_seen)) AS last_s, arraySort(groupUniqArrayMerge(source_kinds)) AS kinds
FROM ${db}.certificate_chain GROUP BY ${chainKey} ORDER BY ${chainKey}`;
  const panel = withDatabase(expandSql(forecastPanel.query, { fromSeconds: window.fromMs / 1000, toSeconds: toS, intervalSeconds: 60, variables: { service: { all: true, options: [] }, region: { all: true, options: [] } } }), db);
  return Promise.all([inventory, panel, withDatabase(expandAlertSql(forecastRule, toS), db)].map(async (sql) => plain(await runner.query<Row>(sql))));
}

const engines: Array<[string, () => SqlRunner & { close(): Promise<void> }, '18.16' | 'current']> = [
  ['ClickHouse 18.16 server', () => createClickHouseRunner({ url: servicesConfig().clickhouseUrl, username: 'default', password: '', requestTimeoutMs: 60_000 }), '18.16'],
  ['chDB (current engine)', () => createChdbRunner(), 'current'],
];

describe.each(engines)('0.2.0 (ef539f6) → today on %s', (_name, connect, variant) => {
  let runner: SqlRunner & { close(): Promise<void> };
  const minuteFigures = async () => Promise.all(rollups.map(async (r) => plain(await runner.query<Row>(perMinuteSql(r)))));
  const filters = () => {
    // 08:30–10:30: the hour 09:00–10:00 is whole, so the retro reads it from the hourly rollups.
    const parsed = parseRetroFilters({ db, from: window.fromMs, to: window.toMs });
    if (!parsed.success) throw new Error(parsed.error);
    return parsed.data;
  };
  let before: Row[][];
  const coarseEqualsMinutes = async () => {
    for (const grain of coarseGrains) {
      for (const rollup of rollups) {
        const fromMinutes = plain(await runner.query<Row>(perPeriodSql(rollup, grain, 'minute')));
        if (rollup.table !== 'rollup_violations_minute') expect(fromMinutes.length, rollup.table).toBeGreaterThan(0);
        expect(plain(await runner.query<Row>(perPeriodSql(rollup, grain, grain))), grainTable(rollup.table, grain)).toEqual(fromMinutes);
      }
      // Each narrow rollup (rollup_causes_*) holds the minute rollup's sums over its fewer groups.
      for (const p of projections) {
        const fromMinutes = plain(await runner.query<Row>(projectionPerPeriodSql(p, grain, grainTable(p.of.table, 'minute'))));
        expect(fromMinutes.length).toBeGreaterThan(0);
        expect(plain(await runner.query<Row>(projectionPerPeriodSql(p, grain, projectionTable(p, grain)))), projectionTable(p, grain)).toEqual(fromMinutes);
      }
    }
  };
  let retroBefore: unknown;
  /** certificate_chain as 0.2.0's view filled it. */
  let chainBefore: Row[][];
  /** event_ids against events: physical rows of each (the backfill copies every row once) and ids missing from it. */
  const idFigures = async () => {
    const [r] = await runner.query<Record<string, string | number>>(
      `SELECT (SELECT count() FROM ${db}.events) AS event_rows, (SELECT count() FROM ${db}.event_ids) AS id_rows,
        (SELECT count() FROM ${db}.events WHERE event_id NOT IN (SELECT event_id FROM ${db}.event_ids)) AS missing`,
    );
    return plain([r!])[0];
  };

  beforeAll(async () => {
    runner = connect();
    await runner.command(`DROP DATABASE IF EXISTS ${db}`);
    for (const statement of fixture[variant]) await runner.command(statement.replaceAll('__DB__', db));
    await insertSeededIncident(runner, db, { buildRollups: false });
    // Browser failures with no evidence of their own next to the incident's evidence (what the
    // correlation rollups, new in 0.3, must hold for the events stored before the upgrade), one re-delivered.
    const evidence = await runner.query<{ url: string; t: number | string }>(
      `SELECT any(target_url) AS url, toUInt32(min(ts)) AS t FROM ${db}.events WHERE attribution = '1015' GROUP BY target_host ORDER BY target_host LIMIT 3`,
    );
    expect(evidence.length).toBeGreaterThan(0);
    const browsers = evidence.flatMap(({ url, t }, i) =>
      [0, 40, 200].map((d) => {
        const event = telemetryEventSchema.parse({ event_id: `browser-${i}-${d}`, ts: (Number(t) + d) * 1000, outcome: 'failed', target: { url }, source: { kind: 'client', service: 'web-app', user_agent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36' }, close: { code: 1006, on_wire: false, initiator: 'unknown' } });
        return toEventRow(event, classify(event), { topic: 't', partition: 0, offset: String(90_000 + i * 10 + d) }, Date.now(), CLASSIFIER_VERSION);
      }),
    );
    await runner.insert(`${db}.events`, [...browsers, browsers[0]!]);
    // 0.2.0's build: mark every minute, build each minute rollup from raw events, record the build.
    // (These statements are unchanged since 0.2.0; today's builder also marks hours, which 0.2.0 has not.)
    await runner.command(markAllMinutesSql(db));
    const minutes = (await runner.query<{ m: number | string }>(`SELECT DISTINCT toUInt32(minute) AS m FROM ${db}.rollup_marks ORDER BY m`)).map((r) => Number(r.m));
    const [clock] = await runner.query<{ now: number | string }>('SELECT toUInt32(now()) AS now');
    for (const rollup of rollups) await runner.command(buildRollupSql(db, rollup, minutes, Number(clock?.now)));
    await runner.command(recordBuildSql(db, minutes, Number(clock?.now)));
    before = await minuteFigures();
    chainBefore = await chainFigures(runner);
    // The retro with 0.2.0's reads: every query over the minute rollups (a window of no whole hour
    // reads minutes only), summed over two windows that split the incident window at 09:30.
    const half = (from: number, to: number) => {
      const parsed = parseRetroFilters({ db, from, to });
      if (!parsed.success) throw new Error(parsed.error);
      return runner.query<{ attempts: string | number }>(totalsSql(parsed.data));
    };
    const split = Date.parse('2025-03-14T09:30:00Z');
    const [a, b] = [await half(window.fromMs, split), await half(split, window.toMs)];
    retroBefore = [a, b].flat().reduce((sum, t) => sum + Number(t.attempts), 0);
  }, 180_000);

  afterAll(async () => {
    await runner.command(`DROP DATABASE IF EXISTS ${db}`).catch(() => undefined);
    await runner.close();
  });

  it('keeps every minute figure and builds hourly and daily rollups equal to the minute rollups summed', async () => {
    expect(before[0]!.length).toBeGreaterThan(50);
    await migrate(runner, { db, retentionDays: 0 });
    expect(await minuteFigures()).toEqual(before);
    await coarseEqualsMinutes();
  });

  it('drops the certificate chain view and keeps the inventory it filled: panel and alert read the same', async () => {
    expect(chainBefore[0]!.length).toBeGreaterThan(2);
    expect(chainBefore[1]!.length).toBeGreaterThan(0);
    expect(chainBefore[2]!.length).toBeGreaterThan(0);
    const views = await runner.query<{ name: string }>(`SELECT name FROM system.tables WHERE database = '${db}' AND engine = 'MaterializedView'`);
    expect(views).toEqual([]);
    expect(await chainFigures(runner)).toEqual(chainBefore);
  });

  it('copies the ids of the events stored before the upgrade to event_ids, once, where the sink finds them', async () => {
    const ids = await idFigures();
    expect(ids).toMatchObject({ missing: 0 });
    expect(ids!.id_rows).toBe(ids!.event_rows);
    expect(ids!.event_rows).toBeGreaterThan(100);
    // A copy of a stored event (a producer's retry after the upgrade) is found and not written again.
    const [stored] = await runner.query<{ event_id: string; t: number | string }>(`SELECT event_id, toUInt32(ts) AS t FROM ${db}.events ORDER BY event_id LIMIT 1`);
    const copy = { eventId: stored!.event_id, ts: Number(stored!.t), attribution: 'none', cause: 'none', tsv: Buffer.from('never inserted\n'), ref: 'copy' };
    expect(await createEventSink(runner, db).write([copy])).toMatchObject({ inserted: 0, duplicates: 1, rejected: [] });
  });

  it('builds the correlation rollups of the stored events: the retro correlates as the raw reference does', async () => {
    const f = filters();
    const raw = referenceCorrelationSql({ db, from: `toDateTime(${f.fromS})`, to: `toDateTime(${f.toS})`, timeFilter: `toStartOfMinute(ts) >= toDateTime(${f.fromS}) AND toStartOfMinute(ts) < toDateTime(${f.toS})`, windowS: 300 });
    const expected = await runner.query<Record<string, unknown>>(raw);
    const [browsers] = await runner.query<{ n: string | number }>(`SELECT uniqExact(event_id) AS n FROM ${db}.events WHERE event_id LIKE 'browser-%'`);
    expect(Number(browsers!.n)).toBeGreaterThanOrEqual(3);
    expect(expected.reduce((n, r) => n + Number(r.unexplained), 0)).toBe(Number(browsers!.n));
    expect(expected.filter((r) => r.attribution === '1015').length).toBeGreaterThan(0);
    expect(await runner.query<Record<string, unknown>>(correlationSqlFor(f))).toEqual(expected);
  });

  it('the retro over a window with a whole hour reads the hourly rollups and gives the same figures', async () => {
    const rows = await fetchRetroRows(runner, filters());
    expect(Number(rows.totals[0]!.attempts)).toBe(retroBefore);
    // Per-minute timeline (a two-hour window) summed = the totals.
    expect(rows.timeline.reduce((n, t) => n + Number(t.attempts), 0)).toBe(retroBefore);
  });

  it('the retro over 2.5 days reads the incident day from the daily rollups: the same totals, an hourly timeline', async () => {
    const parsed = parseRetroFilters({ db, from: Date.parse('2025-03-13T00:00:00Z'), to: Date.parse('2025-03-15T12:00:00Z') });
    if (!parsed.success) throw new Error(parsed.error);
    const rows = await fetchRetroRows(runner, parsed.data);
    expect(Number(rows.totals[0]!.attempts)).toBe(retroBefore);
    expect(rows.timelineStepS).toBe(3600);
    expect(rows.timeline.map((t) => new Date(t.minute * 1000).toISOString())).toEqual(['08', '09', '10'].map((h) => `2025-03-14T${h}:00:00.000Z`));
    expect(rows.timeline.reduce((n, t) => n + Number(t.attempts), 0)).toBe(retroBefore);
  });

  it('builds the narrow rollups once from the hourly and daily rows of a database that has those but not these', async () => {
    // What a database migrated before rollup_causes_* existed holds: hourly and daily rollups, no projection rows.
    for (const grain of coarseGrains) for (const p of projections) await runner.command(`DROP TABLE ${db}.${projectionTable(p, grain)}`);
    await migrate(runner, { db, retentionDays: 0 });
    expect(await buildProjectionsFromCoarse(runner, db)).toBeGreaterThan(2);
    await coarseEqualsMinutes();
  });

  it('a second migrate and a rebuild of every minute from raw events change nothing', async () => {
    const ids = await idFigures();
    await migrate(runner, { db, retentionDays: 0 });
    expect(await idFigures()).toEqual(ids);
    expect(await minuteFigures()).toEqual(before);
    await runner.command(markAllMinutesSql(db));
    expect(await createRollupBuilder(runner, db).buildPending()).toBeGreaterThan(50);
    expect(await minuteFigures()).toEqual(before);
    await coarseEqualsMinutes();
    expect(Number((await fetchRetroRows(runner, filters())).totals[0]!.attempts)).toBe(retroBefore);
    expect(await chainFigures(runner)).toEqual(chainBefore);
  });

  it("the minute builds alone give the inventory 0.2.0's view gave (re-delivered copies included)", async () => {
    await runner.command(`DROP TABLE ${db}.certificate_chain`);
    await migrate(runner, { db, retentionDays: 0 });
    expect((await chainFigures(runner))[0]).toEqual([]);
    await runner.command(markAllMinutesSql(db));
    await createRollupBuilder(runner, db).buildPending();
    expect(await chainFigures(runner)).toEqual(chainBefore);
  });
});
