// The certificate chain in storage (0.2): five parallel array columns on wsdiag.events, and the
// inventory wsdiag.certificate_chain (one row per host, service, region, chain position and certificate) that the
// certificate forecast panel and alert read. Since 0.3 the inventory is built per minute by the rollup
// builder (buildCertificateChainSql) instead of a materialized view on events, so an insert into events
// is only the insert (docs/storage.md, "The certificate chain inventory"; docs/probe.md, CHANGELOG.md).
import type { Capabilities } from './capabilities.js';

/** Parallel arrays, leaf first; empty when the event knows no certificate. */
export const chainColumns = [
  ['chain_subject', 'Array(String)'],
  ['chain_issuer', 'Array(String)'],
  ['chain_not_before', 'Array(DateTime)'],
  ['chain_not_after', 'Array(DateTime)'],
  ['chain_self_signed', 'Array(Int8)'],
] as const;

export const CERTIFICATE_CHAIN_TABLE = 'certificate_chain';

/**
 * ALTER statements for the chain columns a 0.1 events table lacks. 18.16 has no
 * `ADD COLUMN IF NOT EXISTS`, so the caller passes the columns the table has (system.columns).
 */
export function addChainColumns(db: string, existing: ReadonlySet<string>): string[] {
  return chainColumns.filter(([name]) => !existing.has(name)).map(([name, type]) => `ALTER TABLE ${db}.events ADD COLUMN ${name} ${type}`);
}

/** 0.2's materialized view on events that fed the inventory per insert; `wsdiag migrate` drops it (0.2 → 0.3). */
export const CERTIFICATE_CHAIN_VIEW = `${CERTIFICATE_CHAIN_TABLE}_mv`;

/**
 * Inventory of presented certificates by position (0 = leaf, 1.. = issuers). Every measure is
 * idempotent (min, max, groupUniqArray), so a re-delivered event, or a minute built again, changes
 * nothing: no per-event hash, no version.
 */
export function certificateChainStatements(db: string, caps: Capabilities): string[] {
  const lc = caps.lowCardinality ? 'LowCardinality(String)' : 'String';
  return [
    `CREATE TABLE IF NOT EXISTS ${db}.${CERTIFICATE_CHAIN_TABLE} (
  target_host ${lc},
  service ${lc},
  region ${lc},
  position UInt8,
  cert_subject String,
  cert_issuer String,
  cert_not_after DateTime,
  cert_self_signed Int8,
  cert_not_before AggregateFunction(min, DateTime),
  first_seen AggregateFunction(min, DateTime),
  last_seen AggregateFunction(max, DateTime),
  source_kinds AggregateFunction(groupUniqArray, String)
)
ENGINE = AggregatingMergeTree()
ORDER BY (target_host, service, region, position, cert_subject, cert_issuer, cert_not_after, cert_self_signed)`,
  ];
}

/**
 * 0.2 → 0.3: the view goes, the table and its data stay. The view fed the inventory from every row
 * stored before the upgrade, and the minute builds add every row after it, so nothing needs rebuilding.
 */
export function dropCertificateChainViewSql(db: string): string {
  return `DROP TABLE IF EXISTS ${db}.${CERTIFICATE_CHAIN_VIEW}`;
}

/**
 * Adds the chains of whole minutes (epoch seconds) to the inventory, from every stored row of those
 * minutes that carries one: the states 0.2's view made per insert. Run by a minute build, between
 * reading the server clock and recording the build (the marks/builds protocol, docs/storage.md), so
 * every acknowledged row is read by some build of its minute. Idempotent states make a rebuild, a
 * copy of an event or two instances building one minute add nothing new; no deduplication is needed.
 * ARRAY JOIN walks the parallel arrays together; arrayEnumerate gives the 1-based position.
 */
export function buildCertificateChainSql(db: string, minutes: readonly number[]): string {
  const lo = Math.min(...minutes);
  const hi = Math.max(...minutes) + 60;
  const list = minutes.map((m) => `toDateTime(${Math.floor(m)})`).join(', ');
  return `INSERT INTO ${db}.${CERTIFICATE_CHAIN_TABLE} (target_host, service, region, position, cert_subject, cert_issuer, cert_not_after, cert_self_signed, cert_not_before, first_seen, last_seen, source_kinds)
SELECT target_host, service, region, toUInt8(chain_position - 1) AS position, subject AS cert_subject, issuer AS cert_issuer,
  not_after AS cert_not_after, self_signed AS cert_self_signed,
  minState(not_before) AS cert_not_before, minState(ts) AS first_seen, maxState(ts) AS last_seen,
  groupUniqArrayState(source_kind) AS source_kinds
FROM (SELECT ts, target_host, service, region, source_kind, chain_subject, chain_issuer, chain_not_before, chain_not_after, chain_self_signed
  FROM ${db}.events
  PREWHERE ts >= toDateTime(${Math.floor(lo)}) AND ts < toDateTime(${Math.floor(hi)}) AND toStartOfMinute(ts) IN (${list}) AND notEmpty(chain_subject))
ARRAY JOIN chain_subject AS subject, chain_issuer AS issuer, chain_not_before AS not_before, chain_not_after AS not_after,
  chain_self_signed AS self_signed, arrayEnumerate(chain_subject) AS chain_position
GROUP BY target_host, service, region, position, cert_subject, cert_issuer, cert_not_after, cert_self_signed`;
}
