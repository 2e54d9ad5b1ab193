import { describe, expect, it } from 'vitest';
import { secondRanges, timeCondition } from '../../../schemas/clickhouse/event-ids.js';

describe('event_ids look-up ranges', () => {
  it.each([
    ['one second', [7, 7, 7], [[7, 7]]],
    ['adjacent seconds join', [3, 1, 2, 5], [[1, 3], [5, 5]]],
    ['seconds far apart stay apart', [100, 0, 3600], [[0, 0], [100, 100], [3600, 3600]]],
  ] as const)('%s', (_label, seconds, ranges) => {
    expect(secondRanges(seconds)).toEqual(ranges);
  });

  it('widens the gap until at most maxRanges remain, covering every second', () => {
    // Every 3rd second over 10 minutes: 200 singletons; a 4 s gap joins them all.
    const seconds = Array.from({ length: 200 }, (_, i) => 1_000 + 3 * i);
    expect(secondRanges(seconds, 64)).toEqual([[1_000, 1_597]]);
    // Clusters an hour apart are never joined before the limit requires it.
    const clusters = Array.from({ length: 10 }, (_, c) => [c * 3600, c * 3600 + 1, c * 3600 + 9]).flat();
    const ranges = secondRanges(clusters, 10);
    expect(ranges).toHaveLength(10);
    for (const s of clusters) expect(ranges.some(([from, to]) => from <= s && s <= to)).toBe(true);
  });

  it('writes single seconds as equalities and runs as BETWEEN', () => {
    expect(timeCondition([[5, 5], [7, 9]])).toBe('ts = toDateTime(5) OR ts BETWEEN toDateTime(7) AND toDateTime(9)');
  });
});
