// Every dashboard panel, dashboard variable and Grafana alert query, with its macros expanded as
// Grafana would, runs on ClickHouse 18.16 (local server) and on a current engine (chDB) over the same
// seeded incident: it must succeed on both, return the same rows on both, and give the incident's numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClickHouseRunner } from '../../../ingest/clickhouse-client.js';
import { migrate } from '../../../ingest/migrate.js';
import type { SqlRunner } from '../../../ingest/sql-runner.js';
import {
  alertQueries,
  alertRulesFile,
  clickhouseDatasourceType,
  dashboardQueries,
  dashboardVariables,
  expandAlertSql,
  expandSql,
  firingInstances,
  loadDashboards,
  variableSql,
  withDatabase,
  type AlertRulesDocument,
  type ExpandContext,
  type VariableSelection,
} from '../../../dashboards/panel-sql.js';
import { createChdbRunner, type ChdbRunner } from '../../support/chdb-runner.js';
import { insertSeededIncident } from '../../support/seed-clickhouse.js';
import { certificates, seededIncident, window } from '../../support/seeded-incident.js';
import { servicesConfig } from '../../support/services.js';
import { loadYaml } from '../../support/yaml-file.js';

type Row = Record<string, unknown>;
type EngineName = '18.16' | 'chdb';

const db = `wsdiag_panels_${process.pid}`;
const sec = (iso: string): number => Date.parse(iso) / 1000;
const fromSeconds = window.fromMs / 1000;
const toSeconds = window.toMs / 1000;

const dashboards = loadDashboards();
const rulesDoc = loadYaml<AlertRulesDocument>(alertRulesFile);
const alerts = alertQueries(rulesDoc);
const panels = dashboards.flatMap(dashboardQueries).filter((q) => q.datasourceType === clickhouseDatasourceType);
const variables = dashboards.flatMap((d) => dashboardVariables(d).filter((v) => v.type === 'query'));

// What the incident stores once: the expected figures come from its scenario table, not from SQL.
const incident = seededIncident().events;
const countWhere = (pred: (e: (typeof incident)[number]) => boolean): number => incident.filter(pred).length;

/** Numbers compare by value (UInt64 arrives quoted; floats to 10 significant digits); rows in any order. */
function normalise(rows: Row[]): string[] {
  const value = (v: unknown): unknown => {
    if (typeof v === 'number') return Number(v.toPrecision(10));
    if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(Number(v).toPrecision(10));
    if (Array.isArray(v)) return v.map(value);
    return v;
  };
  return rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, value(r[k])]))).sort();
}

const engines: Record<EngineName, SqlRunner> = {} as Record<EngineName, SqlRunner>;
let chdb: ChdbRunner | undefined;
let server: ReturnType<typeof createClickHouseRunner> | undefined;

async function both(sql: string): Promise<{ rows: Row[]; normalised: string[] }> {
  const results = await Promise.all(
    (['18.16', 'chdb'] as const).map(async (name) => {
      try {
        return await engines[name].query<Row>(withDatabase(sql, db));
      } catch (error) {
        throw new Error(`${name} rejected:\n${sql}\n${String(error)}`);
      }
    }),
  );
  const [a, b] = results as [Row[], Row[]];
  expect(normalise(b), `same rows on both engines for:\n${sql}`).toEqual(normalise(a));
  return { rows: a, normalised: normalise(a) };
}

beforeAll(async () => {
  server = createClickHouseRunner({ url: servicesConfig().clickhouseUrl, username: 'default', password: '', requestTimeoutMs: 30_000 });
  chdb = createChdbRunner();
  engines['18.16'] = server;
  engines.chdb = chdb;
  await Promise.all(
    Object.values(engines).map(async (runner) => {
      await runner.command(`DROP DATABASE IF EXISTS ${db}`);
      await migrate(runner, { db, retentionDays: 0 });
      await insertSeededIncident(runner, db);
    }),
  );
});

afterAll(async () => {
  await server?.command(`DROP DATABASE IF EXISTS ${db}`).catch(() => undefined);
  await server?.close();
  await chdb?.close();
});

/** Selections: All (options from the variable's own query) and one specific value per variable. */
async function variableOptions(): Promise<Record<string, string[]>> {
  const options: Record<string, string[]> = {};
  for (const v of variables) {
    const sql = expandSql(variableSql(v), { fromSeconds, toSeconds, intervalSeconds: 60, variables: {} });
    const { rows } = await both(sql);
    options[v.name] = rows.map((r) => String(Object.values(r)[0]));
  }
  return options;
}

