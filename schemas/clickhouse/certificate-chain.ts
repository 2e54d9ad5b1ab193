// The certificate chain in storage (0.2): five parallel array columns on wsdiag.events, and the
// inventory wsdiag.certificate_chain (one row per host, service, region, chain position and certificate) that the
// certificate forecast panel and alert read. Kept apart from events-table.ts so the 0.1 → 0.2
// migration is these statements only (docs/probe.md, CHANGELOG.md).
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

/**
 * Inventory of presented certificates by position (0 = leaf, 1.. = issuers). Every measure is
 * idempotent (min, max, groupUniqArray), so a re-delivered event changes nothing: no per-event hash.
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
    // ARRAY JOIN walks the parallel arrays together; arrayEnumerate gives the 1-based position.
    `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.${CERTIFICATE_CHAIN_TABLE}_mv TO ${db}.${CERTIFICATE_CHAIN_TABLE} AS
SELECT target_host, service, region, toUInt8(chain_position - 1) AS position, subject AS cert_subject, issuer AS cert_issuer,
  not_after AS cert_not_after, self_signed AS cert_self_signed,
  minState(not_before) AS cert_not_before, minState(ts) AS first_seen, maxState(ts) AS last_seen,
  groupUniqArrayState(source_kind) AS source_kinds
FROM ${db}.events
ARRAY JOIN chain_subject AS subject, chain_issuer AS issuer, chain_not_before AS not_before, chain_not_after AS not_after,
  chain_self_signed AS self_signed, arrayEnumerate(chain_subject) AS chain_position
WHERE notEmpty(chain_subject)
GROUP BY target_host, service, region, position, cert_subject, cert_issuer, cert_not_after, cert_self_signed`,
  ];
}
