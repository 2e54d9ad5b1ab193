// Probes the server's capabilities and applies the idempotent migrations through a SqlRunner.
import { capabilitiesFrom, capabilityQueries, type Capabilities } from '../schemas/clickhouse/capabilities.js';
import { addChainColumns, certificateChainStatements } from '../schemas/clickhouse/certificate-chain.js';
import { createClusterTranslator } from '../schemas/clickhouse/cluster.js';
import { migrationStatements, type MigrationOptions } from '../schemas/clickhouse/migrations.js';
import { quoteString } from './sql-escape.js';
import type { SqlRunner } from './sql-runner.js';

export async function probeCapabilities(runner: SqlRunner): Promise<Capabilities> {
  const [versionRow] = await runner.query<{ version: string }>(capabilityQueries.version);
  const settings = await runner.query<{ name: string; value: string }>(capabilityQueries.settings);
  const [lcRow] = await runner.query<{ n: string | number }>(capabilityQueries.lowCardinalityType);
  return capabilitiesFrom({
    version: versionRow?.version ?? '0.0',
    settings,
    hasLowCardinalityType: Number(lcRow?.n ?? 0) > 0,
  });
}

/**
 * With a cluster name, every statement migrate runs becomes its ON CLUSTER translation
 * (schemas/clickhouse/cluster.ts); reads and inserts pass unchanged. Without one, the runner as is.
 */
export function ddlRunner(runner: SqlRunner, cluster: string | undefined): SqlRunner {
  if (!cluster) return runner;
  const translator = createClusterTranslator(cluster);
  return {
    ...runner,
    async command(sql) {
      for (const statement of translator.translate(sql)) await runner.command(statement);
    },
  };
}

export async function migrate(target: SqlRunner, options: MigrationOptions & { cluster?: string }): Promise<{ capabilities: Capabilities; statements: number }> {
  const runner = ddlRunner(target, options.cluster);
  const capabilities = await probeCapabilities(runner);
  const statements = migrationStatements(capabilities, options);
  for (const sql of statements) await runner.command(sql);
  // 0.1 → 0.2: columns a 0.1 events table lacks (18.16 has no ADD COLUMN IF NOT EXISTS), then the
  // chain inventory, whose view reads those columns.
  const columns = await runner.query<{ name: string }>(`SELECT name FROM system.columns WHERE database = ${quoteString(options.db)} AND table = 'events'`);
  const upgrade = [...addChainColumns(options.db, new Set(columns.map((c) => c.name))), ...certificateChainStatements(options.db, capabilities)];
  for (const sql of upgrade) await runner.command(sql);
  return { capabilities, statements: statements.length + upgrade.length };
}
