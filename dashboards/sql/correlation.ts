// Query-time correlation (docs/probe.md): failures that carry no evidence of their own (a browser's
// 1006 on wss://, never opened, no error text, no TLS facts) are attributed from evidence about the
// same target (host and port) within a window: probe events first, then any event whose classifier
// found a cause. Reads the two correlation rollups (rollup_unexplained_minute, rollup_evidence_minute:
// schemas/clickhouse/rollups.ts), which count each event once like every rollup, so it does not depend
// on arrival order, partitions, instances or the window's length. Used by `wsdiag retro` and by the
// "Unexplained 1006 → likely cause" panel, which embeds correlationSql with Grafana's macros.
import { quoteString } from '../../ingest/sql-escape.js';
import { bestPerBucketSql, EVIDENCE_BEST_TABLE, EVIDENCE_BUCKET_S, evidenceGroupsSql, rankSql } from '../../schemas/clickhouse/evidence-best.js';

/** Default window: evidence within 5 minutes of the failure is always found, up to 10 may be (buckets). */
export const CORRELATION_WINDOW_S = 300;

export { authoritySql, EVIDENCE_SQL, UNEXPLAINED_PREWHERE_SQL, UNEXPLAINED_SQL } from '../../schemas/clickhouse/correlation-rules.js';

/** Correlated confidence: the evidence's own, scaled down (a probe sees the same server; others may not), never above 0.7. */
export const PROBE_FACTOR = 0.7;
export const OTHER_SOURCE_FACTOR = 0.6;

export interface CorrelationQuery {
  db: string;
  /** SQL DateTime expressions: toDateTime(<epoch s>) from the retro, $__fromTime / $__toTime in the panel. */
  from: string;
  to: string;
  /** The failures' time filter on `minute`: from ≤ minute < to in the retro, $__timeFilter(minute) in the panel. */
  timeFilter: string;
  /** Bucket width in seconds, a whole number of minutes (buckets are made of the rollups' minutes). */
  windowS: number;
  /** Extra filter on the unexplained failures (service, region), already safe SQL. */
  unexplainedFilter?: string;
}

/** Grafana's date units read milliseconds: a panel shows `*_ms` columns; the retro reads seconds. */
const timeColumn = (expression: string, name: string, ms: boolean): string => (ms ? `toUInt64(${expression}) * 1000 AS ${name}_ms` : `${expression} AS ${name}`);

