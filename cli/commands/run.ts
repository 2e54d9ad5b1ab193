// `wsdiag run`: the streaming job. SIGTERM/SIGINT stop fetching, flush, commit and exit 0.
import type { CliCommand } from '../program.js';
import { classify, CLASSIFIER_VERSION } from '../../analyzers/classify.js';
import { createKafkaPublisher, createKafkaSource } from '../../ingest/kafka-source.js';
import { createMetrics } from '../../ingest/metrics.js';
import { createPipeline } from '../../ingest/pipeline.js';
import { createEventSink } from '../../ingest/clickhouse-sink.js';
import { createRollupBuilder } from '../../ingest/rollup-builder.js';
import { startHttpServer } from '../../ingest/http-server.js';
import { migrate } from '../../ingest/migrate.js';
import { clickhouseRunner, setup } from './wiring.js';

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'consume telemetry, classify, write to ClickHouse (--drain: exit once caught up)',
  configure: (command) =>
    command
      .option('--drain', 'exit 0 once every partition is caught up (a one-shot import)', false)
      .option('--no-migrate', 'do not create or update the tables first'),
  run: async ({ opts }, env) => run({ drain: opts.drain === true, migrate: opts.migrate !== false }, env),
};

async function run(values: { drain: boolean; migrate: boolean }, env: NodeJS.ProcessEnv): Promise<number> {
  const { config, logger } = setup(env);
  const runner = clickhouseRunner(config);
  const metrics = createMetrics();
  if (values.migrate) await migrate(runner, { db: config.WSDIAG_CLICKHOUSE_DATABASE, retentionDays: config.WSDIAG_RETENTION_DAYS, cluster: config.WSDIAG_CLICKHOUSE_CLUSTER });
  const pipeline = createPipeline({
    config,
    source: createKafkaSource(config, logger),
    publisher: createKafkaPublisher(config, logger),
    sink: createEventSink(runner, config.WSDIAG_CLICKHOUSE_DATABASE),
    rollups: createRollupBuilder(runner, config.WSDIAG_CLICKHOUSE_DATABASE),
    classify,
    classifierVersion: CLASSIFIER_VERSION,
    metrics,
    logger,
  });
  const server = config.WSDIAG_METRICS_PORT > 0 ? await startHttpServer(metrics.registry, pipeline, config.WSDIAG_METRICS_HOST, config.WSDIAG_METRICS_PORT) : undefined;
  const onSignal = (signal: string) => {
    logger.info({ signal }, 'stopping: flushing and committing');
    pipeline.stop();
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));
  try {
    await pipeline.run({ drain: values.drain });
    return 0;
  } finally {
    server?.close();
    await runner.close();
  }
}
