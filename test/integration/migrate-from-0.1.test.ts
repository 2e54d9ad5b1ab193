// Upgrade path: a database made by 0.1.0's `wsdiag migrate` (fixture: its exact statements), holding
// 0.1 rows, is carried over by today's migrate on 18.16 and on a current engine (chDB): the old rows
// stay, the chain columns appear (empty for old rows), and new rows feed the certificate_chain inventory
// through the minute builds (no view on events).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClickHouseRunner } from '../../ingest/clickhouse-client.js';
import { toEventRow } from '../../ingest/event-row.js';
import { migrate } from '../../ingest/migrate.js';
import { createRollupBuilder } from '../../ingest/rollup-builder.js';
import type { SqlRunner } from '../../ingest/sql-runner.js';
import { classify } from '../../analyzers/classify.js';
import { chainColumns } from '../../schemas/clickhouse/certificate-chain.js';
import { eventColumns } from '../../schemas/clickhouse/events-table.js';
import { markAllMinutesSql, rollups } from '../../schemas/clickhouse/rollups.js';
import { afterCreate, beforeCreate } from '../../schemas/clickhouse/upgrade.js';
import { telemetryEventSchema, type TelemetryEventInput } from '../../schemas/telemetry-event.js';
import { createChdbRunner, type ChdbRunner } from '../support/chdb-runner.js';
import { servicesConfig } from '../support/services.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/schema-0.1.0/migration-statements.json', import.meta.url), 'utf8')) as Record<'18.16' | 'current', string[]>;
const db = `wsdiag_upgrade_${process.pid}`;
const position = { topic: 't', partition: 0, offset: '1' };
const day = 86_400_000;

function row(input: TelemetryEventInput) {
  const event = telemetryEventSchema.parse(input);
  return toEventRow(event, classify(event), position, event.ts, 'test');
}
const base = (id: string, ts: number): TelemetryEventInput => ({ event_id: id, ts, outcome: 'connected', source: { kind: 'probe', service: 'p' }, target: { url: 'wss://api.example.com/' } });
const now = Date.parse('2026-12-01T12:00:00Z');
const cert = (cn: string, issuer: string, notAfter: number) => ({ subject: `CN=${cn}`, issuer: `CN=${issuer}`, not_before: now - 30 * day, not_after: notAfter });

let server: ReturnType<typeof createClickHouseRunner>;
let chdb: ChdbRunner;
const engines: Array<[string, () => SqlRunner, '18.16' | 'current']> = [
  ['18.16', () => server, '18.16'],
  ['chdb', () => chdb, 'current'],
];

beforeAll(() => {
  server = createClickHouseRunner({ url: servicesConfig().clickhouseUrl, username: 'default', password: '', requestTimeoutMs: 30_000 });
  chdb = createChdbRunner();
});
afterAll(async () => {
  await server.command(`DROP DATABASE IF EXISTS ${db}`).catch(() => undefined);
  await server.close();
  await chdb.close();
});

describe.each(engines)('0.1.0 → today on %s', (_name, runner, variant) => {
  it('keeps 0.1 rows, adds the chain columns, and fills certificate_chain from new rows', async () => {
    const sql = runner();
    await sql.command(`DROP DATABASE IF EXISTS ${db}`);
    for (const statement of fixture[variant]) await sql.command(statement.replaceAll('__DB__', db));
    // A 0.1 row: only the columns 0.1 had.
    const old = row({ ...base('old', now - day), tls: { peer_certificate: cert('old.example.com', 'R1', now + 20 * day) } });
    const oldNames = new Set(chainColumns.map(([name]) => name as string));
    await sql.insert(`${db}.events`, [Object.fromEntries(Object.entries(old).filter(([k]) => !oldNames.has(k)))]);

    const first = await migrate(sql, { db, retentionDays: 0 });
    const second = await migrate(sql, { db, retentionDays: 0 });
    // Only the first run adds the chain columns and converts 0.1's rollups (rename, convert, drop).
    const legacy = { stateRollups: rollups.map((r) => r.table), renamedRollups: [], certificatesTable: true }; // 0.1's four rollups
    const none = { stateRollups: [], renamedRollups: [], certificatesTable: false };
    const conversion = beforeCreate(db, legacy).length - beforeCreate(db, none).length + afterCreate(db, legacy).length;
    expect(second.statements).toBe(first.statements - chainColumns.length - conversion);
    const columns = await sql.query<{ name: string }>(`SELECT name FROM system.columns WHERE database = '${db}' AND table = 'events'`);
    expect(new Set(columns.map((c) => c.name))).toEqual(new Set(eventColumns.map(([name]) => name)));
    // The 0.1 row's id went to event_ids once, by the first migrate only.
    const ids = await sql.query<{ event_id: string; t: number | string }>(`SELECT event_id, toUInt32(ts) AS t FROM ${db}.event_ids`);
    expect(ids.map((r) => [r.event_id, Number(r.t)])).toEqual([['old', Math.floor((now - day) / 1000)]]);

    await sql.insert(`${db}.events`, [
      row({ ...base('new', now), tls: { chain: [cert('api.example.com', 'Inter', now + 10 * day), cert('Inter', 'Root', now + 400 * day)] } }),
    ]);
    const views = await sql.query<{ name: string }>(`SELECT name FROM system.tables WHERE database = '${db}' AND engine = 'MaterializedView'`);
    expect(views).toEqual([]);
    await sql.command(markAllMinutesSql(db));
    await createRollupBuilder(sql, db).buildPending();
    const kept = await sql.query<{ event_id: string; n: number | string }>(`SELECT event_id, length(chain_subject) AS n FROM ${db}.events ORDER BY event_id`);
    expect(kept.map((r) => [r.event_id, Number(r.n)])).toEqual([['new', 2], ['old', 0]]);
    const inventory = await sql.query<{ position: number; cert_subject: string; days: number | string }>(
      `SELECT position, cert_subject, intDiv(toInt64(toUInt32(cert_not_after)) - ${now / 1000}, 86400) AS days FROM ${db}.certificate_chain ORDER BY position`,
    );
    expect(inventory.map((r) => [Number(r.position), r.cert_subject, Number(r.days)])).toEqual([[0, 'CN=api.example.com', 10], [1, 'CN=Inter', 400]]);
    await sql.command(`DROP DATABASE IF EXISTS ${db}`);
  }, 60_000);
});
