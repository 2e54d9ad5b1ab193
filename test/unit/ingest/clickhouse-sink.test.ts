import { describe, expect, it } from 'vitest';
import { createEventSink } from '../../../ingest/clickhouse-sink.js';
import { ClickHouseError } from '../../../ingest/clickhouse-client.js';
import type { SqlRunner } from '../../../ingest/sql-runner.js';
import type { EventRow } from '../../../ingest/event-row.js';

/** In-memory SqlRunner: answers the existence lookup from what was inserted, rejects poisoned rows. */
function fakeRunner(options: { poisoned?: Set<string>; stored?: string[] } = {}) {
  const stored = new Set(options.stored ?? []);
  const inserts: string[][] = [];
  const runner: SqlRunner = {
    command: async () => {},
    query: async <Row>(sql: string) => {
      const ids = [...sql.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
      return ids.filter((id) => stored.has(id)).map((event_id) => ({ event_id })) as Row[];
    },
    insert: async (_table, rows) => {
      const ids = rows.map((r) => String(r.event_id));
      if (ids.some((id) => options.poisoned?.has(id))) throw new ClickHouseError('Code: 53, e.displayText() = DB::Exception: Type mismatch', 53, { cause: null });
      inserts.push(ids);
      for (const id of ids) stored.add(id);
    },
  };
  return { runner, inserts, stored };
}

const row = (event_id: string, ts = 1_700_000_000) => ({ row: { event_id, ts } as unknown as EventRow, ref: event_id });

describe('event sink', () => {
  it('writes each event_id once: first copy within the batch wins, stored ids are skipped', async () => {
    const { runner, inserts } = fakeRunner({ stored: ['a'] });
    const result = await createEventSink(runner, 'wsdiag').write([row('a'), row('b'), row('c'), row('b')]);
    expect(inserts).toEqual([['b', 'c']]);
    expect(result).toMatchObject({ inserted: 2, duplicates: 2, rejected: [] });
  });

  it('a re-read batch adds nothing the second time', async () => {
    const { runner, inserts } = fakeRunner();
    const sink = createEventSink(runner, 'wsdiag');
    const batch = [row('x'), row('y'), row('z')];
    await sink.write(batch);
    const again = await sink.write(batch);
    expect(again).toMatchObject({ inserted: 0, duplicates: 3 });
    expect(inserts.flat()).toEqual(['x', 'y', 'z']);
  });

  it('isolates rows ClickHouse can never accept and lands the rest', async () => {
    const { runner, stored } = fakeRunner({ poisoned: new Set(['p3', 'p6']) });
    const rows = Array.from({ length: 8 }, (_, i) => row(`p${i}`));
    const result = await createEventSink(runner, 'wsdiag').write(rows);
    expect(result.rejected.map((r) => r.ref).sort()).toEqual(['p3', 'p6']);
    expect(result.rejected[0]!.detail).toContain('Type mismatch');
    expect(result.inserted).toBe(6);
    expect([...stored].sort()).toEqual(['p0', 'p1', 'p2', 'p4', 'p5', 'p7']);
  });

  it('rethrows a transient failure so the pipeline retries the whole batch', async () => {
    const runner: SqlRunner = {
      command: async () => {},
      query: async () => [],
      insert: async () => {
        throw new ClickHouseError('connect ECONNREFUSED 127.0.0.1:8123', undefined, { cause: null });
      },
    };
    await expect(createEventSink(runner, 'wsdiag').write([row('t')])).rejects.toMatchObject({ code: 'CH_UNAVAILABLE', retriable: true });
  });

  it('rethrows wrong credentials instead of dead-lettering the rows as rejected', async () => {
    let inserts = 0;
    const runner: SqlRunner = {
      command: async () => {},
      query: async () => [],
      insert: async () => {
        inserts++;
        throw new ClickHouseError('Code: 193, e.displayText() = DB::Exception: Wrong password for user wsdiag_writer', 193, { cause: null });
      },
    };
    const rows = Array.from({ length: 8 }, (_, i) => row(`w${i}`));
    await expect(createEventSink(runner, 'wsdiag').write(rows)).rejects.toMatchObject({ code: 'WSDIAG_ERR_CLICKHOUSE_AUTH', retriable: false });
    expect(inserts).toBe(1);
  });

  it('escapes ids in the existence lookup', async () => {
    const seen: string[] = [];
    const runner: SqlRunner = { command: async () => {}, query: async (sql) => (seen.push(sql), []), insert: async () => {} };
    await createEventSink(runner, 'wsdiag').write([row("x' OR 1=1 --")]);
    expect(seen[0]).toContain("'x\\' OR 1=1 --'");
  });
});
