// `wsdiag run`: the streaming job. SIGTERM/SIGINT stop fetching, flush, commit and exit 0.
import { parseArgs } from 'node:util';
import type { Command } from '../wsdiag.js';
import { classify, CLASSIFIER_VERSION } from '../../analyzers/classify.js';
import { createKafkaPublisher, createKafkaSource } from '../../ingest/kafka-source.js';
import { createMetrics } from '../../ingest/metrics.js';
import { createPipeline } from '../../ingest/pipeline.js';
import { createEventSink } from '../../ingest/clickhouse-sink.js';
import { startHttpServer } from '../../ingest/http-server.js';
import { migrate } from '../../ingest/migrate.js';
import { clickhouseRunner, setup } from './wiring.js';

export const runCommand: Command = async (args, env) => {
  const { values } = parseArgs({ args, options: { drain: { type: 'boolean', default: false }, 'no-migrate': { type: 'boolean', default: false } } });
  const { config, logger } = setup(env);
  const runner = clickhouseRunner(config);
  const metrics = createMetrics();
  if (!values['no-migrate']) await migrate(runner, { db: config.WSDIAG_CLICKHOUSE_DATABASE, retentionDays: config.WSDIAG_RETENTION_DAYS });
  const pipeline = createPipeline({
    config,
    source: createKafkaSource(config, logger),
    publisher: createKafkaPublisher(config, logger),
    sink: createEventSink(runner, config.WSDIAG_CLICKHOUSE_DATABASE),
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
    await pipeline.run({ drain: values.drain ?? false });
    return 0;
  } finally {
    server?.close();
    await runner.close();
  }
};
