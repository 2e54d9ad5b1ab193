// Query-time correlation (docs/probe.md): failures that carry no evidence of their own (a browser's
// 1006 on wss://, never opened, no error text, no TLS facts) are attributed from evidence about the
// same target (host and port) within a window: probe events first, then any event whose classifier
// found a cause. Runs over wsdiag.events, so it does not depend on arrival order, partitions or
// instances, and a re-read event counts once (uniqExact of event_id). Used by `wsdiag retro` and by
// the "Unexplained 1006 → likely cause" panel, which embeds correlationSql with Grafana's macros.
import { quoteString } from '../../ingest/sql-escape.js';

/** Default window: evidence within 5 minutes of the failure is always found, up to 10 may be (buckets). */
export const CORRELATION_WINDOW_S = 300;

/**
 * "host:port" of a ws:// or wss:// URL, lower-cased, the scheme's default port filled in
 * (RFC 6455 §3: 80 for ws, 443 for wss). Functions 18.16 has.
 */
export function authoritySql(column = 'target_url'): string {
  const hostPort = `lower(extract(${column}, '^[A-Za-z]+://(?:[^@/?#]*@)?([^/?#]+)'))`;
  // A port is present when a ':' remains once an IPv6 literal's [...] is removed (no '$' anchor: Grafana would read it as a variable).
  const hasPort = `position(replaceRegexpOne(${hostPort}, '^\\\\[.*\\\\]', ''), ':') > 0`;
  return `if(${hasPort}, ${hostPort}, concat(${hostPort}, if(lower(substring(${column}, 1, 4)) = 'wss:', ':443', ':80')))`;
}

/**
 * No evidence of its own: never opened (outcome failed), 1006 set by the API (not read from a Close
 * frame) on wss://, no error text, no TLS fact, no HTTP status, and the classifier could only say
 * abnormal_closure or, since engine 1.5.6 (a 1006 before opening), unknown_failure. Any evidence of
 * its own means the event keeps its direct attribution.
 */
export const UNEXPLAINED_SQL = [
  "outcome = 'failed'",
  'close_code = 1006',
  'close_on_wire != 1',
  "lower(substring(target_url, 1, 4)) = 'wss:'",
  "error_name = ''",
  "error_code = ''",
  "error_message = ''",
  "close_reason = ''",
  "tls_version = ''",
  "tls_alert = ''",
  "tls_verify_code = ''",
  "cert_subject = ''",
  'toUInt32(cert_not_after) = 0',
  'chain_length <= 0',
  'empty(chain_subject)',
  'handshake_status = 0',
  "attribution = 'other'",
  "cause IN ('abnormal_closure', 'unknown_failure')",
].join(' AND ');

/**
 * Part of UNEXPLAINED_SQL, read first (PREWHERE): one number and two short strings that leave few
 * rows, so the other columns are read only in the granules that hold a candidate (on the sample
 * traffic, none: the server CPU of this filter over a day's rows is about a fifth). UNEXPLAINED_SQL
 * still holds it, so the filter is the same.
 */
export const UNEXPLAINED_PREWHERE_SQL = "close_code = 1006 AND outcome = 'failed' AND cause IN ('abnormal_closure', 'unknown_failure')";

/**
 * Evidence: a failure whose classifier found a specific cause. Excluded: the catch-alls, and a
 * missing extension, which fails only the client that required it (a browser requires none).
 */
export const EVIDENCE_SQL = "attribution IN ('1010', '1015', 'other') AND cause NOT IN ('abnormal_closure', 'unknown_failure', 'extension_not_negotiated')";

/** Correlated confidence: the evidence's own, scaled down (a probe sees the same server; others may not), never above 0.7. */
export const PROBE_FACTOR = 0.7;
export const OTHER_SOURCE_FACTOR = 0.6;

export interface CorrelationQuery {
  db: string;
  /** SQL DateTime expressions: toDateTime(<epoch s>) from the retro, $__fromTime / $__toTime in the panel. */
  from: string;
  to: string;
  /** The failures' time filter on ts: from ≤ ts < to in the retro, $__timeFilter(ts) in the panel. */
  timeFilter: string;
  windowS: number;
  /** Extra filter on the unexplained events (service, region), already safe SQL. */
  unexplainedFilter?: string;
}

