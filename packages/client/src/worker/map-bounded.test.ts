import { describe, expect, it } from 'vitest';
import { mapBounded } from './map-bounded.js';

describe('mapBounded', () => {
  it('keeps at most `concurrency` tasks in flight and returns results in order', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapBounded([5, 1, 4, 2, 3, 0], 2, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, n));
      inFlight--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
    expect(peak).toBe(2);
  });

  it('leaves items unstarted once shouldStart says no', async () => {
    let started = 0;
    const results = await mapBounded([1, 2, 3, 4], 1, async (n) => n, () => started++ < 2);
    expect(results).toEqual([1, 2, undefined, undefined]);
  });
});
