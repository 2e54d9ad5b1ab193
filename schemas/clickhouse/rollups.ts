// Rollup tables and the SQL that (re)builds them from the deduplicated raw events (docs/storage.md).
// A rollup row holds plain counts and min/max times per minute and group. A minute is rebuilt whole
// from `events` (one row per event_id) whenever the pipeline has written rows for it, so a re-read or
// a producer's retry never counts twice. Each build carries a version (`built_at`) and the tables are
// ReplacingMergeTree(built_at): readers read `FINAL` and sum, and always get the latest build.
// Every minute rollup has an hourly and a daily twin with the same groups, built the same way one level
// up: an hour from the minute rollup (FINAL) once its minutes were rebuilt, a day from the hourly one.
import type { Capabilities } from './capabilities.js';
import { authoritySql, EVIDENCE_SQL, UNEXPLAINED_PREWHERE_SQL, UNEXPLAINED_SQL } from './correlation-rules.js';
import { EVIDENCE_BEST_TABLE, evidenceBestTableSql } from './evidence-best.js';

/** name, type, expression over one deduplicated event, and how the hourly twin combines minute rows. */
type Measure = readonly [name: string, type: string, expression: string, combine: 'sum' | 'min' | 'max'];

interface Rollup {
  readonly table: string;
  /** Dimension name → SQL expression over one deduplicated event (the name itself when they match). */
  readonly dimensions: ReadonlyArray<readonly [name: string, type: 'lc' | 'DateTime', expression: string]>;
  readonly measures: readonly Measure[];
  /** Optional row filter and ARRAY JOIN, applied before grouping. */
  readonly where?: string;
  readonly arrayJoin?: string;
  /**
   * Optional filter applied while reading the raw minutes, before `LIMIT 1 BY event_id` (`prewhere`
   * is read first): for rollups of a rare kind of event, so a build reads their other columns only
   * where a candidate is. Copies of an event carry the same bytes, so all or none of them pass.
   */
  readonly filter?: { readonly prewhere: string; readonly where: string };
  /** Raw columns the build reads besides the common ones (`sourceColumns`). */
  readonly sources?: readonly string[];
  /** Minute grain only: no hourly and daily twins (the correlation reads minutes to form its buckets). */
  readonly minuteOnly?: true;
}

const minute = ['minute', 'DateTime', 'toStartOfMinute(ts)'] as const;
const dim = (name: string) => [name, 'lc', name] as const;

const events: Measure = ['events', 'UInt64', 'count()', 'sum'];
const firstSeen: Measure = ['first_seen', 'DateTime', 'min(ts)', 'min'];
const lastSeen: Measure = ['last_seen', 'DateTime', 'max(ts)', 'max'];

/**
 * Extension names of a Sec-WebSocket-Extensions header (RFC 6455 §9.1), lower-cased, sorted, distinct,
 * joined by ","; parameters dropped. "" when the header is empty. Written with functions 18.16 has
 * (no trimBoth there).
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-9.1
 */
export function extensionNamesSql(column: string): string {
  const names = `arrayMap(x -> lower(replaceRegexpAll(splitByChar(';', x)[1], '^[ \\t]+|[ \\t]+$', '')), splitByChar(',', ${column}))`;
  return `arrayStringConcat(arraySort(arrayDistinct(arrayFilter(x -> x != '', ${names}))), ',')`;
}

const certificateSeen = "(cert_subject != '' OR toUInt32(cert_not_after) > 0)";

