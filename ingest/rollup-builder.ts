// Builds the rollups for every minute the pipeline has written rows for since that minute's last build,
// then the hourly rollups for every hour whose minutes were rebuilt (each narrow projection right after
// its wide twin), then the daily ones likewise (schemas/clickhouse/rollups.ts; why this is exact: docs/storage.md). Idempotent and safe to run from
// several instances at once: a build only ever replaces a period's rows by a newer, complete version.
import { buildCertificateChainSql } from '../schemas/clickhouse/certificate-chain.js';
import {
  buildPeriodRollupSql,
  buildProjectionSql,
  buildRollupSql,
  coarseGrains,
  coarserGrain,
  dirtyMinutesSql,
  dirtyPeriodsSql,
  allRollups,
  coarseRollups,
  markPeriodsSql,
  projections,
  recordBuildSql,
  recordPeriodBuildSql,
  storedMinutesSql,
  storedPeriodsSql,
  type Rollup,
  type CoarseGrain,
} from '../schemas/clickhouse/rollups.js';
import { buildEvidenceBestSql, evidenceHoursSql } from '../schemas/clickhouse/evidence-best.js';
import type { SqlRunner } from './sql-runner.js';

/** Minutes per build round: bounds the size of one build's deduplicating read. */
const MINUTES_PER_ROUND = 60;
/** Minutes per statement of a one-off build from stored events (rollups of rare events: small reads). */
const MINUTES_PER_BACKFILL = 1440;
/** Hours (days) per round: each reads at most this many periods of the finer rollup. */
const PERIODS_PER_ROUND: Readonly<Record<CoarseGrain, number>> = { hour: 24, day: 7 };
/** Hours (days) per statement of a projection's one-off build: about a month. */
const PERIODS_PER_BACKFILL: Readonly<Record<CoarseGrain, number>> = { hour: 744, day: 31 };

/** A minute's writes have settled once it went unmarked this long; one still written is rebuilt this often. */
export const ROLLUP_QUIET_SECS = 3;
export const ROLLUP_STALE_SECS = 30;

export interface RollupBuilder {
  /**
   * Builds the minutes that need it, then the hours and days they belong to; resolves with how many
   * minute builds ran. `due` (the default) waits for a minute to settle or go stale; `all` builds
   * everything pending (on stop, drain end).
   */
  buildPending(which?: 'due' | 'all'): Promise<number>;
}

/** The server's clock before a build reads: its version (docs/storage.md). */
async function serverSeconds(runner: SqlRunner): Promise<number> {
  const [clock] = await runner.query<{ now: string | number }>('SELECT toUInt32(now()) AS now');
  return Number(clock?.now ?? 0);
}

/** Builds every marked hour (day) from the finer rollups and marks the coarser periods; resolves with the builds run. */
export async function buildPendingPeriods(runner: SqlRunner, db: string, grain: CoarseGrain): Promise<number> {
  const next = coarserGrain(grain);
  const limit = PERIODS_PER_ROUND[grain];
  let built = 0;
  for (;;) {
    const periods = (await runner.query<{ period: string | number }>(dirtyPeriodsSql(db, grain, limit))).map((r) => Number(r.period));
    if (periods.length === 0) return built;
    const startedAt = await serverSeconds(runner);
    for (const rollup of coarseRollups) await runner.command(buildPeriodRollupSql(db, rollup, grain, periods, startedAt));
    // After the wide twins' rows were acknowledged: FINAL gives each projection this build's rows or newer.
    for (const p of projections) await runner.command(buildProjectionSql(db, p, grain, periods, startedAt));
    // The correlation's best evidence per target and 5-minute bucket, from the hours' evidence minutes.
    if (grain === 'hour') await runner.command(buildEvidenceBestSql(db, periods, startedAt));
    if (next) await runner.command(markPeriodsSql(db, next, periods));
    await runner.command(recordPeriodBuildSql(db, grain, periods, startedAt));
    built += periods.length;
    if (periods.length < limit) return built;
  }
}

/**
 * Builds `which` (minute rollups without twins) for every minute that holds raw events, a day of
 * minutes per statement, versioned by the server's clock; marks and records nothing, since the other
 * rollups of those minutes are built already. For a rollup added by an upgrade (`wsdiag migrate`, with
 * the job stopped): each build reads every stored row of its minutes, one per event_id, so it counts
 * what a build by the job would; a repeat after an interruption writes a newer version of the same rows.
 */
