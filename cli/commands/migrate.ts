// `wsdiag migrate [--cluster NAME]`: creates or updates the ClickHouse tables, idempotently; with a
// cluster, ON CLUSTER (docs/scaling.md). The flag wins over WSDIAG_CLICKHOUSE_CLUSTER.
import type { CliCommand } from '../program.js';
import { migrate } from '../../ingest/migrate.js';
import { requireClickHouse } from './preflight.js';
import { clickhouseRunner, setup } from './wiring.js';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'create or update the ClickHouse tables (idempotent; --cluster NAME: ON CLUSTER, sharded)',
  configure: (command) => command.option('--cluster <name>', 'a remote_servers cluster: Replicated tables per shard, Distributed tables in front'),
  run: async ({ opts }, env) => migrateNow(typeof opts.cluster === 'string' ? { ...env, WSDIAG_CLICKHOUSE_CLUSTER: opts.cluster } : env),
};

async function migrateNow(env: NodeJS.ProcessEnv): Promise<number> {
  const { config, logger } = setup(env);
  const runner = clickhouseRunner(config);
  try {
    await requireClickHouse(runner, config);
    const { capabilities, statements } = await migrate(runner, {
      db: config.WSDIAG_CLICKHOUSE_DATABASE,
      retentionDays: config.WSDIAG_RETENTION_DAYS,
      readerPassword: config.WSDIAG_READER_PASSWORD,
      cluster: config.WSDIAG_CLICKHOUSE_CLUSTER,
    });
    logger.info({ capabilities, statements, database: config.WSDIAG_CLICKHOUSE_DATABASE, cluster: config.WSDIAG_CLICKHOUSE_CLUSTER ?? null }, 'migrations applied');
    return 0;
  } finally {
    await runner.close();
  }
}
