// Publishes deterministic sample traffic to the telemetry topic.
import { parseArgs } from 'node:util';
import type { Command } from '../wsdiag.js';
import { sampleTraffic } from '../../ingest/sample-traffic.js';
import { createKafkaPublisher } from '../../ingest/kafka-source.js';
import { setup } from './wiring.js';

export const produceCommand: Command = async (args, env) => {
  const { values } = parseArgs({
    args,
    options: {
      count: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      'invalid-ratio': { type: 'string', default: '0' },
      start: { type: 'string' },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  const invalidRatio = Number(values['invalid-ratio']);
  const startMs = values.start ? Date.parse(values.start) : Date.now() - count * 200;
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(seed) || !(invalidRatio >= 0 && invalidRatio <= 1) || Number.isNaN(startMs)) {
    process.stderr.write('wsdiag produce: --count and --seed take whole numbers, --invalid-ratio 0..1, --start an RFC 3339 time\n');
    return 2;
  }
  const { config, logger } = setup(env);
  const publisher = createKafkaPublisher(config, logger);
  const records = sampleTraffic({ count, seed, invalidRatio, startMs });
  try {
    for (let i = 0; i < records.length; i += 1000) {
      await publisher.publish(config.WSDIAG_TOPIC, records.slice(i, i + 1000).map((r) => ({ key: r.key, value: r.value })));
    }
  } finally {
    await publisher.disconnect();
  }
  const valid = records.filter((r) => r.eventId !== undefined).length;
  logger.info({ topic: config.WSDIAG_TOPIC, produced: records.length, valid, invalid: records.length - valid }, 'sample traffic produced');
  return 0;
};
