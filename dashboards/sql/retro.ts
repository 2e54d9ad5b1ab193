// The SQL `wsdiag retro` runs: one function per query, rollups only (docs/storage.md), never raw
// events (except the correlation, which needs each event's evidence). Whole hours of the window are
// read from the hourly rollups and the minutes at its edges from the minute rollups, so a month reads
// ~60x fewer rows and every figure is the same as the minute rollups' (each hour is built from them).
// Times come back as epoch seconds (toUInt32) so results do not depend on the server's time zone.
// Filters arrive validated (retro-filters.ts) and are still quoted with quoteString: 18.16 has no query parameters.
import { quoteString } from '../../ingest/sql-escape.js';
import type { SqlRunner } from '../../ingest/sql-runner.js';
import { HOUR_S, hourTable } from '../../schemas/clickhouse/rollups.js';
import { retroCorrelationSql, type CorrelationRow } from './correlation.js';
import { IDENTIFIER_PATTERN, type RetroFilters } from './retro-filters.js';

/** Windows longer than this get an hourly timeline (the Markdown shows at most ~120 rows anyway). */
export const HOURLY_TIMELINE_ABOVE_S = 2 * 86_400;

function checked(f: RetroFilters): RetroFilters {
  // Filters are validated by parseRetroFilters; these checks keep a hand-built object from reaching SQL.
  if (!IDENTIFIER_PATTERN.test(f.db)) throw new TypeError('retro database must be a plain identifier');
  if (!Number.isSafeInteger(f.fromS) || !Number.isSafeInteger(f.toS)) throw new TypeError('retro window must be whole seconds');
  return f;
}

const serviceFilter = (f: RetroFilters): string => (f.service !== undefined ? ` AND service = ${quoteString(f.service)}` : '');

/**
 * The rows of a minute rollup in the window, as one subquery: whole hours [h0, h1) from its hourly
 * twin (hour AS minute), the minutes before h0 and from h1 on from the minute rollup, each read FINAL.
 * Every minute of the window is read exactly once, at one grain. `minutesOnly` reads minutes throughout.
 */
export function rollupRowsSql(f: RetroFilters, minuteTable: string, columns: string, { minutesOnly = false } = {}): string {
  const { db, fromS, toS } = checked(f);
  const h0 = Math.ceil(fromS / HOUR_S) * HOUR_S;
  const h1 = minutesOnly ? h0 : Math.floor(toS / HOUR_S) * HOUR_S;
  const minutes = `SELECT minute, ${columns} FROM ${db}.${minuteTable} FINAL
  WHERE minute >= toDateTime(${fromS}) AND minute < toDateTime(${toS})${serviceFilter(f)}`;
  if (h1 <= h0) return `(${minutes})`;
  return `(SELECT hour AS minute, ${columns} FROM ${db}.${hourTable(minuteTable)} FINAL
  WHERE hour >= toDateTime(${h0}) AND hour < toDateTime(${h1})${serviceFilter(f)}
  UNION ALL
  ${minutes} AND (minute < toDateTime(${h0}) OR minute >= toDateTime(${h1})))`;
}

/** Distinct events of a group and the first and last second it was seen (onset and end). */
const attemptsAndSeen = `sum(events) AS attempts,
  toUInt32(min(first_seen)) AS first_seen, toUInt32(max(last_seen)) AS last_seen`;

/** One row per group of `keys` in `table`, with its attempts and first/last seen, in key order. */
function perGroupSql(f: RetroFilters, table: string, keys: string): string {
  return `SELECT ${keys}, ${attemptsAndSeen}
FROM ${rollupRowsSql(f, table, `${keys}, events, first_seen, last_seen`)}
GROUP BY ${keys}
ORDER BY ${keys}`;
}

const byAttribution = `sum(events) AS attempts,
  sumIf(events, attribution != 'none') AS failures,
  sumIf(events, attribution = '1010') AS a1010,
  sumIf(events, attribution = '1015') AS a1015,
  sumIf(events, attribution = 'other') AS other,
  sumIf(events, attribution = 'none') AS none`;

export interface AttributionCountsRow {
  attempts: string | number;
  failures: string | number;
  a1010: string | number;
  a1015: string | number;
  other: string | number;
  none: string | number;
}

/** Distinct events and failures in the window, by attribution (states merged across all groups). */
export function totalsSql(f: RetroFilters): string {
  return `SELECT ${byAttribution}
FROM ${rollupRowsSql(f, 'rollup_minute', 'attribution, events')}`;
}

export type TimelineRow = AttributionCountsRow & { minute: number };

/** Seconds per timeline row: a minute, or an hour on windows over two days. */
export const timelineStepS = (f: RetroFilters): number => (f.toS - f.fromS > HOURLY_TIMELINE_ABOVE_S ? HOUR_S : 60);

