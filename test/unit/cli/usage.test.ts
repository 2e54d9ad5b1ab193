// The built CLI as a user runs it: help does nothing else, usage errors are one line with exit 2,
// runtime failures exit 1 without a stack unless asked for. No servers: any command that tried to
// reach one here would point at a closed port and fail, which the assertions would catch.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliPath } from '../../support/cli-path.js';

// Closed ports: a command that wrongly connects fails instead of finding the shared servers.
const offline = { ...process.env, WSDIAG_CLICKHOUSE_URL: 'http://127.0.0.1:9', WSDIAG_KAFKA_BROKERS: '127.0.0.1:9', WSDIAG_LOG_LEVEL: 'info' };
const wsdiag = (args: string[], env: NodeJS.ProcessEnv = offline, input = '') =>
  spawnSync(process.execPath, [cliPath, ...args], { env, input, encoding: 'utf8', timeout: 20_000 });

const commands = ['run', 'migrate', 'produce', 'classify', 'schema', 'summary', 'logs', 'probe', 'collect', 'retro'];

describe('wsdiag <command> --help', { timeout: 40_000 }, () => {
  it.each(commands)('%s --help prints its usage on stdout, exit 0, and does nothing else', (command) => {
    const out = wsdiag([command, '--help']);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`^Usage: wsdiag ${command} `));
    expect(out.stderr).toBe('');
  });

  it('wsdiag --help lists every command and the way in', () => {
    const out = wsdiag(['--help']);
    expect(out.status).toBe(0);
    for (const command of commands) expect(out.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(out.stdout).toContain('wsdiag migrate && wsdiag produce');
  });

  it('wsdiag alone prints the overview on stderr and exits 2', () => {
    const out = wsdiag([]);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('Usage: wsdiag');
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    const out = wsdiag(['--version']);
    expect(out.status).toBe(0);
    expect(out.stdout).toBe(`${version}\n`);
  });
});

describe('usage errors: exit 2, one line on stderr, nothing on stdout', { timeout: 40_000 }, () => {
  it.each([
    ['unknown command', ['frobnicate'], /^wsdiag: unknown command 'frobnicate' \(see 'wsdiag --help'\)$/],
    ['unknown flag on run', ['run', '--bogus'], /^wsdiag run: unknown option '--bogus' \(see 'wsdiag run --help'\)$/],
    ['option without its value', ['produce', '--count'], /^wsdiag produce: option '--count <n>' argument missing/],
    ['bad value', ['produce', '--count', 'many'], /^wsdiag produce: --count and --seed take whole numbers/],
    ['argument to migrate', ['migrate', 'now'], /^wsdiag migrate: too many arguments/],
    ['retro without a window', ['retro', '--from', '2026-11-25T10:00:00Z'], /^wsdiag retro: --from and --to \(or --last\) are required/],
    ['probe of an http URL', ['probe', 'https://example.com'], /^wsdiag probe: not a ws:\/\/ or wss:\/\/ URL/],
    ['logs without a format', ['logs', 'access.log'], /^wsdiag logs: --format must be one of nginx, haproxy, envoy/],
  ])('%s', (_label, args, line) => {
    const out = wsdiag(args);
    expect(out.status, out.stderr).toBe(2);
    expect(out.stdout).toBe('');
    const lines = out.stderr.trimEnd().split('\n');
    expect(lines, out.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(line);
  });
});

describe('classify exit codes', { timeout: 40_000 }, () => {
  it('a missing file is a runtime failure (1) with one line naming it, no stack', () => {
    const out = wsdiag(['classify', '/nonexistent/events.ndjson']);
    expect(out.status).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe('wsdiag: WSDIAG_ERR_INPUT: cannot read /nonexistent/events.ndjson (ENOENT)\n');
  });

  it('all lines valid: 0; some invalid: 3', () => {
    expect(wsdiag(['classify', '-'], offline, '').status).toBe(0);
    expect(wsdiag(['classify', '-'], offline, 'nope\n').status).toBe(3);
  });
});

describe('stack traces only when asked for', { timeout: 40_000 }, () => {
  // A directory where a file is expected fails inside Node's reader with an uncoded error.
  const dir = new URL('../../fixtures', import.meta.url).pathname;
  it('an unexpected error is one line with a hint', () => {
    const out = wsdiag(['classify', dir]);
    expect(out.status).toBe(1);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });
  it.each([
    ['--verbose', ['--verbose'], offline],
    ['WSDIAG_LOG_LEVEL=debug', [], { ...offline, WSDIAG_LOG_LEVEL: 'debug' }],
  ])('%s prints the whole error (stack and fields)', (_label, flags, env) => {
    const out = wsdiag(['classify', dir, ...flags], env);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain("syscall: 'read'");
  });
});

describe('misspelt WSDIAG_* variables', { timeout: 40_000 }, () => {
  it('are warned about by name with the closest known one, on stderr', () => {
    const out = wsdiag(['schema'], { ...offline, WSDIAG_KAFKA_BROKER: '127.0.0.1:9092' });
    expect(out.status).toBe(0);
    expect(out.stderr).toBe('wsdiag: warning: WSDIAG_KAFKA_BROKER is not a wsdiag setting (did you mean WSDIAG_KAFKA_BROKERS?); it is ignored\n');
    expect(JSON.parse(out.stdout).required).toContain('event_id');
  });
});
