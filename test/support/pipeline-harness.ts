// Real-server harness for pipeline tests: an isolated topic pair, consumer group and database per
// test, the built CLI as a child process, and read-backs from Kafka and ClickHouse.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import { createClickHouseRunner } from '../../ingest/clickhouse-client.js';
import { repoRoot, servicesConfig } from './services.js';

import { cliPath } from './cli-path.js';

export { cliPath };

export interface Sandbox {
  topic: string;
  dlqTopic: string;
  groupId: string;
  database: string;
  partitions: number;
  env: Record<string, string>;
  kafka: Kafka;
  clickhouse: ReturnType<typeof createClickHouseRunner>;
  cleanup(): Promise<void>;
}

export interface SandboxOptions {
  partitions?: number;
  /** Names topics, group and database: `it` for integration tests, `faults` for the fault suite. */
  prefix?: string;
  brokers?: readonly string[];
  clickhouseUrl?: string;
  /** Topic configs for both topics, e.g. a larger max.message.bytes. */
  topicConfig?: Array<{ name: string; value: string }>;
  kafkaRetry?: { retries: number; maxRetryTime: number };
  /** Pipeline settings on top of the sandbox's own. */
  env?: Record<string, string>;
}

/** Own topic pair, consumer group and database on the given (default: shared) servers. */
export async function createSandbox(name: string, options: SandboxOptions = {}): Promise<Sandbox> {
  const services = servicesConfig();
  const { partitions = 6, prefix = 'it', topicConfig = [] } = options;
  const brokers = [...(options.brokers ?? services.kafkaBrokers)];
  const clickhouseUrl = options.clickhouseUrl ?? services.clickhouseUrl;
  const id = `${name}_${randomUUID().slice(0, 8)}`;
  const topic = `${prefix}.${id}.telemetry`;
  const dlqTopic = `${prefix}.${id}.dlq`;
  const groupId = `${prefix}.${id}`;
  const database = `wsdiag_${prefix}_${id.replace(/[^a-zA-Z0-9_]/g, '_')}`;
  const kafka = new Kafka({ clientId: `wsdiag-${prefix}`, brokers, logLevel: logLevel.NOTHING, ...(options.kafkaRetry ? { retry: options.kafkaRetry } : {}) });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [
      { topic, numPartitions: partitions, configEntries: topicConfig },
      { topic: dlqTopic, numPartitions: 3, configEntries: topicConfig },
    ],
  });
  await admin.disconnect();
  const clickhouse = createClickHouseRunner({ url: clickhouseUrl, username: 'default', password: '', requestTimeoutMs: 120_000 });
  const env: Record<string, string> = {
    WSDIAG_KAFKA_BROKERS: brokers.join(','),
    WSDIAG_CLICKHOUSE_URL: clickhouseUrl,
    WSDIAG_TOPIC: topic,
    WSDIAG_DLQ_TOPIC: dlqTopic,
    WSDIAG_KAFKA_GROUP_ID: groupId,
    WSDIAG_CLICKHOUSE_DATABASE: database,
    WSDIAG_METRICS_PORT: '0',
    WSDIAG_LOG_LEVEL: 'warn',
    ...options.env,
  };
  return {
    topic,
    dlqTopic,
    groupId,
    database,
    partitions,
    env,
    kafka,
    clickhouse,
    async cleanup() {
      await clickhouse.command(`DROP DATABASE IF EXISTS ${database}`).catch(() => undefined);
      await clickhouse.close();
      const a = kafka.admin();
      await a.connect().catch(() => undefined);
      await a.deleteTopics({ topics: [topic, dlqTopic] }).catch(() => undefined);
      await a.disconnect().catch(() => undefined);
    },
  };
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function startCli(args: string[], env: Record<string, string>): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [cliPath, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<CliResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

export const runCli = (args: string[], env: Record<string, string>) => startCli(args, env).done;

export interface ConsumedRecord {
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
}

/** Reads a topic from the beginning until `expected` records arrived or `timeoutMs` passed. */
export async function readTopic(kafka: Kafka, topic: string, expected: number, timeoutMs = 30_000): Promise<ConsumedRecord[]> {
  const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
  const records: ConsumedRecord[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const deadline = Date.now() + timeoutMs;
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      records.push({ partition, offset: message.offset, key: message.key, value: message.value, headers: message.headers ?? {} });
    },
  });
  while (records.length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  // A short grace period so that extra (unexpected) records would be seen too.
  await new Promise((r) => setTimeout(r, 500));
  await consumer.disconnect();
  return records;
}

/** Committed offsets of the group next to the topic's end offsets. */
export async function groupOffsets(kafka: Kafka, groupId: string, topic: string) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return ends
      .map((e) => ({ partition: e.partition, end: e.high, committed: committed?.partitions.find((p) => p.partition === e.partition)?.offset ?? '-1' }))
      .sort((a, b) => a.partition - b.partition);
  } finally {
    await admin.disconnect();
  }
}
