// Maps a validated event and its classification onto a wsdiag.events row (columns in
// schemas/clickhouse/events-table.ts). Pure: the caller passes the ingest time.
import type { Classification } from '../schemas/classification.js';
import type { EventColumnName } from '../schemas/clickhouse/events-table.js';
import type { TelemetryEvent } from '../schemas/telemetry-event.js';
import { runtimeFamily } from '../analyzers/runtime-family.js';

export type EventRow = Record<EventColumnName, string | number | string[] | number[]>;

export interface RecordPosition {
  topic: string;
  partition: number;
  offset: string;
}

const seconds = (ms: number | undefined): number => (ms === undefined ? 0 : Math.floor(ms / 1000));
/** -1 = unknown, so "absent" stays distinguishable from false/0 without Nullable columns. */
const tri = (value: boolean | undefined): number => (value === undefined ? -1 : value ? 1 : 0);
const text = (value: string | number | undefined): string => (value === undefined ? '' : String(value));

export function targetHost(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

type ChainCertificate = NonNullable<NonNullable<TelemetryEvent['tls']>['chain']>[number];

/**
 * The chain columns: tls.chain when the emitter sent one, else the peer certificate alone (so the
 * forecast also knows leaves that clients report), else empty arrays.
 */
export function chainFields(tls: TelemetryEvent['tls']): Pick<EventRow, 'chain_subject' | 'chain_issuer' | 'chain_not_before' | 'chain_not_after' | 'chain_self_signed'> {
  const leaf = tls?.peer_certificate;
  const known = leaf && (leaf.subject !== undefined || leaf.not_after !== undefined);
  const chain: readonly ChainCertificate[] = tls?.chain?.length ? tls.chain : known ? [leaf] : [];
  return {
    chain_subject: chain.map((c) => text(c.subject)),
    chain_issuer: chain.map((c) => text(c.issuer)),
    chain_not_before: chain.map((c) => seconds(c.not_before)),
    chain_not_after: chain.map((c) => seconds(c.not_after)),
    chain_self_signed: chain.map((c) => tri(c.self_signed)),
  };
}

export function toEventRow(event: TelemetryEvent, result: Classification, position: RecordPosition, ingestedAtMs: number, classifierVersion: string): EventRow {
  const { source, handshake, tls, close, error } = event;
  const cert = tls?.peer_certificate;
  return {
    event_id: event.event_id,
    ts: seconds(event.ts),
    ts_ms: event.ts % 1000,
    ingested_at: seconds(ingestedAtMs),
    connection_id: text(event.connection_id),
    outcome: event.outcome,
    source_kind: source.kind,
    service: source.service,
    instance: text(source.instance),
    region: text(source.region),
    runtime: text(source.runtime),
    runtime_family: runtimeFamily(source.runtime, source.user_agent),
    user_agent: text(source.user_agent),
    target_url: event.target.url,
    target_host: targetHost(event.target.url),
    handshake_status: handshake?.status ?? 0,
    request_extensions: text(handshake?.request_extensions),
    response_extensions: text(handshake?.response_extensions),
    required_extensions: handshake?.required_extensions ?? [],
    tls_version: text(tls?.version),
    tls_alert: text(tls?.alert),
    tls_alert_direction: text(tls?.alert_direction),
    tls_verify_code: text(tls?.verify_code),
    cert_subject: text(cert?.subject),
    cert_issuer: text(cert?.issuer),
    cert_not_before: seconds(cert?.not_before),
    cert_not_after: seconds(cert?.not_after),
    cert_self_signed: tri(cert?.self_signed),
    chain_length: tls?.chain_length ?? -1,
    close_code: close?.code ?? -1,
    close_reason: text(close?.reason),
    close_initiator: text(close?.initiator),
    close_on_wire: tri(close?.on_wire),
    error_name: text(error?.name),
    error_code: text(error?.code),
    error_message: text(error?.message),
    attribution: result.attribution,
    cause: result.cause,
    confidence: result.confidence,
    evidence: JSON.stringify(result.evidence),
    remediation: result.remediation,
    violations: result.violations,
    classifier_version: classifierVersion,
    kafka_topic: position.topic,
    kafka_partition: position.partition,
    kafka_offset: position.offset,
    ...chainFields(tls),
  };
}