export const rollups: readonly Rollup[] = [
  {
    // Attempts and failures per minute: failures are rows with attribution != 'none'.
    table: 'rollup_minute',
    dimensions: [minute, dim('service'), dim('region'), dim('attribution'), dim('cause'), dim('target_host'), dim('runtime_family'), dim('source_kind'), dim('outcome')],
    measures: [events, firstSeen, lastSeen],
  },
  {
    // The 1010 matrix: what clients asked for vs what the handshake response agreed.
    table: 'rollup_extensions_minute',
    dimensions: [
      minute,
      dim('service'),
      dim('region'),
      dim('target_host'),
      dim('runtime_family'),
      ['requested', 'lc', extensionNamesSql('request_extensions')],
      ['negotiated', 'lc', extensionNamesSql('response_extensions')],
      ['required', 'lc', "arrayStringConcat(arraySort(arrayDistinct(arrayMap(x -> lower(x), required_extensions))), ',')"],
      dim('attribution'),
      dim('cause'),
    ],
    measures: [events, firstSeen, lastSeen],
    where: "request_extensions != '' OR response_extensions != '' OR notEmpty(required_extensions)",
  },
  {
    table: 'rollup_violations_minute',
    dimensions: [minute, dim('service'), dim('region'), ['violation', 'lc', 'violation'], dim('attribution'), dim('cause')],
    measures: [events, firstSeen, lastSeen],
    arrayJoin: 'violations AS violation',
  },
  {
    // Certificates per minute and outcome, for retrospectives over a window and the inventory view.
    table: 'rollup_certificates_minute',
    dimensions: [minute, dim('service'), dim('region'), dim('target_host'), dim('cert_subject'), dim('cert_issuer'), ['cert_not_after', 'DateTime', 'cert_not_after'], dim('attribution'), dim('cause')],
    measures: [events, firstSeen, lastSeen, ['cert_not_before', 'DateTime', 'min(cert_not_before)', 'min']],
    where: certificateSeen,
  },
];


/**
 * The correlation's rollups (dashboards/sql/correlation.ts; why they give the raw query's answer:
 * docs/storage.md): failures without evidence of their own per minute, target and where they were
 * seen, and the evidence per minute, target and what it says. Both are empty or small on healthy
 * traffic, so the correlation reads them over any range.
 */
export const correlationRollups: readonly Rollup[] = [
  {
    table: 'rollup_unexplained_minute',
    dimensions: [minute, ['authority', 'lc', authoritySql()], dim('service'), dim('region'), dim('target_host'), dim('cause')],
    measures: [events, firstSeen, lastSeen],
    filter: { prewhere: UNEXPLAINED_PREWHERE_SQL, where: UNEXPLAINED_SQL },
    sources: ['target_url', 'close_code', 'close_on_wire', 'error_name', 'error_code', 'error_message', 'close_reason', 'tls_version', 'tls_alert', 'tls_verify_code', 'chain_length', 'chain_subject', 'handshake_status'],
    minuteOnly: true,
  },
  {
    table: 'rollup_evidence_minute',
    dimensions: [minute, ['authority', 'lc', authoritySql()], dim('attribution'), dim('cause'), dim('source_kind'), dim('service')],
    measures: [events, lastSeen, ['confidence', 'Float32', 'max(confidence)', 'max']],
    filter: { prewhere: EVIDENCE_SQL, where: '1' },
    sources: ['target_url', 'confidence'],
    minuteOnly: true,
  },
];

/** The `migration_steps` entry of the correlation rollups' one-off build from stored events (0.2 → 0.3). */
export const BUILD_CORRELATION_ROLLUPS_STEP = 'correlation_rollups_backfill';

/** Every rollup the builder keeps; those with hourly and daily twins. */
export const allRollups: readonly Rollup[] = [...rollups, ...correlationRollups];
export const coarseRollups: readonly Rollup[] = allRollups.filter((r) => !r.minuteOnly);
export type { Rollup };

export const rollupTableNames = allRollups.map((r) => r.table);

/**
 * A narrow hourly and daily rollup: the rows of `of`'s hourly (daily) twin grouped by fewer dimensions,
 * for readers that group and filter by no others (the time series, stats and top tables over
 * service, region, attribution, cause). `FINAL` merges by the whole sorting key, so it reads every key
 * column: on the wide twin that is nine String columns for two the panels use (docs/storage.md).
 * Built in the same round as `of`'s twin, right after it, from it (FINAL); no minute grain of its own
 * (a reader's edge minutes read `of`).
 */
export interface Projection {
  /** Table name without the grain: `<name>_hour`, `<name>_day`. */
  readonly name: string;
  readonly of: Rollup;
  readonly dimensions: readonly string[];
}

export const projections: readonly Projection[] = [
  { name: 'rollup_causes', of: rollups[0]!, dimensions: ['service', 'region', 'attribution', 'cause'] },
];

/** The `migration_steps` entry of the narrow rollups' one-off build from the hourly and daily rollups (since 0.3). */
export const BUILD_PROJECTIONS_STEP = 'causes_rollups_backfill';

