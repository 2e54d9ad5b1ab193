// Byte-identical output: classify() on every corpus and holdout event (and on variants that miss the
// text memo, and on every vocabulary sample text) must print exactly what the snapshot recorded before
// the engine's performance work. Regenerate only for an intended behaviour change:
// `WRITE_CLASSIFY_SNAPSHOT=1 npx vitest run test/unit/analyzers/classify-snapshot.test.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot, loadCorpus } from '../../../bench/accuracy.js';
import { HOLDOUT_DIR } from '../../../bench/holdout-accuracy.js';
import { classify } from '../../../analyzers/classify.js';
import type { TelemetryEvent } from '../../../schemas/telemetry-event.js';
import { event as buildEvent } from './event-builder.js';
import { sampleTexts } from './vocabulary-samples.js';

const SNAPSHOT = join(findRepoRoot(), 'test/fixtures/classify-snapshot.ndjson');

function snapshotEvents(): TelemetryEvent[] {
  const recorded = [...loadCorpus().samples, ...loadCorpus(join(findRepoRoot(), HOLDOUT_DIR)).samples].map((sample) => sample.event);
  // The same events with a message no other event has: the matcher runs instead of the memo.
  const distinct = recorded
    .filter((event) => event.error?.message)
    .map((event, index) => ({ ...event, event_id: `${event.event_id}-distinct`, error: { ...event.error, message: `${event.error?.message} [${index}]` } }));
  const texts = sampleTexts.flatMap((text, index) => [
    buildEvent({ event_id: `sample-${index}-wss`, error: { message: text } }),
    buildEvent({ event_id: `sample-${index}-ws`, target: { url: 'ws://api.example.com/socket' }, error: { message: text }, close: { code: 1006 } }),
    buildEvent({ event_id: `sample-${index}-reason`, outcome: 'closed', close: { code: 1011, reason: text.slice(0, 120) } }),
  ]);
  return [...recorded, ...distinct, ...texts];
}

const lines = (events: readonly TelemetryEvent[]): string[] => events.map((event) => JSON.stringify(classify(event)));

describe('classify output snapshot', () => {
  const events = snapshotEvents();

  if (process.env.WRITE_CLASSIFY_SNAPSHOT === '1') {
    it('writes the snapshot', () => {
      writeFileSync(SNAPSHOT, `${lines(events).join('\n')}\n`);
    });
    return;
  }

  const expected = readFileSync(SNAPSHOT, 'utf8').trimEnd().split('\n');

  it('covers every corpus and holdout event', () => {
    expect(events.length).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(400);
  });

  it('prints exactly the recorded classification for every event, first and repeated (memoized) pass', () => {
    expect(lines(events)).toEqual(expected);
    expect(lines(events)).toEqual(expected);
    expect(lines([...events].reverse()).reverse()).toEqual(expected);
  });
});