export async function buildFromStoredEvents(runner: SqlRunner, db: string, which: readonly Rollup[]): Promise<number> {
  if (which.some((r) => !r.minuteOnly)) throw new TypeError('only rollups without hourly and daily twins are built this way');
  const minutes = (await runner.query<{ stored_minute: string | number }>(storedMinutesSql(db))).map((r) => Number(r.stored_minute));
  const startedAt = await serverSeconds(runner);
  for (let i = 0; i < minutes.length; i += MINUTES_PER_BACKFILL) {
    const chunk = minutes.slice(i, i + MINUTES_PER_BACKFILL);
    for (const rollup of which) await runner.command(buildRollupSql(db, rollup, chunk, startedAt));
  }
  return minutes.length;
}

/**
 * Builds every projection (narrow hourly and daily rollups) from the hourly and daily rollups already
 * built, a month of periods per statement, versioned by the server's clock; marks and records nothing.
 * For projections added by an upgrade (`wsdiag migrate`, with the job stopped, so the wide twins are
 * settled): a repeat after an interruption writes a newer version of the same rows.
 */
export async function buildProjectionsFromCoarse(runner: SqlRunner, db: string): Promise<number> {
  let built = 0;
  for (const grain of coarseGrains) {
    for (const p of projections) {
      const periods = (await runner.query<{ period: string | number }>(storedPeriodsSql(db, p, grain))).map((r) => Number(r.period));
      const startedAt = await serverSeconds(runner);
      const step = PERIODS_PER_BACKFILL[grain];
      for (let i = 0; i < periods.length; i += step) await runner.command(buildProjectionSql(db, p, grain, periods.slice(i, i + step), startedAt));
      built += periods.length;
    }
  }
  return built;
}

/**
 * Builds the correlation's best evidence (rollup_evidence_best) of every hour that holds evidence minute
 * rows, a month of hours per statement, versioned by the server's clock: for an upgrade (`wsdiag migrate`,
 * job stopped), after the evidence minutes were built; a repeat writes a newer version of the same rows.
 */
export async function buildEvidenceBestFromMinutes(runner: SqlRunner, db: string): Promise<number> {
  const hours = (await runner.query<{ period: string | number }>(evidenceHoursSql(db))).map((r) => Number(r.period));
  const startedAt = await serverSeconds(runner);
  for (let i = 0; i < hours.length; i += PERIODS_PER_BACKFILL.hour) await runner.command(buildEvidenceBestSql(db, hours.slice(i, i + PERIODS_PER_BACKFILL.hour), startedAt));
  return hours.length;
}

/** Hours, then days: everything marked so far. */
export async function buildPendingCoarse(runner: SqlRunner, db: string): Promise<void> {
  for (const grain of coarseGrains) await buildPendingPeriods(runner, db, grain);
}

export function createRollupBuilder(runner: SqlRunner, db: string): RollupBuilder {
  return {
    async buildPending(which = 'all') {
      const due = which === 'due' ? { quietSecs: ROLLUP_QUIET_SECS, staleSecs: ROLLUP_STALE_SECS } : {};
      let built = 0;
      for (;;) {
        const minutes = (await runner.query<{ dirty_minute: string | number }>(dirtyMinutesSql(db, MINUTES_PER_ROUND, due))).map((r) => Number(r.dirty_minute));
        if (minutes.length === 0) break;
        // The build's version is the server's clock before it reads: rows acknowledged before a mark
        // older than this second are all visible to the reads below (docs/storage.md).
        const startedAt = await serverSeconds(runner);
        for (const rollup of allRollups) await runner.command(buildRollupSql(db, rollup, minutes, startedAt));
        // The chain inventory of the same minutes, under the same protocol (idempotent states, no version).
        await runner.command(buildCertificateChainSql(db, minutes));
        // The hours are marked once the minutes' rows are acknowledged and before the build is
        // recorded: a crash in between leaves the minutes to build again, and marks the hours again.
        await runner.command(markPeriodsSql(db, 'hour', minutes));
        await runner.command(recordBuildSql(db, minutes, startedAt));
        built += minutes.length;
        if (minutes.length < MINUTES_PER_ROUND) break;
      }
      await buildPendingCoarse(runner, db);
      return built;
    },
  };
}
