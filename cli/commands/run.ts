// `wsdiag run`: the streaming job. SIGTERM/SIGINT stop fetching, flush, commit and exit 0.
// The metrics port is taken before any DDL runs, so a busy port costs nothing; `--drain` (one-shot)
// first checks that Kafka and ClickHouse answer, in seconds.
import type { Server } from 'node:http';
import { CliError, type CliCommand } from '../program.js';
import { classify, CLASSIFIER_VERSION } from '../../analyzers/classify.js';
import { createKafkaPublisher, createKafkaSource } from '../../ingest/kafka-source.js';
import { createMetrics, type Metrics } from '../../ingest/metrics.js';
import { createPipeline } from '../../ingest/pipeline.js';
import { createEventSink } from '../../ingest/clickhouse-sink.js';
import { createRollupBuilder } from '../../ingest/rollup-builder.js';
import { startHttpServer } from '../../ingest/http-server.js';
import { migrate } from '../../ingest/migrate.js';
import { progressWanted, startProgress, type Counts } from '../progress.js';
import { requireBrokers, requireClickHouse } from './preflight.js';
import { clickhouseRunner, setup } from './wiring.js';

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'consume telemetry, classify, write to ClickHouse (--drain: exit once caught up)',
  configure: (command) =>
    command
      .option('--drain', 'exit 0 once every partition is caught up (a one-shot import)', false)
      .option('--no-migrate', 'do not create or update the tables first')
      .option('--progress', 'with --drain: records/s and lag on stderr (default: when stderr is a terminal)')
      .option('--no-progress', 'no progress line'),
  run: async ({ opts }, env) => run({ drain: opts.drain === true, migrate: opts.migrate !== false, progress: opts.progress }, env),
};

const sum = async (metric: { get(): Promise<{ values: Array<{ value: number }> }> }): Promise<number> =>
  (await metric.get()).values.reduce((total, v) => total + v.value, 0);

async function counts(metrics: Metrics): Promise<Counts> {
  return {
    records: await sum(metrics.recordsConsumed),
    stored: await sum(metrics.rowsInserted),
    deadLetters: await sum(metrics.deadLetters),
    duplicates: await sum(metrics.duplicatesSkipped),
    lag: await sum(metrics.consumerLag),
  };
}

async function listen(metrics: Metrics, probes: Parameters<typeof startHttpServer>[1], host: string, port: number): Promise<Server> {
  try {
    return await startHttpServer(metrics.registry, probes, host, port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new CliError(
        'WSDIAG_ERR_METRICS_PORT',
        `WSDIAG_METRICS_PORT=${port}: cannot listen on ${host}:${port} (${code}${code === 'EADDRINUSE' ? ', another wsdiag run?' : ''}). Set WSDIAG_METRICS_PORT to a free port, or 0 for no endpoint.`,
      );
    }
    throw error;
  }
}

async function run(values: { drain: boolean; migrate: boolean; progress: unknown }, env: NodeJS.ProcessEnv): Promise<number> {
  const { config, logger } = setup(env);
  const runner = clickhouseRunner(config);
  const metrics = createMetrics();
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
  let server: Server | undefined;
  try {
    server = config.WSDIAG_METRICS_PORT > 0 ? await listen(metrics, pipeline, config.WSDIAG_METRICS_HOST, config.WSDIAG_METRICS_PORT) : undefined;
    if (values.drain) {
      await requireClickHouse(runner, config);
      await requireBrokers(config, logger, [config.WSDIAG_TOPIC, config.WSDIAG_DLQ_TOPIC]);
    }
    if (values.migrate) await migrate(runner, { db: config.WSDIAG_CLICKHOUSE_DATABASE, retentionDays: config.WSDIAG_RETENTION_DAYS, cluster: config.WSDIAG_CLICKHOUSE_CLUSTER });
    const onSignal = (signal: string) => {
      logger.info({ signal }, 'stopping: flushing and committing');
      pipeline.stop();
    };
    process.once('SIGTERM', () => onSignal('SIGTERM'));
    process.once('SIGINT', () => onSignal('SIGINT'));
    const progress = values.drain && progressWanted(values.progress) ? startProgress(() => counts(metrics), process.stderr) : undefined;
    let outcome = 'stopped';
    try {
      await pipeline.run({ drain: values.drain });
      outcome = values.drain ? 'drained' : 'stopped';
    } finally {
      await progress?.stop(outcome);
    }
    return 0;
  } finally {
    server?.close();
    await runner.close();
  }
}
