// `wsdiag collect`: the HTTP intake (POST /v1/events) in front of the telemetry topic, for emitters
// that cannot reach Kafka (browser pages, instrumented clients). Runs until SIGTERM/SIGINT.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CliCommand } from '../program.js';
import { collectPath, createCollectorHandler, createCollectorMetrics } from '../../ingest/collector.js';
import { createKafkaPublisher } from '../../ingest/kafka-source.js';
import { setup } from './wiring.js';

export const collectCommand: CliCommand = {
  name: 'collect',
  summary: 'HTTP intake: POST /v1/events (NDJSON or JSON array) validated into the telemetry topic (WSDIAG_COLLECT_*)',
  configure: (command) => command.addHelpText('after', '\nConfigured by WSDIAG_COLLECT_HOST, WSDIAG_COLLECT_PORT, WSDIAG_COLLECT_TOKEN(_FILE), WSDIAG_COLLECT_CORS_ORIGINS, WSDIAG_COLLECT_MAX_BODY_BYTES.'),
  run: async (_parsed, env) => collect(env),
};

async function collect(env: NodeJS.ProcessEnv): Promise<number> {
  const { config, logger } = setup(env);
  const token = config.WSDIAG_COLLECT_TOKEN;
  const log = logger.child({ stage: 'collect' });
  const publisher = createKafkaPublisher(config, logger);
  const handler = createCollectorHandler({
    publisher,
    metrics: createCollectorMetrics(),
    logger: log,
    options: {
      topic: config.WSDIAG_TOPIC,
      dlqTopic: config.WSDIAG_DLQ_TOPIC,
      maxBodyBytes: config.WSDIAG_COLLECT_MAX_BODY_BYTES,
      maxRecordBytes: config.WSDIAG_MAX_RECORD_BYTES,
      corsOrigins: config.WSDIAG_COLLECT_CORS_ORIGINS,
      ...(token ? { token } : {}),
    },
  });
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      log.error({ err: { message: (error as Error).message } }, 'request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.WSDIAG_COLLECT_PORT, config.WSDIAG_COLLECT_HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  log.info({ host: config.WSDIAG_COLLECT_HOST, port, path: collectPath, auth: token ? 'bearer' : 'none', cors: config.WSDIAG_COLLECT_CORS_ORIGINS }, 'collector listening');
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  // Stop accepting, let requests in flight finish (each awaits its publish), then close the producer.
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await publisher.disconnect();
  log.info('collector stopped');
  return 0;
}
