// Rollup tables and the materialized views that feed them from wsdiag.events (names: docs/storage.md).
// Delivery is at-least-once, so a rollup may see the same event twice: every measure is an idempotent
// state (uniqExact of event_id, min, max, groupUniqArray), never count() or sum(); readers merge the
// states with GROUP BY and never rely on background merges having happened.
import type { Capabilities } from './capabilities.js';

type Measure = readonly [name: string, type: string, expression: string];

interface Rollup {
  readonly table: string;
  /** Dimension name → SQL expression over wsdiag.events (the name itself when they match). */
  readonly dimensions: ReadonlyArray<readonly [name: string, type: 'lc' | 'DateTime', expression: string]>;
  readonly measures: readonly Measure[];
  /** Optional row filter and ARRAY JOIN, applied before grouping. */
  readonly where?: string;
  readonly arrayJoin?: string;
}

const minute = ['minute', 'DateTime', 'toStartOfMinute(ts)'] as const;
const dim = (name: string) => [name, 'lc', name] as const;

const events: Measure = ['events', 'AggregateFunction(uniqExact, String)', 'uniqExactState(event_id)'];
const firstSeen: Measure = ['first_seen', 'AggregateFunction(min, DateTime)', 'minState(ts)'];
const lastSeen: Measure = ['last_seen', 'AggregateFunction(max, DateTime)', 'maxState(ts)'];

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
    // Certificates per minute and outcome, for retrospectives over a window.
    table: 'rollup_certificates_minute',
    dimensions: [minute, dim('service'), dim('region'), dim('target_host'), dim('cert_subject'), dim('cert_issuer'), ['cert_not_after', 'DateTime', 'cert_not_after'], dim('attribution'), dim('cause')],
    measures: [events, firstSeen, lastSeen, ['cert_not_before', 'AggregateFunction(min, DateTime)', 'minState(cert_not_before)']],
    where: certificateSeen,
  },
  {
    // Inventory: every certificate ever presented, for "days to expiry" panels and alerts.
    table: 'certificates',
    dimensions: [dim('cert_subject'), dim('cert_issuer'), ['cert_not_after', 'DateTime', 'cert_not_after']],
    measures: [
      ['cert_not_before', 'AggregateFunction(min, DateTime)', 'minState(cert_not_before)'],
      firstSeen,
      lastSeen,
      ['hosts', 'AggregateFunction(groupUniqArray, String)', 'groupUniqArrayState(target_host)'],
      ['services', 'AggregateFunction(groupUniqArray, String)', 'groupUniqArrayState(service)'],
      ['regions', 'AggregateFunction(groupUniqArray, String)', 'groupUniqArrayState(region)'],
      ['handshakes', 'AggregateFunction(uniqExact, String)', 'uniqExactState(event_id)'],
      ['failures', 'AggregateFunction(uniqExactIf, String, UInt8)', "uniqExactIfState(event_id, attribution != 'none')"],
    ],
    where: certificateSeen,
  },
];

export const rollupTableNames = rollups.map((r) => r.table);

function createTable(db: string, rollup: Rollup, caps: Capabilities): string {
  const lc = caps.lowCardinality ? 'LowCardinality(String)' : 'String';
  const columns = [
    ...rollup.dimensions.map(([name, type]) => `  ${name} ${type === 'lc' ? lc : type}`),
    ...rollup.measures.map(([name, type]) => `  ${name} ${type}`),
  ];
  const keys = rollup.dimensions.map(([name]) => name);
  const partition = keys.includes('minute') ? 'PARTITION BY toYYYYMM(minute)\n' : '';
  return `CREATE TABLE IF NOT EXISTS ${db}.${rollup.table} (\n${columns.join(',\n')}\n)
ENGINE = AggregatingMergeTree()
${partition}ORDER BY (${keys.join(', ')})`;
}

function createView(db: string, rollup: Rollup): string {
  const selected = [
    ...rollup.dimensions.map(([name, , expression]) => (expression === name ? name : `${expression} AS ${name}`)),
    ...rollup.measures.map(([name, , expression]) => `${expression} AS ${name}`),
  ];
  const arrayJoin = rollup.arrayJoin ? `\nARRAY JOIN ${rollup.arrayJoin}` : '';
  const where = rollup.where ? `\nWHERE ${rollup.where}` : '';
  return `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.${rollup.table}_mv TO ${db}.${rollup.table} AS
SELECT ${selected.join(', ')}
FROM ${db}.events${arrayJoin}${where}
GROUP BY ${rollup.dimensions.map(([name]) => name).join(', ')}`;
}

/** Table first, then its view, so the view never points at a missing table. No TTL: rollups are small and kept. */
export function rollupStatements(db: string, caps: Capabilities): string[] {
  return rollups.flatMap((rollup) => [createTable(db, rollup, caps), createView(db, rollup)]);
}
