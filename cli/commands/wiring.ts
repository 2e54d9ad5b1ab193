// Builds the production parts (ClickHouse runner, Kafka source and publisher, logger) from config.
import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { loadConfig, type Config } from '../../ingest/config.js';
import { createLogger } from '../../ingest/logger.js';
import { createClickHouseRunner } from '../../ingest/clickhouse-client.js';

export function setup(env: NodeJS.ProcessEnv): { config: Config; logger: Logger } {
  const config = loadConfig(env);
  return { config, logger: createLogger(config.WSDIAG_LOG_LEVEL, undefined, config.WSDIAG_LOG_FORMAT) };
}

export function clickhouseRunner(config: Config) {
  return createClickHouseRunner({
    url: config.WSDIAG_CLICKHOUSE_URL,
    username: config.WSDIAG_CLICKHOUSE_USER,
    password: config.WSDIAG_CLICKHOUSE_PASSWORD,
    requestTimeoutMs: config.WSDIAG_CLICKHOUSE_REQUEST_TIMEOUT_MS,
    ...(config.WSDIAG_CLICKHOUSE_CA_FILE ? { caCert: readFileSync(config.WSDIAG_CLICKHOUSE_CA_FILE) } : {}),
    distributedSync: config.WSDIAG_CLICKHOUSE_CLUSTER !== undefined,
  });
}
