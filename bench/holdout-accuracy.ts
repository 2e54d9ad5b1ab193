// Accuracy of wsdiag next to the close-code baseline on the held-out set (test/fixtures/holdout), which
// the engine was never tuned on; lists every miss with the evidence that decided it.
// Run: `npm run build && node dist/bench/holdout-accuracy.js`.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from '../analyzers/classify.js';
import { findRepoRoot, formatReport, loadCorpus, runAccuracy, type CorpusSample } from './accuracy.js';

export const HOLDOUT_DIR = join('test', 'fixtures', 'holdout');

export interface HoldoutMiss {
  eventId: string;
  expected: string;
  got: string;
  evidence: string[];
  /** What the stack printed (error.message, else close code), for the lead's report. */
  text: string;
}

/** Every sample whose attribution or cause differs from the expected one. */
export function holdoutMisses(samples: readonly CorpusSample[]): HoldoutMiss[] {
  const misses: HoldoutMiss[] = [];
  for (const sample of samples) {
    const result = classify(sample.event);
    const { attribution, cause } = sample.expected;
    if (result.attribution === attribution && result.cause === cause) continue;
    const { error, close, handshake } = sample.event;
    const text =
      error?.message ??
      (close?.code !== undefined ? `close ${close.code}${close.reason ? ` ${close.reason}` : ''}` : `handshake ${JSON.stringify(handshake ?? {})}`);
    misses.push({
      eventId: sample.event.event_id,
      expected: `${attribution}/${cause}`,
      got: `${result.attribution}/${result.cause}`,
      evidence: result.evidence.map((item) => `${item.kind}: ${item.detail}`),
      text,
    });
  }
  return misses;
}

export function formatMisses(misses: readonly HoldoutMiss[]): string {
  if (misses.length === 0) return 'holdout misses: none';
  return [
    `holdout misses (${misses.length})`,
    ...misses.flatMap((miss) => [
      `- ${miss.eventId}: expected ${miss.expected}, got ${miss.got}`,
      `    text: ${miss.text.replace(/\n/g, ' | ')}`,
      ...(miss.evidence.length === 0 ? ['    evidence: (none)'] : miss.evidence.map((line) => `    evidence: ${line}`)),
    ]),
  ].join('\n');
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const { samples, errors } = loadCorpus(join(findRepoRoot(), HOLDOUT_DIR));
  if (errors.length > 0) {
    process.stderr.write(`invalid holdout lines:\n${errors.join('\n')}\n`);
    process.exitCode = 1;
  }
  process.stdout.write(`holdout: ${samples.length} samples\n${formatReport(runAccuracy(samples))}\n\n${formatMisses(holdoutMisses(samples))}\n`);
}