/** Grains finer to coarser; each coarser one is built from the one before it. */
export const grains = ['minute', 'hour', 'day'] as const;
export type Grain = (typeof grains)[number];
export type CoarseGrain = Exclude<Grain, 'minute'>;
export const coarseGrains: readonly CoarseGrain[] = ['hour', 'day'];
export const GRAIN_S: Readonly<Record<Grain, number>> = { minute: 60, hour: 3600, day: 86_400 };
export const HOUR_S = GRAIN_S.hour;
export const DAY_S = GRAIN_S.day;
const finer: Readonly<Record<CoarseGrain, Grain>> = { hour: 'minute', day: 'hour' };
const coarser: Readonly<Record<Grain, CoarseGrain | undefined>> = { minute: 'hour', hour: 'day', day: undefined };

/** A minute rollup's twin at `grain`: rollup_minute → rollup_hour, rollup_x_minute → rollup_x_day. */
export const grainTable = (minuteTable: string, grain: Grain): string => minuteTable.replace(/minute$/, grain);
export const hourTable = (minuteTable: string): string => grainTable(minuteTable, 'hour');
export const projectionTable = (p: Projection, grain: CoarseGrain): string => `${p.name}_${grain}`;
export const coarseTableNames = coarseGrains.flatMap((g) => [...coarseRollups.map((r) => grainTable(r.table, g)), ...projections.map((p) => projectionTable(p, g))]);
const bookkeepingNames = grains.flatMap((g) => (g === 'minute' ? ['rollup_marks', 'rollup_builds'] : [`rollup_${g}_marks`, `rollup_${g}_builds`]));
/** Everything rollupStatements creates: the rollup tables, the certificates view, the build bookkeeping. */
export const rollupStorageNames = [...rollupTableNames, ...coarseTableNames, EVIDENCE_BEST_TABLE, 'certificates', ...bookkeepingNames];

/** The UTC hour or day of a DateTime expression (toStartOfHour/toStartOfDay would follow the server's time zone). */
export const periodOfSql = (column: string, grain: CoarseGrain): string => `toDateTime(intDiv(toUInt32(${column}), ${GRAIN_S[grain]}) * ${GRAIN_S[grain]})`;

/** Raw columns a rollup build reads (one row per event_id). */
const sourceColumns = [
  'event_id', 'ts', 'service', 'region', 'attribution', 'cause', 'target_host', 'runtime_family', 'source_kind', 'outcome',
  'request_extensions', 'response_extensions', 'required_extensions', 'violations', 'cert_subject', 'cert_issuer', 'cert_not_before', 'cert_not_after',
] as const;

/** Dimension names of a grain: `minute` first, or `hour` in its place. */
const dimensionNames = (rollup: Rollup, grain: Grain) => rollup.dimensions.map(([name]) => (name === 'minute' ? grain : name));

function createTable(db: string, rollup: Rollup, caps: Capabilities, grain: Grain, table = grainTable(rollup.table, grain)): string {
  const lc = caps.lowCardinality ? 'LowCardinality(String)' : 'String';
  const names = dimensionNames(rollup, grain);
  const columns = [
    ...rollup.dimensions.map(([, type], i) => `  ${names[i]} ${type === 'lc' ? lc : type}`),
    ...rollup.measures.map(([name, type]) => `  ${name} ${type}`),
    '  built_at UInt32',
  ];
  return `CREATE TABLE IF NOT EXISTS ${db}.${table} (\n${columns.join(',\n')}\n)
ENGINE = ReplacingMergeTree(built_at)
PARTITION BY toYYYYMM(${grain})
ORDER BY (${names.join(', ')})`;
}

/** A projection's columns as a rollup: `minute` and its dimensions, in `of`'s order, with `of`'s measures. */
const projectionShape = (p: Projection): Rollup => ({
  table: p.of.table,
  dimensions: p.of.dimensions.filter(([name]) => name === 'minute' || p.dimensions.includes(name)),
  measures: p.of.measures,
});

/**
 * Inventory of every certificate ever presented, for "days to expiry" panels and alerts: a view over
 * the per-minute certificate rollup, so it is exact by the same argument and needs no build of its own.
 */
