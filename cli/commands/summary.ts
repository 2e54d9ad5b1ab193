// Reads attributions back from ClickHouse: distinct events per attribution and cause.
import type { Command } from '../wsdiag.js';
import { clickhouseRunner, setup } from './wiring.js';

export const summaryCommand: Command = async (_args, env) => {
  const { config } = setup(env);
  const runner = clickhouseRunner(config);
  try {
    const rows = await runner.query<{ attribution: string; cause: string; events: string }>(
      `SELECT attribution, cause, uniqExact(event_id) AS events FROM ${config.WSDIAG_CLICKHOUSE_DATABASE}.events
       GROUP BY attribution, cause ORDER BY attribution, events DESC, cause`,
    );
    const total = rows.reduce((n, r) => n + Number(r.events), 0);
    process.stdout.write(`attribution  cause                       events   share\n`);
    for (const r of rows) {
      const share = total ? ((100 * Number(r.events)) / total).toFixed(1) : '0.0';
      process.stdout.write(`${r.attribution.padEnd(12)} ${r.cause.padEnd(27)} ${String(r.events).padStart(6)}  ${share.padStart(5)}%\n`);
    }
    process.stdout.write(`total distinct events: ${total}\n`);
    return 0;
  } finally {
    await runner.close();
  }
};
