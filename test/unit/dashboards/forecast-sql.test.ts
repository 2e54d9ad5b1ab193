// The panels and the alert rule run exactly the SQL the modules build (one definition of the
// forecast and of the correlation rule), and the expiry alert's default threshold is 14 days.
import { describe, expect, it } from 'vitest';
import { alertQueries, alertRulesFile, dashboardQueries, loadDashboards, type AlertRulesDocument } from '../../../dashboards/panel-sql.js';
import { correlationPanelSql, retroCorrelationSql } from '../../../dashboards/sql/correlation.js';
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
  it('the retro and the panel share the rule: same failure and evidence filters', () => {
    const retro = retroCorrelationSql('wsdiag', 0, 3600);
    const fromPanel = panel('Unexplained 1006 → likely cause');
    // WHERE lines (not PREWHERE, whose time filters differ by design), without the panel's variables and closing parentheses.
    const where = (sql: string) => [...sql.matchAll(/(?:^|\s)WHERE (.*)$/gm)].map((m) => m[1]!.replace(/^.*?(outcome = 'failed'|attribution IN)/, '$1').replace(/ AND \$__conditionalAll.*$/, '').replace(/\)+$/, ''));
    expect(where(fromPanel)).toEqual(where(retro));
    expect(where(retro)).toHaveLength(3); // the failures, their buckets, the evidence
    const prewhere = (sql: string) => [...sql.matchAll(/PREWHERE (.*)$/gm)].map((m) => m[1]!.replace(/^.*? AND (close_code|intDiv)/, '$1'));
    expect(prewhere(retro)).toHaveLength(3);
    expect(prewhere(fromPanel)).toEqual(prewhere(retro));
  });
  it('refuses a window that is not a positive number of seconds', () => {
    expect(() => retroCorrelationSql('wsdiag', 0, 60, undefined, 0)).toThrow(TypeError);
  });
});
