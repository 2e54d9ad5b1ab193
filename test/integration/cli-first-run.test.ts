// A newcomer's first minutes, with the built CLI on the real servers: unreachable servers and a
// missing topic fail in seconds with one line, summary/retro before migrate say to migrate, a busy
// metrics port is named before any DDL, and --progress ends with a summary of what was done.
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, runCli, type Sandbox } from '../support/pipeline-harness.js';
import { freePort } from '../support/free-port.js';

const oneLine = (stderr: string) => stderr.trimEnd().split('\n');

describe('one-shot commands fail fast on closed ports', () => {
  let closed: number;
  beforeAll(async () => {
    closed = await freePort();
  });
  // The spawn has no timeout of its own: before, a mistyped broker meant ~5 minutes of retries,
  // which the test's own timeout (60 s) would report as a failure.
  it.each([
    ['produce', ['produce', '--count', '10'], 'kafka', 'WSDIAG_ERR_KAFKA_UNREACHABLE', 'WSDIAG_KAFKA_BROKERS'],
    ['run --drain', ['run', '--drain'], 'kafka', 'WSDIAG_ERR_KAFKA_UNREACHABLE', 'WSDIAG_KAFKA_BROKERS'],
    ['migrate', ['migrate'], 'clickhouse', 'WSDIAG_ERR_CLICKHOUSE_UNREACHABLE', 'WSDIAG_CLICKHOUSE_URL'],
    ['run --drain', ['run', '--drain'], 'clickhouse', 'WSDIAG_ERR_CLICKHOUSE_UNREACHABLE', 'WSDIAG_CLICKHOUSE_URL'],
  ])('%s with %s closed: exit 1, one coded line naming the variable', async (_label, args, which, code, variable) => {
    const env = { WSDIAG_METRICS_PORT: '0', ...(which === 'kafka' ? { WSDIAG_KAFKA_BROKERS: `127.0.0.1:${closed}` } : { WSDIAG_CLICKHOUSE_URL: `http://127.0.0.1:${closed}` }) };
    const result = await runCli(args, env);
    expect(result.code, result.stderr).toBe(1);
    expect(oneLine(result.stderr), result.stderr).toHaveLength(1);
    expect(result.stderr).toMatch(new RegExp(`^wsdiag: ${code}: .*\\(${variable}\\)`));
    expect(result.stdout).toBe('');
  }, 60_000);
});

describe('on the shared servers', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await createSandbox('firstrun', { partitions: 2 });
  }, 60_000);
  afterAll(async () => sandbox?.cleanup());

  it.each([
    ['summary', ['summary']],
    ['retro', ['retro', '--from', '2026-11-25T10:00:00Z', '--to', '2026-11-25T11:00:00Z']],
  ])('%s before migrate says to run migrate', async (_label, args) => {
    const result = await runCli(args, sandbox.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`wsdiag: WSDIAG_ERR_NOT_MIGRATED: database ${sandbox.database} has no wsdiag tables yet: run 'wsdiag migrate' first (then 'wsdiag run' to fill them).\n`);
  });

  it('a busy metrics port is reported with its variable before any DDL runs', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const result = await runCli(['run', '--drain'], { ...sandbox.env, WSDIAG_METRICS_PORT: String(port) });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^wsdiag: WSDIAG_ERR_METRICS_PORT: WSDIAG_METRICS_PORT=${port}: cannot listen on 127\\.0\\.0\\.1:${port} \\(EADDRINUSE`));
      const databases = await sandbox.clickhouse.query<{ name: string }>(`SELECT name FROM system.databases WHERE name = '${sandbox.database}'`);
      expect(databases).toEqual([]);
    } finally {
      busy.close();
    }
  });

  it('produce to a topic that does not exist fails in seconds, naming it', async () => {
    const result = await runCli(['produce', '--count', '5'], { ...sandbox.env, WSDIAG_TOPIC: `${sandbox.topic}.missing` });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^wsdiag: WSDIAG_ERR_KAFKA_NO_TOPIC: topic ${sandbox.topic.replace(/\./g, '\\.')}\\.missing does not exist`));
  }, 60_000);

  it('produce and run --drain with --progress end with a summary of what they did', async () => {
    const produced = await runCli(['produce', '--count', '400', '--seed', '7', '--invalid-ratio', '0.05', '--progress'], sandbox.env);
    expect(produced.code, produced.stderr).toBe(0);
    expect(produced.stderr).toMatch(new RegExp(`^produced to ${sandbox.topic.replace(/\./g, '\\.')}: 400 records in \\d+\\.\\d s \\(\\d+ records/s\\)$`, 'm'));
    const drained = await runCli(['run', '--drain', '--progress'], sandbox.env);
    expect(drained.code, drained.stderr).toBe(0);
    const summary = /^drained: 400 records, (\d+) stored, (\d+) dead letters, 0 duplicates skipped in \d+\.\d s/m.exec(drained.stderr);
    expect(summary, drained.stderr).not.toBeNull();
    const [, stored, dead] = summary!.map(Number);
    expect(stored! + dead!).toBe(400);
    expect(dead).toBeGreaterThan(0);
    const summaryOut = await runCli(['summary'], sandbox.env);
    expect(summaryOut.stdout).toContain(`total distinct events: ${stored}`);
  }, 120_000);
});
