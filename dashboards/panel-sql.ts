// Extracts every panel and alert query from the Grafana files and expands the ClickHouse plugin's
// macros and template variables into plain SQL, so tests can run exactly what Grafana would send.
// @see https://github.com/grafana/clickhouse-datasource (pkg/macros/macros.go; frontend $__conditionalAll)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Compiled into dist/dashboards/, the JSON and YAML stay in the package's own dashboards/ folder.
const here = fileURLToPath(new URL('./', import.meta.url));
const base = existsSync(join(here, 'grafana')) ? here : join(here, '../../dashboards/');
export const dashboardsDir = join(base, 'grafana/dashboards/');
export const alertRulesFile = join(base, 'grafana/provisioning/alerting/wsdiag-rules.yml');
export const clickhouseDatasourceType = 'grafana-clickhouse-datasource';

/** A template variable's selection: "All" (every option) or explicit values. */
export type VariableSelection =
  | { readonly all: true; readonly options: readonly string[] }
  | { readonly all: false; readonly values: readonly string[] };

export interface ExpandContext {
  readonly fromSeconds: number;
  readonly toSeconds: number;
  /** Grafana's $__interval in seconds (at least 1, as the plugin enforces). */
  readonly intervalSeconds: number;
  readonly variables: Readonly<Record<string, VariableSelection>>;
}

export interface PanelQuery {
  readonly dashboardUid: string;
  readonly panelTitle: string;
  readonly refId: string;
  readonly datasourceType: string;
  /** rawSql for ClickHouse, expr for Prometheus. */
  readonly query: string;
}

export interface AlertThreshold {
  readonly type: 'gt' | 'lt';
  readonly value: number;
}

export interface AlertQuery {
  readonly uid: string;
  readonly title: string;
  readonly sql: string;
  /** Seconds before evaluation time that the query's time range starts and ends. */
  readonly relativeFromSeconds: number;
  readonly relativeToSeconds: number;
  readonly threshold: AlertThreshold;
  readonly noDataState: string;
}

export class PanelSqlError extends Error {
  readonly code: 'UNKNOWN_VARIABLE' | 'UNSUPPORTED_MACRO' | 'BAD_MACRO_ARGS' | 'BAD_RULE';
  constructor(code: PanelSqlError['code'], message: string) {
    super(message);
    this.name = 'PanelSqlError';
    this.code = code;
  }
}

/** Arguments of the call whose '(' is at `open`, split on top-level commas (nesting-aware, like the plugin). */
function macroArgs(sql: string, open: number): { args: string[]; end: number } {
  const args: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = open + 1; i < sql.length; i++) {
    const ch = sql[i]!;
    if (ch === '(') depth++;
    if (ch === ')' && depth-- === 0) return { args: [...args, current], end: i + 1 };
    if (ch === ',' && depth === 0) {
      args.push(current);
      current = '';
    } else current += ch;
  }
  throw new PanelSqlError('BAD_MACRO_ARGS', `unbalanced parentheses after offset ${open}`);
}

const variableName = (arg: string): string | undefined => /^\$\{?(\w+)\}?$/.exec(arg.trim())?.[1];

/** Frontend macro: the condition, or 1=1 when the variable is "All" (or empty). Runs before variables. */
export function applyConditionalAll(sql: string, variables: ExpandContext['variables']): string {
  const macro = '$__conditionalAll(';
  let at = sql.lastIndexOf(macro);
  while (at !== -1) {
    const { args, end } = macroArgs(sql, at + macro.length - 1);
    const name = args.length === 2 ? variableName(args[1]!) : undefined;
    if (name === undefined) throw new PanelSqlError('BAD_MACRO_ARGS', `$__conditionalAll needs (condition, $variable), got ${args.length} arguments`);
    const selection = variables[name];
    if (selection === undefined) throw new PanelSqlError('UNKNOWN_VARIABLE', `$__conditionalAll refers to unknown variable $${name}`);
    const isAll = selection.all || selection.values.length === 0;
    sql = sql.slice(0, at) + (isAll ? '1=1' : args[0]!.trim()) + sql.slice(end);
    at = sql.lastIndexOf(macro);
  }
  return sql;
}

const selectedValues = (s: VariableSelection): readonly string[] => (s.all ? s.options : s.values);
// Grafana's `singlequote` format; the plugin's default format quotes only multi-value selections.
const singleQuote = (v: string): string => `'${v.replace(/'/g, "\\'")}'`;

