import { describe, expect, it } from 'vitest';
import { type RateClock, SendRate } from '../../src/mail/send-rate.js';

/** Virtual time: a sleep moves the clock on at once, so the test reads when each send may start. */
function virtualClock(): RateClock & { readonly sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    async sleep(ms, signal) {
      signal?.throwIfAborted();
      sleeps.push(ms);
      now += ms;
    },
  };
}

describe('the send rate', () => {
  it('lets at most the allowed number of mails start in any window, in the order they asked', async () => {
    const clock = virtualClock();
    const rate = new SendRate(3, 1000, clock);
    const starts: [number, number][] = [];

    await Promise.all(
      Array.from({ length: 7 }, (_, mail) => rate.take().then(() => starts.push([mail, clock.now()]))),
    );

    expect(starts).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 1000],
      [4, 1000],
      [5, 1000],
      [6, 2000],
    ]);
  });

  it('is a sliding window: a burst at the end of one second does not make room at the start of the next', async () => {
    const clock = virtualClock();
    const rate = new SendRate(2, 1000, clock);
    await rate.take();
    await clock.sleep(900);
    await rate.take();
    await clock.sleep(200); // t = 1100: the first has left the window, the second has not
    const starts: number[] = [];

    for (let mail = 0; mail < 3; mail++) {
      await rate.take();
      starts.push(clock.now());
    }

    expect(starts).toEqual([1100, 1900, 2100]);
  });

  it('a wait that is aborted counts nothing, and those behind it go on', async () => {
    const clock = virtualClock();
    const rate = new SendRate(1, 1000, clock);
    await rate.take();
    const stop = new AbortController();
    stop.abort();

    await expect(rate.take(stop.signal)).rejects.toThrow();
    await rate.take();

    expect(clock.now()).toBe(1000);
  });
});
