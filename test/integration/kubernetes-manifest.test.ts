// docs/kubernetes/wsdiag.yaml (the example in docs/scaling.md) against the Kubernetes OpenAPI schemas
// with kubernetes-validate (PyPI, installed by scripts/setup; --strict rejects unknown fields), and
// against what wsdiag itself serves: readiness on /readyz and liveness on /healthz of the metrics port.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from '../support/services.js';

const file = join(repoRoot, 'docs/kubernetes/wsdiag.yaml');
const KUBERNETES_VERSION = '1.34.0';

type Probe = { httpGet: { path: string; port: string } };
type Container = { args: string[]; ports: Array<{ name: string; containerPort: number }>; env: Array<{ name: string; value?: string }>; readinessProbe: Probe; livenessProbe: Probe };
type Resource = { kind: string; spec: { replicas?: number; template: { spec: { containers: Container[] } } } };

describe('docs/kubernetes/wsdiag.yaml', () => {
  const resources = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS() as Resource);

  it(`validates against the Kubernetes ${KUBERNETES_VERSION} schemas (strict)`, () => {
    const run = spawnSync('kubernetes-validate', ['--strict', '-k', KUBERNETES_VERSION, file], { encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect((run.stdout + run.stderr).match(/ passed for resource /g)).toHaveLength(resources.length);
  });

  it('a broken field fails the same check (the validator is not a no-op)', () => {
    const broken = readFileSync(file, 'utf8').replace('containerPort: 9464', 'containerPort: metrics-port');
    const run = spawnSync('kubernetes-validate', ['--strict', '-k', KUBERNETES_VERSION, '-'], { input: broken, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
  });

  it('probes the pipeline where it answers: /readyz and /healthz on WSDIAG_METRICS_PORT, migrations left to the Job', () => {
    const deployment = resources.find((r) => r.kind === 'Deployment')!;
    const [container] = deployment.spec.template.spec.containers;
    const port = container!.ports.find((p) => p.name === 'metrics')!;
    expect(String(port.containerPort)).toBe(container!.env.find((e) => e.name === 'WSDIAG_METRICS_PORT')?.value);
    expect(container!.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'metrics' });
    expect(container!.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'metrics' });
    expect(container!.args).toEqual(['run', '--no-migrate']);
    expect(container!.env.find((e) => e.name === 'WSDIAG_CLICKHOUSE_CLUSTER')?.value).toBe('wsdiag');
  });
});