/** Template variables: $name, ${name}, ${name:singlequote}. Built-ins ($__…) are left to the macros. */
export function applyVariables(sql: string, variables: ExpandContext['variables']): string {
  return sql.replace(/\$\{(\w+)(?::(\w+))?\}|\$(\w+)/g, (whole, braced: string | undefined, format: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare)!;
    if (name.startsWith('__')) return whole;
    const selection = variables[name];
    if (selection === undefined) throw new PanelSqlError('UNKNOWN_VARIABLE', `unknown template variable $${name}`);
    const values = selectedValues(selection);
    if (format === 'singlequote') return values.map(singleQuote).join(',');
    if (format !== undefined) throw new PanelSqlError('UNSUPPORTED_MACRO', `unsupported variable format ${format}`);
    return values.length === 1 ? values[0]! : values.map(singleQuote).join(',');
  });
}

type BackendMacro = (args: string[], ctx: ExpandContext) => string;
const oneArg = (name: string, args: string[]): string => {
  if (args.length !== 1 || args[0]!.trim() === '') throw new PanelSqlError('BAD_MACRO_ARGS', `$__${name} expects 1 argument, received ${args.length}`);
  return args[0]!.trim();
};
const interval = (ctx: ExpandContext): number => Math.max(Math.floor(ctx.intervalSeconds), 1);

/** The plugin's backend macros that work on every supported ClickHouse (no DateTime64 on 18.16). */
const backendMacros: Record<string, BackendMacro> = {
  fromTime: (_a, ctx) => `toDateTime(${ctx.fromSeconds})`,
  toTime: (_a, ctx) => `toDateTime(${ctx.toSeconds})`,
  timeFilter: (a, ctx) => {
    const col = oneArg('timeFilter', a);
    return `${col} >= toDateTime(${ctx.fromSeconds}) AND ${col} <= toDateTime(${ctx.toSeconds})`;
  },
  timeInterval: (a, ctx) => `toStartOfInterval(toDateTime(${oneArg('timeInterval', a)}), INTERVAL ${interval(ctx)} second)`,
  interval_s: (_a, ctx) => String(interval(ctx)),
};

export function applyBackendMacros(sql: string, ctx: ExpandContext): string {
  let out = '';
  let rest = sql;
  for (let m = /\$__(\w+)/.exec(rest); m !== null; m = /\$__(\w+)/.exec(rest)) {
    const name = m[1]!;
    const macro = backendMacros[name];
    if (macro === undefined) throw new PanelSqlError('UNSUPPORTED_MACRO', `unsupported macro $__${name}`);
    let end = m.index + m[0].length;
    let args: string[] = [];
    if (rest[end] === '(') ({ args, end } = macroArgs(rest, end));
    out += rest.slice(0, m.index) + macro(args, ctx);
    rest = rest.slice(end);
  }
  return out + rest;
}

/** Points the panels' `wsdiag.` tables at another database (tests migrate a fresh one per run). */
export function withDatabase(sql: string, db: string): string {
  return sql.replace(/\bwsdiag\.(?=[a-z_])/g, `${db}.`);
}

/** What Grafana sends for a ClickHouse query: frontend macro, then variables, then backend macros. */
export function expandSql(sql: string, ctx: ExpandContext): string {
  return applyBackendMacros(applyVariables(applyConditionalAll(sql, ctx.variables), ctx.variables), ctx);
}

// ---- dashboards ------------------------------------------------------------------------------

interface Target { refId?: string; rawSql?: string; expr?: string; datasource?: { type?: string } }
interface Panel { title?: string; type?: string; datasource?: { type?: string }; targets?: Target[]; panels?: Panel[] }
export interface TemplateVariable { name: string; type: string; query?: unknown; multi?: boolean; includeAll?: boolean; datasource?: { type?: string } }
export interface Dashboard { uid: string; title: string; schemaVersion: number; panels: Panel[]; templating?: { list: TemplateVariable[] } }

/** Panels in display order, including those nested in collapsed rows; rows themselves excluded. */
export function dashboardPanels(dashboard: Dashboard): Panel[] {
  return dashboard.panels.flatMap((p) => (p.type === 'row' ? (p.panels ?? []) : [p]));
}

