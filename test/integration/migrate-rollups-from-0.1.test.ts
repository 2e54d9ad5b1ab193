// Upgrade of release 0.1.0's rollups (c2fe4a4: uniqExact states fed by materialized views) to count
// rollups built from deduplicated raw events, on 18.16 and on a current engine (chDB): data and every
// figure are kept, the views are gone, and building the same minutes again from raw events (what the
// pipeline does after new writes) changes no figure.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClickHouseRunner } from '../../ingest/clickhouse-client.js';
import type { SqlRunner } from '../../ingest/sql-runner.js';
import { chainColumns, CERTIFICATE_CHAIN_TABLE } from '../../schemas/clickhouse/certificate-chain.js';
import { createChdbRunner } from '../support/chdb-runner.js';
import { migrate } from '../../ingest/migrate.js';
import { createRollupBuilder } from '../../ingest/rollup-builder.js';
import { EVENT_IDS_TABLE, MIGRATION_STEPS_TABLE } from '../../schemas/clickhouse/event-ids.js';
import { GRAIN_S, markAllMinutesSql, rollupStorageNames, type CoarseGrain } from '../../schemas/clickhouse/rollups.js';
import { insertSeededIncident } from '../support/seed-clickhouse.js';
import { servicesConfig } from '../support/services.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/schema-0.1.0/migration-statements.json', import.meta.url), 'utf8')) as Record<'18.16' | 'current', string[]>;
const db = `wsdiag_rollups_upgrade_${process.pid}`;
const chainNames = new Set<string>(chainColumns.map(([name]) => name));

/** The figures users see, as 0.1.0 read them (state merges) and as this release reads them (sums over FINAL). */
const figureQueries = (db: string) => ({
  legacy: {
    byMinute: `SELECT toUInt32(minute) AS m, attribution, cause, service, uniqExactMerge(events) AS n, toUInt32(minMerge(first_seen)) AS f, toUInt32(maxMerge(last_seen)) AS l FROM ${db}.rollup_minute GROUP BY m, attribution, cause, service ORDER BY m, attribution, cause, service`,
    extensions: `SELECT requested, negotiated, required, uniqExactMerge(events) AS n FROM ${db}.rollup_extensions_minute GROUP BY requested, negotiated, required ORDER BY requested, negotiated, required`,
    violations: `SELECT violation, uniqExactMerge(events) AS n FROM ${db}.rollup_violations_minute GROUP BY violation ORDER BY violation`,
    certificates: `SELECT cert_subject, toUInt32(cert_not_after) AS a, toUInt32(minMerge(cert_not_before)) AS b, arraySort(groupUniqArrayMerge(hosts)) AS h, uniqExactMerge(handshakes) AS n, uniqExactIfMerge(failures) AS x FROM ${db}.certificates GROUP BY cert_subject, cert_issuer, cert_not_after ORDER BY cert_subject, a`,
    ...causes((grain) => `toUInt32(intDiv(toUInt32(minute), ${GRAIN_S[grain]}) * ${GRAIN_S[grain]})`, () => `${db}.rollup_minute`, 'uniqExactMerge(events)', 'minMerge(first_seen)', 'maxMerge(last_seen)'),
  },
  current: {
    byMinute: `SELECT toUInt32(minute) AS m, attribution, cause, service, sum(events) AS n, toUInt32(min(first_seen)) AS f, toUInt32(max(last_seen)) AS l FROM ${db}.rollup_minute FINAL GROUP BY m, attribution, cause, service ORDER BY m, attribution, cause, service`,
    extensions: `SELECT requested, negotiated, required, sum(events) AS n FROM ${db}.rollup_extensions_minute FINAL GROUP BY requested, negotiated, required ORDER BY requested, negotiated, required`,
    violations: `SELECT violation, sum(events) AS n FROM ${db}.rollup_violations_minute FINAL GROUP BY violation ORDER BY violation`,
    certificates: `SELECT cert_subject, toUInt32(cert_not_after) AS a, toUInt32(cert_not_before) AS b, arraySort(hosts) AS h, handshakes AS n, failures AS x FROM ${db}.certificates ORDER BY cert_subject, a`,
    // The narrow hourly and daily rollups (new in 0.3), built by migrate: 0.1.0's figures per hour and day.
    ...causes((grain) => `toUInt32(${grain})`, (grain) => `${db}.rollup_causes_${grain} FINAL`, 'sum(events)', 'min(first_seen)', 'max(last_seen)'),
  },
});