function context(selection: Record<string, VariableSelection>, intervalSeconds = 60): ExpandContext {
  return { fromSeconds, toSeconds, intervalSeconds, variables: selection };
}

const panelByTitle = (title: string) => {
  const p = panels.find((q) => q.panelTitle === title);
  if (!p) throw new Error(`no panel titled ${title}`);
  return p;
};

describe('dashboard variables', () => {
  it('list the incident services and regions on both engines', async () => {
    const options = await variableOptions();
    expect(options.service).toEqual(['chat-gateway', 'collab-editor', 'market-feed', 'notifications']);
    expect(options.region).toEqual(['ap-south-1', 'eu-west-1', 'us-east-1']);
  });
});

describe('panel queries on 18.16 and chDB', () => {
  const selections: Array<[string, (o: Record<string, string[]>) => Record<string, VariableSelection>]> = [
    ['service=All region=All', (o) => ({ service: { all: true, options: o.service! }, region: { all: true, options: o.region! } })],
    ['service=market-feed region=eu-west-1', () => ({ service: { all: false, values: ['market-feed'] }, region: { all: false, values: ['eu-west-1'] } })],
    ['service=collab-editor,notifications region=All', (o) => ({ service: { all: false, values: ['collab-editor', 'notifications'] }, region: { all: true, options: o.region! } })],
  ];

  it.each(selections)('every ClickHouse panel runs with the same rows (%s)', async (_label, select) => {
    const selection = select(await variableOptions());
    expect(panels.length).toBeGreaterThan(10);
    for (const panel of panels) await both(expandSql(panel.query, context(selection)));
  });

  it('time series bucket by a coarser $__interval_s as well', async () => {
    const all = { service: { all: false, values: ['market-feed'] }, region: { all: false, values: ['eu-west-1'] } } as const;
    const { rows } = await both(expandSql(panelByTitle('1015 TLS failures by cause').query, context(all, 600)));
    // cert_expired from 09:00 to the renewal at 09:40: four 10-minute buckets.
    expect(rows.map((r) => [r.time, r.cause, Number(r.failures)])).toEqual(
      ['09:00', '09:10', '09:20', '09:30'].map((t) => [`2025-03-14 ${t}:00`, 'cert_expired', 60]),
    );
  });

  it('time series over more than two days bucket by whole hours, read from the hourly rollups', async () => {
    const one = { service: { all: false, values: ['market-feed'] }, region: { all: false, values: ['eu-west-1'] } } as const;
    // 600 s asked for over three days: buckets of an hour; 09:00–10:00 is a whole hour of the hourly rollup.
    const long = { fromSeconds: fromSeconds - 2 * 86_400, toSeconds: toSeconds + 3600, intervalSeconds: 600, variables: one };
    const { rows } = await both(expandSql(panelByTitle('1015 TLS failures by cause').query, long));
    expect(rows.map((r) => [r.time, r.cause, Number(r.failures)])).toEqual([['2025-03-14 09:00:00', 'cert_expired', 240]]);
    const options = await variableOptions();
    const all = { service: { all: true, options: options.service! }, region: { all: true, options: options.region! } } as const;
    const perHour = (await both(expandSql(panelByTitle('Failure rate by attribution').query, { ...long, variables: all }))).rows;
    expect(perHour.map((r) => r.time)).toEqual(['2025-03-14 08:00:00', '2025-03-14 09:00:00', '2025-03-14 10:00:00']);
  });
});

describe('panels over days read the daily and hourly rollups, with the same figures', () => {
  // 2025-03-13 00:00 to 2025-03-15 12:00: the incident's day is a whole day of the daily rollups.
  const longRange = { fromSeconds: sec('2025-03-13T00:00:00Z'), toSeconds: sec('2025-03-15T12:00:00Z') };
  const tables = ['Attempts', 'Failures', 'Failure rate', 'Expired certificate failures', 'Top causes', 'Top services', 'Top target hosts', 'Top regions', 'Top runtimes', '1015 breakdown by cause, host and region', '1010 extension matrix (requested vs negotiated)', 'Protocol violations'];

  it.each(tables)('%s: the same rows over 2.5 days as over the incident window', async (title) => {
    const options = await variableOptions();
    const all = { service: { all: true, options: options.service! }, region: { all: true, options: options.region! } } as const;
    const incidentRows = (await both(expandSql(panelByTitle(title).query, context(all)))).normalised;
    const longRows = (await both(expandSql(panelByTitle(title).query, { ...longRange, intervalSeconds: 300, variables: all }))).normalised;
    expect(longRows).toEqual(incidentRows);
  });

  it('a daily time series reads the day from the daily rollup', async () => {
    const one = { service: { all: false, values: ['market-feed'] }, region: { all: false, values: ['eu-west-1'] } } as const;
    const { rows } = await both(expandSql(panelByTitle('1015 TLS failures by cause').query, { ...longRange, intervalSeconds: 86_400, variables: one }));
    expect(rows.map((r) => [r.time, r.cause, Number(r.failures)])).toEqual([['2025-03-14 00:00:00', 'cert_expired', 240]]);
  });
});

