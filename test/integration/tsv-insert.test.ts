// The sink's TabSeparated encoding against both engines: every column type of wsdiag.events, with the
// values that need escaping (tab, newline, backslash, quotes in strings and in arrays) and zero times,
// reads back exactly as toEventRow produced it; a batch through the sink (a body in chunks, text beyond
// Latin-1, the time-bounded id look-up) stores each event once however often it is written.
import { afterAll, describe, expect, it } from 'vitest';
import { classify, CLASSIFIER_VERSION } from '../../analyzers/classify.js';
import { createClickHouseRunner } from '../../ingest/clickhouse-client.js';
import { toEventRow } from '../../ingest/event-row.js';
import { createEventSink } from '../../ingest/clickhouse-sink.js';
import { migrate } from '../../ingest/migrate.js';
import { pendingRow } from '../../ingest/prepare-batch.js';
import { sampleTraffic } from '../../ingest/sample-traffic.js';
import { quoteString } from '../../ingest/sql-escape.js';
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

  it('through the sink: a batch in chunks lands whole, and its copies are found and skipped', async () => {
    // Two hours of traffic, 1 200 events, every one with text beyond Latin-1 (a two-byte JS string).
    const events = sampleTraffic({ count: 1200, seed: 7, invalidRatio: 0, startMs: now - 3_600_000, spacingMs: 6000 }).map((r) => {
      const parsed = telemetryEventSchema.parse(JSON.parse(r.value.toString('utf8')));
      return { ...parsed, error: { ...parsed.error, message: `Verbindung abgelehnt → ${parsed.event_id} ✗` } };
    });
    const rows = events.map((e, i) => pendingRow(toEventRow(e, classify(e), { topic: 't', partition: 0, offset: String(i) }, now, CLASSIFIER_VERSION), i));
    const sink = createEventSink(runner, db);
    expect(await sink.write(rows)).toMatchObject({ inserted: 1200, duplicates: 0 });
    // A re-read of half the batch, plus a copy of the first event and one new event.
    const newEvent = { ...events[0]!, event_id: 'new-event' };
    const fresh = pendingRow(toEventRow(newEvent, classify(newEvent), { topic: 't', partition: 0, offset: '1200' }, now, CLASSIFIER_VERSION), 1200);
    const again = await createEventSink(runner, db).write([...rows.slice(600), rows[0]!, fresh]);
    expect(again).toMatchObject({ inserted: 1, duplicates: 601 });
    const [counts] = await runner.query<{ n: string; ids: string; arrows: string }>(
      `SELECT count() AS n, uniqExact(event_id) AS ids, countIf(position(error_message, '→') > 0) AS arrows FROM ${db}.events WHERE event_id != ${quoteString(event.event_id)}`,
    );
    expect(counts).toEqual({ n: '1201', ids: '1201', arrows: '1201' });
  });
});
