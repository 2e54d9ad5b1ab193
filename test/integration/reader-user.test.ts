// The read-only user dashboards use: it can read the wsdiag database and can change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClickHouseRunner } from '../../ingest/clickhouse-client.js';
import { migrate } from '../../ingest/migrate.js';
import { READER_USER } from '../../schemas/clickhouse/migrations.js';
import { servicesConfig } from '../support/services.js';

const url = servicesConfig().clickhouseUrl;
const admin = createClickHouseRunner({ url, username: 'default', password: '', requestTimeoutMs: 30_000 });
// Local development password of the users.xml template (scripts/clickhouse/users.xml).
const reader = createClickHouseRunner({ url, username: READER_USER, password: process.env.WSDIAG_READER_PASSWORD ?? 'wsdiag_reader', requestTimeoutMs: 30_000 });

beforeAll(async () => {
  await migrate(admin, { db: 'wsdiag', retentionDays: 0 });
});
afterAll(async () => Promise.all([admin.close(), reader.close()]));

describe('wsdiag_reader', () => {
  it('reads the wsdiag tables', async () => {
    const rows = await reader.query<{ n: string }>('SELECT count() AS n FROM wsdiag.events');
    expect(Number(rows[0]!.n)).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['insert', () => reader.insert('wsdiag.events', [{ event_id: 'x' }])],
    ['drop', () => reader.command('DROP TABLE wsdiag.events')],
    ['create', () => reader.command('CREATE DATABASE wsdiag_reader_attempt')],
  ])('is refused: %s', async (_label, attempt) => {
    await expect(attempt()).rejects.toThrow(/readonly|Not enough privileges|ACCESS_DENIED/i);
  });
});
