// Writes classified rows to <db>.events (TabSeparated) and marks their minutes for a rollup build.
// Counting once does not depend on this module: events is a ReplacingMergeTree on (hour, event_id) and
// rollups are built from one row per event_id (docs/storage.md). The sink only keeps physical copies
// rare: repeats within a batch are dropped (the first copy stands) and every id of a batch is looked up
// first, since another instance or an earlier run may have written it; a batch ClickHouse can never
// accept is split until the offending rows are isolated. A batch's look-up may start early (`lookAhead`,
// while the batch before it is still being inserted); what that batch stored meanwhile is then taken
// from this process's memory of it, so the answer is the one a look-up after that insert would give.
import type { SqlRunner } from './sql-runner.js';
import type { SinkResult } from './deliver-batch.js';
import { errorCode, errorMessage } from './errors.js';
import type { PendingRow } from './prepare-batch.js';
import { quoteString } from './sql-escape.js';
import { eventColumns } from '../schemas/clickhouse/events-table.js';
import { markMinutesSql } from '../schemas/clickhouse/rollups.js';

/** SQL text per existence query: under max_query_size (256 KiB) on every version, whatever the ids' lengths. */
const LOOKUP_QUERY_CHARS = 240_000;
/** Lines per chunk of an insert body: the body streams in pieces instead of one large string. */
const BODY_CHUNK_LINES = 500;
const columnNames = eventColumns.map(([name]) => name);
/** Writes whose stored ids are remembered for look-ups that started while they ran. */
const REMEMBERED_WRITES = 4;

interface EarlyLookup {
  unique: ReadonlyArray<PendingRow<unknown>>;
  /** Writes completed when the look-up was sent: their rows are in its answer. */
  writesBefore: number;
  stored: Promise<Set<string> | undefined>;
}

/**
 * The batch's times as closed ranges, one per UTC hour it touches. A copy of an event carries the
 * event's bytes, hence its ts (re-reads, producer retries): the look-up reads only those times, which
 * ClickHouse narrows to the hours of the sorting key instead of every hour of the table.
 */
function timeRanges(rows: ReadonlyArray<PendingRow<unknown>>): Array<[number, number]> {
  const byHour = new Map<number, [number, number]>();
  for (const { ts } of rows) {
    const hour = Math.floor(ts / 3600);
    const range = byHour.get(hour);
    if (!range) byHour.set(hour, [ts, ts]);
    else if (ts < range[0]) range[0] = ts;
    else if (ts > range[1]) range[1] = ts;
  }
  return [...byHour.values()];
}

