import { describe, expect, test } from 'vitest';
import { isoDate } from '../../../analyzers/iso-date.js';

describe('isoDate', () => {
  test.each([
    ['epoch', 0],
    ['last millisecond of a day', 86_399_999],
    ['leap day 2000', 951_782_400_000],
    ['day after leap day 2000', 951_868_800_000],
    ['fractional milliseconds are truncated', 1_700_000_000_000.7],
    ['last representable four-digit year', 253_402_300_799_999],
    ['year 10000 (signed six-digit year)', 253_402_300_800_000],
    ['before the epoch', -1],
    ['far before the epoch', -62_198_755_200_000],
  ])('%s prints as toISOString does', (_label, ms) => {
    expect(isoDate(ms)).toBe(new Date(ms).toISOString());
  });

  test('NaN throws as toISOString does', () => {
    expect(() => isoDate(Number.NaN)).toThrow(RangeError);
  });

  test('every day from 1970 to 2200, at a varying time of day, prints as toISOString does', () => {
    for (let day = 0; day < 84_000; day++) {
      const ms = day * 86_400_000 + ((day * 7_919_371) % 86_400_000);
      expect(isoDate(ms)).toBe(new Date(ms).toISOString());
    }
    // 84 000 expect() calls: ~2 s alone, over vitest's 5 s default on the shared 2-core machine under load.
  }, 30_000);
});
