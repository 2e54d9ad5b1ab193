// The correlation as first written (0.2.0, dashboards/sql/correlation.ts at ef539f6, with the
// unexplained rule of today) over raw events: every evidence row of the range is grouped, then joined.
// Kept as the reference that the query over the correlation rollups must equal row for row. Its
// time filters are on the event's minute (`q.timeFilter` over ts, written by the caller, and the
// evidence's range), as every rollup reader reads a window.
import { authoritySql, EVIDENCE_SQL, OTHER_SOURCE_FACTOR, PROBE_FACTOR, UNEXPLAINED_SQL, type CorrelationQuery } from '../../dashboards/sql/correlation.js';

const score = "(source_kind = 'probe') * 10000000000000 + (shift = 0) * 1000000000000 + toUInt64(round(confidence * 99)) * 10000000000 + toUInt32(seen_last)";

export function referenceCorrelationSql(q: CorrelationQuery): string {
  const w = Math.floor(q.windowS);
  const bucketOf = `toDateTime(intDiv(toUInt32(ts), ${w}) * ${w})`;
  const filter = q.unexplainedFilter ? ` AND ${q.unexplainedFilter}` : '';
  return `SELECT authority, target_host, toUInt32(bucket) AS bucket_start, unexplained, unknown_failures, toUInt32(first_ts) AS first_seen, toUInt32(last_ts) AS last_seen, services,
  tupleElement(best, 1) AS attribution, tupleElement(best, 2) AS cause,
  tupleElement(best, 3) AS evidence_source_kind, tupleElement(best, 4) AS evidence_service,
  tupleElement(best, 5) AS evidence_events, tupleElement(best, 6) AS evidence_last_seen,
  round(tupleElement(best, 7) * if(tupleElement(best, 3) = 'probe', ${PROBE_FACTOR}, ${OTHER_SOURCE_FACTOR}), 2) AS confidence
FROM (
  SELECT ${authoritySql()} AS authority, ${bucketOf} AS bucket, any(target_host) AS target_host,
    uniqExact(event_id) AS unexplained, uniqExactIf(event_id, cause = 'unknown_failure') AS unknown_failures, min(ts) AS first_ts, max(ts) AS last_ts, arraySort(groupUniqArray(service)) AS services
  FROM ${q.db}.events
  WHERE ${q.timeFilter} AND ${UNEXPLAINED_SQL}${filter}
  GROUP BY authority, bucket
) AS failures ANY LEFT JOIN (
  SELECT authority, bucket, argMax(tuple(attribution, cause, source_kind, service, events, toUInt32(seen_last), confidence), ${score}) AS best
  FROM (
    SELECT authority, attribution, cause, source_kind, service, events, seen_last, confidence,
      arrayJoin([-1, 0, 1]) AS shift, e_bucket + shift * ${w} AS bucket
    FROM (
      SELECT ${authoritySql()} AS authority, ${bucketOf} AS e_bucket, attribution, cause, source_kind, service,
        uniqExact(event_id) AS events, max(ts) AS seen_last, toFloat64(max(confidence)) AS confidence
      FROM ${q.db}.events
      WHERE toStartOfMinute(ts) >= ${q.from} - ${w} AND toStartOfMinute(ts) < ${q.to} + ${w} AND ${EVIDENCE_SQL}
      GROUP BY authority, e_bucket, attribution, cause, source_kind, service
    )
  )
  GROUP BY authority, bucket
) AS evidence USING (authority, bucket)
ORDER BY authority, bucket_start`;
}
