// Macro and template-variable expansion as the Grafana ClickHouse plugin does it, alert rule
// extraction and threshold evaluation (dashboards/panel-sql.ts).
import { describe, expect, it } from 'vitest';
import {
  alertQueries,
  applyConditionalAll,
  expandAlertSql,
  expandSql,
  firingInstances,
  withDatabase,
  type AlertRulesDocument,
  type ExpandContext,
} from '../../../dashboards/panel-sql.js';

const ctx: ExpandContext = {
  fromSeconds: 1741941000, // 2025-03-14T08:30:00Z
  toSeconds: 1741948200, // 2025-03-14T10:30:00Z
  intervalSeconds: 60,
  variables: {
    service: { all: false, values: ['market-feed'] },
    services: { all: false, values: ['market-feed', 'collab-editor'] },
    region: { all: true, options: ['eu-west-1', 'us-east-1'] },
    quoted: { all: false, values: ["o'brien"] },
    none: { all: false, values: [] },
  },
};

describe('expandSql', () => {
  it.each([
    ['$__timeFilter on a column', 'WHERE $__timeFilter(minute)', 'WHERE minute >= toDateTime(1741941000) AND minute <= toDateTime(1741948200)'],
    ['$__timeFilter trims its argument', '$__timeFilter( ts )', 'ts >= toDateTime(1741941000) AND ts <= toDateTime(1741948200)'],
    ['$__fromTime and $__toTime', 'SELECT $__fromTime, $__toTime', 'SELECT toDateTime(1741941000), toDateTime(1741948200)'],
    ['$__toTime in arithmetic', 'minute > $__toTime - 300', 'minute > toDateTime(1741948200) - 300'],
    ['$__timeInterval', '$__timeInterval(ts)', 'toStartOfInterval(toDateTime(ts), INTERVAL 60 second)'],
    ['$__interval_s', 'intDiv(t, $__interval_s)', 'intDiv(t, 60)'],
    ['one value, default format: raw', "service = '$service'", "service = 'market-feed'"],
    ['braced variable', "service = '${service}'", "service = 'market-feed'"],
    ['several values, default format: quoted list', 'service IN ($services)', "service IN ('market-feed','collab-editor')"],
    ['singlequote format', 'service IN (${service:singlequote})', "service IN ('market-feed')"],
    ['singlequote escapes quotes', '${quoted:singlequote}', "'o\\'brien'"],
    ['All outside $__conditionalAll: every option', 'region IN (${region:singlequote})', "region IN ('eu-west-1','us-east-1')"],
    ['$__conditionalAll with All', 'WHERE $__conditionalAll(region IN (${region:singlequote}), $region)', 'WHERE 1=1'],
    ['$__conditionalAll with a value', 'WHERE $__conditionalAll(service IN (${service:singlequote}), $service)', "WHERE service IN ('market-feed')"],
    ['$__conditionalAll with an empty selection', 'WHERE $__conditionalAll(service IN (${none:singlequote}), $none)', 'WHERE 1=1'],
    ['$__conditionalAll with ${var} and nested commas', '$__conditionalAll(hasAny(s, [${services:singlequote}]), ${services})', "hasAny(s, ['market-feed','collab-editor'])"],
    [
      'two $__conditionalAll in one query',
      'WHERE $__conditionalAll(service IN (${service:singlequote}), $service) AND $__conditionalAll(region IN (${region:singlequote}), $region)',
      "WHERE service IN ('market-feed') AND 1=1",
    ],
    ['text without macros is untouched', "SELECT 'a$' AS x", "SELECT 'a$' AS x"],
  ])('%s', (_label, sql, expected) => {
    expect(expandSql(sql, ctx)).toBe(expected);
  });

  it('uses at least 1 s for $__interval_s, as the plugin does', () => {
    expect(expandSql('$__interval_s', { ...ctx, intervalSeconds: 0.2 })).toBe('1');
  });

  it.each([
    ['unknown variable', 'WHERE s = $nosuch', 'UNKNOWN_VARIABLE'],
    ['unknown variable in $__conditionalAll', '$__conditionalAll(x = 1, $nosuch)', 'UNKNOWN_VARIABLE'],
    ['$__conditionalAll without a variable', '$__conditionalAll(x = 1)', 'BAD_MACRO_ARGS'],
    ['millisecond macros (DateTime64: not on 18.16)', '$__timeFilter_ms(ts)', 'UNSUPPORTED_MACRO'],
    ['unknown macro', '$__adHocFilters()', 'UNSUPPORTED_MACRO'],
    ['$__timeFilter without a column', '$__timeFilter()', 'BAD_MACRO_ARGS'],
    ['$__timeFilter with two columns', '$__timeFilter(a, b)', 'BAD_MACRO_ARGS'],
    ['unbalanced parentheses', '$__timeFilter(ts', 'BAD_MACRO_ARGS'],
    ['unsupported variable format', '${service:csv}', 'UNSUPPORTED_MACRO'],
  ])('rejects %s', (_label, sql, code) => {
    expect(() => expandSql(sql, ctx)).toThrow(expect.objectContaining({ code }));
  });

  it('applies $__conditionalAll before variables, so an All selection never reaches the condition', () => {
    expect(applyConditionalAll('$__conditionalAll(service IN ($service), $service)', { service: { all: true, options: [] } })).toBe('1=1');
  });
});

