// DDL of wsdiag.events: one row per classified telemetry event.
// Delivery is at-least-once, so the table is a ReplacingMergeTree keyed by event_id: a re-read copy
// collapses on merge, and every reader counts uniqExact(event_id) or reads FINAL (docs/reliability.md).
import type { Capabilities } from './capabilities.js';
import { chainColumns } from './certificate-chain.js';

/** Column name → ClickHouse type. `lc` marks low-cardinality strings (LowCardinality where supported). */
export const eventColumns = [
  ['event_id', 'String'],
  ['ts', 'DateTime'],
  ['ts_ms', 'UInt16'],
  ['ingested_at', 'DateTime'],
  ['connection_id', 'String'],
  ['outcome', 'lc'],
  ['source_kind', 'lc'],
  ['service', 'lc'],
  ['instance', 'String'],
  ['region', 'lc'],
  ['runtime', 'String'],
  ['runtime_family', 'lc'],
  ['user_agent', 'String'],
  ['target_url', 'String'],
  ['target_host', 'lc'],
  ['handshake_status', 'UInt16'],
  ['request_extensions', 'String'],
  ['response_extensions', 'String'],
  ['required_extensions', 'Array(String)'],
  ['tls_version', 'lc'],
  ['tls_alert', 'String'],
  ['tls_alert_direction', 'lc'],
  ['tls_verify_code', 'String'],
  ['cert_subject', 'String'],
  ['cert_issuer', 'String'],
  ['cert_not_before', 'DateTime'],
  ['cert_not_after', 'DateTime'],
  ['cert_self_signed', 'Int8'],
  ['chain_length', 'Int8'],
  ['close_code', 'Int32'],
  ['close_reason', 'String'],
  ['close_initiator', 'lc'],
  ['close_on_wire', 'Int8'],
  ['error_name', 'String'],
  ['error_code', 'String'],
  ['error_message', 'String'],
  ['attribution', 'lc'],
  ['cause', 'lc'],
  ['confidence', 'Float32'],
  ['evidence', 'String'],
  ['remediation', 'String'],
  ['violations', 'Array(String)'],
  ['classifier_version', 'lc'],
  ['kafka_topic', 'lc'],
  ['kafka_partition', 'UInt32'],
  ['kafka_offset', 'UInt64'],
  // 0.2: the certificate chain (certificate-chain.ts adds them to a 0.1 table).
  ...chainColumns,
] as const;

export type EventColumnName = (typeof eventColumns)[number][0];

/** Resolves the abstract column type against what the server supports. */
export function columnType(type: string, caps: Capabilities): string {
  if (type !== 'lc') return type;
  return caps.lowCardinality ? 'LowCardinality(String)' : 'String';
}

export function createEventsTable(db: string, caps: Capabilities, retentionDays: number): string {
  const columns = eventColumns.map(([name, type]) => {
    const codec = caps.codecs && (name === 'evidence' || name === 'error_message') ? ' CODEC(ZSTD(3))' : '';
    return `  ${name} ${columnType(type, caps)}${codec}`;
  });
  const ttl = caps.ttl && retentionDays > 0 ? `\nTTL ts + INTERVAL ${Math.floor(retentionDays)} DAY` : '';
  // Sorting key starts with the hour so time-range reads skip, and ends with event_id so that
  // duplicates (same event_id, hence same ts) collapse into one row on merge.
  return `CREATE TABLE IF NOT EXISTS ${db}.events (\n${columns.join(',\n')}\n)
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(ts)
ORDER BY (toStartOfHour(ts), event_id)${ttl}`;
}
