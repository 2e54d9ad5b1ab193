// Accuracy of wsdiag's attribution engine next to a close-code-only baseline, on the evidence corpus
// in test/fixtures/corpus (one NDJSON line per real sample). Run: `npm run build && node dist/bench/accuracy.js`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { closeCodeBaseline } from '../analyzers/baseline/close-code-baseline.js';
import { classify } from '../analyzers/classify.js';
import { allCauses, attributions } from '../schemas/classification.js';
import { telemetryEventSchema, type TelemetryEvent } from '../schemas/telemetry-event.js';

export const CORPUS_DIR = join('test', 'fixtures', 'corpus');

const sampleSchema = z.object({
  provenance: z.string().trim().min(1),
  runtime: z.string().min(1),
  expected: z.object({ attribution: z.enum(attributions), cause: z.enum(allCauses) }),
  event: z.unknown(),
});

export interface CorpusSample {
  file: string;
  line: number;
  provenance: string;
  runtime: string;
  expected: { attribution: string; cause: string };
  event: TelemetryEvent;
}

export interface CorpusLoad {
  samples: CorpusSample[];
  /** One entry per line that is not a valid sample: `<file>:<line> <reason>`. */
  errors: string[];
}

/** The directory holding package.json, found upwards from `start` (works from bench/ and dist/bench/). */
export function findRepoRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

/** Reads every *.ndjson file of the corpus; invalid lines are reported, never dropped silently. */
export function loadCorpus(dir: string = join(findRepoRoot(), CORPUS_DIR)): CorpusLoad {
  const samples: CorpusSample[] = [];
  const errors: string[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ndjson')).sort()) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((text, index) => {
      if (text.trim() === '') return;
      const where = `${file}:${index + 1}`;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        errors.push(`${where} not JSON: ${(error as Error).message}`);
        return;
      }
      const sample = sampleSchema.safeParse(json);
      if (!sample.success) return void errors.push(`${where} ${z.prettifyError(sample.error)}`);
      const event = telemetryEventSchema.safeParse(sample.data.event);
      if (!event.success) return void errors.push(`${where} event: ${z.prettifyError(event.error)}`);
      samples.push({ file, line: index + 1, ...sample.data, event: event.data });
    });
  }
  return { samples, errors };
}

interface Tally {
  n: number;
  wsdiagAttribution: number;
  wsdiagCause: number;
  baselineAttribution: number;
  baselineCause: number;
}

export interface AccuracyReport {
  byRuntime: Record<string, Tally>;
  overall: Tally;
  /** expected attribution → predicted attribution → count, per predictor. */
  attributionConfusion: { wsdiag: Record<string, Record<string, number>>; baseline: Record<string, Record<string, number>> };
  /** "expected cause → wsdiag cause" for every miss, with counts. */
  causeMisses: Record<string, number>;
}

const emptyTally = (): Tally => ({ n: 0, wsdiagAttribution: 0, wsdiagCause: 0, baselineAttribution: 0, baselineCause: 0 });

function bump(matrix: Record<string, Record<string, number>>, row: string, column: string): void {
  const counts = (matrix[row] ??= {});
  counts[column] = (counts[column] ?? 0) + 1;
}

/** Scores both predictors on the corpus; pure apart from reading the fixtures. */
export function runAccuracy(samples: readonly CorpusSample[] = loadCorpus().samples): AccuracyReport {
  const report: AccuracyReport = {
    byRuntime: {},
    overall: emptyTally(),
    attributionConfusion: { wsdiag: {}, baseline: {} },
    causeMisses: {},
  };
  for (const sample of samples) {
    const wsdiag = classify(sample.event);
    const baseline = closeCodeBaseline(sample.event);
    const { attribution, cause } = sample.expected;
    for (const tally of [(report.byRuntime[sample.runtime] ??= emptyTally()), report.overall]) {
      tally.n += 1;
      if (wsdiag.attribution === attribution) tally.wsdiagAttribution += 1;
      if (wsdiag.attribution === attribution && wsdiag.cause === cause) tally.wsdiagCause += 1;
      if (baseline.attribution === attribution) tally.baselineAttribution += 1;
      if (baseline.attribution === attribution && baseline.cause === cause) tally.baselineCause += 1;
    }
    bump(report.attributionConfusion.wsdiag, attribution, wsdiag.attribution);
    bump(report.attributionConfusion.baseline, attribution, baseline.attribution);
    if (wsdiag.cause !== cause) {
      const key = `${attribution}/${cause} → ${wsdiag.attribution}/${wsdiag.cause}`;
      report.causeMisses[key] = (report.causeMisses[key] ?? 0) + 1;
    }
  }
  return report;
}

const percent = (hits: number, n: number): string => (n === 0 ? '-' : `${((100 * hits) / n).toFixed(1)}%`);

/** Plain-text tables: per runtime and overall, then the attribution confusion and the cause misses. */
export function formatReport(report: AccuracyReport): string {
  const header = ['runtime', 'n', 'wsdiag attr', 'wsdiag cause', 'baseline attr', 'baseline cause'];
  const row = (name: string, t: Tally): string[] => [
    name,
    String(t.n),
    percent(t.wsdiagAttribution, t.n),
    percent(t.wsdiagCause, t.n),
    percent(t.baselineAttribution, t.n),
    percent(t.baselineCause, t.n),
  ];
  const rows = [
    header,
    ...Object.keys(report.byRuntime)
      .sort()
      .map((runtime) => row(runtime, report.byRuntime[runtime] ?? emptyTally())),
    row('overall', report.overall),
  ];
  const widths = header.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length)));
  const table = rows.map((cells) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
  table.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));

  const confusion = (name: string, matrix: Record<string, Record<string, number>>): string[] => [
    `attribution confusion, ${name} (rows: expected, columns: predicted)`,
    ['expected', ...attributions].map((cell) => cell.padEnd(9)).join(''),
    ...attributions.map((expected) =>
      [expected, ...attributions.map((predicted) => String(matrix[expected]?.[predicted] ?? 0))].map((cell) => cell.padEnd(9)).join(''),
    ),
  ];
  const misses = Object.entries(report.causeMisses)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([key, count]) => `  ${String(count).padStart(3)}  ${key}`);
  return [
    ...table,
    '',
    ...confusion('wsdiag', report.attributionConfusion.wsdiag),
    '',
    ...confusion('close-code baseline', report.attributionConfusion.baseline),
    '',
    `wsdiag cause misses (${misses.length === 0 ? 'none' : 'expected → got'})`,
    ...misses,
  ].join('\n');
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const { samples, errors } = loadCorpus();
  if (errors.length > 0) {
    process.stderr.write(`invalid corpus lines:\n${errors.join('\n')}\n`);
    process.exitCode = 1;
  }
  process.stdout.write(`${formatReport(runAccuracy(samples))}\n`);
}
