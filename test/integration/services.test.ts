// The local services that every integration test relies on: scripts/services reports them up,
// reuses them instead of starting twice, and they are configured the way the pipeline expects.
import { createClient } from '@clickhouse/client';
import { Kafka, logLevel } from 'kafkajs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runServices, servicesConfig } from '../support/services.js';

const config = servicesConfig();
const servicesDir = process.env.WSDIAG_SERVICES_DIR || join(repoRoot, '.services');
const readPid = (service: string): string | undefined => {
  try {
    return readFileSync(join(servicesDir, service, 'pid'), 'utf8').trim();
  } catch {
    return undefined; // started by someone else (reused), so no pid file of ours
  }
};

const status = await runServices(['status']);
const startedByScript = (service: string): boolean =>
  new RegExp(`^${service}: up .*started by scripts/services`, 'm').test(status.stdout);

describe('scripts/services', () => {
  it('status reports both services up and exits 0', () => {
    const run = status;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^clickhouse: up /m);
    expect(run.stdout).toMatch(/^kafka: up /m);
  });

  it('up while running reuses the servers instead of starting new ones', async () => {
    const before = { clickhouse: readPid('clickhouse'), kafka: readPid('kafka') };
    const run = await runServices(['up']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/started pid/);
    expect(run.stderr).toMatch(/clickhouse: (already running|reusing)/);
    expect(run.stderr).toMatch(/kafka: (already running|reusing)/);
    expect({ clickhouse: readPid('clickhouse'), kafka: readPid('kafka') }).toEqual(before);
  });

  it('takes its ports from the CLI variables (WSDIAG_CLICKHOUSE_URL, the first of WSDIAG_KAFKA_BROKERS) when the port variables are unset', async () => {
    const run = await runServices(['status'], { env: { WSDIAG_CH_HTTP_PORT: '', WSDIAG_KAFKA_PORT: '', WSDIAG_CLICKHOUSE_URL: 'http://127.0.0.1:1/', WSDIAG_KAFKA_BROKERS: '127.0.0.1:2,127.0.0.1:9092' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^clickhouse: down \(http:\/\/127\.0\.0\.1:1\)$/m);
    expect(run.stdout).toMatch(/^kafka: down \(127\.0\.0\.1:2\)$/m);
  });

  it('rejects an unknown command with usage and exit 2', async () => {
    const run = await runServices(['restart-everything']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/scripts\/services up/);
  });
});

describe('kafka broker', () => {
  const kafka = new Kafka({ clientId: 'wsdiag-services-test', brokers: [...config.kafkaBrokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  beforeAll(() => admin.connect());
  afterAll(() => admin.disconnect());

  it.each([
    ['telemetry topic', config.topic, 6],
    ['dead-letter topic', config.dlqTopic, 3],
  ])('%s %s exists with %i partitions', async (_label, topic, partitions) => {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(topics[0]?.partitions).toHaveLength(partitions);
  });

  it('does not auto-create topics (a misspelt topic must fail, not appear)', async () => {
    const ghost = `wsdiag.no-such-topic.${process.pid}.${Date.now()}`;
    const producer = kafka.producer({ allowAutoTopicCreation: true, retry: { retries: 1, initialRetryTime: 100 } });
    await producer.connect();
    try {
      await expect(producer.send({ topic: ghost, messages: [{ value: 'x' }], timeout: 2000 })).rejects.toThrow();
    } finally {
      await producer.disconnect();
    }
    expect(await admin.listTopics()).not.toContain(ghost);
  });
});

describe('clickhouse server', () => {
  const client = createClient({ url: config.clickhouseUrl });
  afterAll(() => client.close());

  it('answers SELECT version()', async () => {
    const rs = await client.query({ query: 'SELECT version() AS v', format: 'JSONEachRow' });
    const [row] = await rs.json<{ v: string }>();
    console.info(`ClickHouse server version: ${row?.v}`);
    expect(row?.v).toMatch(/^\d+\.\d+\.\d+/);
  });

  // A property of the config scripts/services writes; a reused server has its owner's profile.
  it.runIf(startedByScript('clickhouse'))('accepts LowCardinality columns for the default user (18.16 needs the profile flag)', async () => {
    const table = `default.wsdiag_services_lc_${process.pid}`;
    await client.command({ query: `CREATE TABLE ${table} (s LowCardinality(String)) ENGINE = Memory` });
    try {
      await client.insert({ table, values: [{ s: 'a' }, { s: 'a' }, { s: 'b' }], format: 'JSONEachRow' });
      const rs = await client.query({ query: `SELECT uniqExact(s) AS n, toTypeName(s) AS t FROM ${table} GROUP BY t`, format: 'JSONEachRow' });
      expect(await rs.json()).toEqual([{ n: '2', t: 'LowCardinality(String)' }]);
    } finally {
      await client.command({ query: `DROP TABLE IF EXISTS ${table}` });
    }
  });
});
