// Writes classified rows to <db>.events (TabSeparated) and marks their minutes for a rollup build.
// Counting once does not depend on this module: events is a ReplacingMergeTree on (hour, event_id) and
// rollups are built from one row per event_id (docs/storage.md). The sink only keeps physical copies
// rare: repeats within a batch are dropped (the first copy stands) and every id of a batch is looked up
// first, since another instance or an earlier run may have written it; a batch ClickHouse can never
// accept is split until the offending rows are isolated.
import type { SqlRunner } from './sql-runner.js';
import type { SinkResult } from './deliver-batch.js';
import { errorCode, errorMessage } from './errors.js';
import type { EventRow } from './event-row.js';
import type { PendingRow } from './prepare-batch.js';
import { quoteString } from './sql-escape.js';
import { encodeTsv } from './tsv.js';
import { eventColumns } from '../schemas/clickhouse/events-table.js';
import { markMinutesSql } from '../schemas/clickhouse/rollups.js';

/** Ids per existence query; 500 ids of at most 256 characters stay under max_query_size (256 KiB) on every version. */
const LOOKUP_CHUNK = 500;
const columnNames = eventColumns.map(([name]) => name);

export function createEventSink(runner: SqlRunner, db: string) {
  const table = `${db}.events`;

  async function storedIds(rows: ReadonlyArray<EventRow>): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const chunks: Array<ReadonlyArray<EventRow>> = [];
    for (let i = 0; i < rows.length; i += LOOKUP_CHUNK) chunks.push(rows.slice(i, i + LOOKUP_CHUNK));
    // No ts bound: a copy with another ts (a replayed file, a clock-skewed retry) is still the same event.
    const answers = await Promise.all(
      chunks.map((chunk) =>
        runner.query<{ event_id: string }>(`SELECT DISTINCT event_id FROM ${table} WHERE event_id IN (${chunk.map((r) => quoteString(String(r.event_id))).join(',')})`),
      ),
    );
    return new Set(answers.flat().map((r) => r.event_id));
  }

  async function insertIsolatingRejects<Ref>(rows: PendingRow<Ref>[], rejected: SinkResult<Ref>['rejected']): Promise<number> {
    try {
      await runner.insertText(table, columnNames, 'TabSeparated', encodeTsv(rows.map((r) => r.row), eventColumns));
      return rows.length;
    } catch (error) {
      // Only rows the server refused as data are isolated; an outage or wrong credentials fail the batch.
      if (errorCode(error) !== 'CH_REJECTED_DATA') throw error;
      if (rows.length === 1) {
        rejected.push({ ref: rows[0]!.ref, detail: errorMessage(error, 1000) });
        return 0;
      }
      const middle = Math.ceil(rows.length / 2);
      return (await insertIsolatingRejects(rows.slice(0, middle), rejected)) + (await insertIsolatingRejects(rows.slice(middle), rejected));
    }
  }

  return {
    async write<Ref>(rows: ReadonlyArray<PendingRow<Ref>>): Promise<SinkResult<Ref>> {
      const firstCopies = new Map<string, PendingRow<Ref>>();
      for (const row of rows) if (!firstCopies.has(String(row.row.event_id))) firstCopies.set(String(row.row.event_id), row);
      const unique = [...firstCopies.values()];
      // Every batch is looked up: a process-local memory of written ids missed copies another instance or
      // an earlier run had written (fault 8's late copies), and a retried insert may have landed.
      const stored = await storedIds(unique.map((r) => r.row));
      const fresh = stored.size > 0 ? unique.filter((r) => !stored.has(String(r.row.event_id))) : unique;
      const rejected: SinkResult<Ref>['rejected'] = [];
      const inserted = fresh.length > 0 ? await insertIsolatingRejects(fresh, rejected) : 0;
      // After the rows are acknowledged and before the offsets are committed: a crash in between re-reads
      // the batch, which marks the minutes again.
      const minutes = new Set<number>();
      for (const { row } of rows) minutes.add(Math.floor(Number(row.ts) / 60) * 60);
      if (minutes.size > 0) await runner.command(markMinutesSql(db, [...minutes]));
      return { inserted, duplicates: rows.length - fresh.length, rejected };
    },
  };
}
