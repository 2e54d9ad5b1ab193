// One classified event as its wsdiag.events TabSeparated line, written straight from the event: the
// hot path of prepareBatch, without the 46-field row object and per-column keyed access of
// tsvLineEncoder(eventColumns)(toEventRow(…)). toEventRow (event-row.ts) stays the readable mapping and
// the reference: test/unit/ingest/event-line.test.ts holds this line byte-identical to it, column for
// column in `eventColumns` order, over sample traffic, the corpus and an event with every field set.
// Escaping and formats as in tsv.ts (DateTime as 10-digit unix seconds; arrays as ClickHouse writes them).
import type { Classification } from '../schemas/classification.js';
import type { TelemetryEvent } from '../schemas/telemetry-event.js';
import { familyOfRuntime, familyOfUserAgent } from '../analyzers/runtime-family.js';
import { targetHost, type RecordPosition } from './event-row.js';
import { escapeTsv as esc, quoted } from './tsv.js';

/** What every line of a batch shares, encoded once per batch. */
export interface LineContext {
  /** ingested_at as written: 10-digit unix seconds. */
  ingestedAt: string;
  /** classifier_version, escaped. */
  classifierVersion: string;
}

export function lineContext(ingestedAtMs: number, classifierVersion: string): LineContext {
  return { ingestedAt: dateTime(ingestedAtMs), classifierVersion: esc(classifierVersion) };
}

/** DateTime column: unix seconds of an epoch-ms instant, 10 digits (0 when absent). */
const dateTime = (ms: number | undefined): string => (ms === undefined ? '0000000000' : String(Math.floor(ms / 1000)).padStart(10, '0'));
const text = (value: string | number | undefined): string => (value === undefined ? '' : typeof value === 'number' ? String(value) : esc(value));
/** -1 = unknown (the tri-state Int8 columns). */
const tri = (value: boolean | undefined): string => (value === undefined ? '-1' : value ? '1' : '0');
function strings(items: readonly string[] | undefined): string {
  if (items === undefined || items.length === 0) return '[]';
  let out = '[';
  for (let i = 0; i < items.length; i++) out += (i === 0 ? '' : ',') + quoted(items[i]!);
  return `${out}]`;
}

// Host and runtime family repeat across a stream (a few targets and stacks): remembered, within a bound
// (long keys are computed each time, so the caches stay ~1.5 MB at most whatever the input).
const MEMO_ENTRIES = 1024;
const MEMO_KEY_CHARS = 256;
const hosts = new Map<string, string>();
const runtimeFamilies = new Map<string, string>();
const userAgentFamilies = new Map<string, string>();
function memo(cache: Map<string, string>, key: string, compute: (key: string) => string): string {
  if (key.length > MEMO_KEY_CHARS) return compute(key);
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MEMO_ENTRIES) cache.clear();
    cache.set(key, (value = compute(key)));
  }
  return value;
}
// '' when the runtime names no stack: the User-Agent decides then (runtimeFamily's rule).
const familyOrEmpty = (runtime: string): string => familyOfRuntime(runtime) ?? '';

/** The event's line, without its newline. Columns in `eventColumns` order (schemas/clickhouse/events-table.ts). */
export function eventLine(event: TelemetryEvent, result: Classification, position: RecordPosition, ctx: LineContext): string {
  const { source, handshake, tls, close, error } = event;
  const cert = tls?.peer_certificate;
  const url = event.target.url;
  const { runtime, user_agent: userAgent } = source;
  const byRuntime = runtime === undefined ? '' : memo(runtimeFamilies, runtime, familyOrEmpty);
  const family = byRuntime || (userAgent === undefined ? 'unknown' : memo(userAgentFamilies, userAgent, familyOfUserAgent));
  return (
    `${esc(event.event_id)}\t${dateTime(event.ts)}\t${event.ts % 1000}\t${ctx.ingestedAt}\t${text(event.connection_id)}\t` +
    `${event.outcome}\t${source.kind}\t${esc(source.service)}\t${text(source.instance)}\t${text(source.region)}\t` +
    `${text(source.runtime)}\t${esc(family)}\t${text(source.user_agent)}\t${esc(url)}\t${esc(memo(hosts, url, targetHost))}\t` +
    `${handshake?.status ?? 0}\t${text(handshake?.request_extensions)}\t${text(handshake?.response_extensions)}\t${strings(handshake?.required_extensions)}\t` +
    `${text(tls?.version)}\t${text(tls?.alert)}\t${text(tls?.alert_direction)}\t${text(tls?.verify_code)}\t` +
    `${text(cert?.subject)}\t${text(cert?.issuer)}\t${dateTime(cert?.not_before)}\t${dateTime(cert?.not_after)}\t${tri(cert?.self_signed)}\t` +
    `${tls?.chain_length ?? -1}\t${close?.code ?? -1}\t${text(close?.reason)}\t${text(close?.initiator)}\t${tri(close?.on_wire)}\t` +
    `${text(error?.name)}\t${text(error?.code)}\t${text(error?.message)}\t` +
    `${result.attribution}\t${result.cause}\t${result.confidence}\t${esc(JSON.stringify(result.evidence))}\t${esc(result.remediation)}\t${strings(result.violations)}\t` +
    `${ctx.classifierVersion}\t${esc(position.topic)}\t${position.partition}\t${position.offset}\t${chain(tls)}`
  );
}

/**
 * The five chain columns: tls.chain when the emitter sent one, else the peer certificate alone when it
 * names a subject or an expiry, else empty arrays (the rule of chainFields in event-row.ts).
 */
function chain(tls: TelemetryEvent['tls']): string {
  const leaf = tls?.peer_certificate;
  const certs = tls?.chain?.length ? tls.chain : leaf && (leaf.subject !== undefined || leaf.not_after !== undefined) ? [leaf] : undefined;
  if (certs === undefined) return '[]\t[]\t[]\t[]\t[]';
  let subject = '[';
  let issuer = '[';
  let notBefore = '[';
  let notAfter = '[';
  let selfSigned = '[';
  for (let i = 0; i < certs.length; i++) {
    const c = certs[i]!;
    const sep = i === 0 ? '' : ',';
    subject += sep + quoted(c.subject ?? '');
    issuer += sep + quoted(c.issuer ?? '');
    notBefore += `${sep}'${dateTime(c.not_before)}'`;
    notAfter += `${sep}'${dateTime(c.not_after)}'`;
    selfSigned += sep + tri(c.self_signed);
  }
  return `${subject}]\t${issuer}]\t${notBefore}]\t${notAfter}]\t${selfSigned}]`;
}