export function createEventSink(runner: SqlRunner, db: string) {
  const table = `${db}.events`;
  let writesDone = 0;
  /** Per completed write (the last REMEMBERED_WRITES), its ids now stored: looked up as stored, or inserted. */
  const recent: Array<{ write: number; ids: Set<string> }> = [];
  const early = new WeakMap<object, EarlyLookup>();

  /**
   * The batch's ids as stored now: from its early look-up when there was one (ids that writes completed
   * since then stored are added from memory), else looked up now. An early answer is used once, for the
   * first attempt: a retried write looks up again (its failed attempt may have landed rows).
   */
  async function storedNow(lookup: EarlyLookup | undefined, unique: ReadonlyArray<PendingRow<unknown>>): Promise<Set<string>> {
    const answer = lookup && writesDone - lookup.writesBefore <= recent.length ? await lookup.stored : undefined;
    if (!lookup || !answer) return storedIds(unique);
    for (const { write, ids } of recent) {
      if (write <= lookup.writesBefore) continue;
      for (const { eventId } of unique) if (ids.has(eventId)) answer.add(eventId);
    }
    return answer;
  }

  async function storedIds(rows: ReadonlyArray<PendingRow<unknown>>): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const when = timeRanges(rows)
      .map(([from, to]) => `ts BETWEEN toDateTime(${from}) AND toDateTime(${to})`)
      .join(' OR ');
    const select = `SELECT DISTINCT event_id FROM ${table} WHERE (${when}) AND event_id IN (`;
    // As few queries as fit: each one reads the hours' ids once, however many ids it asks about.
    const queries: string[] = [];
    let ids: string[] = [];
    let chars = select.length;
    for (const { eventId } of rows) {
      const quoted = quoteString(eventId);
      if (ids.length > 0 && chars + quoted.length + 2 > LOOKUP_QUERY_CHARS) {
        queries.push(`${select}${ids.join(',')})`);
        ids = [];
        chars = select.length;
      }
      ids.push(quoted);
      chars += quoted.length + 1;
    }
    queries.push(`${select}${ids.join(',')})`);
    const answers = await Promise.all(queries.map((sql) => runner.query<{ event_id: string }>(sql)));
    return new Set(answers.flat().map((r) => r.event_id));
  }

  async function insertIsolatingRejects<Ref>(rows: PendingRow<Ref>[], rejected: SinkResult<Ref>['rejected'], rejectedIds: Set<string>): Promise<number> {
    try {
      await runner.insertText(table, columnNames, 'TabSeparated', bodyOf(rows));
      return rows.length;
    } catch (error) {
      // Only rows the server refused as data are isolated; an outage or wrong credentials fail the batch.
      if (errorCode(error) !== 'CH_REJECTED_DATA') throw error;
      if (rows.length === 1) {
        rejected.push({ ref: rows[0]!.ref, detail: errorMessage(error, 1000) });
        rejectedIds.add(rows[0]!.eventId);
        return 0;
      }
      const middle = Math.ceil(rows.length / 2);
      return (await insertIsolatingRejects(rows.slice(0, middle), rejected, rejectedIds)) + (await insertIsolatingRejects(rows.slice(middle), rejected, rejectedIds));
    }
  }

  return {
    /**
     * Starts the look-up of a batch that will be written next, so that it overlaps the write in flight.
     * Optional for callers: `write` looks up by itself when no early look-up was started.
     */
    lookAhead(rows: ReadonlyArray<PendingRow<unknown>>): void {
      if (rows.length === 0) return;
      const unique = uniqueRows(rows);
      early.set(rows, { unique, writesBefore: writesDone, stored: storedIds(unique).catch(() => undefined) });
    },

    async write<Ref>(rows: ReadonlyArray<PendingRow<Ref>>): Promise<SinkResult<Ref>> {
      const lookup = early.get(rows);
      early.delete(rows);
      const unique = (lookup?.unique as ReadonlyArray<PendingRow<Ref>> | undefined) ?? uniqueRows(rows);
      // Every batch is looked up: a process-local memory of written ids missed copies another instance or
      // an earlier run had written (fault 8's late copies), and a retried insert may have landed.
      const stored = await storedNow(lookup, unique);
      const fresh = stored.size > 0 ? unique.filter((r) => !stored.has(r.eventId)) : [...unique];
      const rejected: SinkResult<Ref>['rejected'] = [];
      const rejectedIds = new Set<string>();
      const inserted = fresh.length > 0 ? await insertIsolatingRejects(fresh, rejected, rejectedIds) : 0;
      // After the rows are acknowledged and before the offsets are committed: a crash in between re-reads
      // the batch, which marks the minutes again.
      const minutes = new Set<number>();
      for (const { ts } of rows) minutes.add(Math.floor(ts / 60) * 60);
      if (minutes.size > 0) await runner.command(markMinutesSql(db, [...minutes]));
      recent.push({ write: ++writesDone, ids: new Set(unique.filter((r) => !rejectedIds.has(r.eventId)).map((r) => r.eventId)) });
      if (recent.length > REMEMBERED_WRITES) recent.shift();
      return { inserted, duplicates: rows.length - fresh.length, rejected };
    },
  };
}

/** The first row of each event_id: repeats within a batch are dropped, the first copy stands. */
function uniqueRows<Ref>(rows: ReadonlyArray<PendingRow<Ref>>): Array<PendingRow<Ref>> {
  const firstCopies = new Map<string, PendingRow<Ref>>();
  for (const row of rows) if (!firstCopies.has(row.eventId)) firstCopies.set(row.eventId, row);
  return [...firstCopies.values()];
}

/** The rows' lines as a TabSeparated body in chunks of BODY_CHUNK_LINES lines. */
function bodyOf(rows: ReadonlyArray<PendingRow<unknown>>): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < rows.length; i += BODY_CHUNK_LINES) {
    let chunk = '';
    for (let j = i; j < Math.min(rows.length, i + BODY_CHUNK_LINES); j++) chunk += `${rows[j]!.line}\n`;
    chunks.push(chunk);
  }
  return chunks;
}
