// The real-world evidence corpus (test/fixtures/corpus, provenance per line): every event validates
// against event v1, and the engine attributes each sample to the expected attribution and cause.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, findRepoRoot, loadCorpus } from '../../bench/accuracy.js';
import { classify } from '../../analyzers/classify.js';
import { causes1010, causes1015 } from '../../schemas/classification.js';

const { samples, errors } = loadCorpus();

describe('evidence corpus', () => {
  it('has no line that fails to parse or to validate against telemetry event v1', () => {
    expect(errors).toEqual([]);
  });

  it('holds at least 150 samples from at least 10 runtimes', () => {
    expect(samples.length).toBeGreaterThanOrEqual(150);
    expect(new Set(samples.map((sample) => sample.runtime)).size).toBeGreaterThanOrEqual(10);
  });

  it.each([...causes1010.map((cause) => ['1010', cause]), ...causes1015.map((cause) => ['1015', cause])])(
    'covers %s/%s at least twice',
    (attribution, cause) => {
      const hits = samples.filter((s) => s.expected.attribution === attribution && s.expected.cause === cause);
      expect(hits.length).toBeGreaterThanOrEqual(2);
    },
  );

  it('names where every sample was seen or how it was reproduced', () => {
    const missing = samples.filter((s) => !/^(https:\/\/\S+|reproduced: \S.*)$/.test(s.provenance));
    expect(missing.map((s) => `${s.file}:${s.line}`)).toEqual([]);
  });

  it('README counts per runtime match the files', () => {
    const readme = readFileSync(join(findRepoRoot(), CORPUS_DIR, 'README.md'), 'utf8');
    const documented = Object.fromEntries(
      [...readme.matchAll(/^\| ([a-z]+) \| (\d+) \| \d+ \| \d+ \|/gm)].map((m) => [m[1], Number(m[2])]),
    );
    const actual: Record<string, number> = {};
    for (const s of samples) actual[s.runtime] = (actual[s.runtime] ?? 0) + 1;
    expect(documented).toEqual(actual);
  });

  it('uses unique event ids', () => {
    const ids = samples.map((s) => s.event.event_id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('classify on the evidence corpus', () => {
  it.each(samples.map((s) => [`${s.file}:${s.line} ${s.runtime} ${s.expected.attribution}/${s.expected.cause}`, s] as const))(
    '%s',
    (_label, sample) => {
      const result = classify(sample.event);
      expect({ attribution: result.attribution, cause: result.cause }).toEqual(sample.expected);
    },
  );
});
