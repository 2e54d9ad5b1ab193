// The certificate forecast on both engines: chains reported by probes (connected, so no 1015 has
// happened yet) feed certificate_chain through the minute builds; the expiry alert fires for the leaf
// and for the intermediate that expire within 14 days, and not for those valid longer; the panel lists
// every position; building the minutes again changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, CLASSIFIER_VERSION } from '../../../analyzers/classify.js';
import { alertQueries, alertRulesFile, dashboardQueries, expandAlertSql, expandSql, firingInstances, loadDashboards, withDatabase, type AlertRulesDocument } from '../../../dashboards/panel-sql.js';
import { createClickHouseRunner } from '../../../ingest/clickhouse-client.js';
import { toEventRow } from '../../../ingest/event-row.js';
import { migrate } from '../../../ingest/migrate.js';
import { createRollupBuilder } from '../../../ingest/rollup-builder.js';
import type { SqlRunner } from '../../../ingest/sql-runner.js';
import { markAllMinutesSql } from '../../../schemas/clickhouse/rollups.js';
import { telemetryEventSchema, type TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { createChdbRunner } from '../../support/chdb-runner.js';
import { servicesConfig } from '../../support/services.js';
import { loadYaml } from '../../support/yaml-file.js';

type Engine = SqlRunner & { close(): Promise<void> };
const now = Date.parse('2026-11-30T12:00:00Z');
const day = 86_400_000;
const cert = (subject: string, issuer: string, days: number, selfSigned = false) => ({ subject, issuer, not_before: now - 100 * day, not_after: now + days * day, self_signed: selfSigned });
const probe = (id: string, url: string, chain: ReturnType<typeof cert>[], at = now - 3_600_000): TelemetryEventInput => ({
  event_id: id,
  ts: at,
  outcome: 'connected',
  source: { kind: 'probe', service: 'wsdiag-probe', region: 'eu-west-1' },
  target: { url },
  tls: { version: 'TLSv1.3', chain, chain_length: chain.length },
  handshake: { status: 101 },
});
const root = cert('CN=Root', 'CN=Root', 3000, true);
const events = [
  // a.example: leaf in 10 days (alert), intermediate in 400.
  probe('p1', 'wss://a.example/', [cert('CN=a.example', 'CN=Inter A', 10), cert('CN=Inter A', 'CN=Root', 400), root]),
  probe('p1-again', 'wss://a.example/', [cert('CN=a.example', 'CN=Inter A', 10), cert('CN=Inter A', 'CN=Root', 400), root], now - 60_000),
  // b.example: leaf in 30 days, intermediate in 12 (alert: the intermediate goes first).
  probe('p2', 'wss://b.example/', [cert('CN=b.example', 'CN=Inter B', 30), cert('CN=Inter B', 'CN=Root', 12), root]),
  // c.example: seen 3 days ago only, leaf in 5 days: outside the rule's last day.
  probe('p3', 'wss://c.example/', [cert('CN=c.example', 'CN=Inter A', 5), cert('CN=Inter A', 'CN=Root', 400), root], now - 3 * day),
];

const rule = alertQueries(loadYaml<AlertRulesDocument>(alertRulesFile)).find((r) => r.uid === 'wsdiag-cert-expiring-14d')!;
const panel = dashboardQueries(loadDashboards().find((d) => d.uid === 'wsdiag-overview')!).find((q) => q.panelTitle.startsWith('Certificate forecast'))!;
const db = `wsdiag_forecast_${process.pid}`;
const runners: Array<[string, Engine]> = [];

beforeAll(async () => {
  runners.push(['18.16', createClickHouseRunner({ url: servicesConfig().clickhouseUrl, username: 'default', password: '', requestTimeoutMs: 60_000 })], ['chdb', createChdbRunner()]);
  for (const [, runner] of runners) {
    await runner.command(`DROP DATABASE IF EXISTS ${db}`);
    await migrate(runner, { db, retentionDays: 0 });
    const rows = events.map((input, i) => {
      const event = telemetryEventSchema.parse(input);
      return toEventRow(event, classify(event), { topic: 't', partition: 0, offset: String(i) }, now, CLASSIFIER_VERSION);
    });
    await runner.insert(`${db}.events`, rows);
    await runner.insert(`${db}.events`, rows.slice(0, 1)); // a re-delivered copy changes nothing
    // What the sink and the rollup builder do after the writes: mark the minutes, build them.
    await runner.command(markAllMinutesSql(db));
    await createRollupBuilder(runner, db).buildPending();
  }
}, 60_000);

afterAll(async () => {
  for (const [, runner] of runners) {
    await runner.command(`DROP DATABASE IF EXISTS ${db}`).catch(() => undefined);
    await runner.close();
  }
});

describe.each([['18.16'], ['chdb']])('certificate forecast on %s', (name) => {
  const runner = () => runners.find(([n]) => n === name)![1];

  it('the expiry alert fires for the leaf and the intermediate under 14 days, before any 1015', async () => {
    const rows = await runner().query<Record<string, unknown>>(withDatabase(expandAlertSql(rule, now / 1000), db));
    const firing = firingInstances(rule, rows).map((l) => `${l.role} ${l.cert_subject} ${l.hosts}`);
    expect(firing).toEqual(['intermediate CN=Inter B b.example', 'leaf CN=a.example a.example']);
    const failures = await runner().query<{ n: string | number }>(`SELECT uniqExact(event_id) AS n FROM ${db}.events WHERE attribution != 'none'`);
    expect(Number(failures[0]!.n)).toBe(0);
  });

  it('a lower threshold leaves only the leaf (the threshold is the knob)', async () => {
    const rows = await runner().query<Record<string, unknown>>(withDatabase(expandAlertSql(rule, now / 1000), db));
    expect(firingInstances({ ...rule, threshold: { type: 'lt', value: 11 } }, rows).map((l) => l.cert_subject)).toEqual(['CN=a.example']);
  });

  const panelRows = async () => {
    const sql = withDatabase(expandSql(panel.query, { fromSeconds: now / 1000 - 86_400, toSeconds: now / 1000, intervalSeconds: 60, variables: { service: { all: true, options: ['wsdiag-probe'] }, region: { all: true, options: ['eu-west-1'] } } }), db);
    return runner().query<{ target_host: string; position: number; role: string; days_to_expiry: number | string }>(sql);
  };

  it('the panel lists days to expiry of every position per host', async () => {
    const rows = await panelRows();
    // Soonest first (days from the end of the range), then host and position; c.example was not seen in the range.
    expect(rows.map((r) => `${r.target_host} ${r.position} ${r.role} ${Number(r.days_to_expiry)}`)).toEqual([
      'a.example 0 leaf 10',
      'b.example 1 intermediate 12',
      'b.example 0 leaf 30',
      'a.example 1 intermediate 400',
      'a.example 2 root 3000',
      'b.example 2 root 3000',
    ]);
  });

  it('building every minute again changes neither the panel nor the alert', async () => {
    const alert = await runner().query<Record<string, unknown>>(withDatabase(expandAlertSql(rule, now / 1000), db));
    const panel = await panelRows();
    await runner().command(markAllMinutesSql(db));
    expect(await createRollupBuilder(runner(), db).buildPending()).toBeGreaterThan(0);
    expect(await runner().query<Record<string, unknown>>(withDatabase(expandAlertSql(rule, now / 1000), db))).toEqual(alert);
    expect(await panelRows()).toEqual(panel);
  });

  it('no view hangs on events: a new chain reaches the inventory with the build of its minute', async () => {
    const views = await runner().query<{ name: string }>(`SELECT name FROM system.tables WHERE database = '${db}' AND engine = 'MaterializedView'`);
    expect(views).toEqual([]);
    const event = telemetryEventSchema.parse(probe(`d-${name}`, 'wss://d.example/', [cert('CN=d.example', 'CN=Inter A', 3), cert('CN=Inter A', 'CN=Root', 400), root], now - 7_200_000));
    await runner().insert(`${db}.events`, [toEventRow(event, classify(event), { topic: 't', partition: 0, offset: '9' }, now, CLASSIFIER_VERSION)]);
    const hosts = async () => new Set((await panelRows()).map((r) => r.target_host));
    expect(await hosts()).not.toContain('d.example');
    await runner().command(markAllMinutesSql(db));
    await createRollupBuilder(runner(), db).buildPending();
    expect(await hosts()).toContain('d.example');
  });
});