/** Per hour and per day, by service, region, attribution and cause: `period` and `from` per grain. */
function causes(period: (grain: CoarseGrain) => string, from: (grain: CoarseGrain) => string, n: string, f: string, l: string): Record<`causes_${CoarseGrain}`, string> {
  const sql = (grain: CoarseGrain) =>
    `SELECT ${period(grain)} AS p, service, region, attribution, cause, ${n} AS n, toUInt32(${f}) AS f, toUInt32(${l}) AS l FROM ${from(grain)} GROUP BY p, service, region, attribution, cause ORDER BY p, service, region, attribution, cause`;
  return { causes_hour: sql('hour'), causes_day: sql('day') };
}

const engines: Array<[string, () => SqlRunner & { close(): Promise<void> }, '18.16' | 'current']> = [
  ['ClickHouse 18.16 server', () => createClickHouseRunner({ url: servicesConfig().clickhouseUrl, username: 'default', password: '', requestTimeoutMs: 60_000 }), '18.16'],
  ['chDB (current engine)', () => createChdbRunner(), 'current'],
];

describe.each(engines)('rollups of 0.1.0 (c2fe4a4) → today on %s', (_name, connect, variant) => {
  let runner: SqlRunner & { close(): Promise<void> };
  const figures = async (which: 'legacy' | 'current') => {
    const q = figureQueries(db)[which];
    return {
      byMinute: await runner.query(q.byMinute),
      extensions: await runner.query(q.extensions),
      violations: await runner.query(q.violations),
      certificates: await runner.query(q.certificates),
      causesHour: await runner.query(q.causes_hour),
      causesDay: await runner.query(q.causes_day),
    };
  };
  let before: Awaited<ReturnType<typeof figures>>;

  beforeAll(async () => {
    runner = connect();
    await runner.command(`DROP DATABASE IF EXISTS ${db}`);
    for (const statement of fixture[variant]) await runner.command(statement.replaceAll('__DB__', db));
    // 0.1 rows carry only 0.1's columns; its materialized views fill the state rollups.
    const legacyWriter: SqlRunner = { ...runner, insert: (table, rows) => runner.insert(table, rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !chainNames.has(k))))) };
    await insertSeededIncident(legacyWriter, db, { buildRollups: false });
    before = await figures('legacy');
  }, 120_000);

  afterAll(async () => {
    await runner.command(`DROP DATABASE IF EXISTS ${db}`).catch(() => undefined);
    await runner.close();
  });

  it('keeps every rollup figure and the certificate inventory, and leaves no view or state table behind', async () => {
    expect(before.byMinute.length).toBeGreaterThan(50);
    expect(before.certificates.length).toBeGreaterThan(0);
    expect(before.causesHour.length).toBeGreaterThan(before.causesDay.length);
    await migrate(runner, { db, retentionDays: 0 });
    expect(await figures('current')).toEqual(before);
    const tables = await runner.query<{ name: string }>(`SELECT name FROM system.tables WHERE database = '${db}' ORDER BY name`);
    expect(tables.map((t) => t.name)).toEqual(['events', EVENT_IDS_TABLE, MIGRATION_STEPS_TABLE, ...rollupStorageNames, CERTIFICATE_CHAIN_TABLE].sort());
  });

  it('a second migrate changes nothing', async () => {
    await migrate(runner, { db, retentionDays: 0 });
    expect(await figures('current')).toEqual(before);
  });

  it('rebuilding every minute from the raw events (as new writes would) gives the same figures', async () => {
    await runner.command(markAllMinutesSql(db));
    expect(await createRollupBuilder(runner, db).buildPending()).toBeGreaterThan(50);
    expect(await figures('current')).toEqual(before);
  });
});