// Ranking of candidate evidence for one target and bucket: probe first, then the same bucket over a
// neighbour, then the more confident, then the latest. ts < 1e10 keeps the digits apart.
const score = "(source_kind = 'probe') * 10000000000000 + (shift = 0) * 1000000000000 + toUInt64(round(confidence * 99)) * 10000000000 + toUInt32(seen_last)";

/** Grafana's date units read milliseconds: a panel shows `*_ms` columns; the retro reads seconds. */
const timeColumn = (expression: string, name: string, ms: boolean): string => (ms ? `toUInt64(${expression}) * 1000 AS ${name}_ms` : `${expression} AS ${name}`);

export function correlationSql(q: CorrelationQuery, timesInMs = false): string {
  const w = Math.floor(q.windowS);
  if (!(w > 0)) throw new TypeError('correlation window must be a positive number of seconds');
  const bucketOf = `toDateTime(intDiv(toUInt32(ts), ${w}) * ${w})`;
  const filter = q.unexplainedFilter ? ` AND ${q.unexplainedFilter}` : '';
  const ms = timesInMs;
  // The unexplained failures: numeric columns first, strings only where those pass.
  const unexplained = `FROM ${q.db}.events
  PREWHERE ${q.timeFilter} AND ${UNEXPLAINED_PREWHERE_SQL}
  WHERE ${UNEXPLAINED_SQL}${filter}`;
  // Evidence joins only a failure whose bucket is its own or a neighbour: reading evidence in those
  // buckets alone (a filter on ts, read first) leaves the join's answer unchanged, and with no
  // unexplained failure nothing but ts is read.
  // GLOBAL: in cluster mode events is Distributed, and a plain IN over it inside a query over it is refused
  // (distributed_product_mode = 'deny'); on one server GLOBAL IN is a plain IN.
  const failureBuckets = `SELECT toUInt32(toInt64(b) + arrayJoin([-1, 0, 1])) FROM (SELECT DISTINCT intDiv(toUInt32(ts), ${w}) AS b ${unexplained})`;
  // The retro moves correlated failures out of their own cause, so it needs how many had which.
  const ownCauses = ms ? '' : ' unknown_failures,';
  return `SELECT authority, target_host, ${timeColumn('toUInt32(bucket)', 'bucket_start', ms)}, unexplained,${ownCauses} ${timeColumn('toUInt32(first_ts)', 'first_seen', ms)}, ${timeColumn('toUInt32(last_ts)', 'last_seen', ms)}, services,
  tupleElement(best, 1) AS attribution, tupleElement(best, 2) AS cause,
  tupleElement(best, 3) AS evidence_source_kind, tupleElement(best, 4) AS evidence_service,
  tupleElement(best, 5) AS evidence_events, ${timeColumn('tupleElement(best, 6)', 'evidence_last_seen', ms)},
  round(tupleElement(best, 7) * if(tupleElement(best, 3) = 'probe', ${PROBE_FACTOR}, ${OTHER_SOURCE_FACTOR}), 2) AS confidence
FROM (
  SELECT ${authoritySql()} AS authority, ${bucketOf} AS bucket, any(target_host) AS target_host,
    uniqExact(event_id) AS unexplained, uniqExactIf(event_id, cause = 'unknown_failure') AS unknown_failures, min(ts) AS first_ts, max(ts) AS last_ts, arraySort(groupUniqArray(service)) AS services
  ${unexplained}
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
      PREWHERE ts >= ${q.from} - ${w} AND ts < ${q.to} + ${w} AND intDiv(toUInt32(ts), ${w}) GLOBAL IN (${failureBuckets})
      WHERE ${EVIDENCE_SQL}
      GROUP BY authority, e_bucket, attribution, cause, source_kind, service
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
    timeFilter: `ts >= toDateTime(${fromS}) AND ts < toDateTime(${toS})`,
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
  return `${correlationSql({ db, from: '$__fromTime', to: '$__toTime', timeFilter: '$__timeFilter(ts)', windowS, unexplainedFilter: filter }, true)}\nLIMIT 200`;
}
