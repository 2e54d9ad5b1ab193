// Loads the seeded incident into a database through the real path: classify → toEventRow →
// runner.insert into <db>.events in several blocks, the re-delivered copies in a later block of
// their own (new offsets and ingest time, as a re-read would have), then marks the minutes and builds
// the rollups as the pipeline does.
import { classify, CLASSIFIER_VERSION } from '../../analyzers/classify.js';
import { toEventRow, type EventRow } from '../../ingest/event-row.js';
import type { SqlRunner } from '../../ingest/sql-runner.js';
import { createRollupBuilder } from '../../ingest/rollup-builder.js';
import type { TelemetryEvent } from '../../schemas/telemetry-event.js';
import { seededIncident } from './seeded-incident.js';

const BLOCK_ROWS = 1500;

function rowsOf(events: readonly TelemetryEvent[], firstOffset: number, ingestedAtMs: number): EventRow[] {
  return events.map((event, i) =>
    toEventRow(event, classify(event), { topic: 'ws.telemetry', partition: i % 3, offset: String(firstOffset + i) }, ingestedAtMs, CLASSIFIER_VERSION),
  );
}

export async function insertSeededIncident(runner: SqlRunner, db: string, { buildRollups = true } = {}): Promise<{ rows: number; redelivered: number }> {
  const { events, redeliveries } = seededIncident();
  const ingestedAtMs = Date.parse('2025-03-14T10:31:00Z');
  const rows = rowsOf(events.map((e) => e.event), 0, ingestedAtMs);
  for (let i = 0; i < rows.length; i += BLOCK_ROWS) await runner.insert(`${db}.events`, rows.slice(i, i + BLOCK_ROWS));
  await runner.insert(`${db}.events`, rowsOf(redeliveries, rows.length, ingestedAtMs + 300_000));
  // What the pipeline's sink and rollup builder do after their writes (docs/storage.md).
  if (buildRollups) {
    // The sink marks a batch's minutes right after ClickHouse acknowledged it: at its ingest time.
    await runner.command(`INSERT INTO ${db}.rollup_marks (minute, marked_at) SELECT toStartOfMinute(ts) AS m, max(ingested_at) AS at FROM ${db}.events GROUP BY m`);
    await createRollupBuilder(runner, db).buildPending();
  }
  return { rows: rows.length, redelivered: redeliveries.length };
}
