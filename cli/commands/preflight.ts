// Checks one-shot commands make before their work: the servers answer (within seconds, not after the
// pipeline's minutes of retries) and the tables exist. Each failure is one coded line saying what to do.
import type { Config } from '../../ingest/config.js';
import { requireBrokers } from '../../ingest/kafka-source.js';
import type { SqlRunner } from '../../ingest/sql-runner.js';
import { CliError } from '../program.js';

export { requireBrokers };

export async function requireClickHouse(runner: SqlRunner, config: Config, timeoutMs = 5000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  let problem: string | undefined;
  try {
    if ((await Promise.race([runner.query('SELECT 1 AS ok'), timeout])) === 'timeout') problem = `no answer within ${timeoutMs / 1000} s`;
  } catch (error) {
    // Wrong credentials or a failed TLS handshake carry their own code and advice: let them through.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('WSDIAG_ERR_')) throw error;
    problem = (error instanceof Error ? error.message : String(error)).split('\n')[0] || 'no answer';
  } finally {
    clearTimeout(timer);
  }
  if (problem !== undefined) {
    throw new CliError(
      'WSDIAG_ERR_CLICKHOUSE_UNREACHABLE',
      `ClickHouse does not answer at ${config.WSDIAG_CLICKHOUSE_URL} (WSDIAG_CLICKHOUSE_URL): ${problem}. Start it (scripts/services up) or point WSDIAG_CLICKHOUSE_URL at yours.`,
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

