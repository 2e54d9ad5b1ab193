// The panels and the alert rule run exactly the SQL the modules build (one definition of the
// forecast and of the correlation query), and the expiry alert's default threshold is 14 days.
import { describe, expect, it } from 'vitest';
import { alertQueries, alertRulesFile, dashboardQueries, loadDashboards, type AlertRulesDocument } from '../../../dashboards/panel-sql.js';
import { correlationPanelSql, EVIDENCE_SQL, retroCorrelationSql, UNEXPLAINED_PREWHERE_SQL, UNEXPLAINED_SQL } from '../../../dashboards/sql/correlation.js';
import { correlationRollups } from '../../../schemas/clickhouse/rollups.js';
import { EXPIRY_WARN_DAYS, forecastAlertSql, forecastPanelSql, OVERVIEW_FILTERS } from '../../../dashboards/sql/forecast.js';
import { loadYaml } from '../../support/yaml-file.js';

const overview = loadDashboards().find((d) => d.uid === 'wsdiag-overview')!;
const panel = (title: string) => dashboardQueries(overview).find((q) => q.panelTitle === title)!.query;
const rule = alertQueries(loadYaml<AlertRulesDocument>(alertRulesFile)).find((r) => r.uid === 'wsdiag-cert-expiring-14d')!;

describe('forecast and correlation SQL in Grafana', () => {
  it('the forecast panel is forecastPanelSql with the overview filters', () => {
    expect(panel('Certificate forecast: leaf and intermediates by days to expiry')).toBe(forecastPanelSql('wsdiag', OVERVIEW_FILTERS));
  });
  it('the unexplained-1006 panel is correlationPanelSql with the overview filters', () => {
    expect(panel('Unexplained 1006 → likely cause')).toBe(correlationPanelSql('wsdiag', OVERVIEW_FILTERS));
  });
  it('the expiry alert reads the chain inventory and fires below 14 days by default', () => {
    expect(rule.sql).toBe(forecastAlertSql('wsdiag'));
    expect(rule.threshold).toEqual({ type: 'lt', value: EXPIRY_WARN_DAYS });
    expect(EXPIRY_WARN_DAYS).toBe(14);
  });
  it('the retro and the panel read the correlation rollups, whose builds hold the rule, and never raw events', () => {
    const retro = retroCorrelationSql('wsdiag', 0, 3600);
    const fromPanel = panel('Unexplained 1006 → likely cause');
    for (const sql of [retro, fromPanel]) {
      expect(sql).toContain('FROM wsdiag.rollup_unexplained_minute FINAL');
      expect(sql).toContain('FROM wsdiag.rollup_evidence_minute FINAL');
      expect(sql).toContain('FROM wsdiag.rollup_evidence_best FINAL');
      expect(sql).not.toMatch(/wsdiag\.events\b/);
    }
    const [unexplained, evidence] = correlationRollups;
    expect(unexplained!.filter).toEqual({ prewhere: UNEXPLAINED_PREWHERE_SQL, where: UNEXPLAINED_SQL });
    expect(evidence!.filter!.prewhere).toBe(EVIDENCE_SQL);
    // The same query around each one's time filter and Grafana's ms columns.
    const strip = (sql: string) => sql.replace(/\$__timeFilter\(minute\)|minute >= toDateTime\(0\) AND minute < toDateTime\(3600\)/g, 'T').replace(/\$__fromTime|toDateTime\(0\)/g, 'F').replace(/\$__toTime|toDateTime\(3600\)/g, 'E');
    const panelCore = strip(fromPanel).replaceAll(` AND ${OVERVIEW_FILTERS}`, '').replace(/\nLIMIT 200$/, '');
    expect(strip(retro).split('FROM (')[1]).toBe(panelCore.split('FROM (')[1]);
  });
  it('refuses a window that is not a whole number of minutes', () => {
    expect(() => retroCorrelationSql('wsdiag', 0, 60, undefined, 90)).toThrow(TypeError);
  });
  it('refuses a window that is not a positive number of seconds', () => {
    expect(() => retroCorrelationSql('wsdiag', 0, 60, undefined, 0)).toThrow(TypeError);
  });
});