export function correlationSql(q: CorrelationQuery, timesInMs = false): string {
  const w = Math.floor(q.windowS);
  if (!(w > 0) || w % 60 !== 0) throw new TypeError('correlation window must be a positive whole number of minutes (in seconds)');
  const bucketOf = `toDateTime(intDiv(toUInt32(minute), ${w}) * ${w})`;
  const filter = q.unexplainedFilter ? ` AND ${q.unexplainedFilter}` : '';
  const ms = timesInMs;
  // Filters on key columns only (time, service, region), so FINAL keeps the newest build of each group.
  const unexplained = `FROM ${q.db}.rollup_unexplained_minute FINAL
  WHERE ${q.timeFilter}${filter}`;
  // Evidence joins only a failure whose bucket is its own or a neighbour: reading the evidence of those
  // buckets' minutes alone leaves the join's answer unchanged. The minutes are read first (PREWHERE),
  // the other columns only in granules that hold one (18.16 narrows no key range by a GLOBAL IN set,
  // and a WHERE would read every column of the range for FINAL). A filter on `minute`, a key column,
  // keeps or drops every version of a group together, so FINAL after it keeps the same newest rows.
  // GLOBAL: in cluster mode the rollups are Distributed, and a plain IN over one inside a query over
  // another is refused (distributed_product_mode = 'deny'); on one server GLOBAL IN is a plain IN.
  const failureMinutes = `SELECT toDateTime((toInt64(b) - 1) * ${w} + 60 * arrayJoin(range(${(3 * w) / 60}))) FROM (SELECT DISTINCT intDiv(toUInt32(minute), ${w}) AS b ${unexplained})`;
  const evidenceWindow = `minute >= ${q.from} - ${w} AND minute < ${q.to} + ${w} AND minute GLOBAL IN (${failureMinutes})`;
  // Whole hours of [from, to) read each bucket's best evidence from rollup_evidence_best (built by the
  // hour builds, one row per target and bucket); the minutes outside them, and any other bucket width,
  // read the evidence minutes. The best of each bucket is taken first (rankSql), then the neighbours
  // (shift) are compared: every candidate of a bucket has the same shift, so only that bucket's best
  // can win, and the answer is the one of ranking all candidates at once (docs/storage.md).
  const whole = w === EVIDENCE_BUCKET_S;
  const [h0, h1] = [`toDateTime(intDiv(toUInt32(${q.from}) + 3599, 3600) * 3600)`, `toDateTime(intDiv(toUInt32(${q.to}), 3600) * 3600)`];
  const fromMinutes = bestPerBucketSql(evidenceGroupsSql(`${q.db}.rollup_evidence_minute`, `PREWHERE ${evidenceWindow}${whole ? ` AND (minute < ${h0} OR minute >= ${h1})` : ''}`, w));
  const failureBuckets = `SELECT toDateTime((toInt64(b) + arrayJoin([-1, 0, 1])) * ${w}) FROM (SELECT DISTINCT intDiv(toUInt32(minute), ${w}) AS b ${unexplained})`;
  const fromBest = `SELECT authority, bucket AS e_bucket, tuple(attribution, cause, source_kind, service, events, toUInt32(last_seen), confidence) AS top, ${rankSql('source_kind', 'confidence', 'last_seen')} AS top_rank
    FROM ${q.db}.${EVIDENCE_BEST_TABLE} FINAL
    PREWHERE bucket >= ${h0} AND bucket < ${h1} AND bucket GLOBAL IN (${failureBuckets})`;
  // The retro moves correlated failures out of their own cause, so it needs how many had which.
  const ownCauses = ms ? '' : ' unknown_failures,';
  // Aliases differ from the columns they read: 18.16 rejects `sum(events) AS events` next to other aggregates.
  return `SELECT authority, target_host, ${timeColumn('toUInt32(bucket)', 'bucket_start', ms)}, unexplained,${ownCauses} ${timeColumn('toUInt32(first_ts)', 'first_seen', ms)}, ${timeColumn('toUInt32(last_ts)', 'last_seen', ms)}, services,
  tupleElement(best, 1) AS attribution, tupleElement(best, 2) AS cause,
  tupleElement(best, 3) AS evidence_source_kind, tupleElement(best, 4) AS evidence_service,
  tupleElement(best, 5) AS evidence_events, ${timeColumn('tupleElement(best, 6)', 'evidence_last_seen', ms)},
  round(tupleElement(best, 7) * if(tupleElement(best, 3) = 'probe', ${PROBE_FACTOR}, ${OTHER_SOURCE_FACTOR}), 2) AS confidence
FROM (
  SELECT authority, ${bucketOf} AS bucket, min(target_host) AS target_host,
    sum(events) AS unexplained, sumIf(events, cause = 'unknown_failure') AS unknown_failures, min(first_seen) AS first_ts, max(last_seen) AS last_ts, arraySort(groupUniqArray(service)) AS services
  ${unexplained}
  GROUP BY authority, bucket
) AS failures ANY LEFT JOIN (
  SELECT authority, bucket, argMax(top, top_rank + (shift = 0) * 1000000000000) AS best
  FROM (
    SELECT authority, top, top_rank, arrayJoin([-1, 0, 1]) AS shift, e_bucket + shift * ${w} AS bucket
    FROM (
    ${whole ? `${fromMinutes}
    UNION ALL
    ${fromBest}` : fromMinutes}
    )
  )
  GROUP BY authority, bucket
) AS evidence USING (authority, bucket)
ORDER BY authority, ${ms ? 'bucket_start_ms' : 'bucket_start'}`;
}

/** The retro's correlation query for a validated window (epoch seconds) and optional service. */
export function retroCorrelationSql(db: string, fromS: number, toS: number, service?: string, windowS = CORRELATION_WINDOW_S): string {
  return correlationSql({
    db,
    from: `toDateTime(${fromS})`,
    to: `toDateTime(${toS})`,
    timeFilter: `minute >= toDateTime(${fromS}) AND minute < toDateTime(${toS})`,
    windowS,
    ...(service !== undefined ? { unexplainedFilter: `service = ${quoteString(service)}` } : {}),
  });
}

export interface CorrelationRow {
  authority: string;
  target_host: string;
  bucket_start: number;
  unexplained: string | number;
  /** Of the unexplained, those the engine called unknown_failure (the rest: abnormal_closure). */
  unknown_failures: string | number;
  first_seen: number;
  last_seen: number;
  services: string[];
  /** '' when no evidence was found: the failures stay unexplained. */
  attribution: string;
  cause: string;
  evidence_source_kind: string;
  evidence_service: string;
  evidence_events: string | number;
  evidence_last_seen: number;
  confidence: number;
}

/** The "Unexplained 1006 → likely cause" panel: Grafana's time range and the dashboard's filters. */
export function correlationPanelSql(db: string, filter: string, windowS = CORRELATION_WINDOW_S): string {
  return `${correlationSql({ db, from: '$__fromTime', to: '$__toTime', timeFilter: '$__timeFilter(minute)', windowS, unexplainedFilter: filter }, true)}\nLIMIT 200`;
}
