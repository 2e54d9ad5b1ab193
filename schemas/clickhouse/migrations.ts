// Every statement `wsdiag migrate` runs, in order. Each is idempotent (IF NOT EXISTS), so migrate
// can run on every start and on both engines.
import type { Capabilities } from './capabilities.js';
import { createEventsTable } from './events-table.js';
import { eventIdsStatements } from './event-ids.js';
import { rollupStatements } from './rollups.js';
import { quoteString } from '../../ingest/sql-escape.js';

export interface MigrationOptions {
  db: string;
  retentionDays: number;
  /** When set and the server manages users in SQL, (re)creates the read-only user Grafana uses. */
  readerPassword?: string;
}

export const READER_USER = 'wsdiag_reader';

/** Read-only access to the wsdiag database, for dashboards and alerting (never `default`). */
function readerStatements(db: string, caps: Capabilities, password: string | undefined): string[] {
  if (!caps.accessControl || !password) return [];
  return [
    `CREATE USER IF NOT EXISTS ${READER_USER} IDENTIFIED WITH sha256_password BY ${quoteString(password)} SETTINGS readonly = 2`,
    `ALTER USER ${READER_USER} IDENTIFIED WITH sha256_password BY ${quoteString(password)}`,
    `GRANT SELECT ON ${db}.* TO ${READER_USER}`,
  ];
}

export function migrationStatements(caps: Capabilities, { db, retentionDays, readerPassword }: MigrationOptions): string[] {
  return [
    `CREATE DATABASE IF NOT EXISTS ${db}`,
    createEventsTable(db, caps, retentionDays),
    ...eventIdsStatements(db, caps, retentionDays),
    ...rollupStatements(db, caps),
    ...readerStatements(db, caps, readerPassword),
  ];
}
