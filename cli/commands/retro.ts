// `wsdiag retro --from T1 --to T2 [--service S] [--format md|json]`: an incident retrospective read
// from the rollups. Arguments are validated before anything reaches ClickHouse.
import { buildRetro } from '../../analyzers/retro/model.js';
import { defaultRenderOptions, renderJson, renderMarkdown } from '../../analyzers/retro/render.js';
import { renderHtml } from '../../analyzers/retro/render-html.js';
import { parseRetroFilters } from '../../dashboards/sql/retro-filters.js';
import { fetchRetroRows } from '../../dashboards/sql/retro.js';
import type { SqlRunner } from '../../ingest/sql-runner.js';
import { parseDuration, parseWith, UsageError, type CliCommand } from '../program.js';
import { requireClickHouse, requireMigrated } from './preflight.js';
import { clickhouseRunner, setup } from './wiring.js';

export const retroUsage = 'usage: wsdiag retro (--from <RFC 3339> --to <RFC 3339> | --last 2h) [--service NAME] [--format md|json] [--top N]\n';

export type RetroArgs = { ok: true; from: string; to: string; service?: string; format: 'md' | 'json' | 'html'; top?: number } | { ok: false; error: string };

const declare: CliCommand['configure'] = (command) =>
  command
    .option('--from <time>', 'start of the window, RFC 3339 with an offset (2026-11-25T10:00:00Z)')
    .option('--to <time>', 'end of the window, RFC 3339 with an offset')
    .option('--last <duration>', 'the window ending now instead: 30m, 2h, 1d')
    .option('--top <n>', 'items kept per list (certificates, hosts, remediation, ...); the rest is counted', '10')
    .option('--service <name>', 'only this service')
    .option('--format <format>', 'md, json or html (one self-contained page with charts)', 'md');

/** Checks parsed option values: both ends of the window, a known format. */
export function retroArgsFrom(values: Record<string, unknown>, nowMs: number = Date.now()): RetroArgs {
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  let from = text(values.from);
  let to = text(values.to);
  const last = text(values.last);
  const service = text(values.service);
  const format = text(values.format) ?? 'md';
  const topText = text(values.top);
  const top = topText === undefined ? undefined : Number(topText);
  if (last !== undefined) {
    if (from !== undefined || to !== undefined) return { ok: false, error: '--last replaces --from and --to: give one or the other' };
    const ms = parseDuration(last);
    if (ms === undefined) return { ok: false, error: '--last takes a duration such as 30m, 2h or 1d' };
    const end = Math.floor(nowMs / 1000) * 1000;
    [from, to] = [new Date(end - ms).toISOString(), new Date(end).toISOString()];
  }
  if (!from || !to) return { ok: false, error: '--from and --to (or --last) are required' };
  if (format !== 'md' && format !== 'json' && format !== 'html') return { ok: false, error: '--format must be md, json or html' };
  if (top !== undefined && !(Number.isInteger(top) && top > 0)) return { ok: false, error: '--top takes a whole number above 0' };
  return { ok: true, from, to, format, ...(service !== undefined ? { service } : {}), ...(top !== undefined && top !== 10 ? { top } : {}) };
}

export function parseRetroArgs(args: string[]): RetroArgs {
  const parsed = parseWith({ name: 'retro', configure: declare }, args);
  return parsed.ok ? retroArgsFrom(parsed.parsed.opts) : parsed;
}

/** The whole retro against any SqlRunner: validated args in, rendered report (or a usage error) out. */
export async function runRetro(runner: SqlRunner, db: string, args: string[] | RetroArgs): Promise<{ code: number; stdout: string; stderr: string }> {
  const parsed = Array.isArray(args) ? parseRetroArgs(args) : args;
  if (!parsed.ok) return { code: 2, stdout: '', stderr: `wsdiag retro: ${parsed.error}\n${retroUsage}` };
  const filters = parseRetroFilters({ db, from: parsed.from, to: parsed.to, ...(parsed.service !== undefined ? { service: parsed.service } : {}) });
  if (!filters.success) return { code: 2, stdout: '', stderr: `wsdiag retro: ${filters.error}\n${retroUsage}` };
  const rows = await fetchRetroRows(runner, filters.data);
  const report = buildRetro({ window: filters.data, ...rows });
  const options = { top: parsed.top ?? defaultRenderOptions.top };
  const render = { md: renderMarkdown, json: renderJson, html: renderHtml }[parsed.format];
  return { code: 0, stdout: render(report, options), stderr: '' };
}

export const retroCommand: CliCommand = {
  name: 'retro',
  summary: 'incident retrospective from the rollups (--from T1 --to T2 | --last 2h) [--service S] [--format md|json|html]',
  configure: declare,
  run: async ({ opts }, env) => {
    const parsed = retroArgsFrom(opts);
    if (!parsed.ok) throw new UsageError(parsed.error);
    const { config } = setup(env);
    const runner = clickhouseRunner(config);
    try {
      await requireClickHouse(runner, config);
      await requireMigrated(runner, config.WSDIAG_CLICKHOUSE_DATABASE);
      const result = await runRetro(runner, config.WSDIAG_CLICKHOUSE_DATABASE, parsed);
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
      return result.code;
    } finally {
      await runner.close();
    }
  },
};
