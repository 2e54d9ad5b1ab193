// Checks one-shot commands make before their work: the servers answer (within seconds, not after the
// pipeline's minutes of retries) and the tables exist. Each failure is one coded line saying what to do.
import type { Config } from '../../ingest/config.js';
import { requireBrokers } from '../../ingest/kafka-source.js';
import type { SqlRunner } from '../../ingest/sql-runner.js';
import { CliError } from '../program.js';

export { requireBrokers };

export async function requireClickHouse(runner: { ping(): Promise<boolean> }, config: Config, timeoutMs = 5000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const up = await Promise.race([runner.ping().catch(() => false), timeout]).finally(() => clearTimeout(timer));
  if (!up) {
    throw new CliError(
      'WSDIAG_ERR_CLICKHOUSE_UNREACHABLE',
      `ClickHouse does not answer at ${config.WSDIAG_CLICKHOUSE_URL} (WSDIAG_CLICKHOUSE_URL) within ${timeoutMs / 1000} s. Start it (scripts/services up) or point WSDIAG_CLICKHOUSE_URL at yours.`,
    );
  }
}

/** summary and retro read the rollups: before `wsdiag migrate` there are none to read. */
export async function requireMigrated(runner: SqlRunner, db: string): Promise<void> {
  const rows = await runner.query<{ n: string | number }>(`SELECT count() AS n FROM system.tables WHERE database = '${db}' AND name = 'rollup_minute'`);
  if (Number(rows[0]?.n ?? 0) === 0) {
    throw new CliError('WSDIAG_ERR_NOT_MIGRATED', `database ${db} has no wsdiag tables yet: run 'wsdiag migrate' first (then 'wsdiag run' to fill them).`);
  }
}

