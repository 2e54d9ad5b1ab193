// Findings read before any classifier runs share one object shape (candidate.ts sourcedFinding): every key, in one order,
// so the loops that read them stay monomorphic. A finding built as its own literal would add a shape; this pins the keys.
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../bench/accuracy.js';
import { sourcedFinding } from '../../../analyzers/candidate.js';
import { buildContext } from '../../../analyzers/evidence-context.js';
import { shapedEvent } from '../../../analyzers/event-shape.js';

const KEYS = ['rule', 'attribution', 'cause', 'confidence', 'evidence', 'ambiguity', 'concept'];

describe('sourced findings', () => {
  it('are built with every key, undefined where absent', () => {
    expect(Object.keys(sourcedFinding('r', 'tls_unknown', 0.5, { kind: 'error.message', detail: 'd' }))).toEqual(KEYS);
  });

  it('of every corpus event (texts, codes, concepts) have the one key order', () => {
    const shapes = new Set<string>();
    for (const { event } of loadCorpus().samples) {
      const context = buildContext(shapedEvent(event));
      for (const finding of [...context.hits, ...context.codes]) shapes.add(Object.keys(finding).join(','));
    }
    expect([...shapes]).toEqual([KEYS.join(',')]);
  });
});
