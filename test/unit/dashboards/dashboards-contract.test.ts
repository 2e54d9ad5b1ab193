// Contracts between the Grafana/Prometheus files and the rest of wsdiag: every panel has a query on a
// provisioned data source, causes and attributions exist in the classifier's registry, variables are
// defined and used, ClickHouse SQL reads rollups with idempotent counts, and metrics exist.
import { CERTIFICATE_CHAIN_TABLE } from '../../../schemas/clickhouse/certificate-chain.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  alertQueries,
  alertRulesFile,
  clickhouseDatasourceType,
  dashboardPanels,
  dashboardQueries,
  dashboardVariables,
  expandSql,
  loadDashboards,
  variableSql,
  type AlertRulesDocument,
  type VariableSelection,
} from '../../../dashboards/panel-sql.js';
import { createMetrics } from '../../../ingest/metrics.js';
import { allCauses, attributions } from '../../../schemas/classification.js';
import { coarseRollups, coarseTableNames, projections, rollupTableNames } from '../../../schemas/clickhouse/rollups.js';
import { EVIDENCE_BEST_TABLE } from '../../../schemas/clickhouse/evidence-best.js';
import { panelRollupSource } from '../../../dashboards/sql/grain.js';
import { loadYaml } from '../../support/yaml-file.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));


const dashboards = loadDashboards();
const rulesDoc = loadYaml<AlertRulesDocument>(alertRulesFile);
const alerts = alertQueries(rulesDoc);
const promRules = loadYaml<{ groups: Array<{ rules: Array<{ alert: string; expr: string }> }> }>(join(root, 'dashboards/prometheus/wsdiag-rules.yml')).groups.flatMap((g) => g.rules);
const datasources = loadYaml<{ datasources: Array<{ uid: string; type: string; jsonData?: Record<string, unknown>; secureJsonData?: Record<string, unknown> }> }>(
  join(root, 'dashboards/grafana/provisioning/datasources/wsdiag.yml'),
).datasources;

const allPanelQueries = dashboards.flatMap(dashboardQueries);
const chPanelSql = allPanelQueries.filter((q) => q.datasourceType === clickhouseDatasourceType).map((q) => [`${q.dashboardUid} / ${q.panelTitle}`, q.query] as const);
const chVariableSql = dashboards.flatMap((d) => dashboardVariables(d).map((v) => [`${d.uid} / $${v.name}`, variableSql(v)] as const));
const alertSql = alerts.map((a) => [`alert ${a.uid}`, a.sql] as const);
const allClickHouseSql = [...chPanelSql, ...chVariableSql, ...alertSql];

