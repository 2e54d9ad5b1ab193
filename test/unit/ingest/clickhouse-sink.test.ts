import { describe, expect, it } from 'vitest';
import { createEventSink } from '../../../ingest/clickhouse-sink.js';
import { ClickHouseError } from '../../../ingest/clickhouse-client.js';
import type { SqlRunner } from '../../../ingest/sql-runner.js';

/**
 * In-memory SqlRunner: two tables, events and event_ids. Answers each existence look-up from the table it
 * reads, rejects poisoned rows, records marks. `stored`: written by an earlier run (both tables);
 * `storedWithoutIds`: events rows whose ids never reached event_ids (a crash between the two inserts).
 */
function fakeRunner(options: { poisoned?: Set<string>; stored?: string[]; storedWithoutIds?: string[]; down?: boolean } = {}) {
  const stored = new Set([...(options.stored ?? []), ...(options.storedWithoutIds ?? [])]);
  const idStored = new Set(options.stored ?? []);
  const inserts: string[][] = [];
  const idInserts: string[][] = [];
  const lookups: string[][] = [];
  const lookupTables: string[] = [];
  const commands: string[] = [];
  const runner: SqlRunner = {
    command: async (sql) => void commands.push(sql),
    query: async <Row>(sql: string) => {
      const ids = [...sql.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
      const table = /FROM wsdiag\.(\w+)/.exec(sql)![1]!;
      lookups.push(ids);
      lookupTables.push(table);
      const from = table === 'event_ids' ? idStored : stored;
      return ids.filter((id) => from.has(id)).map((event_id) => ({ event_id })) as Row[];
    },
    insert: async () => {
      throw new Error('the sink writes TabSeparated');
    },
    insertText: async (table, columns, _format, chunks) => {
      const body = typeof chunks === 'string' ? chunks : chunks.map((c) => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'))).join('');
      if (options.down) throw new ClickHouseError('connect ECONNREFUSED 127.0.0.1:8123', undefined, { cause: null });
      if (table === 'wsdiag.event_ids') {
        expect(columns).toEqual(['ts', 'event_id']);
        const ids = body.trimEnd().split('\n').map((line) => line.split('\t')[1]!);
        idInserts.push(ids);
        for (const id of ids) idStored.add(id);
        return;
      }
      expect(table).toBe('wsdiag.events');
      expect(columns[0]).toBe('event_id');
      const ids = body.trimEnd().split('\n').map((line) => line.split('\t')[0]!);
      if (ids.some((id) => options.poisoned?.has(id))) throw new ClickHouseError('Code: 53, e.displayText() = DB::Exception: Type mismatch', 53, { cause: null });
      inserts.push(ids);
      for (const id of ids) stored.add(id);
    },
  };
  return { runner, inserts, idInserts, stored, idStored, lookups, lookupTables, commands };
}

const row = (eventId: string, ts = 1_700_000_000) => ({ eventId, ts, attribution: 'none', cause: 'none', tsv: Buffer.from(`${eventId.replace(/\t/g, '\\t')}\t${ts}\n`), ref: eventId });

describe('event sink', () => {
  it('drops repeats within a batch (the first copy stands), looking each id up once', async () => {
    const { runner, inserts, lookups } = fakeRunner();
    const result = await createEventSink(runner, 'wsdiag').write([row('a'), row('b'), row('c'), row('b')]);
    expect(inserts).toEqual([['a', 'b', 'c']]);
    expect(lookups.flat()).toEqual(['a', 'b', 'c']);
    expect(result).toMatchObject({ inserted: 3, duplicates: 1, rejected: [] });
  });

  it('a re-read batch adds nothing the second time', async () => {
    const { runner, inserts } = fakeRunner();
    const sink = createEventSink(runner, 'wsdiag');
    await sink.write([row('x'), row('y'), row('z')]);
    const again = await sink.write([row('x'), row('y'), row('z'), row('new')]);
    expect(again).toMatchObject({ inserted: 1, duplicates: 3 });
    expect(inserts.flat()).toEqual(['x', 'y', 'z', 'new']);
  });

  it('ids another instance or an earlier run stored are not written again (a fresh sink knows nothing of them)', async () => {
    const { runner, inserts } = fakeRunner({ stored: ['r1', 'r2'] });
    const result = await createEventSink(runner, 'wsdiag').write([row('r1'), row('r2'), row('r3')]);
    expect(result).toMatchObject({ inserted: 1, duplicates: 2 });
    expect(inserts).toEqual([['r3']]);
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

  it('marks the minutes of the batch for a rollup build after the rows were written', async () => {
    const { runner, commands } = fakeRunner();
    await createEventSink(runner, 'wsdiag').write([row('m1', 1_700_000_005), row('m2', 1_700_000_059), row('m3', 1_700_000_100)]);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toContain('INSERT INTO wsdiag.rollup_marks');
    expect(commands[0]).toContain('toDateTime(1699999980), toDateTime(1700000040)');
  });

  it('rethrows a transient failure (and marks nothing) so the pipeline retries the whole batch', async () => {
    const { runner, commands } = fakeRunner({ down: true });
    await expect(createEventSink(runner, 'wsdiag').write([row('t')])).rejects.toMatchObject({ code: 'CH_UNAVAILABLE', retriable: true });
    expect(commands).toEqual([]);
  });

  it('rethrows wrong credentials instead of dead-lettering the rows as rejected', async () => {
    let inserts = 0;
    const runner: SqlRunner = {
      command: async () => {},
      query: async () => [],
      insert: async () => {
        throw new Error('the sink writes TabSeparated');
      },
      insertText: async () => {
        inserts++;
        throw new ClickHouseError('Code: 193, e.displayText() = DB::Exception: Wrong password for user wsdiag_writer', 193, { cause: null });
      },
    };
    const rows = Array.from({ length: 8 }, (_, i) => row(`w${i}`));
    await expect(createEventSink(runner, 'wsdiag').write(rows)).rejects.toMatchObject({ code: 'WSDIAG_ERR_CLICKHOUSE_AUTH', retriable: false });
    expect(inserts).toBe(1);
  });

  it('looks ids up in event_ids only at the seconds of the batch, in as few queries as fit', async () => {
    const seen: string[] = [];
    const { runner } = fakeRunner();
    const sink = createEventSink({ ...runner, query: async (sql) => (seen.push(sql), []) }, 'wsdiag');
    const hour = 1_699_999_200;
    await sink.write([row('a', hour + 10), row('b', hour + 3599), row('c', hour + 5), row('e', hour + 6), row('d', hour + 3600 + 7)]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain('FROM wsdiag.event_ids WHERE');
    expect(seen[0]).toContain(
      `(ts BETWEEN toDateTime(${hour + 5}) AND toDateTime(${hour + 6}) OR ts = toDateTime(${hour + 10}) OR ts = toDateTime(${hour + 3599}) OR ts = toDateTime(${hour + 3607}))`,
    );
    seen.length = 0;
    // 256-character ids: about 900 fit under the query size limit, so 2 000 take three queries.
    const long = Array.from({ length: 2000 }, (_, i) => row(`${i}`.padStart(256, 'x')));
    await sink.write(long);
    expect(seen).toHaveLength(3);
    expect(Math.max(...seen.map((sql) => sql.length))).toBeLessThan(256 * 1024);
    expect(seen.flatMap((sql) => [...sql.matchAll(/'(x*\d+)'/g)].map((m) => m[1])).sort()).toEqual(long.map((r) => r.eventId).sort());
  });

  it('writes the ids of the rows it inserted to event_ids, after the insert (not the repeats, found or rejected ones)', async () => {
    const order: string[] = [];
    const { runner, idInserts } = fakeRunner({ stored: ['old'], poisoned: new Set(['bad']) });
    const sink = createEventSink({ ...runner, insertText: async (table, columns, format, body) => (order.push(table), runner.insertText(table, columns, format, body)) }, 'wsdiag');
    const result = await sink.write([row('n1'), row('old'), row('bad'), row('n2'), row('n1')]);
    expect(result).toMatchObject({ inserted: 2, duplicates: 2 });
    expect(idInserts).toEqual([['n1', 'n2']]);
    expect(order.at(-1)).toBe('wsdiag.event_ids');
    expect(order.slice(0, -1).every((t) => t === 'wsdiag.events')).toBe(true);
  });

  it('a retry reads events itself, and writes the ids its failed attempt stored without them', async () => {
    let failIds = true;
    const { runner, inserts, idStored, lookupTables } = fakeRunner();
    const flaky: SqlRunner = {
      ...runner,
      insertText: async (table, columns, format, body) => {
        if (table === 'wsdiag.event_ids' && failIds) {
          failIds = false;
          throw new ClickHouseError('connect ECONNREFUSED 127.0.0.1:8123', undefined, { cause: null });
        }
        await runner.insertText(table, columns, format, body);
      },
    };
    const sink = createEventSink(flaky, 'wsdiag');
    const batch = [row('s1'), row('s2')];
    sink.lookAhead(batch);
    await expect(sink.write(batch)).rejects.toMatchObject({ code: 'CH_UNAVAILABLE' });
    expect([...idStored]).toEqual([]);
    expect(await sink.write(batch)).toMatchObject({ inserted: 0, duplicates: 2 });
    expect(inserts).toEqual([['s1', 's2']]);
    expect(lookupTables).toEqual(['event_ids', 'events']);
    expect([...idStored].sort()).toEqual(['s1', 's2']);
  });

  it('what an earlier run stored without its ids is not found by a first attempt (a physical copy, collapsed by FINAL)', async () => {
    const { runner, inserts } = fakeRunner({ storedWithoutIds: ['k1'] });
    expect(await createEventSink(runner, 'wsdiag').write([row('k1'), row('k2')])).toMatchObject({ inserted: 2, duplicates: 0 });
    expect(inserts).toEqual([['k1', 'k2']]);
  });

  it('sends a large batch as one insert whose body arrives in chunks of whole lines', async () => {
    const bodies: Array<string | ReadonlyArray<string | Uint8Array>> = [];
    const { runner } = fakeRunner();
    await createEventSink({ ...runner, insertText: async (table, _c, _f, body) => void (table === 'wsdiag.events' && bodies.push(body)) }, 'wsdiag').write(Array.from({ length: 1201 }, (_, i) => row(`id${i}`)));
    expect(bodies).toHaveLength(1);
    const chunks = (bodies[0] as readonly Uint8Array[]).map((c) => Buffer.from(c).toString('utf8'));
    expect(chunks.map((c) => c.split('\n').length - 1)).toEqual([500, 500, 201]);
    expect(chunks.every((c) => c.endsWith('\n'))).toBe(true);
  });

  it('an early look-up (sent while the batch before was being written) still finds what that batch stored', async () => {
    const { runner, inserts, lookups } = fakeRunner({ stored: ['old'] });
    const sink = createEventSink(runner, 'wsdiag');
    const first = [row('a'), row('b')];
    const second = [row('b'), row('old'), row('c')];
    sink.lookAhead(first);
    const writing = sink.write(first);
    // Sent before the first batch's insert: ClickHouse does not have 'b' yet.
    sink.lookAhead(second);
    await writing;
    expect(await sink.write(second)).toMatchObject({ inserted: 1, duplicates: 2 });
    expect(inserts).toEqual([['a', 'b'], ['c']]);
    // One look-up per batch, both sent before any insert; neither write looked up again.
    expect(lookups).toEqual([['a', 'b'], ['b', 'old', 'c']]);
  });

  it('a retried write looks up again instead of reusing its early answer (the failed attempt may have landed rows)', async () => {
    let failMark = true;
    const { runner, inserts, lookups, stored } = fakeRunner();
    const flaky: SqlRunner = {
      ...runner,
      command: async (sql) => {
        if (failMark) {
          failMark = false;
          throw new ClickHouseError('connect ECONNREFUSED 127.0.0.1:8123', undefined, { cause: null });
        }
        await runner.command(sql);
      },
    };
    const sink = createEventSink(flaky, 'wsdiag');
    const batch = [row('r1'), row('r2')];
    sink.lookAhead(batch);
    await expect(sink.write(batch)).rejects.toMatchObject({ code: 'CH_UNAVAILABLE' });
    expect([...stored]).toEqual(['r1', 'r2']);
    expect(await sink.write(batch)).toMatchObject({ inserted: 0, duplicates: 2 });
    expect(inserts).toEqual([['r1', 'r2']]);
    expect(lookups).toHaveLength(2);
  });

  it('an early answer older than the writes it remembers is dropped and the batch looked up again', async () => {
    const { runner, inserts, lookups } = fakeRunner();
    const sink = createEventSink(runner, 'wsdiag');
    const late = [row('x1'), row('x5')];
    sink.lookAhead(late);
    for (let i = 1; i <= 5; i++) await sink.write([row(`x${i}`)]);
    expect(await sink.write(late)).toMatchObject({ inserted: 0, duplicates: 2 });
    expect(inserts.flat()).toEqual(['x1', 'x2', 'x3', 'x4', 'x5']);
    expect(lookups.at(-1)).toEqual(['x1', 'x5']);
  });

  it('escapes ids in the existence lookup', async () => {
    const seen: string[] = [];
    const { runner } = fakeRunner();
    const sink = createEventSink({ ...runner, query: async (sql) => (seen.push(sql), []) }, 'wsdiag');
    const batch = [row("x' OR 1=1 --")];
    await sink.write(batch);
    await sink.write(batch);
    expect(seen[0]).toContain("'x\\' OR 1=1 --'");
  });
});
