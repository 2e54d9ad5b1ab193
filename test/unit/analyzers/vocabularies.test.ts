// Each runtime vocabulary, one row per text as that runtime prints it, through the whole engine.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import { failedWithMessage } from './event-builder.js';
import { tables } from './vocabulary-samples.js';

describe.each(Object.entries(tables))('vocabulary %s', (_vocabulary, rows) => {
  it.each(rows)('%s', (_label, text, attribution, cause) => {
    const result = classify(failedWithMessage(text));
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution, cause });
    expect(result.evidence.length).toBeGreaterThan(0);
    expect(result.evidence[0]!.kind).toBe('error.message');
  });
});
