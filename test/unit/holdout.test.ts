// The held-out sets (test/fixtures/holdout*): reproductions made apart from the corpus the engine is
// tuned on. Checks each set itself and its aggregate accuracy floors; per-sample results are
// information, not assertions.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot, loadCorpus, runAccuracy } from '../../bench/accuracy.js';
import { HOLDOUT_SETS } from '../../bench/holdout-accuracy.js';
import { telemetryEventSchema } from '../../schemas/telemetry-event.js';

describe.each(HOLDOUT_SETS)('held-out set $dir', ({ dir, idPrefix, floors }) => {
  const { samples, errors } = loadCorpus(join(findRepoRoot(), dir));
  const { overall } = runAccuracy(samples);

  it('has no line that fails to parse or to validate against telemetry event v1', () => {
    expect(errors).toEqual([]);
    const invalid = samples.filter((sample) => !telemetryEventSchema.safeParse(sample.event).success);
    expect(invalid.map((sample) => sample.event.event_id)).toEqual([]);
  });

  it('holds at least 80 samples with its own ids and provenance', () => {
    expect(samples.length).toBeGreaterThanOrEqual(80);
    const idPattern = new RegExp(`^${idPrefix}-[a-z0-9][a-z0-9-]*-\\d+$`);
    const bad = samples.filter((s) => !idPattern.test(s.event.event_id) || !/^(https:\/\/\S+|reproduced: \S.*)$/.test(s.provenance));
    expect(bad.map((s) => `${s.file}:${s.line}`)).toEqual([]);
    const ids = samples.map((s) => s.event.event_id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps at least 60 % of samples reproduced', () => {
    const reproduced = samples.filter((s) => s.provenance.startsWith('reproduced: ')).length;
    expect(reproduced / samples.length).toBeGreaterThanOrEqual(0.6);
  });

  it.each([
    ['cause', overall.wsdiagCause, overall.baselineCause, floors.cause],
    ['attribution', overall.wsdiagAttribution, overall.baselineAttribution, floors.attribution],
  ] as const)('%s accuracy meets its floor and beats the close-code baseline', (_label, wsdiag, baseline, floor) => {
    expect(wsdiag / overall.n).toBeGreaterThanOrEqual(floor);
    expect(wsdiag).toBeGreaterThan(baseline);
  });
});
