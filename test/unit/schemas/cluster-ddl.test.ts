// The cluster translation of the single-server DDL: run over every statement migrate issues today
// (so a new statement kind fails here, not on a user's cluster), and on the shapes it must produce.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capabilitiesFrom } from '../../../schemas/clickhouse/capabilities.js';
import { addChainColumns, certificateChainStatements, dropCertificateChainViewSql } from '../../../schemas/clickhouse/certificate-chain.js';
import { createClusterTranslator, ClusterDdlError } from '../../../schemas/clickhouse/cluster.js';
import { migrationStatements } from '../../../schemas/clickhouse/migrations.js';

const engines = {
  '18.16': capabilitiesFrom({ version: '18.16.1', settings: [], hasLowCardinalityType: true }),
  '25.8': capabilitiesFrom({ version: '25.8.1', settings: [], hasLowCardinalityType: true }),
};

/** Everything migrate sends on a fresh database, in its order. */
function singleServerStatements(version: keyof typeof engines): string[] {
  const caps = engines[version];
  return [
    ...migrationStatements(caps, { db: 'w', retentionDays: 30, readerPassword: 'reader-password' }),
    ...addChainColumns('w', new Set()),
    ...certificateChainStatements('w', caps),
    dropCertificateChainViewSql('w'),
  ];
}

/** 0.2.0's certificate_chain view (test/fixtures/schema-0.2.0), the one materialized view migrate ever sent on events. */
const view02 = (JSON.parse(readFileSync(new URL('../../fixtures/schema-0.2.0/migration-statements.json', import.meta.url), 'utf8')) as Record<string, string[]>)['18.16']!
  .find((s) => s.startsWith('CREATE MATERIALIZED VIEW'))!
  .replaceAll('__DB__', 'w');

describe.each(Object.keys(engines) as Array<keyof typeof engines>)('cluster DDL from the %s statements', (version) => {
  const translator = createClusterTranslator('wsdiag');
  const single = singleServerStatements(version);
  const translated = single.flatMap((sql) => translator.translate(sql));

  it('translates every statement and puts each DDL ON CLUSTER', () => {
    expect(translated.length).toBeGreaterThan(single.length);
    for (const sql of translated) expect(sql).toMatch(/ON CLUSTER wsdiag\b/);
  });

  it('replaces every MergeTree table by a Replicated one under <name>_local and a Distributed one under the name', () => {
    const created = single.map((s) => /^CREATE TABLE IF NOT EXISTS w\.(\w+)/.exec(s)?.[1]).filter((t): t is string => !!t);
    expect(created).toContain('events');
    for (const table of created) {
      const local = translated.find((s) => s.startsWith(`CREATE TABLE IF NOT EXISTS w.${table}_local ON CLUSTER wsdiag (`));
      expect(local, table).toMatch(new RegExp(`ENGINE = Replicated\\w*MergeTree\\('/clickhouse/tables/\\{shard\\}/w/${table}_local', '\\{replica\\}'`));
      const front = translated.find((s) => s.startsWith(`CREATE TABLE IF NOT EXISTS w.${table} ON CLUSTER wsdiag AS w.${table}_local`));
      expect(front, table).toMatch(new RegExp(`ENGINE = Distributed\\(wsdiag, w, ${table}_local, cityHash64\\(.+\\)\\)$`));
    }
  });

  it('shards events by event_id, so every copy of one event lands on one shard', () => {
    expect(translator.shardingKeys.get('w.events')).toBe('cityHash64(event_id)');
  });

  it('shards tables without event_id by their whole sorting key, so rows that replace each other meet', () => {
    const rollup = single.find((s) => s.startsWith('CREATE TABLE IF NOT EXISTS w.rollup_minute '))!;
    const order = /ORDER BY \((.+)\)/.exec(rollup)![1];
    expect(translator.shardingKeys.get('w.rollup_minute')).toBe(`cityHash64(${order})`);
  });

  it('keeps engine arguments, partitioning, ordering and TTL of the single-server table', () => {
    const events = translated.find((s) => s.includes('w.events_local ON CLUSTER'))!;
    const original = single.find((s) => s.startsWith('CREATE TABLE IF NOT EXISTS w.events '))!;
    expect(events.slice(events.indexOf('\nPARTITION BY'))).toBe(original.slice(original.indexOf('\nPARTITION BY')));
  });

  it("creates no materialized view (an insert into events is only the insert) and drops 0.2's on every server", () => {
    expect(single.filter((s) => /MATERIALIZED VIEW/i.test(s))).toEqual([]);
    expect(translated).toContain('DROP TABLE IF EXISTS w.certificate_chain_mv ON CLUSTER wsdiag');
  });

  it('points a materialized view at the shard-local tables on both ends', () => {
    const [view] = translator.translate(view02);
    expect(view).toMatch(/ TO w\.certificate_chain_local AS/);
    expect(view).toMatch(/FROM w\.events_local\b/);
  });

  it('alters a replicated table on every shard and recreates its Distributed table with the new columns', () => {
    const alter = addChainColumns('w', new Set())[0]!;
    expect(translator.translate(alter)).toEqual([
      alter.replace('ALTER TABLE w.events ', 'ALTER TABLE w.events_local ON CLUSTER wsdiag '),
      'DROP TABLE IF EXISTS w.events ON CLUSTER wsdiag',
      'CREATE TABLE IF NOT EXISTS w.events ON CLUSTER wsdiag AS w.events_local\nENGINE = Distributed(wsdiag, w, events_local, cityHash64(event_id))',
    ]);
  });
});

