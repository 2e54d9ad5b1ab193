// Probes the server's capabilities and applies the idempotent migrations through a SqlRunner.
import { capabilitiesFrom, capabilityQueries, type Capabilities } from '../schemas/clickhouse/capabilities.js';
import { addChainColumns, certificateChainStatements, dropCertificateChainViewSql } from '../schemas/clickhouse/certificate-chain.js';
import { createClusterTranslator } from '../schemas/clickhouse/cluster.js';
import { BACKFILL_EVENT_IDS_STEP, backfillEventIdsSql, recordStepSql, stepDoneSql } from '../schemas/clickhouse/event-ids.js';
import { migrationStatements, type MigrationOptions } from '../schemas/clickhouse/migrations.js';
import { BUILD_CORRELATION_ROLLUPS_STEP, BUILD_PROJECTIONS_STEP, coarseGrains, correlationRollups, markUnbuiltPeriodsSql, rollupTableNames } from '../schemas/clickhouse/rollups.js';
import { afterCreate, beforeCreate, legacyStateQueries, type LegacyState } from '../schemas/clickhouse/upgrade.js';
import { BUILD_EVIDENCE_BEST_STEP } from '../schemas/clickhouse/evidence-best.js';
import { buildEvidenceBestFromMinutes, buildFromStoredEvents, buildPendingCoarse, buildProjectionsFromCoarse } from './rollup-builder.js';
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

/** What is left of release 0.1.0's rollups in `db` (nothing on a fresh or upgraded database). */
async function legacyState(runner: SqlRunner, db: string): Promise<LegacyState> {
  const tables = await runner.query<{ name: string; engine: string }>(legacyStateQueries.tables(db));
  const stateRollups = (await runner.query<{ table: string }>(legacyStateQueries.stateRollups(db))).map((r) => r.table).filter((t) => rollupTableNames.includes(t));
  const renamedRollups = rollupTableNames.filter((t) => tables.some((row) => row.name === `${t}_v1`));
  const certificatesTable = tables.some((t) => t.name === 'certificates' && t.engine !== 'View');
  return { stateRollups, renamedRollups, certificatesTable };
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
  const create = migrationStatements(capabilities, options);
  const [createDatabase, ...rest] = create;
  await runner.command(createDatabase!);
  const legacy = await legacyState(runner, options.db);
  const statements = [...beforeCreate(options.db, legacy), ...rest, ...afterCreate(options.db, legacy)];
  for (const sql of statements) await runner.command(sql);
  // 0.1 → 0.2: columns a 0.1 events table lacks (18.16 has no ADD COLUMN IF NOT EXISTS), then the
  // chain inventory, which the minute builds fill from those columns. 0.2 → 0.3: 0.2's view that fed
  // it per insert goes (its rows stay).
  const columns = await runner.query<{ name: string }>(`SELECT name FROM system.columns WHERE database = ${quoteString(options.db)} AND table = 'events'`);
  const upgrade = [
    ...addChainColumns(options.db, new Set(columns.map((c) => c.name))),
    ...certificateChainStatements(options.db, capabilities),
    dropCertificateChainViewSql(options.db),
  ];
  for (const sql of upgrade) await runner.command(sql);
  // 0.2 → 0.3: hours (days) with finer rollups but no build of their own (all of them after the
  // upgrade, or those an interrupted upgrade left) are marked and built here, so whole hours and days
  // read right before the job runs again.
  for (const grain of coarseGrains) await runner.command(markUnbuiltPeriodsSql(options.db, grain));
  await buildPendingCoarse(runner, options.db);
  // 0.2 → 0.3: the ids of the events already stored go to event_ids once (trivial on a fresh database);
  // the step is recorded after the copy, so an interrupted copy is repeated.
  await runOnce(runner, options.db, BACKFILL_EVENT_IDS_STEP, () => runner.command(backfillEventIdsSql(options.db)));
  // 0.2 → 0.3: the correlation rollups of the events already stored, once (trivial on a fresh
  // database); recorded after the build, so an interrupted one is repeated (a newer version replaces).
  await runOnce(runner, options.db, BUILD_CORRELATION_ROLLUPS_STEP, () => buildFromStoredEvents(runner, options.db, correlationRollups));
  // 0.3: the narrow hourly and daily rollups (rollup_causes_*) of the hours and days built before they
  // existed, once, from those hourly and daily rows (trivial on a fresh database; from 0.2.0 and 0.1.0
  // the coarse build above wrote them already and this writes the same rows again); recorded after.
  await runOnce(runner, options.db, BUILD_PROJECTIONS_STEP, () => buildProjectionsFromCoarse(runner, options.db));
  // 0.3: the correlation's best evidence per target and bucket (rollup_evidence_best) of every hour with
  // evidence, once, after the evidence minutes above exist (the coarse build before them found none).
  await runOnce(runner, options.db, BUILD_EVIDENCE_BEST_STEP, () => buildEvidenceBestFromMinutes(runner, options.db));
  return { capabilities, statements: 1 + statements.length + upgrade.length };
}

/** Runs a one-off upgrade step unless `migration_steps` records it, then records it (an interrupted step is repeated). */
async function runOnce(runner: SqlRunner, db: string, step: string, run: () => Promise<unknown>): Promise<void> {
  const [done] = await runner.query<{ n: string | number }>(stepDoneSql(db, step));
  if (Number(done?.n ?? 0) > 0) return;
  await run();
  await runner.command(recordStepSql(db, step));
}
