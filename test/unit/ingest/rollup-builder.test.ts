// The minute build's order (docs/storage.md, "Counting each event once"): the server clock is read,
// then every minute rollup and the certificate chain inventory are built from the raw minutes, then the
// hours are marked and the build is recorded. A build that stops before the record leaves the minutes
// marked, so the chain inventory is built under the same protocol as the rollups.
import { describe, expect, it } from 'vitest';
import { createRollupBuilder } from '../../../ingest/rollup-builder.js';
import type { SqlRunner } from '../../../ingest/sql-runner.js';
import { allRollups } from '../../../schemas/clickhouse/rollups.js';

/** A runner that answers one round of two dirty minutes and records every statement. */
function recordingRunner() {
  const log: string[] = [];
  let rounds = 0;
  const runner: SqlRunner = {
    async query<Row>(sql: string) {
      log.push(sql);
      if (sql.includes('dirty_minute')) return (rounds++ === 0 ? [{ dirty_minute: 1_741_939_200 }, { dirty_minute: 1_741_939_260 }] : []) as Row[];
      if (sql.includes('toUInt32(now())')) return [{ now: 1_741_940_000 }] as Row[];
      return [] as Row[];
    },
    async command(sql: string) {
      log.push(sql);
    },
    async insert() {},
  } as unknown as SqlRunner;
  return { runner, log };
}

describe('createRollupBuilder', () => {
  it('builds the chain inventory of the dirty minutes after the clock and before the build is recorded', async () => {
    const { runner, log } = recordingRunner();
    expect(await createRollupBuilder(runner, 'w').buildPending()).toBe(2);
    const at = (pattern: RegExp) => log.findIndex((sql) => pattern.test(sql));
    const clock = at(/toUInt32\(now\(\)\)/);
    const chain = at(/^INSERT INTO w\.certificate_chain /);
    const record = at(/^INSERT INTO w\.rollup_builds /);
    expect(clock).toBeGreaterThanOrEqual(0);
    expect(chain).toBeGreaterThan(clock);
    expect(record).toBeGreaterThan(chain);
    expect(at(/^INSERT INTO w\.rollup_hour_marks /)).toBeGreaterThan(chain);
    for (const r of allRollups) expect(at(new RegExp(`^INSERT INTO w\\.${r.table} `)), r.table).toBeLessThan(record);
    // The chain build reads exactly the two minutes, from raw events.
    expect(log[chain]).toContain('toStartOfMinute(ts) IN (toDateTime(1741939200), toDateTime(1741939260))');
    expect(log[chain]).toContain('FROM w.events');
    expect(log.filter((sql) => /^INSERT INTO w\.certificate_chain /.test(sql))).toHaveLength(1);
  });
});
