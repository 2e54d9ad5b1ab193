// `wsdiag logs` as a user runs it (the built CLI, no servers): a file read once, stdin, and --follow
// across a logrotate-style rotation until SIGTERM, with the skipped lines counted on stderr.
import { spawn, spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { cliPath } from '../../support/cli-path.js';

const offline = { ...process.env, WSDIAG_KAFKA_BROKERS: '127.0.0.1:9', WSDIAG_LOG_LEVEL: 'info', TZ: 'UTC' };
const fixture = new URL('../../fixtures/sources/nginx-1.22.1-error.log', import.meta.url).pathname;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wsdiag-logs-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const summaryOf = (stderr: string) => JSON.parse(stderr.trim().split('\n').at(-1) ?? '{}');

it('reads a file: one v1 event per connection line on stdout, the counts on stderr, exit 0', () => {
  const out = spawnSync(process.execPath, [cliPath, 'logs', '--format', 'nginx', fixture], { env: offline, encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  expect(out.stdout.trim().split('\n')).toHaveLength(9);
  expect(summaryOf(out.stderr)).toMatchObject({ lines: 22, events: 9, skipped: { not_connection: 9, closed_before_hello: 4, unparsable: 0 } });
});

it('reads stdin, and an unparsable line is counted, never fatal', async () => {
  const input = `garbage\n${(await readFile(fixture, 'utf8')).split('\n')[8]}\n\u0000\n`;
  const out = spawnSync(process.execPath, [cliPath, 'logs', '--format', 'nginx', '-'], { env: offline, input, encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  expect(out.stdout.trim().split('\n')).toHaveLength(1);
  expect(summaryOf(out.stderr)).toMatchObject({ lines: 3, events: 1, skipped: { unparsable: 2 } });
});

it('--follow picks up appended lines and the file that replaces a rotated one, and stops on SIGTERM', async () => {
  const lines = (await readFile(fixture, 'utf8')).split('\n');
  const file = join(dir, 'error.log');
  await writeFile(file, `${lines[8]}\n`);
  const child = spawn(process.execPath, [cliPath, 'logs', '--format', 'nginx', '--follow', '--poll-ms', '20', file], { env: offline });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const events = () => stdout.split('\n').filter(Boolean).length;
  const until = async (n: number) => {
    for (let i = 0; i < 200 && events() < n; i++) await new Promise((r) => setTimeout(r, 25));
  };
  await until(1);
  await appendFile(file, `${lines[10]}\n`);
  await until(2);
  await rename(file, `${file}.1`);
  await writeFile(file, `${lines[12]}\n${lines[0]}\n`);
  await until(3);
  child.kill('SIGTERM');
  const code = await new Promise((r) => child.once('exit', r));
  expect(code).toBe(0);
  expect(stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l).error.message)).toEqual([lines[8], lines[10], lines[12]]);
  expect(summaryOf(stderr)).toMatchObject({ lines: 4, events: 3, skipped: { not_connection: 1 } });
});
