// Fault 4: ClickHouse rejects rows that can never succeed. The test's own events table gets a
// narrower column (connection_id FixedString(24), as a schema drift would); rows whose value does not
// fit are refused with code 131 TOO_LARGE_STRING_SIZE on 18.16 and on 26.x alike (checked on both), and the
// whole INSERT is refused, not just those rows. The sink must isolate them into the dead-letter topic
// (reason rejected_by_clickhouse, original bytes) while the rest of every batch lands.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../ingest/sample-traffic.js';
import { deadLetterHeaders } from '../../ingest/dead-letter.js';
import { readTopic } from '../support/pipeline-harness.js';
import { expectExactlyOnce } from '../support/fault-assert.js';
import {
  connectProducer,
  expectationOf,
  pick,
  report,
  sampleRecords,
  sendAll,
  startPipeline,
  stderrProblems,
  type OutRecord,
  useFaultSandbox,
} from '../support/fault-harness.js';

const COUNT = pick(6_000, 20_000);
const POISON = pick(40, 120);

describe('fault 4: rows ClickHouse can never store', () => {
  const sandbox = useFaultSandbox('rejects');

  it(`dead-letters exactly the ${POISON} unstorable rows and stores the rest`, async () => {
    const migrated = await startPipeline(sandbox(), ['migrate']);
    expect((await migrated.done).code).toBe(0);
    await sandbox().clickhouse.command(`ALTER TABLE ${sandbox().database}.events MODIFY COLUMN connection_id FixedString(24)`);

    const random = seededRandom(404);
    const records: OutRecord[] = sampleRecords(COUNT, 404, 0.01, '2026-11-24T12:00:00.000Z', sandbox().partitions);
    const poisoned = new Set<number>();
    while (poisoned.size < POISON) {
      const i = Math.floor(random() * COUNT);
      const event = safeJson(records[i]!.value);
      if (!event) continue;
      event.connection_id = `poison-${i}-${'x'.repeat(40)}`;
      records[i] = { ...records[i]!, value: Buffer.from(JSON.stringify(event)) };
      poisoned.add(i);
    }
    const producer = await connectProducer(sandbox());
    const placed = await sendAll(producer, sandbox().topic, records);
    await producer.disconnect();

    const started = Date.now();
    const run = await startPipeline(sandbox(), ['run', '--drain']);
    const result = await run.done;
    const drainMs = Date.now() - started;
    expect(result.code, result.stderr).toBe(0);
    expect(stderrProblems(result.stderr)).toEqual([]);

    const expected = expectationOf(placed.filter((_, i) => !poisoned.has(i)));
    const invalid = new Map(expected.invalid);
    for (const i of poisoned) {
      const p = placed[i]!;
      invalid.set(`${p.partition}:${p.offset}`, { key: p.key, value: p.value, reason: 'rejected_by_clickhouse' });
    }
    const f = await expectExactlyOnce(sandbox(), { ...expected, invalid });

    const dlq = await readTopic(sandbox().kafka, sandbox().dlqTopic, invalid.size);
    const rejected = dlq.filter((d) => String(d.headers[deadLetterHeaders.reason]) === 'rejected_by_clickhouse');
    expect(rejected).toHaveLength(POISON);
    for (const d of rejected) expect(String(d.headers[deadLetterHeaders.detail])).toMatch(/Code: 131|FixedString/);

    report(
      {
        fault: 'ClickHouse rejects rows (FixedString overflow)',
        repetitions: 1,
        produced: placed.length,
        recoverMs: [drainMs],
        notes: `${POISON} rows rejected_by_clickhouse; recover = drain time of the whole topic`,
      },
      f,
    );
  });
});

function safeJson(value: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(value.toString('utf8')) as unknown;
    return parsed && typeof parsed === 'object' && 'event_id' in parsed ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
