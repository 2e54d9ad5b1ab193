// Reads attributions back from ClickHouse: distinct events per attribution and cause, from the
// rollup_minute states (each event counts once, re-deliveries included), never from raw events.
import type { SqlRunner } from '../../ingest/sql-runner.js';
import type { CliCommand } from '../program.js';
import { requireClickHouse, requireMigrated } from './preflight.js';
import { clickhouseRunner, setup } from './wiring.js';

/** db is a validated identifier (config). Merged results are never aliased `events`: that would shadow the state column. */
export function summarySql(db: string): string {
  return `SELECT attribution, cause, sum(events) AS distinct_events FROM ${db}.rollup_minute FINAL
GROUP BY attribution, cause ORDER BY attribution, distinct_events DESC, cause`;
}

export function totalSql(db: string): string {
  return `SELECT sum(events) AS distinct_events FROM ${db}.rollup_minute FINAL`;
}

export async function summaryText(runner: SqlRunner, db: string): Promise<string> {
  const rows = await runner.query<{ attribution: string; cause: string; distinct_events: string }>(summarySql(db));
  const [totalRow] = await runner.query<{ distinct_events: string }>(totalSql(db));
  const total = Number(totalRow?.distinct_events ?? 0);
  const lines = [`attribution  cause                       events   share`];
  for (const r of rows) {
    const share = total ? ((100 * Number(r.distinct_events)) / total).toFixed(1) : '0.0';
    lines.push(`${r.attribution.padEnd(12)} ${r.cause.padEnd(27)} ${String(r.distinct_events).padStart(6)}  ${share.padStart(5)}%`);
  }
  lines.push(`total distinct events: ${total}`);
  return `${lines.join('\n')}\n`;
}

export const summaryCommand: CliCommand = {
  name: 'summary',
  summary: 'print attributions read back from ClickHouse',
  configure: (command) => command,
  run: async (_parsed, env) => {
    const { config } = setup(env);
    const runner = clickhouseRunner(config);
    try {
      await requireClickHouse(runner, config);
      await requireMigrated(runner, config.WSDIAG_CLICKHOUSE_DATABASE);
      process.stdout.write(await summaryText(runner, config.WSDIAG_CLICKHOUSE_DATABASE));
      return 0;
    } finally {
      await runner.close();
    }
  },
};