describe('dashboards', () => {
  it('are the two provisioned dashboards with stable uids', () => {
    expect(dashboards.map((d) => d.uid).sort()).toEqual(['wsdiag-overview', 'wsdiag-pipeline-health']);
    for (const d of dashboards) expect(d.schemaVersion).toBe(39);
  });

  it.each(dashboards.map((d) => [d.uid, d] as const))('%s: every panel has a query on a provisioned data source, unique ids, fits the grid', (_uid, d) => {
    const uids = new Set(datasources.map((ds) => ds.uid));
    const panels = dashboardPanels(d) as Array<{ id: number; title: string; gridPos: { x: number; w: number }; datasource?: { uid?: string }; targets?: Array<{ rawSql?: string; expr?: string; datasource?: { uid?: string } }> }>;
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    for (const p of panels) {
      expect(p.targets?.length, p.title).toBeGreaterThan(0);
      for (const t of p.targets ?? []) {
        expect((t.rawSql ?? t.expr ?? '').trim(), p.title).not.toBe('');
        expect(uids.has(t.datasource?.uid ?? p.datasource?.uid ?? ''), `${p.title}: data source`).toBe(true);
      }
      expect(p.gridPos.x + p.gridPos.w, p.title).toBeLessThanOrEqual(24);
    }
  });

  it('have the panels the issue asks for', () => {
    const titles = allPanelQueries.map((q) => q.panelTitle);
    for (const t of [
      'Failure rate by attribution',
      'Top causes',
      'Top services',
      'Top target hosts',
      'Top regions',
      'Top runtimes',
      '1015 TLS failures by cause',
      '1010 extension matrix (requested vs negotiated)',
      'Certificates by days to expiry',
      'Certificate forecast: leaf and intermediates by days to expiry',
      'Unexplained 1006 → likely cause',
      'Protocol violations',
      'Dead letters /s by reason',
      'Consumer lag by partition',
      'Insert latency',
      'Records consumed and inserted /s',
    ])
      expect(titles).toContain(t);
  });

  it.each(dashboards.map((d) => [d.uid, d] as const))('%s: every variable is used by a panel, and every panel expands with All and with one value', (_uid, d) => {
    const vars = dashboardVariables(d);
    const queries = dashboardQueries(d).map((q) => q.query);
    for (const v of vars) {
      expect(v.multi && v.includeAll, `$${v.name} is multi-value with All`).toBe(true);
      expect(queries.some((q) => new RegExp(`\\$\\{?${v.name}\\b`).test(q)), `$${v.name} used`).toBe(true);
    }
    const selections: Array<Record<string, VariableSelection>> = [
      Object.fromEntries(vars.map((v) => [v.name, { all: true, options: ['a', 'b'] }])),
      Object.fromEntries(vars.map((v) => [v.name, { all: false, values: ['x'] }])),
    ];
    for (const q of dashboardQueries(d).filter((x) => x.datasourceType === clickhouseDatasourceType))
      for (const variables of selections) expect(expandSql(q.query, { fromSeconds: 0, toSeconds: 3600, intervalSeconds: 60, variables })).not.toMatch(/\$/);
  });

  it('the overview filters every ClickHouse panel by service and region', () => {
    const overview = dashboards.find((d) => d.uid === 'wsdiag-overview')!;
    expect(dashboardVariables(overview).map((v) => v.name)).toEqual(['service', 'region']);
    for (const q of dashboardQueries(overview)) {
      expect(q.query, q.panelTitle).toContain('$__conditionalAll(service IN (${service:singlequote}), $service)');
      expect(q.query, q.panelTitle).toContain('$__conditionalAll(region IN (${region:singlequote}), $region)');
    }
  });
});

describe('cause and attribution literals', () => {
  const literals = (sql: string, column: string): string[] => {
    const found: string[] = [];
    for (const m of sql.matchAll(new RegExp(`\\b${column}\\s*(?:=|!=|<>)\\s*'([^']*)'`, 'g'))) found.push(m[1]!);
    for (const m of sql.matchAll(new RegExp(`\\b${column}\\s+(?:NOT\\s+)?IN\\s*\\(([^)]*)\\)`, 'gi'))) for (const v of m[1]!.matchAll(/'([^']*)'/g)) found.push(v[1]!);
    for (const m of sql.matchAll(new RegExp(`\\b${column}\\s*=~?\\s*"([^"]*)"`, 'g'))) found.push(...m[1]!.split('|'));
    return found;
  };
  const sources = [...allClickHouseSql, ...allPanelQueries.map((q) => [q.panelTitle, q.query] as const), ...promRules.map((r) => [r.alert, r.expr] as const)];

  it('every cause named in a panel or rule is in schemas/classification.ts', () => {
    const used = sources.flatMap(([, sql]) => literals(sql, 'cause'));
    expect(used).toContain('cert_expired');
    expect(used.filter((c) => !(allCauses as readonly string[]).includes(c))).toEqual([]);
  });

  it('every attribution named in a panel or rule is in schemas/classification.ts', () => {
    const used = sources.flatMap(([, sql]) => literals(sql, 'attribution'));
    expect(used).toEqual(expect.arrayContaining(['1010', '1015', 'none']));
    expect(used.filter((a) => !(attributions as readonly string[]).includes(a))).toEqual([]);
  });
});

