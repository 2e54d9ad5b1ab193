// The retro cuts its window into whole days, whole hours outside them and the minutes left: every
// minute of the window at exactly one grain, never coarser than asked (dashboards/sql/retro.ts).
import { describe, expect, it } from 'vitest';
import { windowSegments } from '../../../dashboards/sql/retro.js';

const t = (iso: string): number => Date.parse(`${iso}Z`) / 1000;

describe('windowSegments', () => {
  it.each([
    ['two hours inside one day, on the hour', '2025-03-14T08:00:00', '2025-03-14T10:00:00', 'day', [['hour', [['2025-03-14T08:00:00', '2025-03-14T10:00:00']]]]],
    ['minutes around a whole hour', '2025-03-14T08:30:00', '2025-03-14T10:30:00', 'day', [['hour', [['2025-03-14T09:00:00', '2025-03-14T10:00:00']]], ['minute', [['2025-03-14T08:30:00', '2025-03-14T09:00:00'], ['2025-03-14T10:00:00', '2025-03-14T10:30:00']]]]],
    ['no whole hour', '2025-03-14T08:10:00', '2025-03-14T08:50:00', 'day', [['minute', [['2025-03-14T08:10:00', '2025-03-14T08:50:00']]]]],
    [
      'a whole day, hours and minutes on both sides',
      '2025-03-13T22:30:00',
      '2025-03-15T01:10:00',
      'day',
      [
        ['day', [['2025-03-14T00:00:00', '2025-03-15T00:00:00']]],
        ['hour', [['2025-03-13T23:00:00', '2025-03-14T00:00:00'], ['2025-03-15T00:00:00', '2025-03-15T01:00:00']]],
        ['minute', [['2025-03-13T22:30:00', '2025-03-13T23:00:00'], ['2025-03-15T01:00:00', '2025-03-15T01:10:00']]],
      ],
    ],
    ['coarsest hour: the day stays in hours', '2025-03-14T00:00:00', '2025-03-15T00:00:00', 'hour', [['hour', [['2025-03-14T00:00:00', '2025-03-15T00:00:00']]]]],
    ['coarsest minute: minutes only', '2025-03-14T00:00:00', '2025-03-15T00:00:00', 'minute', [['minute', [['2025-03-14T00:00:00', '2025-03-15T00:00:00']]]]],
  ] as const)('%s', (_label, from, to, coarsest, want) => {
    const got = windowSegments(t(from), t(to), coarsest).map(({ grain, ranges }) => [grain, ranges.map(([lo, hi]) => [new Date(lo * 1000).toISOString().slice(0, 19), new Date(hi * 1000).toISOString().slice(0, 19)])]);
    expect(got).toEqual(want);
  });

  it('covers every minute of random windows exactly once', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 200; i++) {
      const from = t('2025-03-01T00:00:00') + (next() % 20_000) * 60;
      const to = from + 60 + (next() % 10_000) * 60;
      const covered = windowSegments(from, to).flatMap(({ ranges }) => ranges).sort((a, b) => a[0] - b[0]);
      expect(covered[0]![0]).toBe(from);
      expect(covered.at(-1)![1]).toBe(to);
      for (let j = 1; j < covered.length; j++) expect(covered[j]![0]).toBe(covered[j - 1]![1]);
    }
  });
});
