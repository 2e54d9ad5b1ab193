// Panels read right and Grafana deploys as documented: a column shown with a date unit holds
// milliseconds (Grafana's date units read ms; seconds showed January 1970), dashboards and alert rules
// share one folder, the ClickHouse plugin is preinstalled at a pinned version, the wsdiag container is
// healthy only when ready, and every host port in compose can be moved.
import { describe, expect, it } from 'vitest';
import { dashboardPanels, loadDashboards } from '../../../dashboards/panel-sql.js';
import { loadYaml } from '../../support/yaml-file.js';

interface Override { matcher: { id: string; options: string }; properties: Array<{ id: string; value: unknown }> }
type UnitPanel = { title: string; targets?: Array<{ rawSql?: string }>; fieldConfig?: { defaults?: { unit?: string }; overrides?: Override[] } };

/** alias → expression for every `expression AS alias` at the top level of a SELECT list. */
function aliases(sql: string): Map<string, string> {
  const out = new Map<string, string>();
  const select = sql.slice(sql.indexOf('SELECT') + 6, sql.search(/\nFROM\b/));
  let depth = 0;
  let start = 0;
  const items: string[] = [];
  for (let i = 0; i < select.length; i++) {
    const c = select[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      items.push(select.slice(start, i));
      start = i + 1;
    }
  }
  items.push(select.slice(start));
  for (const item of items) {
    const m = /^([\s\S]*)\bAS\s+`?(\w+)`?\s*$/.exec(item.trim());
    out.set(m ? m[2]! : item.trim(), m ? m[1]!.trim() : item.trim());
  }
  return out;
}

const matches = (matcher: Override['matcher'], name: string): boolean =>
  matcher.id === 'byName' ? matcher.options === name : matcher.id === 'byRegexp' ? new RegExp(matcher.options.replace(/^\/|\/$/g, '')).test(name) : false;

const panels = loadDashboards().flatMap((d) => dashboardPanels(d) as unknown as UnitPanel[]);
const dated = panels.flatMap((panel) =>
  (panel.fieldConfig?.overrides ?? [])
    .filter((o) => o.properties.some((p) => p.id === 'unit' && String(p.value).startsWith('dateTime')))
    .flatMap((o) => (panel.targets ?? []).flatMap((t) => [...aliases(t.rawSql ?? '')].filter(([name]) => matches(o.matcher, name)).map(([name, expression]) => ({ panel: panel.title, name, expression })))),
);

describe('date units hold milliseconds', () => {
  it('finds the dated columns (the check is not vacuous)', () => {
    expect(dated.length).toBeGreaterThanOrEqual(12);
    expect(panels.every((p) => !String(p.fieldConfig?.defaults?.unit ?? '').startsWith('dateTime'))).toBe(true);
  });
  it.each(dated.map((d) => [`${d.panel}: ${d.name}`, d] as const))('%s is seconds × 1000, named *_ms', (_label, { name, expression }) => {
    expect(expression).toMatch(/\*\s*1000$/);
    expect(name).toMatch(/_ms$/);
  });
  it('the check catches a seconds column under a date unit', () => {
    const [, expression] = [...aliases('SELECT toUInt32(minMerge(first_seen)) AS first_seen_unix, x AS y\nFROM t')][0]!;
    expect(expression).not.toMatch(/\*\s*1000$/);
  });
});

describe('Grafana deployment (docker-compose.yml and provisioning)', () => {
  type Service = { environment?: Record<string, string>; ports?: string[]; healthcheck?: { test: string[] } };
  const compose = loadYaml<{ services: Record<string, Service> }>('docker-compose.yml');
  const provider = loadYaml<{ providers: Array<{ folder: string; folderUid?: string }> }>('dashboards/grafana/provisioning/dashboards/wsdiag.yml').providers[0]!;
  const rules = loadYaml<{ groups: Array<{ folder: string }> }>('dashboards/grafana/provisioning/alerting/wsdiag-rules.yml');

  it('dashboards and alert rules live in one folder with a fixed uid', () => {
    expect(provider.folderUid).toBe('wsdiag');
    expect(new Set(rules.groups.map((g) => g.folder))).toEqual(new Set([provider.folder]));
  });
  it('the ClickHouse plugin is preinstalled synchronously at a pinned version, not via GF_INSTALL_PLUGINS', () => {
    const env = compose.services.grafana!.environment!;
    expect(env.GF_INSTALL_PLUGINS).toBeUndefined();
    expect(env.GF_PLUGINS_PREINSTALL_SYNC).toMatch(/^grafana-clickhouse-datasource@\d+\.\d+\.\d+$/);
  });
  it('the wsdiag container is healthy when ready (/readyz), not merely serving /metrics', () => {
    expect(compose.services.wsdiag!.healthcheck!.test.join(' ')).toContain('/readyz');
  });
  it('every published host port can be moved by a variable', () => {
    const ports = Object.values(compose.services).flatMap((s) => s.ports ?? []);
    expect(ports.length).toBeGreaterThanOrEqual(6);
    for (const port of ports) expect(port).toMatch(/^127\.0\.0\.1:\$\{[A-Z0-9_]+:-\d+\}:\d+$/);
  });
});
