// The walking skeleton end to end on the real broker and server: 10 000 records, 100 invalid,
// `wsdiag run --drain`, then every record is accounted for exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleTraffic } from '../../ingest/sample-traffic.js';
import { deadLetterHeaders } from '../../ingest/dead-letter.js';
import { createSandbox, groupOffsets, readTopic, runCli, type Sandbox } from '../support/pipeline-harness.js';

const COUNT = 10_000;
const SEED = 42;
const INVALID_RATIO = 0.01;
const START = '2026-11-25T08:00:00.000Z';

describe('wsdiag run --drain over 10 000 records', () => {
  let sandbox: Sandbox;
  const expected = sampleTraffic({ count: COUNT, seed: SEED, invalidRatio: INVALID_RATIO, startMs: Date.parse(START) });
  const validIds = expected.flatMap((r) => (r.eventId ? [r.eventId] : [])).sort();
  const invalid = new Map(expected.filter((r) => !r.eventId).map((r) => [r.key, r.value]));

  beforeAll(async () => {
    sandbox = await createSandbox('drain');
    const produced = await runCli(['produce', '--count', String(COUNT), '--seed', String(SEED), '--invalid-ratio', String(INVALID_RATIO), '--start', START], sandbox.env);
    expect(produced.code, produced.stderr).toBe(0);
    const run = await runCli(['run', '--drain'], sandbox.env);
    expect(run.code, run.stderr).toBe(0);
  }, 180_000);

  afterAll(async () => sandbox?.cleanup());

  it('stores exactly the 9 900 valid event_ids, each once', async () => {
    expect(validIds).toHaveLength(9_900);
    const rows = await sandbox.clickhouse.query<{ event_id: string }>(`SELECT event_id FROM ${sandbox.database}.events ORDER BY event_id`);
    expect(rows.map((r) => r.event_id)).toEqual(validIds);
  });

  it('stores a classification with evidence for every event', async () => {
    const [row] = await sandbox.clickhouse.query<{ unclassified: string; causes: string }>(
      `SELECT countIf(attribution = '' OR cause = '') AS unclassified, uniqExact(cause) AS causes FROM ${sandbox.database}.events`,
    );
    expect(Number(row!.unclassified)).toBe(0);
    expect(Number(row!.causes)).toBeGreaterThan(5);
  });

  it('dead-letters exactly the 100 invalid records with original bytes and a reason', async () => {
    const dlq = await readTopic(sandbox.kafka, sandbox.dlqTopic, 100);
    expect(dlq).toHaveLength(100);
    for (const record of dlq) {
      const key = record.key!.toString();
      expect(invalid.has(key)).toBe(true);
      expect(Buffer.compare(record.value!, invalid.get(key)!)).toBe(0);
      expect(String(record.headers[deadLetterHeaders.reason])).toMatch(/^(not_json|schema_violation|invalid_utf8)$/);
      expect(String(record.headers[deadLetterHeaders.detail]).length).toBeGreaterThan(0);
      expect(String(record.headers[deadLetterHeaders.topic])).toBe(sandbox.topic);
      expect(String(record.headers[deadLetterHeaders.offset])).toMatch(/^\d+$/);
    }
    expect(new Set(dlq.map((r) => r.key!.toString())).size).toBe(100);
  });

  it('committed offsets equal the end offsets on every partition', async () => {
    const offsets = await groupOffsets(sandbox.kafka, sandbox.groupId, sandbox.topic);
    expect(offsets).toHaveLength(6);
    for (const p of offsets) expect(p.committed).toBe(p.end);
    expect(offsets.reduce((n, p) => n + Number(p.end), 0)).toBe(COUNT);
  });
});