describe('withDatabase', () => {
  it('rewrites wsdiag.<table> only', () => {
    expect(withDatabase("SELECT 'wsdiag' FROM wsdiag.rollup_minute JOIN wsdiag.events USING id", 'tmp_db')).toBe(
      "SELECT 'wsdiag' FROM tmp_db.rollup_minute JOIN tmp_db.events USING id",
    );
  });
});

const rule = (over: Record<string, unknown> = {}, evaluator: { type: string; params: number[] } = { type: 'gt', params: [5] }) => ({
  uid: 'r1',
  title: 'rule',
  condition: 'C',
  data: [
    { refId: 'A', datasourceUid: 'wsdiag-clickhouse', relativeTimeRange: { from: 600, to: 0 }, model: { rawSql: 'SELECT service, 1 AS value WHERE $__timeFilter(minute)' } },
    { refId: 'C', datasourceUid: '__expr__', model: { type: 'threshold', expression: 'A', conditions: [{ evaluator }] } },
  ],
  ...over,
});
const doc = (...rules: unknown[]) => ({ apiVersion: 1, groups: [{ name: 'g', folder: 'f', interval: '1m', rules }] }) as unknown as AlertRulesDocument;

describe('alertQueries', () => {
  it('extracts the SQL, its relative time range and the threshold', () => {
    const [a] = alertQueries(doc(rule()));
    expect(a).toMatchObject({ uid: 'r1', relativeFromSeconds: 600, relativeToSeconds: 0, threshold: { type: 'gt', value: 5 }, noDataState: 'NoData' });
    expect(expandAlertSql(a!, 1741948200)).toBe('SELECT service, 1 AS value WHERE minute >= toDateTime(1741947600) AND minute <= toDateTime(1741948200)');
  });

  it.each([
    ['a condition that is not a threshold on the query', rule({ condition: 'A' })],
    ['an evaluator other than gt/lt', rule({}, { type: 'within_range', params: [1, 2] })],
    ['no relative time range', rule({ data: [{ refId: 'A', datasourceUid: 'x', model: { rawSql: 'SELECT 1' } }, rule().data[1]] })],
  ])('rejects %s', (_label, r) => {
    expect(() => alertQueries(doc(r))).toThrow(expect.objectContaining({ code: 'BAD_RULE' }));
  });
});

describe('firingInstances', () => {
  const [gt] = alertQueries(doc(rule()));
  const [lt] = alertQueries(doc(rule({}, { type: 'lt', params: [14] })));

  it('fires one instance per row above a gt threshold, labelled by the other columns', () => {
    const rows = [
      { service: 'a', value: 6 },
      { service: 'b', value: '5' },
      { service: 'c', value: '120' }, // UInt64 arrives as a string
    ];
    expect(firingInstances(gt!, rows)).toEqual([{ service: 'a' }, { service: 'c' }]);
  });

  it('fires below an lt threshold', () => {
    expect(firingInstances(lt!, [{ cert: 'x', value: 10.06 }, { cert: 'y', value: 48 }])).toEqual([{ cert: 'x' }]);
  });

  it('rejects a row without a numeric value column', () => {
    expect(() => firingInstances(gt!, [{ service: 'a', failures: 3 }])).toThrow(expect.objectContaining({ code: 'BAD_RULE' }));
  });
});
