// DDL and reads of <db>.event_ids: the (ts, event_id) of every event stored in <db>.events, sorted by
// time first, so the sink's existence check reads only the seconds a batch covers instead of every row
// of its hours (docs/storage.md, "The existence check"). Since 0.3; filled by the sink after each insert
// and, once, from the events a database already holds (`backfillEventIdsSql`).
import type { Capabilities } from './capabilities.js';

export const EVENT_IDS_TABLE = 'event_ids';
/** The one-off steps `wsdiag migrate` has finished, so an interrupted one is run again. */
export const MIGRATION_STEPS_TABLE = 'migration_steps';
export const BACKFILL_EVENT_IDS_STEP = 'event_ids_backfill';

/** At most this many time ranges per look-up: nearby ones are merged beyond it (each range is one OR term). */
export const MAX_LOOKUP_RANGES = 64;

export function eventIdsStatements(db: string, caps: Capabilities, retentionDays: number): string[] {
  const ttl = caps.ttl && retentionDays > 0 ? `\nTTL ts + INTERVAL ${Math.floor(retentionDays)} DAY` : '';
  return [
    // ts leads the key: a batch's seconds are a few ranges of the index. event_id follows, so copies
    // (an id the sink wrote twice after a crash) collapse on merge as in events. Granules of 1 024 rows
    // (not 8 192): a look-up reads whole granules at each end of each of its ranges.
    `CREATE TABLE IF NOT EXISTS ${db}.${EVENT_IDS_TABLE} (
  ts DateTime,
  event_id String
)
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(ts)
ORDER BY (ts, event_id)${ttl}
SETTINGS index_granularity = 1024`,
    `CREATE TABLE IF NOT EXISTS ${db}.${MIGRATION_STEPS_TABLE} (
  step String,
  done_at DateTime
)
ENGINE = ReplacingMergeTree(done_at)
ORDER BY step`,
  ];
}

export function stepDoneSql(db: string, step: string): string {
  return `SELECT count() AS n FROM ${db}.${MIGRATION_STEPS_TABLE} WHERE step = '${step}'`;
}

export function recordStepSql(db: string, step: string): string {
  return `INSERT INTO ${db}.${MIGRATION_STEPS_TABLE} (step, done_at) SELECT '${step}' AS step, now() AS done_at`;
}

/**
 * The ids of events stored before event_ids existed (an upgrade from 0.2 or 0.1). Repeating it after an
 * interruption only adds copies, which the look-up reads as one (DISTINCT) and merges collapse.
 */
export function backfillEventIdsSql(db: string): string {
  return `INSERT INTO ${db}.${EVENT_IDS_TABLE} (ts, event_id) SELECT ts, event_id FROM ${db}.events`;
}

/**
 * The distinct seconds `ts` as closed ranges: runs of seconds no further apart than a gap, the gap
 * widened (1 s, 4 s, 16 s, …) until at most `maxRanges` remain. A wider gap only reads a few more rows.
 */
export function secondRanges(ts: Iterable<number>, maxRanges = MAX_LOOKUP_RANGES): Array<[number, number]> {
  const seconds = [...new Set(ts)].sort((a, b) => a - b);
  for (let gap = 1; ; gap *= 4) {
    const ranges: Array<[number, number]> = [];
    for (const s of seconds) {
      const last = ranges.at(-1);
      if (last && s - last[1] <= gap) last[1] = s;
      else ranges.push([s, s]);
    }
    if (ranges.length <= maxRanges) return ranges;
  }
}

/** `ts` within any of the ranges, as a condition ClickHouse reads as ranges of the sorting key. */
export function timeCondition(ranges: ReadonlyArray<readonly [number, number]>): string {
  return ranges.map(([from, to]) => (from === to ? `ts = toDateTime(${from})` : `ts BETWEEN toDateTime(${from}) AND toDateTime(${to})`)).join(' OR ');
}