describe('the incident in the panels', () => {
  const all = (o: Record<string, string[]>) => ({ service: { all: true, options: o.service! }, region: { all: true, options: o.region! } }) as const;
  const run = async (title: string, selection?: Record<string, VariableSelection>) =>
    (await both(expandSql(panelByTitle(title).query, context(selection ?? all(await variableOptions()))))).rows;

  const expiredCount = countWhere((e) => e.expect.cause === 'cert_expired');
  const count1010 = countWhere((e) => e.expect.attribution === '1010');

  it('counts each event once: attempts exclude the re-delivered copies', async () => {
    const [row] = await run('Attempts');
    expect(Number(row!.attempts)).toBe(incident.length);
    const [failures] = await run('Failures');
    expect(Number(failures!.failures)).toBe(countWhere((e) => e.expect.attribution !== 'none'));
  });

  it('counts the expired-certificate failures (all, and eu-west-1 only)', async () => {
    expect(expiredCount).toBe(240); // 3 market-feed streams in eu-west-1, 2 a minute, 09:00–09:40
    expect(Number((await run('Expired certificate failures'))[0]!.cert_expired)).toBe(expiredCount);
    const euMarket = { service: { all: false, values: ['market-feed'] }, region: { all: false, values: ['eu-west-1'] } } as const;
    expect(Number((await run('Expired certificate failures', euMarket))[0]!.cert_expired)).toBe(expiredCount);
    const us = { service: { all: false, values: ['market-feed'] }, region: { all: false, values: ['us-east-1'] } } as const;
    expect(Number((await run('Expired certificate failures', us))[0]!.cert_expired)).toBe(0);
  });

  it('ranks cert_expired and extension_not_negotiated in top causes', async () => {
    const rows = await run('Top causes');
    const failures = (cause: string) => Number(rows.find((r) => r.cause === cause)?.failures);
    expect(failures('cert_expired')).toBe(expiredCount);
    expect(failures('extension_not_negotiated')).toBe(count1010);
    const onset = Math.min(...incident.filter((e) => e.expect.cause === 'cert_expired').map((e) => e.tsMs)) / 1000;
    expect(onset).toBe(sec('2025-03-14T09:00:04Z')); // the first eu-west-1 attempt after the 09:00:00 expiry
    expect(Number(rows.find((r) => r.cause === 'cert_expired')?.first_seen_ms)).toBe(onset * 1000);
  });

  it('shows the stripped permessage-deflate in the 1010 matrix', async () => {
    const rows = await run('1010 extension matrix (requested vs negotiated)');
    expect(rows[0]).toMatchObject({ service: 'collab-editor', requested: 'permessage-deflate', negotiated: '', required: 'permessage-deflate' });
    expect(Number(rows[0]!.failures_1010)).toBe(count1010);
  });

  it('lists the soon-expiring notify.example.com certificate with 10 days left', async () => {
    const rows = await run('Certificates by days to expiry');
    const notify = rows.find((r) => r.cert_subject === certificates.notifySoon.subject);
    expect(Number(notify?.days_to_expiry)).toBe(10);
    expect(Number(notify?.not_after_ms)).toBe(certificates.notifySoon.notAfterMs);
    const expired = rows.find((r) => Number(r.not_after_ms) === certificates.apiExpiring.notAfterMs);
    expect(Number(expired?.days_to_expiry)).toBe(-1);
    expect(Number(expired?.failures)).toBe(expiredCount);
  });

  it('counts protocol violations per violation', async () => {
    const rows = await run('Protocol violations');
    for (const violation of ['close_code_1005_on_wire', 'close_code_reserved:1004']) {
      const stored = rows.filter((r) => r.violation === violation).reduce((n, r) => n + Number(r.events), 0);
      expect(stored, violation).toBe(countWhere((e) => e.expect.violations.includes(violation)));
    }
  });
});