describe('cluster DDL: other statements', () => {
  const t = createClusterTranslator('c1');
  t.translate('CREATE TABLE IF NOT EXISTS w.r (minute DateTime, n UInt64, v UInt32) ENGINE = ReplacingMergeTree(v) ORDER BY minute');

  it.each([
    ['drop of a replicated table drops both', 'DROP TABLE IF EXISTS w.r', ['DROP TABLE IF EXISTS w.r ON CLUSTER c1', 'DROP TABLE IF EXISTS w.r_local ON CLUSTER c1']],
    ['drop of a view', 'DROP TABLE IF EXISTS w.r_mv', ['DROP TABLE IF EXISTS w.r_mv ON CLUSTER c1']],
    ['a plain view reads the Distributed tables', 'CREATE VIEW IF NOT EXISTS w.v AS SELECT sum(n) FROM w.r FINAL', ['CREATE VIEW IF NOT EXISTS w.v ON CLUSTER c1 AS SELECT sum(n) FROM w.r FINAL']],
    ['an insert goes through the Distributed table', 'INSERT INTO w.r SELECT 1, 2, 3', ['INSERT INTO w.r SELECT 1, 2, 3']],
    ['a non-column ALTER of a replicated table', 'ALTER TABLE w.r DELETE WHERE n = 0', ['ALTER TABLE w.r_local ON CLUSTER c1 DELETE WHERE n = 0']],
    ['OPTIMIZE', 'OPTIMIZE TABLE w.r FINAL', ['OPTIMIZE TABLE w.r_local ON CLUSTER c1 FINAL']],
    ['CREATE USER', "CREATE USER IF NOT EXISTS u IDENTIFIED WITH sha256_password BY 'x'", ["CREATE USER IF NOT EXISTS u ON CLUSTER c1 IDENTIFIED WITH sha256_password BY 'x'"]],
    ['GRANT', 'GRANT SELECT ON w.* TO u', ['GRANT ON CLUSTER c1 SELECT ON w.* TO u']],
  ])('%s', (_label, sql, expected) => {
    expect(t.translate(sql)).toEqual(expected);
  });

  it('shards a table without event_id by its unparenthesised ORDER BY', () => {
    expect(t.shardingKeys.get('w.r')).toBe('cityHash64(minute)');
  });

  it.each([
    ['an engine that cannot be replicated', 'CREATE TABLE w.m (a String) ENGINE = Memory'],
    ['an already replicated table', "CREATE TABLE w.x (a String) ENGINE = ReplicatedMergeTree('/p', 'r') ORDER BY a"],
    ['a materialized view with an inner table', 'CREATE MATERIALIZED VIEW w.v ENGINE = MergeTree ORDER BY a AS SELECT a FROM w.r'],
    ['a statement kind it does not know', 'RENAME TABLE w.r TO w.r2'],
  ])('refuses %s with a coded error', (_label, sql) => {
    expect(() => t.translate(sql)).toThrow(ClusterDdlError);
  });

  it('refuses a cluster name that is not an identifier', () => {
    expect(() => createClusterTranslator("c1'; DROP")).toThrow(ClusterDdlError);
  });
});
