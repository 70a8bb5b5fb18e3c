/**
 * Remembers keys for a while so a request Slack delivers twice has one effect.
 * The in-memory guard suits one instance; several instances behind a load
 * balancer need a shared one (a database row per key with an expiry).
 */
export interface ReplayGuard {
  /** True the first time `key` is seen within `ttlMs`; false for every later sighting until it expires. */
  firstTime(key: string, ttlMs: number): Promise<boolean>;
}

/** One process's memory; expired keys are swept as new ones arrive. */
export class InMemoryReplayGuard implements ReplayGuard {
  private readonly expiries = new Map<string, number>();
  private nextSweepAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async firstTime(key: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    this.sweep(now);
    const expiresAt = this.expiries.get(key);
    if (expiresAt !== undefined && expiresAt > now) return false;
    this.expiries.set(key, now + ttlMs);
    return true;
  }

  // A full sweep at most once a minute keeps each call O(1) on average.
  private sweep(now: number): void {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + 60_000;
    for (const [key, expiresAt] of this.expiries) {
      if (expiresAt <= now) this.expiries.delete(key);
    }
  }
}
