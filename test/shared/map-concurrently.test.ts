import { describe, expect, it } from 'vitest';
import { mapConcurrently } from '../../src/shared/map-concurrently.js';

describe('mapping with bounded concurrency', () => {
  it('keeps the results in the items’ order however the calls finish', async () => {
    const delays = [30, 5, 20, 0, 10];
    const results = await mapConcurrently(delays, 3, async (delay, index) => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      return index;
    });
    expect(results).toEqual([0, 1, 2, 3, 4]);
  });

  it('never has more calls in flight than the limit', async () => {
    let inFlight = 0;
    let most = 0;
    await mapConcurrently(
      Array.from({ length: 20 }, (_, index) => index),
      4,
      async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight -= 1;
      },
    );
    expect(most).toBe(4);
  });

  it('refuses a limit below one', async () => {
    await expect(mapConcurrently([1], 0, async (item) => item)).rejects.toThrow(
      'concurrency must be at least 1',
    );
  });
});
