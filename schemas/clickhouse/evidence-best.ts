// The correlation's best evidence per host:port and 5-minute bucket (since 0.3): what
// dashboards/sql/correlation.ts would pick among a bucket's evidence groups, built by the hour builds
// from rollup_evidence_minute (FINAL) for whole hours, so the correlation over a long range reads one row
// per target and bucket instead of every evidence group of every minute (docs/storage.md).
import type { Capabilities } from './capabilities.js';

export const EVIDENCE_BEST_TABLE = 'rollup_evidence_best';
/** The bucket width this table holds: the correlation's default window (a whole divisor of an hour). */
export const EVIDENCE_BUCKET_S = 300;
/** The `migration_steps` entry of its one-off build from the stored evidence rollup (since 0.3). */
export const BUILD_EVIDENCE_BEST_STEP = 'evidence_best_backfill';

/**
 * Rank of an evidence group within one target and bucket: probe first, then the more confident, then the
 * latest (ts < 1e10 keeps the digits apart). The correlation adds `(shift = 0) * 1e12` for its own
 * bucket over a neighbour's; every candidate of one bucket gets the same shift, so the best of a bucket
 * by this rank is the only one of that bucket that can win.
 */
export const rankSql = (sourceKind: string, confidence: string, lastSeen: string): string =>
  `(${sourceKind} = 'probe') * 10000000000000 + toUInt64(round(${confidence} * 99)) * 10000000000 + toUInt32(${lastSeen})`;

/** Evidence groups per target, bucket and what they say, from minute rows (FINAL): the correlation's inner step. */
export function evidenceGroupsSql(source: string, where: string, bucketS: number): string {
  return `SELECT authority, toDateTime(intDiv(toUInt32(minute), ${bucketS}) * ${bucketS}) AS e_bucket, attribution, cause, source_kind, service,
        sum(events) AS evidence_n, max(last_seen) AS seen_last, toFloat64(max(confidence)) AS top_confidence
      FROM ${source} FINAL
      ${where}
      GROUP BY authority, e_bucket, attribution, cause, source_kind, service`;
}

/** The best group per target and bucket of `evidenceGroupsSql`'s rows: (authority, e_bucket, top tuple, top_rank). */
export function bestPerBucketSql(groups: string): string {
  return `SELECT authority, e_bucket, argMax(tuple(attribution, cause, source_kind, service, evidence_n, toUInt32(seen_last), top_confidence), rank) AS top, max(rank) AS top_rank
    FROM (
      SELECT *, ${rankSql('source_kind', 'top_confidence', 'seen_last')} AS rank
      FROM (
      ${groups}
      )
    )
    GROUP BY authority, e_bucket`;
}

export function evidenceBestTableSql(db: string, caps: Capabilities): string {
  const lc = caps.lowCardinality ? 'LowCardinality(String)' : 'String';
  return `CREATE TABLE IF NOT EXISTS ${db}.${EVIDENCE_BEST_TABLE} (
  bucket DateTime,
  authority ${lc},
  attribution ${lc},
  cause ${lc},
  source_kind ${lc},
  service ${lc},
  events UInt64,
  last_seen DateTime,
  confidence Float64,
  built_at UInt32
)
ENGINE = ReplacingMergeTree(built_at)
PARTITION BY toYYYYMM(bucket)
ORDER BY (bucket, authority)`;
}

/**
 * Rebuilds the best evidence of every bucket of whole `hours` (epoch seconds) from the evidence minute
 * rollup read with FINAL, versioned by `builtAt`. Run by an hour build after the hours' minute builds
 * (which marked them): the same protocol, and the same argument, as every hourly rollup.
 */
export function buildEvidenceBestSql(db: string, hours: readonly number[], builtAt: number): string {
  const lo = Math.min(...hours);
  const hi = Math.max(...hours) + 3600;
  const list = hours.map((h) => `toDateTime(${Math.floor(h)})`).join(', ');
  const groups = evidenceGroupsSql(`${db}.rollup_evidence_minute`, `WHERE minute >= toDateTime(${lo}) AND minute < toDateTime(${hi}) AND toDateTime(intDiv(toUInt32(minute), 3600) * 3600) IN (${list})`, EVIDENCE_BUCKET_S);
  return `INSERT INTO ${db}.${EVIDENCE_BEST_TABLE} (bucket, authority, attribution, cause, source_kind, service, events, last_seen, confidence, built_at)
SELECT e_bucket, authority, tupleElement(top, 1), tupleElement(top, 2), tupleElement(top, 3), tupleElement(top, 4), tupleElement(top, 5), toDateTime(tupleElement(top, 6)), tupleElement(top, 7), toUInt32(${Math.floor(builtAt)})
FROM (
  ${bestPerBucketSql(groups)}
)`;
}

/** Hours that hold evidence minute rows, oldest first: what the one-off build covers. */
export function evidenceHoursSql(db: string): string {
  return `SELECT DISTINCT intDiv(toUInt32(minute), 3600) * 3600 AS period FROM ${db}.rollup_evidence_minute ORDER BY period`;
}
