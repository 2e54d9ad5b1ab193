// Contract between the DDL and the server: migrate is idempotent, and the table the server holds has
// exactly the columns the pipeline writes, with types the capability probe chose.
import { afterAll, describe, expect, it } from 'vitest';
import { createClickHouseRunner } from '../../ingest/clickhouse-client.js';
import { migrate } from '../../ingest/migrate.js';
import { columnType, eventColumns } from '../../schemas/clickhouse/events-table.js';
import { servicesConfig } from '../support/services.js';

const runner = createClickHouseRunner({ url: servicesConfig().clickhouseUrl, username: 'default', password: '', requestTimeoutMs: 30_000 });
const db = `wsdiag_migrate_${Date.now()}`;

afterAll(async () => {
  await runner.command(`DROP DATABASE IF EXISTS ${db}`);
  await runner.close();
});

describe('wsdiag migrate on the local server', () => {
  it('runs twice without error and leaves the same tables', async () => {
    const first = await migrate(runner, { db, retentionDays: 30 });
    const tables = await runner.query<{ name: string }>(`SELECT name FROM system.tables WHERE database = '${db}' ORDER BY name`);
    const second = await migrate(runner, { db, retentionDays: 30 });
    expect(second.statements).toBe(first.statements);
    expect(await runner.query(`SELECT name FROM system.tables WHERE database = '${db}' ORDER BY name`)).toEqual(tables);
    expect(tables.map((t) => t.name)).toContain('events');
  });

  it('creates wsdiag.events with exactly the declared columns and types', async () => {
    const { capabilities } = await migrate(runner, { db, retentionDays: 0 });
    const columns = await runner.query<{ name: string; type: string }>(`DESCRIBE TABLE ${db}.events`);
    expect(columns.map((c) => [c.name, c.type])).toEqual(eventColumns.map(([name, type]) => [name, columnType(type, capabilities)]));
  });

  it('probes 18.16 as lacking LowCardinality (without experiments), TTL and query parameters', async () => {
    const { capabilities } = await migrate(runner, { db, retentionDays: 0 });
    if (!capabilities.version.startsWith('18.')) return;
    expect(capabilities).toMatchObject({ lowCardinality: false, ttl: false, queryParameters: false });
  });
});
