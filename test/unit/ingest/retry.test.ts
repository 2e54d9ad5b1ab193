import { describe, expect, it } from 'vitest';
import { backoffDelayMs, retry } from '../../../ingest/retry.js';

describe('retry', () => {
  it.each([
    [0, 100, 10_000, 100],
    [3, 100, 10_000, 800],
    [20, 100, 10_000, 10_000],
  ])('attempt %i with initial %i, cap %i: delay below %i (full jitter)', (attempt, initial, cap, ceiling) => {
    expect(backoffDelayMs(attempt, initial, cap, () => 0.999999)).toBe(Math.floor(0.999999 * ceiling));
    expect(backoffDelayMs(attempt, initial, cap, () => 0)).toBe(0);
  });

  it('retries retriable errors until success, calling onRetry each time', async () => {
    let calls = 0;
    const retries: number[] = [];
    const result = await retry(
      async () => {
        if (++calls < 4) throw new Error('down');
        return 'ok';
      },
      { initialMs: 1, maxMs: 5, isRetriable: () => true, onRetry: (_e, attempt) => void retries.push(attempt), sleep: async () => {} },
    );
    expect(result).toBe('ok');
    expect(retries).toEqual([1, 2, 3]);
  });

  it('rethrows a permanent error at once', async () => {
    let calls = 0;
    await expect(
      retry(async () => {
        calls++;
        throw new Error('never');
      }, { initialMs: 1, maxMs: 5, isRetriable: () => false, onRetry: () => {}, sleep: async () => {} }),
    ).rejects.toThrow('never');
    expect(calls).toBe(1);
  });
});
