// Publishes deterministic sample traffic to the telemetry topic.
import { UsageError, type CliCommand } from '../program.js';
import { sampleTraffic } from '../../ingest/sample-traffic.js';
import { createKafkaPublisher } from '../../ingest/kafka-source.js';
import { progressWanted, startProgress } from '../progress.js';
import { requireBrokers } from './preflight.js';
import { setup } from './wiring.js';

export const produceCommand: CliCommand = {
  name: 'produce',
  summary: 'publish deterministic sample traffic to the telemetry topic',
  configure: (command) =>
    command
      .option('--count <n>', 'records to publish', '1000')
      .option('--seed <n>', 'seed of the generator (same seed, same records)', '1')
      .option('--invalid-ratio <r>', 'share of deliberately invalid records, 0..1', '0')
      .option('--start <time>', 'RFC 3339 time of the first event (default: count × 200 ms ago)')
      .option('--progress', 'records/s on stderr (default: when stderr is a terminal)')
      .option('--no-progress', 'no progress line'),
  run: async ({ opts }, env) => {
    const count = Number(opts.count);
    const seed = Number(opts.seed);
    const invalidRatio = Number(opts.invalidRatio);
    const start = opts.start as string | undefined;
    const startMs = start ? Date.parse(start) : Date.now() - count * 200;
    if (!Number.isInteger(count) || count < 0 || !Number.isInteger(seed) || !(invalidRatio >= 0 && invalidRatio <= 1) || Number.isNaN(startMs)) {
      throw new UsageError('--count and --seed take whole numbers, --invalid-ratio 0..1, --start an RFC 3339 time');
    }
    return produce({ count, seed, invalidRatio, startMs, progress: progressWanted(opts.progress) }, env);
  },
};

interface ProduceSettings {
  count: number;
  seed: number;
  invalidRatio: number;
  startMs: number;
  progress: boolean;
}

async function produce({ count, seed, invalidRatio, startMs, progress }: ProduceSettings, env: NodeJS.ProcessEnv): Promise<number> {
  const { config, logger } = setup(env);
  await requireBrokers(config, logger, [config.WSDIAG_TOPIC]);
  const publisher = createKafkaPublisher(config, logger);
  const records = sampleTraffic({ count, seed, invalidRatio, startMs });
  let sent = 0;
  const shown = progress ? startProgress(async () => ({ records: sent, total: records.length }), process.stderr) : undefined;
  let outcome = 'stopped';
  try {
    for (let i = 0; i < records.length; i += 1000) {
      const chunk = records.slice(i, i + 1000);
      await publisher.publish(config.WSDIAG_TOPIC, chunk.map((r) => ({ key: r.key, value: r.value })));
      sent += chunk.length;
    }
    outcome = `produced to ${config.WSDIAG_TOPIC}`;
  } finally {
    await shown?.stop(outcome);
    await publisher.disconnect();
  }
  const valid = records.filter((r) => r.eventId !== undefined).length;
  logger.info({ topic: config.WSDIAG_TOPIC, produced: records.length, valid, invalid: records.length - valid }, 'sample traffic produced');
  return 0;
}
