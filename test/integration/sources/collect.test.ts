// `wsdiag collect` (the built CLI) against the shared Kafka: real HTTP requests in, records read back
// from the telemetry and dead-letter topics. Also `wsdiag logs --emit kafka` into the same topic.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, readTopic, runCli, startCli, type Sandbox } from '../../support/pipeline-harness.js';
import { freePort } from '../../support/free-port.js';

const token = 'collector-test-token-0123456789';
let sandbox: Sandbox;
let dir: string;
let base: string;
let stopCollector: () => Promise<{ code: number | null; stdout: string; stderr: string }>;

const event = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ event_id: id, ts: '2026-12-02T08:00:00Z', outcome: 'failed', source: { kind: 'client', service: 'web' }, target: { url: 'wss://ws.example.com/live' }, close: { code: 1006 }, ...extra });

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/v1/events`, { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson', ...headers } });

beforeAll(async () => {
  sandbox = await createSandbox('collect', { partitions: 1 });
  dir = await mkdtemp(join(tmpdir(), 'wsdiag-collect-'));
  await writeFile(join(dir, 'token'), `${token}\n`);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const { child, done } = startCli(['collect'], {
    ...sandbox.env,
    WSDIAG_LOG_LEVEL: 'info',
    WSDIAG_COLLECT_PORT: String(port),
    WSDIAG_COLLECT_TOKEN_FILE: join(dir, 'token'),
    WSDIAG_COLLECT_MAX_BODY_BYTES: '65536',
    WSDIAG_COLLECT_CORS_ORIGINS: 'http://app.example',
  });
  stopCollector = async () => {
    child.kill('SIGTERM');
    return done;
  };
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
});

afterAll(async () => {
  await stopCollector?.();
  await rm(dir, { recursive: true, force: true });
  await sandbox?.cleanup();
});

describe('wsdiag collect', () => {
  it('refuses a request without the bearer token, and one with another token', async () => {
    expect((await post(event('no-token'), { authorization: '' })).status).toBe(401);
    expect((await post(event('bad-token'), { authorization: 'Bearer not-the-token-at-all' })).status).toBe(401);
  });

  it('publishes valid NDJSON lines byte for byte and dead-letters the rest with the reason', async () => {
    const lines = [event('c-1'), '{"event_id":"c-2","outcome":"maybe"}', event('c-3'), '{not json'];
    const res = await post(`${lines.join('\n')}\n`);
    expect(res.status).toBe(202);
    const body = await res.json();
    expect(body).toMatchObject({ accepted: 2, dead_lettered: 2 });
    expect(body.errors.map((e: { item: number; reason: string }) => [e.item, e.reason])).toEqual([[2, 'schema_violation'], [4, 'not_json']]);
  });

  it('takes a JSON array (a browser batch) and counts each element', async () => {
    const res = await post(`[${event('a-1')},${event('a-2', { outcome: 'exploded' })}]`, { 'content-type': 'application/json' });
    expect(await res.json()).toMatchObject({ accepted: 1, dead_lettered: 1 });
  });

  it('the topics hold exactly what was accepted and dead-lettered', async () => {
    const records = await readTopic(sandbox.kafka, sandbox.topic, 3, 20_000);
    expect(records.map((r) => r.key?.toString()).sort()).toEqual(['a-1', 'c-1', 'c-3']);
    expect(records.find((r) => r.key?.toString() === 'c-1')?.value?.toString()).toBe(event('c-1'));
    const dead = await readTopic(sandbox.kafka, sandbox.dlqTopic, 3, 20_000);
    const rows = dead.map((r) => [r.value?.toString(), r.headers['wsdiag.error.reason']?.toString(), r.headers['wsdiag.source.item']?.toString()]);
    // The dead-letter topic has 3 partitions: no order across them.
    expect(rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      [JSON.stringify(JSON.parse(event('a-2', { outcome: 'exploded' }))), 'schema_violation', '2'],
      ['{"event_id":"c-2","outcome":"maybe"}', 'schema_violation', '2'],
      ['{not json', 'not_json', '4'],
    ]);
  });

  it('answers 413 past the body limit, and 405 to a GET', async () => {
    expect((await post('x'.repeat(70_000))).status).toBe(413);
    expect((await fetch(`${base}/v1/events`)).status).toBe(405);
  });

  it('answers a CORS preflight for an allowed origin only', async () => {
    const allowed = await fetch(`${base}/v1/events`, { method: 'OPTIONS', headers: { origin: 'http://app.example', 'access-control-request-method': 'POST' } });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://app.example');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await fetch(`${base}/v1/events`, { method: 'OPTIONS', headers: { origin: 'http://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('counts requests, published events and dead letters in /metrics', async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/^wsdiag_collect_events_published_total 3$/m);
    expect(text).toMatch(/^wsdiag_collect_dead_letters_total\{reason="schema_violation"\} 2$/m);
    expect(text).toMatch(/^wsdiag_collect_dead_letters_total\{reason="not_json"\} 1$/m);
    expect(text).toMatch(/^wsdiag_collect_requests_total\{status="401"\} 2$/m);
    expect(text).toMatch(/^wsdiag_collect_requests_total\{status="413"\} 1$/m);
  });

  it('stops on SIGTERM with exit 0 and never logs the token', async () => {
    const { code, stdout, stderr } = await stopCollector();
    expect(code).toBe(0);
    expect(stdout).toContain('collector stopped');
    expect(stdout + stderr).not.toContain(token);
  });
});

describe('wsdiag logs --emit kafka', () => {
  it('publishes one event per connection line of a real nginx error log', async () => {
    const logsSandbox = await createSandbox('logs', { partitions: 1 });
    try {
      const fixture = new URL('../../fixtures/sources/nginx-1.22.1-error.log', import.meta.url).pathname;
      const result = await runCli(['logs', '--format', 'nginx', '--emit', 'kafka', '--host', 'localhost', fixture], logsSandbox.env);
      expect(result.code, result.stderr).toBe(0);
      const records = await readTopic(logsSandbox.kafka, logsSandbox.topic, 9, 20_000);
      expect(records).toHaveLength(9);
      expect(new Set(records.map((r) => JSON.parse(r.value?.toString() ?? '{}').source.kind))).toEqual(new Set(['proxy']));
    } finally {
      await logsSandbox.cleanup();
    }
  });
});
