// Builds the rollups for every minute the pipeline has written rows for since that minute's last build
// (schemas/clickhouse/rollups.ts; why this is exact: docs/storage.md). Idempotent and safe to run from
// several instances at once: a build only ever replaces a minute's rows by a newer, complete version.
import { buildRollupSql, dirtyMinutesSql, recordBuildSql, rollups } from '../schemas/clickhouse/rollups.js';
import type { SqlRunner } from './sql-runner.js';

/** Minutes per build round: bounds the size of one build's deduplicating read. */
const MINUTES_PER_ROUND = 60;

/** A minute's writes have settled once it went unmarked this long; one still written is rebuilt this often. */
export const ROLLUP_QUIET_SECS = 3;
export const ROLLUP_STALE_SECS = 30;

export interface RollupBuilder {
  /**
   * Builds the minutes that need it; resolves with how many minute builds ran. `due` (the default)
   * waits for a minute to settle or go stale; `all` builds everything pending (on stop, drain end).
   */
  buildPending(which?: 'due' | 'all'): Promise<number>;
}

export function createRollupBuilder(runner: SqlRunner, db: string): RollupBuilder {
  return {
    async buildPending(which = 'all') {
      const due = which === 'due' ? { quietSecs: ROLLUP_QUIET_SECS, staleSecs: ROLLUP_STALE_SECS } : {};
      let built = 0;
      for (;;) {
        const minutes = (await runner.query<{ dirty_minute: string | number }>(dirtyMinutesSql(db, MINUTES_PER_ROUND, due))).map((r) => Number(r.dirty_minute));
        if (minutes.length === 0) return built;
        // The build's version is the server's clock before it reads: rows acknowledged before a mark
        // older than this second are all visible to the reads below (docs/storage.md).
        const [clock] = await runner.query<{ now: string | number }>('SELECT toUInt32(now()) AS now');
        const startedAt = Number(clock?.now ?? 0);
        for (const rollup of rollups) await runner.command(buildRollupSql(db, rollup, minutes, startedAt));
        await runner.command(recordBuildSql(db, minutes, startedAt));
        built += minutes.length;
        if (minutes.length < MINUTES_PER_ROUND) return built;
      }
    },
  };
}
