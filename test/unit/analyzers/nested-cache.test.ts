// The nested memo behind the 1010 header findings and the bare-code findings: one value per distinct (first, second, third),
// undefined parts distinct from empty ones, computed once, and started afresh when full.
import { describe, expect, it } from 'vitest';
import { NestedCache } from '../../../analyzers/nested-cache.js';
import { answerFieldAsError } from '../../../analyzers/classifiers/other-failure/answer-read.js';

describe('NestedCache', () => {
  it('computes once per distinct triple', () => {
    const cache = new NestedCache<string>();
    let computed = 0;
    const read = (a: string | undefined, b: string | undefined, c: string | undefined): string =>
      cache.get(a, b, c, () => `${++computed}:${a ?? '-'}|${b ?? '-'}|${c ?? '-'}`);
    expect(read('x', 'y', 'z')).toBe('1:x|y|z');
    expect(read('x', 'y', 'z')).toBe('1:x|y|z');
    expect(read('x', undefined, 'z')).toBe('2:x|-|z');
    expect(read('x', '', 'z')).toBe('3:x||z');
    expect(read('xy', undefined, 'z')).toBe('4:xy|-|z');
    expect(read(undefined, undefined, undefined)).toBe('5:-|-|-');
    expect(computed).toBe(5);
  });

  it('starts afresh when full, and still answers', () => {
    const cache = new NestedCache<number>(2);
    let computed = 0;
    for (const key of ['a', 'b', 'c', 'a']) cache.get(key, undefined, undefined, () => ++computed);
    expect(computed).toBe(4);
    expect(cache.get('a', undefined, undefined, () => -1)).toBe(4);
  });
});

describe('answerFieldAsError (first-character pre-test)', () => {
  it.each([
    ['the line', 'Sec-WebSocket-Accept: abc', true],
    ['lower case', 'upgrade: h2c', true],
    ['after a tab', '\tConnection: close', true],
    ['after a no-break space', '\u00a0Upgrade: x', true],
    ['other words', 'Upgrade required', false],
    ['a word first', 'bad Sec-WebSocket-Accept: abc', false],
    ['empty', '', false],
  ])('%s', (_label, message, found) => {
    expect(answerFieldAsError(message) !== undefined).toBe(found);
  });
});
