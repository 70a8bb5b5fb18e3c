import { setTimeout as sleep } from 'node:timers/promises';

/** Time as the rate limiter sees it; tests pass a virtual one. */
export interface RateClock {
  now(): number;
  /** Resolves after `ms`; rejects when the signal aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemRateClock: RateClock = {
  now: () => performance.now(),
  sleep: (ms, signal) => sleep(ms, undefined, signal ? { signal } : {}),
};

/**
 * At most `messages` sends in any `windowMs` (a sliding window, over every
 * connection of the process), handed out first come, first served. A mail
 * server's limit (Exchange Online: 30 a minute per mailbox) is a limit on any
 * such window, so a fixed window that resets would let twice the limit
 * through around its edge.
 */
export class SendRate {
  /** When each of the last `messages` sends started, oldest first. */
  private readonly starts: number[] = [];
  private turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly messages: number,
    private readonly windowMs: number,
    private readonly clock: RateClock = systemRateClock,
  ) {
    if (!(Number.isInteger(messages) && messages >= 1 && windowMs > 0)) {
      throw new RangeError(`a send rate needs a whole number of messages ≥ 1 and a window > 0`);
    }
  }

  /** Waits until one more send fits the rate, and counts it. Rejects (and counts nothing) on abort. */
  take(signal?: AbortSignal): Promise<void> {
    const mine = this.turn.then(() => this.waitForRoom(signal));
    // The next in line waits for this one whatever becomes of it.
    this.turn = mine.catch(() => {});
    return mine;
  }

  private async waitForRoom(signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = this.clock.now();
      while (this.starts.length > 0 && (this.starts[0] ?? now) <= now - this.windowMs) this.starts.shift();
      const oldest = this.starts[0];
      if (this.starts.length < this.messages || oldest === undefined) {
        this.starts.push(now);
        return;
      }
      await this.clock.sleep(oldest + this.windowMs - now, signal);
    }
  }
}