export function dashboardQueries(dashboard: Dashboard): PanelQuery[] {
  return dashboardPanels(dashboard).flatMap((panel) =>
    (panel.targets ?? []).map((t) => ({
      dashboardUid: dashboard.uid,
      panelTitle: panel.title ?? '',
      refId: t.refId ?? '',
      datasourceType: t.datasource?.type ?? panel.datasource?.type ?? '',
      query: t.rawSql ?? t.expr ?? '',
    })),
  );
}

export function dashboardVariables(dashboard: Dashboard): TemplateVariable[] {
  return dashboard.templating?.list ?? [];
}

/** The SQL of a ClickHouse query variable (the plugin stores it as a string or as { rawSql }). */
export function variableSql(variable: TemplateVariable): string {
  const q = variable.query;
  if (typeof q === 'string') return q;
  if (q !== null && typeof q === 'object' && typeof (q as { rawSql?: unknown }).rawSql === 'string') return (q as { rawSql: string }).rawSql;
  return '';
}

export function loadDashboards(dir = dashboardsDir): Dashboard[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Dashboard);
}

// ---- alert rules (Grafana unified alerting provisioning) --------------------------------------

interface RuleData { refId: string; datasourceUid: string; relativeTimeRange?: { from: number; to: number }; model: Record<string, unknown> }
interface Rule { uid: string; title: string; condition: string; data: RuleData[]; noDataState?: string }
export interface AlertRulesDocument { apiVersion: number; groups: Array<{ name: string; folder: string; interval: string; rules: Rule[] }> }

/**
 * Each rule's ClickHouse query and the threshold its condition applies. Rules have the shape
 * A (ClickHouse, table: one numeric column, string columns as labels) → C (threshold on A).
 */
export function alertQueries(doc: AlertRulesDocument): AlertQuery[] {
  return doc.groups.flatMap((g) =>
    g.rules.map((rule) => {
      const sqlNode = rule.data.find((d) => d.datasourceUid !== '__expr__');
      const cond = rule.data.find((d) => d.refId === rule.condition);
      const evaluator = (cond?.model.conditions as Array<{ evaluator?: { type?: string; params?: number[] } }> | undefined)?.[0]?.evaluator;
      const rawSql = sqlNode?.model.rawSql;
      if (typeof rawSql !== 'string' || sqlNode?.relativeTimeRange === undefined)
        throw new PanelSqlError('BAD_RULE', `rule ${rule.uid}: no ClickHouse query with a relativeTimeRange`);
      if (cond?.model.type !== 'threshold' || cond.model.expression !== sqlNode.refId)
        throw new PanelSqlError('BAD_RULE', `rule ${rule.uid}: condition ${rule.condition} must be a threshold on ${sqlNode.refId}`);
      if ((evaluator?.type !== 'gt' && evaluator?.type !== 'lt') || typeof evaluator.params?.[0] !== 'number')
        throw new PanelSqlError('BAD_RULE', `rule ${rule.uid}: threshold must be gt/lt with one number`);
      return {
        uid: rule.uid,
        title: rule.title,
        sql: rawSql,
        relativeFromSeconds: sqlNode.relativeTimeRange.from,
        relativeToSeconds: sqlNode.relativeTimeRange.to,
        threshold: { type: evaluator.type, value: evaluator.params[0] },
        noDataState: rule.noDataState ?? 'NoData',
      };
    }),
  );
}

/** Expanded SQL of an alert query evaluated at `atSeconds` (alert queries have no template variables). */
export function expandAlertSql(alert: AlertQuery, atSeconds: number): string {
  return expandSql(alert.sql, {
    fromSeconds: atSeconds - alert.relativeFromSeconds,
    toSeconds: atSeconds - alert.relativeToSeconds,
    intervalSeconds: 60,
    variables: {},
  });
}

/**
 * Alert instances that fire: one per row whose `value` column passes the threshold; the row's other
 * (string) columns are its labels, which is how Grafana turns a table result into multi-dimensional
 * alerts. Every alert query names its one numeric column `value`.
 */
export function firingInstances(alert: AlertQuery, rows: ReadonlyArray<Record<string, unknown>>): Array<Record<string, string>> {
  return rows.flatMap((row) => {
    const { value: raw, ...rest } = row;
    const value = Number(raw); // UInt64 arrives as a string in JSON
    if (raw === undefined || raw === null || Number.isNaN(value)) throw new PanelSqlError('BAD_RULE', `rule ${alert.uid}: result row has no numeric "value" column`);
    const fires = alert.threshold.type === 'gt' ? value > alert.threshold.value : value < alert.threshold.value;
    return fires ? [Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)]))] : [];
  });
}
