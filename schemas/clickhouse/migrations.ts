// Every statement `wsdiag migrate` runs, in order. Each is idempotent (IF NOT EXISTS), so migrate
// can run on every start and on both engines.
import type { Capabilities } from './capabilities.js';
import { createEventsTable } from './events-table.js';
import { rollupStatements } from './rollups.js';

export interface MigrationOptions {
  db: string;
  retentionDays: number;
}

export function migrationStatements(caps: Capabilities, { db, retentionDays }: MigrationOptions): string[] {
  return [`CREATE DATABASE IF NOT EXISTS ${db}`, createEventsTable(db, caps, retentionDays), ...rollupStatements(db, caps)];
}
