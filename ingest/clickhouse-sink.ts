// Writes classified rows to wsdiag.events so that a re-delivered record never counts twice:
// repeats inside the batch and event_ids already stored are dropped (the first copy stands),
// and a batch ClickHouse can never accept is split until the offending rows are isolated.
import type { SqlRunner } from './sql-runner.js';
import type { EventRow } from './event-row.js';
import type { SinkResult } from './deliver-batch.js';
import { errorCode, errorMessage } from './errors.js';
import type { PendingRow } from './prepare-batch.js';
import { quoteString } from './sql-escape.js';

/** Ids per existence query; 500 ids of at most 256 characters stay under max_query_size (256 KiB) on every version. */
const LOOKUP_CHUNK = 500;

export function createEventSink(runner: SqlRunner, db: string) {
  const table = `${db}.events`;

  async function storedIds(rows: ReadonlyArray<EventRow>): Promise<Set<string>> {
    const chunks: Array<ReadonlyArray<EventRow>> = [];
    for (let i = 0; i < rows.length; i += LOOKUP_CHUNK) chunks.push(rows.slice(i, i + LOOKUP_CHUNK));
    // No ts bound: a copy with another ts (a replayed file, a clock-skewed retry) is still the same
    // event. The (hour, event_id) key still prunes: within one hour's marks event_id is sorted.
    const answers = await Promise.all(
      chunks.map((chunk) =>
        runner.query<{ event_id: string }>(`SELECT DISTINCT event_id FROM ${table} WHERE event_id IN (${chunk.map((r) => quoteString(String(r.event_id))).join(',')})`),
      ),
    );
    return new Set(answers.flat().map((r) => r.event_id));
  }

  async function insertIsolatingRejects<Ref>(rows: PendingRow<Ref>[], rejected: SinkResult<Ref>['rejected']): Promise<number> {
    try {
      await runner.insert(table, rows.map((r) => r.row));
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
      const stored = unique.length > 0 ? await storedIds(unique.map((r) => r.row)) : new Set<string>();
      const fresh = unique.filter((r) => !stored.has(String(r.row.event_id)));
      const rejected: SinkResult<Ref>['rejected'] = [];
      const inserted = fresh.length > 0 ? await insertIsolatingRejects(fresh, rejected) : 0;
      return { inserted, duplicates: rows.length - fresh.length, rejected };
    },
  };
}
