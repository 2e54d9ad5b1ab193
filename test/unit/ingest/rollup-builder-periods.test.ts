// An hour build's order (docs/storage.md, "Narrow hourly and daily rollups", "The best evidence per
// bucket"): the server clock is read, the wide hourly rollups are built, then each narrow rollup from its
// wide twin and the correlation's best evidence from the evidence minutes, all with the clock's version,
// then the days are marked and the build is recorded. A build that stops before the record leaves the hour
// marked, so every table of the hour is built again.
import { describe, expect, it } from 'vitest';
import { buildPendingPeriods } from '../../../ingest/rollup-builder.js';
import type { SqlRunner } from '../../../ingest/sql-runner.js';
import { coarseRollups, grainTable, projections, projectionTable } from '../../../schemas/clickhouse/rollups.js';
import { EVIDENCE_BEST_TABLE } from '../../../schemas/clickhouse/evidence-best.js';

const HOUR = 1_741_939_200;

/** A runner that answers one round of one dirty hour and records every statement. */
function recordingRunner() {
  const log: string[] = [];
  let rounds = 0;
  const runner = {
    async query<Row>(sql: string) {
      log.push(sql);
      if (sql.includes('AS period')) return (rounds++ === 0 ? [{ period: HOUR }] : []) as Row[];
      if (sql.includes('toUInt32(now())')) return [{ now: 1_741_943_000 }] as Row[];
      return [] as Row[];
    },
    async command(sql: string) {
      log.push(sql);
    },
  } as unknown as SqlRunner;
  return { runner, log };
}

describe('buildPendingPeriods (hours)', () => {
  it('builds each narrow rollup after its wide twin and the best evidence, with the build version, before the record', async () => {
    const { runner, log } = recordingRunner();
    expect(await buildPendingPeriods(runner, 'w', 'hour')).toBe(1);
    const at = (prefix: string) => log.findIndex((sql) => sql.startsWith(prefix));
    const clock = log.findIndex((sql) => sql.includes('toUInt32(now())'));
    const record = at('INSERT INTO w.rollup_hour_builds ');
    const dayMarks = at('INSERT INTO w.rollup_day_marks ');
    expect(clock).toBeGreaterThanOrEqual(0);
    expect(record).toBeGreaterThan(dayMarks);
    for (const r of coarseRollups) expect(at(`INSERT INTO w.${grainTable(r.table, 'hour')} `), r.table).toBeGreaterThan(clock);
    for (const p of projections) {
      const narrow = at(`INSERT INTO w.${projectionTable(p, 'hour')} `);
      expect(narrow).toBeGreaterThan(at(`INSERT INTO w.${grainTable(p.of.table, 'hour')} `));
      expect(narrow).toBeLessThan(record);
      expect(log[narrow]).toContain(`FROM w.${grainTable(p.of.table, 'hour')} FINAL`);
      expect(log[narrow]).toContain('toUInt32(1741943000) AS built_at');
    }
    const best = at(`INSERT INTO w.${EVIDENCE_BEST_TABLE} `);
    expect(best).toBeGreaterThan(clock);
    expect(best).toBeLessThan(record);
    expect(log[best]).toContain('FROM w.rollup_evidence_minute FINAL');
    expect(log[best]).toContain(`IN (toDateTime(${HOUR}))`);
  });

  it('days build the narrow daily rollup and no best evidence (it is per hour)', async () => {
    const { runner, log } = recordingRunner();
    expect(await buildPendingPeriods(runner, 'w', 'day')).toBe(1);
    for (const p of projections) expect(log.some((sql) => sql.startsWith(`INSERT INTO w.${projectionTable(p, 'day')} `))).toBe(true);
    expect(log.some((sql) => sql.includes(EVIDENCE_BEST_TABLE))).toBe(false);
  });
});