/** Counts per minute (per hour on long windows: `timelineStepS`), keyed by the step's start. */
export function timelineSql(f: RetroFilters): string {
  const step = timelineStepS(f);
  return `SELECT intDiv(toUInt32(minute), ${step}) * ${step} AS step_start, ${byAttribution}
FROM ${rollupRowsSql(f, 'rollup_minute', 'attribution, events', { minutesOnly: step < HOUR_S })}
GROUP BY step_start
ORDER BY step_start`;
}

export interface CauseRow {
  attribution: string;
  cause: string;
  attempts: string | number;
  first_seen: number;
  last_seen: number;
}

/** Per cause: events and the first and last second it was seen (onset and end). */
export function causesSql(f: RetroFilters): string {
  return perGroupSql(f, 'rollup_minute', 'attribution, cause');
}

export interface FailureGroupRow {
  attribution: string;
  cause: string;
  service: string;
  region: string;
  target_host: string;
  runtime_family: string;
  failures: string | number;
}

/** Failures by cause and where they happened: the blast radius. */
export function failureGroupsSql(f: RetroFilters): string {
  return `SELECT attribution, cause, service, region, target_host, runtime_family, sum(events) AS failures
FROM ${rollupRowsSql(f, 'rollup_minute', 'attribution, cause, service, region, target_host, runtime_family, events')}
WHERE attribution != 'none'
GROUP BY attribution, cause, service, region, target_host, runtime_family
ORDER BY attribution, cause, service, region, target_host, runtime_family`;
}

export interface CertificateRow {
  cert_subject: string;
  cert_issuer: string;
  not_after: number;
  not_before: number;
  attribution: string;
  cause: string;
  attempts: string | number;
  first_seen: number;
  last_seen: number;
  services: string[];
  regions: string[];
  hosts: string[];
}

/** Certificates presented in the window, per outcome (attribution, cause). */
export function certificatesSql(f: RetroFilters): string {
  return `SELECT cert_subject, cert_issuer, toUInt32(cert_not_after) AS not_after, toUInt32(min(cert_not_before)) AS not_before,
  attribution, cause, ${attemptsAndSeen},
  arraySort(groupUniqArray(service)) AS services, arraySort(groupUniqArray(region)) AS regions, arraySort(groupUniqArray(target_host)) AS hosts
FROM ${rollupRowsSql(f, 'rollup_certificates_minute', 'cert_subject, cert_issuer, cert_not_after, cert_not_before, attribution, cause, events, first_seen, last_seen, service, region, target_host')}
GROUP BY cert_subject, cert_issuer, cert_not_after, attribution, cause
ORDER BY not_after, cert_subject, cert_issuer, attribution, cause`;
}

export interface ExtensionRow {
  service: string;
  target_host: string;
  requested: string;
  negotiated: string;
  required: string;
  attribution: string;
  cause: string;
  attempts: string | number;
  first_seen: number;
  last_seen: number;
}

/** The requested × negotiated × required matrix per service and host. */
export function extensionsSql(f: RetroFilters): string {
  return perGroupSql(f, 'rollup_extensions_minute', 'service, target_host, requested, negotiated, required, attribution, cause');
}

export interface ViolationRow {
  violation: string;
  service: string;
  attempts: string | number;
  first_seen: number;
  last_seen: number;
}

export function violationsSql(f: RetroFilters): string {
  return perGroupSql(f, 'rollup_violations_minute', 'violation, service');
}

export interface RetroRows {
  totals: AttributionCountsRow[];
  timeline: TimelineRow[];
  causes: CauseRow[];
  failureGroups: FailureGroupRow[];
  certificates: CertificateRow[];
  extensions: ExtensionRow[];
  violations: ViolationRow[];
  /** Query-time correlation over wsdiag.events (correlation.ts); absent in hand-built inputs. */
  correlations?: CorrelationRow[];
  /** Seconds per timeline row (timelineStepS); 60 when absent. */
  timelineStepS?: number;
}

/** Failures without evidence of their own in the window, with the likely cause correlated from other events. */
export function correlationSqlFor(f: RetroFilters): string {
  checked(f); // the same guards as every other retro query
  return retroCorrelationSql(f.db, f.fromS, f.toS, f.service);
}

/** Runs every retro query; the model (analyzers/retro) turns the rows into a report. */
export async function fetchRetroRows(runner: SqlRunner, f: RetroFilters): Promise<RetroRows> {
  return {
    totals: await runner.query<AttributionCountsRow>(totalsSql(f)),
    timeline: (await runner.query<TimelineRow & { step_start: number }>(timelineSql(f))).map(({ step_start, ...row }) => ({ ...row, minute: Number(step_start) })),
    causes: await runner.query<CauseRow>(causesSql(f)),
    failureGroups: await runner.query<FailureGroupRow>(failureGroupsSql(f)),
    certificates: await runner.query<CertificateRow>(certificatesSql(f)),
    extensions: await runner.query<ExtensionRow>(extensionsSql(f)),
    violations: await runner.query<ViolationRow>(violationsSql(f)),
    correlations: await runner.query<CorrelationRow>(correlationSqlFor(f)),
    timelineStepS: timelineStepS(f),
  };
}