describe('Grafana alert queries on 18.16 and chDB', () => {
  const alert = (uid: string) => {
    const a = alerts.find((x) => x.uid === uid);
    if (!a) throw new Error(`no alert rule ${uid}`);
    return a;
  };
  const firing = async (uid: string, atIso: string) => {
    const a = alert(uid);
    const { rows } = await both(expandAlertSql(a, sec(atIso)));
    return firingInstances(a, rows);
  };

  it('every alert query runs with the same rows at several evaluation times, and its annotations use only its labels', async () => {
    const rules = new Map(rulesDoc.groups.flatMap((g) => g.rules.map((r) => [r.uid, r as unknown as { annotations?: Record<string, string> }] as const)));
    for (const a of alerts) {
      const columns = new Set<string>();
      for (const at of ['2025-03-14T08:55:00Z', '2025-03-14T09:05:00Z', '2025-03-14T09:30:00Z', '2025-03-14T10:40:00Z', '2025-03-14T11:00:00Z']) {
        const { rows } = await both(expandAlertSql(a, sec(at)));
        for (const row of rows) for (const k of Object.keys(row)) columns.add(k);
      }
      expect(columns.has('value'), `${a.uid} returned rows with a value column`).toBe(true);
      const used = Object.values(rules.get(a.uid)?.annotations ?? {}).flatMap((t) => [...t.matchAll(/\$labels\.(\w+)/g)].map((m) => m[1]!));
      expect(used.filter((l) => !columns.has(l)), `${a.uid}: annotation labels`).toEqual([]);
    }
  });

  it('cert_expired fires for api.example.com in eu-west-1 after 09:00 and clears after the renewal', async () => {
    expect(await firing('wsdiag-cert-expired', '2025-03-14T08:59:00Z')).toEqual([]);
    expect(await firing('wsdiag-cert-expired', '2025-03-14T09:05:00Z')).toEqual([{ service: 'market-feed', region: 'eu-west-1', target_host: 'api.example.com' }]);
    expect(await firing('wsdiag-cert-expired', '2025-03-14T09:50:00Z')).toEqual([]);
  });

  it('the 14-day expiry alert fires for notify.example.com, and for api.example.com only before it expires', async () => {
    const at1030 = await firing('wsdiag-cert-expiring-14d', '2025-03-14T10:30:00Z');
    expect(at1030.map((l) => l.cert_subject)).toEqual([certificates.notifySoon.subject]);
    expect(at1030[0]).toMatchObject({ not_after: '2025-03-24 12:00:00', hosts: 'notify.example.com' });
    const at0850 = await firing('wsdiag-cert-expiring-14d', '2025-03-14T08:50:00Z');
    expect(at0850.map((l) => `${l.cert_subject} ${l.not_after}`).sort()).toEqual(['CN=api.example.com 2025-03-14 09:00:00', 'CN=notify.example.com 2025-03-24 12:00:00']);
  });

  it('the 1010 share alert fires for collab-editor only while deflate is stripped', async () => {
    expect(await firing('wsdiag-1010-share', '2025-03-14T09:15:00Z')).toEqual([]);
    expect(await firing('wsdiag-1010-share', '2025-03-14T09:30:00Z')).toEqual([{ service: 'collab-editor' }]);
    expect(await firing('wsdiag-1010-share', '2025-03-14T10:05:00Z')).toEqual([]);
  });

  it('the 1015 spike alert fires for market-feed at the onset, not once failures are the new normal', async () => {
    expect(await firing('wsdiag-1015-spike', '2025-03-14T08:59:00Z')).toEqual([]);
    expect(await firing('wsdiag-1015-spike', '2025-03-14T09:05:00Z')).toEqual([{ service: 'market-feed' }]);
    expect(await firing('wsdiag-1015-spike', '2025-03-14T09:35:00Z')).toEqual([]);
  });

  it('the heartbeat fires when nothing was ingested for 10 minutes', async () => {
    // Incident rows were ingested at 10:31, the re-delivered copies at 10:36.
    expect(await firing('wsdiag-heartbeat', '2025-03-14T10:40:00Z')).toEqual([]);
    expect(await firing('wsdiag-heartbeat', '2025-03-14T11:00:00Z')).toEqual([{}]);
    expect(await firing('wsdiag-heartbeat', '2025-03-14T12:00:00Z')).toEqual([{}]); // no events in the window at all
  });
});
