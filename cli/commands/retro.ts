// `wsdiag retro --from T1 --to T2 [--service S] [--format md|json]`: an incident retrospective read
// from the rollups. Arguments are validated before anything reaches ClickHouse.
import { parseArgs } from 'node:util';
import { buildRetro } from '../../analyzers/retro/model.js';
import { renderJson, renderMarkdown } from '../../analyzers/retro/render.js';
import { parseRetroFilters } from '../../dashboards/sql/retro-filters.js';
import { fetchRetroRows } from '../../dashboards/sql/retro.js';
import type { SqlRunner } from '../../ingest/sql-runner.js';
import type { Command } from '../wsdiag.js';
import { clickhouseRunner, setup } from './wiring.js';

export const retroUsage = 'usage: wsdiag retro --from <RFC 3339> --to <RFC 3339> [--service NAME] [--format md|json]\n';

export type RetroArgs = { ok: true; from: string; to: string; service?: string; format: 'md' | 'json' } | { ok: false; error: string };

export function parseRetroArgs(args: string[]): RetroArgs {
  try {
    const { values } = parseArgs({
      args,
      options: { from: { type: 'string' }, to: { type: 'string' }, service: { type: 'string' }, format: { type: 'string', default: 'md' } },
      strict: true,
      allowPositionals: false,
    });
    if (!values.from || !values.to) return { ok: false, error: '--from and --to are required' };
    if (values.format !== 'md' && values.format !== 'json') return { ok: false, error: '--format must be md or json' };
    return { ok: true, from: values.from, to: values.to, format: values.format, ...(values.service !== undefined ? { service: values.service } : {}) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The whole retro against any SqlRunner: validated args in, rendered report (or a usage error) out. */
export async function runRetro(runner: SqlRunner, db: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const parsed = parseRetroArgs(args);
  if (!parsed.ok) return { code: 2, stdout: '', stderr: `wsdiag retro: ${parsed.error}\n${retroUsage}` };
  const filters = parseRetroFilters({ db, from: parsed.from, to: parsed.to, ...(parsed.service !== undefined ? { service: parsed.service } : {}) });
  if (!filters.success) return { code: 2, stdout: '', stderr: `wsdiag retro: ${filters.error}\n${retroUsage}` };
  const rows = await fetchRetroRows(runner, filters.data);
  const report = buildRetro({ window: filters.data, ...rows });
  return { code: 0, stdout: parsed.format === 'json' ? renderJson(report) : renderMarkdown(report), stderr: '' };
}

export const retroCommand: Command = async (args, env) => {
  const { config } = setup(env);
  const runner = clickhouseRunner(config);
  try {
    const result = await runRetro(runner, config.WSDIAG_CLICKHOUSE_DATABASE, args);
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    return result.code;
  } finally {
    await runner.close();
  }
};
