import { describe, expect, it } from 'vitest';
import { createRecentIds } from '../../../ingest/recent-ids.js';

describe('recent ids (Bloom filter)', () => {
  it('never forgets an id it was given within a generation, and rarely claims one it was not', () => {
    const recent = createRecentIds();
    for (let i = 0; i < 200_000; i++) recent.add(`evt-${i}`);
    for (let i = 0; i < 200_000; i++) if (!recent.mightContain(`evt-${i}`)) throw new Error(`forgot evt-${i}`);
    let falsePositives = 0;
    for (let i = 0; i < 100_000; i++) if (recent.mightContain(`other-${i}`)) falsePositives++;
    expect(falsePositives / 100_000).toBeLessThan(0.005);
  });

  it('still knows the previous generation after a rotation', () => {
    const recent = createRecentIds();
    recent.add('early');
    for (let i = 0; i < 600_000; i++) recent.add(`fill-${i}`);
    expect(recent.mightContain('early')).toBe(true);
  });
});