describe('ClickHouse SQL of panels, variables and alerts', () => {
  it.each(allClickHouseSql)('%s reads rollups with FINAL (or the minute marks for the heartbeat), never raw events', (_label, sql) => {
    expect(sql).not.toMatch(/\bcount\s*\(/i); // raw rows may hold copies of an event: count distinct ids
    const tables = [...sql.matchAll(/\bwsdiag\.(\w+)/g)].map((m) => m[1]!);
    expect(tables.length).toBeGreaterThan(0);
    // No raw events: the heartbeat reads the sink's minute marks (max(marked_at) needs no FINAL).
    for (const t of tables) expect([...rollupTableNames, ...coarseTableNames, EVIDENCE_BEST_TABLE, 'certificates', CERTIFICATE_CHAIN_TABLE, 'rollup_marks']).toContain(t);
    // A minute's group has one row per build until merges run: only FINAL keeps just the newest (docs/storage.md).
    for (const m of sql.matchAll(/\bwsdiag\.(rollup_\w+)(\s+FINAL\b)?/g)) if (m[1] !== 'rollup_marks') expect(m[2], `${m[1]} without FINAL`).toBeDefined();
    if (tables.includes('rollup_marks')) expect(sql).toMatch(/max\(marked_at\)[\s\S]*\$__timeFilter\(minute\)/);
  });

  // Over Grafana's range a panel reads whole hours from the hourly rollup and only the edges per minute
  // (dashboards/sql/grain.ts): the same figures, ~60x fewer rows on long ranges.
  it.each([...chPanelSql, ...chVariableSql])('%s reads a minute rollup only at the coarsest exact grain', (_label, sql) => {
    for (const m of sql.matchAll(/\bwsdiag\.(rollup_\w*minute)\b/g)) {
      if (!coarseRollups.some((r) => r.table === m[1])) continue; // minute grain only (the correlation's buckets)
      const timeSeries = sql.includes('% 3600 = 0))');
      const sources = [panelRollupSource(m[1]!, timeSeries), ...projections.filter((p) => p.of.table === m[1]).map((p) => panelRollupSource(m[1]!, timeSeries, p))];
      expect(sources.some((source) => sql.includes(source)), `${m[1]} at the coarsest grains`).toBe(true);
    }
  });

  // FINAL reads every key column: a panel that groups and filters by a projection's dimensions only reads
  // the projection's narrow hourly and daily rows (rollup_causes_*), not the wide twins' nine String keys.
  it.each([...chPanelSql, ...chVariableSql])('%s reads a projection where its columns suffice', (_label, sql) => {
    for (const p of projections) {
      for (const timeSeries of [false, true]) {
        const wide = panelRollupSource(p.of.table, timeSeries);
        if (!sql.includes(wide)) continue;
        const others = p.of.dimensions.map(([name]) => name).filter((n) => n !== 'minute' && !p.dimensions.includes(n));
        expect(others.filter((n) => new RegExp(`\\b${n}\\b`).test(sql.split(wide).join(''))), 'columns beyond the projection').not.toEqual([]);
      }
    }
  });

  it.each(allClickHouseSql)('%s avoids macros ClickHouse 18.16 cannot run', (_label, sql) => {
    // $__timeInterval expands to toStartOfInterval, which 18.16 lacks; *_ms macros need DateTime64.
    expect(sql).not.toMatch(/\$__timeInterval|\$__\w+_ms\b|\$__dateFilter|\$__dt\b/);
    expect(sql).not.toMatch(/DateTime64|\bJSON\w*\(|\bOVER\s*\(|WITH FILL/i);
    expect(sql).not.toMatch(/(?<!\$)\{\w+:\s*[A-Z]\w*\}/); // server-side query parameters {name:Type}
  });

  it.each(alertSql)('%s has no dashboard variables (alert queries run on the Grafana server)', (_label, sql) => {
    expect(sql).not.toMatch(/\$__conditionalAll|\$\{?(?!__)\w+/);
  });
});

describe('Grafana alert rules', () => {
  type RuleFile = { uid: string; noDataState: string; execErrState: string; for: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  const rules = rulesDoc.groups.flatMap((g) => g.rules as unknown as RuleFile[]);

  it('cover the alerts the issue names, with unique uids', () => {
    expect(rules.map((r) => r.uid)).toEqual(['wsdiag-1015-spike', 'wsdiag-cert-expired', 'wsdiag-1010-share', 'wsdiag-cert-expiring-14d', 'wsdiag-heartbeat']);
    expect(new Set(rules.map((r) => r.uid)).size).toBe(rules.length);
  });

  it.each(rules.map((r) => [r.uid, r] as const))('%s has valid states, a severity and a summary', (_uid, r) => {
    expect(['OK', 'NoData', 'Alerting']).toContain(r.noDataState);
    expect(['OK', 'Error', 'Alerting']).toContain(r.execErrState);
    expect(r.for).toMatch(/^\d+[smh]$/);
    expect(['critical', 'warning']).toContain(r.labels?.severity);
    expect(r.annotations?.summary?.length).toBeGreaterThan(10);
  });

  it('the heartbeat alerts on no data as well', () => {
    expect(rules.find((r) => r.uid === 'wsdiag-heartbeat')?.noDataState).toBe('Alerting');
  });
});

describe('data sources', () => {
  it('ClickHouse is read with the read-only user, password from the environment', () => {
    const ch = datasources.find((d) => d.type === clickhouseDatasourceType);
    expect(ch?.jsonData).toMatchObject({ host: 'clickhouse', port: 8123, protocol: 'http', username: 'wsdiag_reader', defaultDatabase: 'wsdiag' });
    expect(ch?.secureJsonData?.password).toBe('$WSDIAG_READER_PASSWORD');
  });

  it('Prometheus is provisioned for the pipeline-health panels', () => {
    expect(datasources.find((d) => d.type === 'prometheus')).toMatchObject({ uid: 'wsdiag-prometheus', url: 'http://prometheus:9090' });
  });

  it('alert rules query the provisioned ClickHouse data source', () => {
    const uids = rulesDoc.groups.flatMap((g) => g.rules.flatMap((r) => (r as unknown as { data: Array<{ datasourceUid: string }> }).data.map((d) => d.datasourceUid)));
    expect(new Set(uids)).toEqual(new Set(['wsdiag-clickhouse', '__expr__']));
  });

  it('docker-compose mounts the provisioning and dashboards folders where the provider looks', () => {
    const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    expect(compose).toContain('./dashboards/grafana/provisioning:/etc/grafana/provisioning');
    expect(compose).toContain('./dashboards/grafana/dashboards:/var/lib/grafana/dashboards');
    expect(readFileSync(join(root, 'dashboards/grafana/provisioning/dashboards/wsdiag.yml'), 'utf8')).toContain('path: /var/lib/grafana/dashboards');
  });
});

describe('Prometheus metric names', () => {
  it('every wsdiag_* metric in panels and rules is exported by ingest/metrics.ts', async () => {
    const exported = (await createMetrics().registry.getMetricsAsJSON()).flatMap((m) =>
      String(m.type) === 'histogram' ? [`${m.name}_bucket`, `${m.name}_sum`, `${m.name}_count`] : [m.name],
    );
    const exprs = [...allPanelQueries.filter((q) => q.datasourceType === 'prometheus').map((q) => q.query), ...promRules.map((r) => r.expr)];
    const used = exprs.flatMap((e) => [...e.matchAll(/\bwsdiag_\w+/g)].map((m) => m[0]));
    expect(used.length).toBeGreaterThan(10);
    expect([...new Set(used)].filter((m) => !exported.includes(m))).toEqual([]);
  });
});