function certificatesView(db: string): string {
  return `CREATE VIEW IF NOT EXISTS ${db}.certificates AS
SELECT cert_subject, cert_issuer, cert_not_after,
  min(cert_not_before) AS cert_not_before, min(first_seen) AS first_seen, max(last_seen) AS last_seen,
  groupUniqArray(target_host) AS hosts, groupUniqArray(service) AS services, groupUniqArray(region) AS regions,
  sum(events) AS handshakes, sumIf(events, attribution != 'none') AS failures
FROM ${db}.rollup_certificates_minute FINAL
GROUP BY cert_subject, cert_issuer, cert_not_after`;
}

/**
 * Build bookkeeping. `rollup_marks`: minutes the pipeline wrote rows for, with the server time of the
 * mark (written after ClickHouse acknowledged the rows, before the offsets are committed).
 * `rollup_builds`: minutes built, with the server time the build started. A minute needs a build while
 * its latest mark is not older than its latest build's start.
 */
function bookkeepingTables(db: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${db}.rollup_marks (minute DateTime, marked_at DateTime) ENGINE = ReplacingMergeTree(marked_at) ORDER BY minute`,
    `CREATE TABLE IF NOT EXISTS ${db}.rollup_builds (minute DateTime, started_at DateTime) ENGINE = ReplacingMergeTree(started_at) ORDER BY minute`,
    // The same for hours and days: a mark is written after a finer build's rows were acknowledged (since 0.3).
    ...coarseGrains.flatMap((g) => [
      `CREATE TABLE IF NOT EXISTS ${db}.rollup_${g}_marks (${g} DateTime, marked_at DateTime) ENGINE = ReplacingMergeTree(marked_at) ORDER BY ${g}`,
      `CREATE TABLE IF NOT EXISTS ${db}.rollup_${g}_builds (${g} DateTime, started_at DateTime) ENGINE = ReplacingMergeTree(started_at) ORDER BY ${g}`,
    ]),
  ];
}

/** Tables first, then the view over them. No TTL: rollups are small and kept after raw events expire. */
export function rollupStatements(db: string, caps: Capabilities): string[] {
  return [
    ...grains.flatMap((grain) => (grain === 'minute' ? allRollups : coarseRollups).map((rollup) => createTable(db, rollup, caps, grain))),
    ...coarseGrains.flatMap((grain) => projections.map((p) => createTable(db, projectionShape(p), caps, grain, projectionTable(p, grain)))),
    evidenceBestTableSql(db, caps),
    certificatesView(db),
    ...bookkeepingTables(db),
  ];
}

const dateTimes = (seconds: readonly number[]) => seconds.map((s) => `toDateTime(${Math.floor(s)})`).join(', ');

/** Marks minutes (epoch seconds) as written, stamped with the server's clock. */
export function markMinutesSql(db: string, minutes: readonly number[]): string {
  return `INSERT INTO ${db}.rollup_marks (minute, marked_at) SELECT arrayJoin([${dateTimes(minutes)}]) AS minute, now() AS marked_at`;
}

/**
 * Minutes whose latest mark is not older than their latest build, oldest first, once they are due:
 * no mark for `quietSecs` (the minute's writes have settled, e.g. every partition of a backlog has
 * passed it), or the last build is older than `staleSecs` (a minute still being written, like the
 * current one, is rebuilt at that pace). Anything pending is due when both are 0 (on stop, drain end).
 */
export function dirtyMinutesSql(db: string, limit: number, { quietSecs = 0, staleSecs = 0 } = {}): string {
  return `SELECT toUInt32(minute) AS dirty_minute
FROM (SELECT minute, max(marked_at) AS marked FROM ${db}.rollup_marks GROUP BY minute) AS m
ANY LEFT JOIN (SELECT minute, max(started_at) AS built FROM ${db}.rollup_builds GROUP BY minute) AS b USING minute
WHERE marked >= built AND (marked <= now() - ${Math.floor(quietSecs)} OR built <= now() - ${Math.floor(staleSecs)})
ORDER BY minute
LIMIT ${Math.floor(limit)}`;
}

/** Hours (days) whose latest mark is not older than their latest build, oldest first (all due at once: they are cheap). */
export function dirtyPeriodsSql(db: string, grain: CoarseGrain, limit: number): string {
  return `SELECT toUInt32(${grain}) AS period
FROM (SELECT ${grain}, max(marked_at) AS marked FROM ${db}.rollup_${grain}_marks GROUP BY ${grain}) AS m
ANY LEFT JOIN (SELECT ${grain}, max(started_at) AS built FROM ${db}.rollup_${grain}_builds GROUP BY ${grain}) AS b USING ${grain}
WHERE marked >= built
ORDER BY ${grain}
LIMIT ${Math.floor(limit)}`;
}

/** The next coarser grain of `grain`, whose periods a build at `grain` marks (none after days). */
export const coarserGrain = (grain: Grain): CoarseGrain | undefined => coarser[grain];

/**
 * Marks the `grain` periods (hours, days) holding `starts` (epoch seconds of finer periods), stamped
 * with the server's clock. Written after the finer build's rows were acknowledged and before that build
 * is recorded, like a batch's minute marks.
 */
export function markPeriodsSql(db: string, grain: CoarseGrain, starts: readonly number[]): string {
  const size = GRAIN_S[grain];
  const periods = [...new Set(starts.map((m) => Math.floor(m / size) * size))];
  return `INSERT INTO ${db}.rollup_${grain}_marks (${grain}, marked_at) SELECT arrayJoin([${dateTimes(periods)}]) AS ${grain}, now() AS marked_at`;
}

/**
 * Marks every hour (day) that has rows in the finer rollup_minute (rollup_hour) but no build yet: what
 * an upgrade from 0.2 (no coarser rollups) or an interrupted one leaves. Reads one column. GLOBAL: the
 * subquery runs once, also when both tables are Distributed (cluster mode).
 */
export function markUnbuiltPeriodsSql(db: string, grain: CoarseGrain): string {
  const source = grainTable('rollup_minute', finer[grain]);
  const period = periodOfSql(finer[grain], grain);
  return `INSERT INTO ${db}.rollup_${grain}_marks (${grain}, marked_at)
SELECT DISTINCT ${period} AS ${grain}, now() AS marked_at FROM ${db}.${source}
WHERE ${period} GLOBAL NOT IN (SELECT ${grain} FROM ${db}.rollup_${grain}_builds)`;
}

/**
 * Rebuilds the hourly (daily) twin of `rollup` for whole periods from the next finer rollup read with
 * FINAL (the newest build of every finer period), summing counts and taking min/max times; versioned
 * like a minute build.
 */
export function buildPeriodRollupSql(db: string, rollup: Rollup, grain: CoarseGrain, periods: readonly number[], builtAt: number): string {
  const from = finer[grain];
  const lo = Math.min(...periods);
  const hi = Math.max(...periods) + GRAIN_S[grain];
  const dims = rollup.dimensions.map(([name]) => name).filter((name) => name !== 'minute');
  const names = [grain, ...dims, ...rollup.measures.map(([name]) => name), 'built_at'];
  // Aliases differ from the columns they read: 18.16 rejects `sum(events) AS events` next to other aggregates.
  const selected = [
    `${periodOfSql(from, grain)} AS ${grain}`,
    ...dims,
    ...rollup.measures.map(([name, , , combine], i) => `${combine}(${name}) AS measure_${i}`),
    `toUInt32(${Math.floor(builtAt)}) AS built_at`,
  ];
  return `INSERT INTO ${db}.${grainTable(rollup.table, grain)} (${names.join(', ')})
SELECT ${selected.join(', ')}
FROM ${db}.${grainTable(rollup.table, from)} FINAL
WHERE ${from} >= toDateTime(${lo}) AND ${from} < toDateTime(${hi}) AND ${periodOfSql(from, grain)} IN (${dateTimes(periods)})
GROUP BY ${grain}, ${dims.join(', ')}`;
}

/**
 * Rebuilds projection `p` at `grain` for whole periods from `p.of`'s twin at the same grain read with
 * FINAL, summing counts and taking min/max times per narrower group; versioned like the twin's build.
 * Run in the twin's build round after the twin's rows were acknowledged, so FINAL gives it that build's
 * rows or a newer build's (docs/storage.md).
 */
export function buildProjectionSql(db: string, p: Projection, grain: CoarseGrain, periods: readonly number[], builtAt: number): string {
  const lo = Math.min(...periods);
  const hi = Math.max(...periods) + GRAIN_S[grain];
  const dims = projectionShape(p).dimensions.map(([name]) => name).filter((name) => name !== 'minute');
  const names = [grain, ...dims, ...p.of.measures.map(([name]) => name), 'built_at'];
  const selected = [grain, ...dims, ...p.of.measures.map(([name, , , combine], i) => `${combine}(${name}) AS measure_${i}`), `toUInt32(${Math.floor(builtAt)}) AS built_at`];
  return `INSERT INTO ${db}.${projectionTable(p, grain)} (${names.join(', ')})
SELECT ${selected.join(', ')}
FROM ${db}.${grainTable(p.of.table, grain)} FINAL
WHERE ${grain} >= toDateTime(${lo}) AND ${grain} < toDateTime(${hi}) AND ${grain} IN (${dateTimes(periods)})
GROUP BY ${grain}, ${dims.join(', ')}`;
}

/** Hours (days) that hold rows of `p.of`'s twin at `grain`, oldest first: what a projection's one-off build covers. */
export function storedPeriodsSql(db: string, p: Projection, grain: CoarseGrain): string {
  return `SELECT DISTINCT toUInt32(${grain}) AS period FROM ${db}.${grainTable(p.of.table, grain)} ORDER BY period`;
}

export function recordPeriodBuildSql(db: string, grain: CoarseGrain, periods: readonly number[], startedAt: number): string {
  return `INSERT INTO ${db}.rollup_${grain}_builds (${grain}, started_at) SELECT arrayJoin([${dateTimes(periods)}]) AS ${grain}, toDateTime(${Math.floor(startedAt)}) AS started_at`;
}

/**
 * Rebuilds `rollup` for whole minutes from the raw events, one row per event_id (LIMIT 1 BY keeps
 * one whole copy of a re-delivered event), versioned by `builtAt` (server seconds at the build's start).
 */
export function buildRollupSql(db: string, rollup: Rollup, minutes: readonly number[], builtAt: number): string {
  const lo = Math.min(...minutes);
  const hi = Math.max(...minutes) + 60;
  const columns = [...sourceColumns, ...(rollup.sources ?? [])];
  const range = `ts >= toDateTime(${lo}) AND ts < toDateTime(${hi}) AND toStartOfMinute(ts) IN (${dateTimes(minutes)})`;
  const read = rollup.filter ? `PREWHERE ${range} AND ${rollup.filter.prewhere}\n  WHERE ${rollup.filter.where}` : `WHERE ${range}`;
  const deduplicated = `SELECT ${columns.join(', ')} FROM ${db}.events
  ${read}
  LIMIT 1 BY event_id`;
  const names = [...rollup.dimensions.map(([name]) => name), ...rollup.measures.map(([name]) => name), 'built_at'];
  const selected = [
    ...rollup.dimensions.map(([name, , expression]) => (expression === name ? name : `${expression} AS ${name}`)),
    ...rollup.measures.map(([name, , expression]) => `${expression} AS ${name}`),
    `toUInt32(${Math.floor(builtAt)}) AS built_at`,
  ];
  const arrayJoin = rollup.arrayJoin ? `\nARRAY JOIN ${rollup.arrayJoin}` : '';
  const where = rollup.where ? `\nWHERE ${rollup.where}` : '';
  return `INSERT INTO ${db}.${rollup.table} (${names.join(', ')})
SELECT ${selected.join(', ')}
FROM (${deduplicated})${arrayJoin}${where}
GROUP BY ${rollup.dimensions.map(([name]) => name).join(', ')}`;
}

export function recordBuildSql(db: string, minutes: readonly number[], startedAt: number): string {
  return `INSERT INTO ${db}.rollup_builds (minute, started_at) SELECT arrayJoin([${dateTimes(minutes)}]) AS minute, toDateTime(${Math.floor(startedAt)}) AS started_at`;
}

/** Minutes that hold raw events, oldest first (epoch seconds). */
export function storedMinutesSql(db: string): string {
  return `SELECT DISTINCT toUInt32(toStartOfMinute(ts)) AS stored_minute FROM ${db}.events ORDER BY stored_minute`;
}

/** Marks every minute that has raw events (after a migration, or to rebuild everything). */
export function markAllMinutesSql(db: string): string {
  return `INSERT INTO ${db}.rollup_marks (minute, marked_at) SELECT DISTINCT toStartOfMinute(ts) AS minute, now() AS marked_at FROM ${db}.events`;
}
