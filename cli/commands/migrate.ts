// `wsdiag migrate`: creates or updates the ClickHouse tables, idempotently.
import type { CliCommand } from '../program.js';
import { migrate } from '../../ingest/migrate.js';
import { clickhouseRunner, setup } from './wiring.js';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'create or update the ClickHouse tables (idempotent)',
  configure: (command) => command,
  run: async (_parsed, env) => migrateNow(env),
};

async function migrateNow(env: NodeJS.ProcessEnv): Promise<number> {
  const { config, logger } = setup(env);
  const runner = clickhouseRunner(config);
  try {
    const { capabilities, statements } = await migrate(runner, {
      db: config.WSDIAG_CLICKHOUSE_DATABASE,
      retentionDays: config.WSDIAG_RETENTION_DAYS,
      readerPassword: config.WSDIAG_READER_PASSWORD,
    });
    logger.info({ capabilities, statements, database: config.WSDIAG_CLICKHOUSE_DATABASE }, 'migrations applied');
    return 0;
  } finally {
    await runner.close();
  }
}
