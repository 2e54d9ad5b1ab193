// Retro filter validation and the SQL it produces: hostile input never reaches a query, and what does
// reach one is quoted; every retro query reads rollups only.
import { describe, expect, it } from 'vitest';
import { parseRetroFilters, type RetroFilters } from '../../../dashboards/sql/retro-filters.js';
import * as retroSql from '../../../dashboards/sql/retro.js';
import { parseRetroArgs } from '../../../cli/commands/retro.js';
import { quoteString } from '../../../ingest/sql-escape.js';

const base = { db: 'wsdiag', from: '2025-03-14T08:30:00Z', to: '2025-03-14T10:30:00Z' };
const queries = [retroSql.totalsSql, retroSql.timelineSql, retroSql.causesSql, retroSql.failureGroupsSql, retroSql.certificatesSql, retroSql.extensionsSql, retroSql.violationsSql];

describe('parseRetroFilters', () => {
  it('rounds the window out to whole minutes (rollups are per minute)', () => {
    const parsed = parseRetroFilters({ ...base, from: '2025-03-14T08:30:45Z', to: '2025-03-14T10:29:01.5Z' });
    expect(parsed).toEqual({ success: true, data: { db: 'wsdiag', fromS: Date.parse('2025-03-14T08:30:00Z') / 1000, toS: Date.parse('2025-03-14T10:30:00Z') / 1000, service: undefined } });
  });

  it.each([
    ['quote and comment', "x' OR 1=1 --"],
    ['backslash', 'market\\feed'],
    ['NUL byte', 'market-feed\u0000'],
    ['newline', 'a\nb'],
    ['space', 'market feed'],
    ['empty', ''],
    ['too long', 'a'.repeat(129)],
    ['leading dash', '-x'],
    ['braces (query parameter syntax)', '{service:String}'],
  ])('rejects service %s', (_label, service) => {
    const parsed = parseRetroFilters({ ...base, service });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error).toMatch(/^service: /);
  });

  it.each([
    ['the usual', 'market-feed'],
    ['dots, colons, underscores', 'eu.api_gw:v2'],
  ])('accepts service %s', (_label, service) => {
    expect(parseRetroFilters({ ...base, service })).toMatchObject({ success: true, data: { service } });
  });

  it.each([
    ['to before from', { ...base, to: '2025-03-14T08:00:00Z' }, /to: --to must be after --from/],
    ['not a time', { ...base, from: "2025' OR 1=1" }, /from: /],
    ['database not an identifier', { ...base, db: 'wsdiag; DROP TABLE x' }, /db: /],
    ['unknown key', { ...base, region: 'eu-west-1' }, /region|Unrecognized/i],
    ['over 400 days', { ...base, from: '2023-01-01T00:00:00Z' }, /400 days/],
  ])('rejects %s', (_label, input, message) => {
    const parsed = parseRetroFilters(input);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error).toMatch(message);
  });
});

describe('retro SQL', () => {
  const filters = (parseRetroFilters({ ...base, service: 'market-feed' }) as { data: RetroFilters }).data;

  it.each(queries.map((q) => [q.name, q] as const))('%s reads rollups only and filters window and service', (_name, query) => {
    const sql = query(filters);
    expect(sql).not.toMatch(/\bwsdiag\.events\b/);
    expect(sql).toMatch(/FROM wsdiag\.(rollup_minute|rollup_extensions_minute|rollup_violations_minute|rollup_certificates_minute)\b/);
    if (query === retroSql.timelineSql) {
      // A per-minute timeline reads minutes throughout.
      expect(sql).toContain(`(minute >= toDateTime(${filters.fromS}) AND minute < toDateTime(${filters.toS}))`);
    } else {
      // The window's edges are minutes (08:30–09:00, 10:00–10:30); its whole hour comes from the hourly twin.
      expect(sql).toContain(`(minute >= toDateTime(${filters.fromS}) AND minute < toDateTime(${filters.fromS + 1800}))`);
      expect(sql).toContain(`(minute >= toDateTime(${filters.toS - 1800}) AND minute < toDateTime(${filters.toS}))`);
      expect(sql).toContain(`(hour >= toDateTime(${filters.fromS + 1800}) AND hour < toDateTime(${filters.toS - 1800}))`);
    }
    expect(sql).toContain("service = 'market-feed'");
    // Merged counts never reuse the state column's name (it would shadow `events` in other aggregates).
    expect(sql).not.toMatch(/\) AS events\b/);
  });

  it('quotes a service even when handed an unvalidated object (defence in depth)', () => {
    const sql = retroSql.totalsSql({ ...filters, service: "x' OR 1=1 --" });
    expect(sql).toContain(`service = ${quoteString("x' OR 1=1 --")}`);
    expect(sql).toContain("service = 'x\\' OR 1=1 --'");
  });

  it.each([
    ['database', { ...filters, db: 'x; DROP DATABASE y' }],
    ['window', { ...filters, fromS: Number.NaN }],
  ])('refuses a hand-built filter with a bad %s', (_label, bad) => {
    expect(() => retroSql.totalsSql(bad as RetroFilters)).toThrow(TypeError);
  });
});

describe('quoteString', () => {
  it.each([
    ['quote', "a'b", "'a\\'b'"],
    ['backslash', 'a\\b', "'a\\\\b'"],
    ['backslash then quote', "a\\'b", "'a\\\\\\'b'"],
    ['NUL', 'a\u0000b', "'a\\0b'"],
    ['newline, CR, tab', 'a\nb\rc\td', "'a\\nb\\rc\\td'"],
  ])('escapes %s', (_label, value, quoted) => {
    expect(quoteString(value)).toBe(quoted);
  });
});

describe('parseRetroArgs', () => {
  it.each([
    ['missing --to', ['--from', 'x'], /--from and --to \(or --last\) are required/],
    ['bad format', ['--from', 'a', '--to', 'b', '--format', 'xml'], /md, json or html/],
    ['unknown flag', ['--from', 'a', '--to', 'b', '--region', 'x'], /region/],
    ['positional', ['--from', 'a', '--to', 'b', 'extra'], /extra|positional|too many arguments/i],
  ])('rejects %s', (_label, args, message) => {
    const parsed = parseRetroArgs(args);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('defaults to markdown', () => {
    expect(parseRetroArgs(['--from', 'a', '--to', 'b', '--service', 's'])).toEqual({ ok: true, from: 'a', to: 'b', service: 's', format: 'md' });
  });
});
