// The held-out set (test/fixtures/holdout): fresh reproductions the engine was never tuned on. Checks
// the set itself and aggregate accuracy floors; per-sample results are information, not assertions.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot, loadCorpus, runAccuracy } from '../../bench/accuracy.js';
import { HOLDOUT_DIR } from '../../bench/holdout-accuracy.js';
import { telemetryEventSchema } from '../../schemas/telemetry-event.js';

const { samples, errors } = loadCorpus(join(findRepoRoot(), HOLDOUT_DIR));
const { overall } = runAccuracy(samples);

describe('holdout set', () => {
  it('has no line that fails to parse or to validate against telemetry event v1', () => {
    expect(errors).toEqual([]);
    const invalid = samples.filter((sample) => !telemetryEventSchema.safeParse(sample.event).success);
    expect(invalid.map((sample) => sample.event.event_id)).toEqual([]);
  });

  it('holds at least 80 samples with holdout ids and provenance', () => {
    expect(samples.length).toBeGreaterThanOrEqual(80);
    const bad = samples.filter(
      (s) =>
        !/^holdout-[a-z]+-\d+$/.test(s.event.event_id) ||
        !/^(https:\/\/\S+|reproduced: \S.*)$/.test(s.provenance),
    );
    expect(bad.map((s) => `${s.file}:${s.line}`)).toEqual([]);
    const ids = samples.map((s) => s.event.event_id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps at least 60 % of samples reproduced', () => {
    const reproduced = samples.filter((s) => s.provenance.startsWith('reproduced: ')).length;
    expect(reproduced / samples.length).toBeGreaterThanOrEqual(0.6);
  });
});

describe('engine accuracy on the holdout set', () => {
  it.each([
    ['cause', overall.wsdiagCause, overall.baselineCause, 0.75],
    ['attribution', overall.wsdiagAttribution, overall.baselineAttribution, 0.85],
  ] as const)('%s accuracy meets its floor and beats the close-code baseline', (_label, wsdiag, baseline, floor) => {
    expect(wsdiag / overall.n).toBeGreaterThanOrEqual(floor);
    expect(wsdiag).toBeGreaterThan(baseline);
  });
});
