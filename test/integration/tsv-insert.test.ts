// The sink's TabSeparated encoding against both engines: every column type of wsdiag.events, with the
// values that need escaping (tab, newline, backslash, quotes in strings and in arrays) and zero times,
// reads back exactly as toEventRow produced it.
import { afterAll, describe, expect, it } from 'vitest';
import { classify, CLASSIFIER_VERSION } from '../../analyzers/classify.js';
import { createClickHouseRunner } from '../../ingest/clickhouse-client.js';
import { toEventRow } from '../../ingest/event-row.js';
import { migrate } from '../../ingest/migrate.js';
import type { SqlRunner } from '../../ingest/sql-runner.js';
import { encodeTsv } from '../../ingest/tsv.js';
import { eventColumns } from '../../schemas/clickhouse/events-table.js';
import { telemetryEventSchema } from '../../schemas/telemetry-event.js';
import { createChdbRunner } from '../support/chdb-runner.js';
import { servicesConfig } from '../support/services.js';

const db = `wsdiag_tsv_${process.pid}`;
const day = 86_400_000;
const now = Date.parse('2026-12-01T12:00:00Z');
const hostile = "tab\there, newline\nthere, back\\slash, quote ' and \" and \\' done";
const event = telemetryEventSchema.parse({
  event_id: `evt-${hostile}`,
  ts: now,
  outcome: 'failed',
  source: { kind: 'probe', service: 'svc', runtime: hostile, user_agent: 'ua\r\n' },
  target: { url: 'wss://api.example.com/socket' },
  handshake: { status: 101, request_extensions: 'permessage-deflate', response_extensions: '', required_extensions: ['permessage-deflate', hostile] },
  tls: { chain: [{ subject: `CN=${hostile}`, issuer: 'CN=Inter', not_before: 0, not_after: now + 10 * day, self_signed: false }, { subject: 'CN=Inter', issuer: 'CN=Root', not_before: now - day, not_after: now + 400 * day, self_signed: true }] },
  error: { message: hostile },
});
const row = toEventRow(event, classify(event), { topic: 't', partition: 1, offset: '9007199254740993' }, now, CLASSIFIER_VERSION);

const engines: Array<[string, () => SqlRunner & { close(): Promise<void> }]> = [
  ['ClickHouse 18.16 server', () => createClickHouseRunner({ url: servicesConfig().clickhouseUrl, username: 'default', password: '', requestTimeoutMs: 60_000 })],
  ['chDB (current engine)', () => createChdbRunner()],
];

describe.each(engines)('TabSeparated insert on %s', (_name, connect) => {
  const runner = connect();
  afterAll(async () => {
    await runner.command(`DROP DATABASE IF EXISTS ${db}`).catch(() => undefined);
    await runner.close();
  });

  it('stores every column exactly as the row holds it', async () => {
    await runner.command(`DROP DATABASE IF EXISTS ${db}`);
    await migrate(runner, { db, retentionDays: 0 });
    await runner.insertText(`${db}.events`, eventColumns.map(([n]) => n), 'TabSeparated', encodeTsv([row], eventColumns));
    const select = eventColumns.map(([name, type]) => (type === 'DateTime' ? `toUInt32(${name}) AS ${name}` : type === 'Array(DateTime)' ? `arrayMap(x -> toUInt32(x), ${name}) AS ${name}` : name)).join(', ');
    const [stored] = await runner.query<Record<string, unknown>>(`SELECT ${select} FROM ${db}.events`);
    const normalise = (r: Record<string, unknown>) => Object.fromEntries(eventColumns.map(([name]) => [name, JSON.parse(JSON.stringify(r[name], (_k, v) => (typeof v === 'number' ? String(v) : v)))]));
    expect(normalise(stored!)).toEqual(normalise(row as Record<string, unknown>));
  });
});
