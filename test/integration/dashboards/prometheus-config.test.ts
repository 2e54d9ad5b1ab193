// The Prometheus that docker-compose.yml runs: its config is valid and loads wsdiag's rules file
// from where compose mounts it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/services.js';
import { parseYaml } from '../../support/yaml-file.js';

type Compose = { services: Record<string, { volumes?: Array<string | { source: string; target: string }> }> };

describe('compose Prometheus', () => {
  const compose = parseYaml<Compose>(spawnSync('docker-compose', ['-f', 'docker-compose.yml', 'config'], { cwd: repoRoot, encoding: 'utf8' }).stdout);
  const mounts = (compose.services.prometheus?.volumes ?? []).map((v) => (typeof v === 'string' ? { source: v.split(':')[0]!, target: v.split(':')[1]! } : v));

  it('mounts the config and the rules the tests check', () => {
    expect(mounts.map((m) => m.target)).toEqual(expect.arrayContaining(['/etc/prometheus/prometheus.yml', '/etc/prometheus/wsdiag-rules.yml']));
  });

  it('passes promtool check config with the rules at their mounted path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wsdiag-prom-'));
    const config = readFileSync(join(repoRoot, 'dashboards/prometheus/prometheus.yml'), 'utf8').replace('/etc/prometheus/wsdiag-rules.yml', join(repoRoot, 'dashboards/prometheus/wsdiag-rules.yml'));
    writeFileSync(join(dir, 'prometheus.yml'), config);
    const out = spawnSync('promtool', ['check', 'config', join(dir, 'prometheus.yml')], { encoding: 'utf8' });
    expect(out.status, out.stdout + out.stderr).toBe(0);
    expect(out.stdout + out.stderr).toMatch(/SUCCESS: \d+ rules found/);
  });
});
