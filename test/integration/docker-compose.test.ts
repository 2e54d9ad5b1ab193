// docker-compose.yml is for users with a Docker engine; here it can only be validated, not run.
// docker-compose (Debian's 1.29) prints the resolved file as YAML; its own Python parses it to JSON.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/services.js';
import { parseYaml } from '../support/yaml-file.js';

type Port = string | { host_ip?: string; published?: string | number; target?: number };
type Service = { image?: string; ports?: Port[]; build?: unknown; depends_on?: Record<string, { condition?: string }> };
type Compose = { services: Record<string, Service> };

const compose = (...args: string[]) =>
  spawnSync('docker-compose', ['-f', 'docker-compose.yml', ...args], { cwd: repoRoot, encoding: 'utf8' });
const composeWith = (env: Record<string, string>, ...args: string[]) =>
  spawnSync('docker-compose', ['-f', 'docker-compose.yml', ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...env } });

function resolvedCompose(): Compose {
  const out = compose('config');
  if (out.status !== 0) throw new Error(out.stderr);
  return parseYaml<Compose>(out.stdout);
}

/** Host address of a published port in short ("127.0.0.1:8123:8123/tcp") or long form. */
function hostIp(port: Port): string | undefined {
  if (typeof port === 'object') return port.host_ip;
  const parts = port.split(':');
  return parts.length === 3 ? parts[0] : undefined;
}

describe('docker-compose.yml', () => {
  it('is valid for docker-compose config -q', () => {
    const out = compose('config', '-q');
    expect(out.error).toBeUndefined();
    expect(out.status, out.stderr).toBe(0);
  });

  const { services } = resolvedCompose();
  const published = Object.entries(services).flatMap(([name, s]) => (s.ports ?? []).map((p) => [name, p] as const));

  it('publishes ports', () => {
    expect(published.length).toBeGreaterThan(0);
  });

  it('host ports move with variables, so the stack can run beside a local ClickHouse or Grafana', () => {
    const out = composeWith({ CLICKHOUSE_HTTP_HOST_PORT: '18123', GRAFANA_HOST_PORT: '13000' }, 'config');
    expect(out.status, out.stderr).toBe(0);
    const moved = parseYaml<Compose>(out.stdout).services;
    const published = (name: string) => JSON.stringify(moved[name]?.ports ?? []);
    expect(published('clickhouse')).toMatch(/18123/);
    expect(published('grafana')).toMatch(/13000/);
    expect(published('clickhouse')).not.toMatch(/127\.0\.0\.1:8123:/);
  });

  it.each(published)('%s publishes %j on 127.0.0.1 only', (_name, port) => {
    expect(hostIp(port)).toBe('127.0.0.1');
  });

  it.each([
    ['kafka', /^apache\/kafka:3\.9\.\d+$/],
    ['init-topics', /^apache\/kafka:3\.9\.\d+$/],
    ['clickhouse', /^clickhouse\/clickhouse-server:25\.8(\.|$)/],
  ])('%s image is pinned to %s', (name, pattern) => {
    expect(services[name]?.image).toMatch(pattern);
  });

  it('starts the pipeline only after init completed, and init after topics exist', () => {
    expect(services.wsdiag?.depends_on?.init?.condition).toBe('service_completed_successfully');
    expect(services.init?.depends_on?.['init-topics']?.condition).toBe('service_completed_successfully');
    expect(services.wsdiag?.build).toBeDefined();
  });
});
