// The SQL `wsdiag retro` runs: one function per query, rollups only (docs/storage.md), never raw
// events (except the correlation, which needs each event's evidence). Whole days of the window are read
// from the daily rollups, whole hours outside them from the hourly ones and the minutes at the edges from
// the minute rollups: a month reads ~30 rows per group instead of ~43 000, and every figure is the
// minute rollups' (each hour is built from them, each day from the hours).
// Times come back as epoch seconds (toUInt32) so results do not depend on the server's time zone.
// Filters arrive validated (retro-filters.ts) and are still quoted with quoteString: 18.16 has no query parameters.
import { quoteString } from '../../ingest/sql-escape.js';
import type { SqlRunner } from '../../ingest/sql-runner.js';
import { DAY_S, GRAIN_S, grainTable, grains, HOUR_S, projections, projectionTable, type Grain } from '../../schemas/clickhouse/rollups.js';
import { retroCorrelationSql, type CorrelationRow } from './correlation.js';
import { IDENTIFIER_PATTERN, type RetroFilters } from './retro-filters.js';

/** Windows longer than these get an hourly, then a daily timeline (the Markdown shows at most ~120 rows anyway). */
export const HOURLY_TIMELINE_ABOVE_S = 2 * DAY_S;
export const DAILY_TIMELINE_ABOVE_S = 14 * DAY_S;

function checked(f: RetroFilters): RetroFilters {
  // Filters are validated by parseRetroFilters; these checks keep a hand-built object from reaching SQL.
  if (!IDENTIFIER_PATTERN.test(f.db)) throw new TypeError('retro database must be a plain identifier');
  if (!Number.isSafeInteger(f.fromS) || !Number.isSafeInteger(f.toS)) throw new TypeError('retro window must be whole seconds');
  return f;
}

const serviceFilter = (f: RetroFilters): string => (f.service !== undefined ? ` AND service = ${quoteString(f.service)}` : '');

type Range = readonly [lo: number, hi: number];

/**
 * The window [fromS, toS) cut into whole periods of each grain up to `coarsest`: whole days, whole
 * hours outside them, minutes left at the edges. Every second of the window is in exactly one range.
 */
export function windowSegments(fromS: number, toS: number, coarsest: Grain = 'day'): Array<{ grain: Grain; ranges: Range[] }> {
  const out: Array<{ grain: Grain; ranges: Range[] }> = [];
  let pending: Range[] = [[fromS, toS]];
  for (const grain of [...grains].reverse()) {
    if (grains.indexOf(grain) > grains.indexOf(coarsest)) continue;
    if (grain === 'minute') {
      if (pending.length > 0) out.push({ grain, ranges: pending });
      break;
    }
    const size = GRAIN_S[grain];
    const whole: Range[] = [];
    const rest: Range[] = [];
    for (const [lo, hi] of pending) {
      const a = Math.ceil(lo / size) * size;
      const b = Math.floor(hi / size) * size;
      if (b <= a) {
        rest.push([lo, hi]);
        continue;
      }
      whole.push([a, b]);
      if (a > lo) rest.push([lo, a]);
      if (hi > b) rest.push([b, hi]);
    }
    if (whole.length > 0) out.push({ grain, ranges: whole });
    pending = rest;
  }
  return out;
}

/**
 * The rows of a minute rollup in the window, as one subquery (`<grain> AS minute` for the coarser
 * twins): each range of windowSegments from its grain's table, each read FINAL and joined by UNION ALL.
 * Every minute of the window is read exactly once, at one grain, never coarser than `coarsest`. Hours
 * and days come from a projection of `minuteTable` (rollup_causes_*) when it has every column read.
 */
export function rollupRowsSql(f: RetroFilters, minuteTable: string, columns: string, coarsest: Grain = 'day'): string {
  const { db, fromS, toS } = checked(f);
  // Hours and days from a narrow projection when it holds every column read (FINAL reads fewer keys).
  const read = new Set([...columns.split(',').map((c) => c.trim()), ...(f.service !== undefined ? ['service'] : [])]);
  const projection = projections.find((p) => p.of.table === minuteTable && p.of.dimensions.every(([name]) => !read.has(name) || name === 'minute' || p.dimensions.includes(name)));
  const selects = windowSegments(fromS, toS, coarsest).map(({ grain, ranges }) => {
    const within = ranges.map(([lo, hi]) => `(${grain} >= toDateTime(${lo}) AND ${grain} < toDateTime(${hi}))`).join(' OR ');
    const table = grain === 'minute' ? minuteTable : projection ? projectionTable(projection, grain) : grainTable(minuteTable, grain);
    return `SELECT ${grain === 'minute' ? 'minute' : `${grain} AS minute`}, ${columns} FROM ${db}.${table} FINAL
  WHERE (${within})${serviceFilter(f)}`;
  });
  return `(${selects.join('\n  UNION ALL\n  ')})`;
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

/** Seconds per timeline row: a minute, an hour on windows over two days, a day on windows over two weeks. */
export function timelineStepS(f: RetroFilters): number {
  const span = f.toS - f.fromS;
  return span > DAILY_TIMELINE_ABOVE_S ? DAY_S : span > HOURLY_TIMELINE_ABOVE_S ? HOUR_S : GRAIN_S.minute;
}
const grainOfStep = (step: number): Grain => grains.find((g) => GRAIN_S[g] === step) ?? 'minute';

/** Counts per minute (per hour or day on long windows: `timelineStepS`), keyed by the step's start (UTC). */
export function timelineSql(f: RetroFilters): string {
  const step = timelineStepS(f);
  return `SELECT intDiv(toUInt32(minute), ${step}) * ${step} AS step_start, ${byAttribution}
FROM ${rollupRowsSql(f, 'rollup_minute', 'attribution, events', grainOfStep(step))}
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

/**
 * Runs every retro query, all at once: each reads its own rollup (and the correlation raw events), and
 * much of a FINAL read is one stream, so the server overlaps them; the model (analyzers/retro) turns
 * the rows into a report.
 */
export async function fetchRetroRows(runner: SqlRunner, f: RetroFilters): Promise<RetroRows> {
  const [totals, timeline, causes, failureGroups, certificates, extensions, violations, correlations] = await Promise.all([
    runner.query<AttributionCountsRow>(totalsSql(f)),
    runner.query<TimelineRow & { step_start: number }>(timelineSql(f)),
    runner.query<CauseRow>(causesSql(f)),
    runner.query<FailureGroupRow>(failureGroupsSql(f)),
    runner.query<CertificateRow>(certificatesSql(f)),
    runner.query<ExtensionRow>(extensionsSql(f)),
    runner.query<ViolationRow>(violationsSql(f)),
    runner.query<CorrelationRow>(correlationSqlFor(f)),
  ]);
  return {
    totals,
    timeline: timeline.map(({ step_start, ...row }) => ({ ...row, minute: Number(step_start) })),
    causes,
    failureGroups,
    certificates,
    extensions,
    violations,
    correlations,
    timelineStepS: timelineStepS(f),
  };
}
