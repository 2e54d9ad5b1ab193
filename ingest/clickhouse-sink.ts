// Writes classified rows to <db>.events (TabSeparated), their ids to <db>.event_ids, and marks their
// minutes for a rollup build. Counting once does not depend on this module: events is a ReplacingMergeTree
// on (hour, event_id) and rollups are built from one row per event_id (docs/storage.md). The sink only
// keeps physical copies rare: repeats within a batch are dropped (the first copy stands) and every id of
// a batch is looked up first, since another instance or an earlier run may have written it; a batch
// ClickHouse can never accept is split until the offending rows are isolated. The look-up reads
// event_ids, sorted by time, for the seconds the batch covers; a retried write, whose failed attempt may
// have stored rows without their ids, reads events itself for the batch's hours. A batch's look-up may
// start early (`lookAhead`, while the batch before it is still being inserted); what that batch stored
// meanwhile is then taken from this process's memory of it, so the answer is the one a look-up after
// that insert would give.
import type { SqlRunner } from './sql-runner.js';
import type { SinkResult } from './deliver-batch.js';
import { errorCode, errorMessage } from './errors.js';
import type { PendingRow } from './prepare-batch.js';
import { quoteString } from './sql-escape.js';
import { eventColumns } from '../schemas/clickhouse/events-table.js';
import { markMinutesSql } from '../schemas/clickhouse/rollups.js';
import { EVENT_IDS_TABLE, secondRanges, timeCondition } from '../schemas/clickhouse/event-ids.js';
import { tsvLineEncoder } from './tsv.js';

/** SQL text per existence query: under max_query_size (256 KiB) on every version, whatever the ids' lengths. */
const LOOKUP_QUERY_CHARS = 240_000;
/** Lines per chunk of an insert body: the body streams in pieces instead of one large buffer. */
const BODY_CHUNK_LINES = 500;
const columnNames = eventColumns.map(([name]) => name);
/** Writes whose stored ids are remembered for look-ups that started while they ran. */
const REMEMBERED_WRITES = 4;
const idColumns = [['ts', 'DateTime'], ['event_id', 'String']] as const;
const idLine = tsvLineEncoder(idColumns);

interface EarlyLookup {
  unique: ReadonlyArray<PendingRow<unknown>>;
  /** Writes completed when the look-up was sent: their rows are in its answer. */
  writesBefore: number;
  stored: Promise<Set<string> | undefined>;
}

/**
 * The batch's times as closed ranges, one per UTC hour it touches: the look-up in events (a retried
 * write), which ClickHouse narrows to the hours of its sorting key (toStartOfHour(ts), event_id).
 */
function hourRanges(rows: ReadonlyArray<PendingRow<unknown>>): Array<[number, number]> {
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
  const idTable = `${db}.${EVENT_IDS_TABLE}`;
  /** Batches written at least once: a later write of the same rows is a retry. */
  const attempted = new WeakSet<object>();
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
    if (!lookup || !answer) return storedIds(unique, 'event_ids');
    for (const { write, ids } of recent) {
      if (write <= lookup.writesBefore) continue;
      for (const { eventId } of unique) if (ids.has(eventId)) answer.add(eventId);
    }
    return answer;
  }

  /**
   * The rows' ids found stored. In event_ids (the default) the look-up reads the batch's seconds; in
   * events (a retry) every row of the batch's hours.
   */
  async function storedIds(rows: ReadonlyArray<PendingRow<unknown>>, from: 'event_ids' | 'events'): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const when = from === 'events' ? timeCondition(hourRanges(rows)) : timeCondition(secondRanges(rows.map((r) => r.ts)));
    // The ids as one array literal read by a subquery, not an IN list: ClickHouse turns an IN list into
    // a set literal by literal (a 5 000-id look-up took ~40 ms of server CPU, the array ~11 ms on 18.16).
    const select = `SELECT DISTINCT event_id FROM ${from === 'events' ? table : idTable} WHERE (${when}) AND event_id IN (SELECT arrayJoin([`;
    const close = '])';
    // As few queries as fit: each one reads the hours' ids once, however many ids it asks about.
    const queries: string[] = [];
    let ids: string[] = [];
    let chars = select.length + close.length;
    for (const { eventId } of rows) {
      const quoted = quoteString(eventId);
      if (ids.length > 0 && chars + quoted.length + 2 > LOOKUP_QUERY_CHARS) {
        queries.push(`${select}${ids.join(',')}${close})`);
        ids = [];
        chars = select.length + close.length;
      }
      ids.push(quoted);
      chars += quoted.length + 1;
    }
    queries.push(`${select}${ids.join(',')}${close})`);
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
      early.set(rows, { unique, writesBefore: writesDone, stored: storedIds(unique, 'event_ids').catch(() => undefined) });
    },

    async write<Ref>(rows: ReadonlyArray<PendingRow<Ref>>): Promise<SinkResult<Ref>> {
      const lookup = early.get(rows);
      early.delete(rows);
      const retry = attempted.has(rows);
      attempted.add(rows);
      const unique = (lookup?.unique as ReadonlyArray<PendingRow<Ref>> | undefined) ?? uniqueRows(rows);
      // Every batch is looked up: a process-local memory of written ids missed copies another instance or
      // an earlier run had written (fault 8's late copies). A failed attempt may have stored rows whose
      // ids never reached event_ids: a retry asks events itself.
      const stored = retry ? await storedIds(unique, 'events') : await storedNow(lookup, unique);
      const fresh = stored.size > 0 ? unique.filter((r) => !stored.has(r.eventId)) : [...unique];
      const rejected: SinkResult<Ref>['rejected'] = [];
      const rejectedIds = new Set<string>();
      const inserted = fresh.length > 0 ? await insertIsolatingRejects(fresh, rejected, rejectedIds) : 0;
      // After the rows are acknowledged and before the offsets are committed (a crash in between re-reads
      // the batch): their ids go to event_ids, and their minutes are marked. On a retry the ids found
      // stored go too, since the failed attempt may have stored them without their ids.
      const idsOf = unique.filter((r) => !rejectedIds.has(r.eventId) && (retry || !stored.has(r.eventId)));
      const minutes = new Set<number>();
      for (const { ts } of rows) minutes.add(Math.floor(ts / 60) * 60);
      await Promise.all([
        idsOf.length > 0 ? runner.insertText(idTable, ['ts', 'event_id'], 'TabSeparated', idsBody(idsOf)) : undefined,
        minutes.size > 0 ? runner.command(markMinutesSql(db, [...minutes])) : undefined,
      ]);
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

/** The rows' (ts, event_id) as a TabSeparated body for event_ids. */
function idsBody(rows: ReadonlyArray<PendingRow<unknown>>): string {
  let body = '';
  for (const { ts, eventId } of rows) body += `${idLine({ ts, event_id: eventId })}\n`;
  return body;
}

/** The rows' lines as a TabSeparated body in chunks of BODY_CHUNK_LINES lines. */
function bodyOf(rows: ReadonlyArray<PendingRow<unknown>>): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0; i < rows.length; i += BODY_CHUNK_LINES) chunks.push(Buffer.concat(rows.slice(i, i + BODY_CHUNK_LINES).map((r) => r.tsv)));
  return chunks;
}
