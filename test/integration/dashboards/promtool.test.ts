// The Prometheus rules on the pipeline's own metrics: valid for promtool, their unit tests pass, and
// every rule has a case where it fires and one where it stays quiet.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dashboardQueries, loadDashboards } from '../../../dashboards/panel-sql.js';
import { repoRoot } from '../../support/services.js';
import { loadYaml } from '../../support/yaml-file.js';

const rulesFile = join(repoRoot, 'dashboards/prometheus/wsdiag-rules.yml');
const testsFile = join(repoRoot, 'test/fixtures/prometheus/wsdiag-rules.test.yml');
const promtool = process.env.WSDIAG_PROMTOOL || 'promtool';

function run(cmd: string, args: string[]): { code: number; out: string } {
  const r = spawnSync(cmd, args, { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}


interface RulesFile { groups: Array<{ rules: Array<{ alert?: string; record?: string }> }> }
interface TestsFile { tests: Array<{ name?: string; alert_rule_test?: Array<{ alertname: string; exp_alerts?: unknown[] | null }> }> }

describe('Prometheus rules (promtool)', () => {
  it('promtool check rules accepts the rules file', () => {
    const r = run(promtool, ['check', 'rules', rulesFile]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('promtool test rules passes', () => {
    const r = run(promtool, ['test', 'rules', testsFile]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/SUCCESS/);
  });

  const alerts = loadYaml<RulesFile>(rulesFile).groups.flatMap((g) => g.rules.map((r) => r.alert).filter((a): a is string => a !== undefined));
  const cases = loadYaml<TestsFile>(testsFile).tests.flatMap((t) => t.alert_rule_test ?? []);

  it('covers the pipeline failure modes the issue names', () => {
    expect(alerts).toEqual(
      expect.arrayContaining(['WsdiagNoRecordsConsumed', 'WsdiagDeadLetterRateHigh', 'WsdiagInsertFailures', 'WsdiagConsumerLagGrowing', 'WsdiagNotReady']),
    );
  });

  it.each(alerts)('%s has a firing and a quiet test case', (alert) => {
    const mine = cases.filter((c) => c.alertname === alert);
    expect(mine.some((c) => (c.exp_alerts ?? []).length > 0), 'a firing case').toBe(true);
    expect(mine.some((c) => (c.exp_alerts ?? []).length === 0), 'a quiet case').toBe(true);
  });

  it('tests name no alert that the rules file lacks', () => {
    expect(cases.map((c) => c.alertname).filter((a) => !alerts.includes(a))).toEqual([]);
  });

  it('every Prometheus panel expression parses (checked as recording rules)', () => {
    const exprs = loadDashboards().flatMap(dashboardQueries).filter((q) => q.datasourceType === 'prometheus');
    expect(exprs.length).toBeGreaterThan(5);
    // Grafana's $__rate_interval is resolved by Grafana; any duration stands in for the parse check.
    const rules = exprs.map((q, i) => `      - record: wsdiag:panel_${i}\n        expr: ${JSON.stringify(q.query.replace(/\$__rate_interval/g, '5m'))}`);
    const dir = mkdtempSync(join(tmpdir(), 'wsdiag-promql-'));
    try {
      const file = join(dir, 'panels.yml');
      writeFileSync(file, `groups:\n  - name: panels\n    rules:\n${rules.join('\n')}\n`);
      const r = run(promtool, ['check', 'rules', file]);
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain(`SUCCESS: ${exprs.length} rules found`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
