import type { PrismaClient } from '../generated/prisma/client.js';
import type { ReplayGuard } from '../surfaces/slack/inbound/replay-guard.js';

/**
 * The replay guard in the database, so a request Slack repeats has one effect
 * however many instances share the load. A key is new when it is absent or
 * expired; the insert decides atomically.
 */
export class PrismaReplayGuard implements ReplayGuard {
  private nextSweepAt = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: () => number = Date.now,
  ) {}

  async firstTime(key: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    await this.sweep(now);
    const rows = await this.prisma.$queryRaw<{ key: string }[]>`
      INSERT INTO replay_key (key, expires_at) VALUES (${key}, ${new Date(now + ttlMs)})
      ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at
        WHERE replay_key.expires_at <= ${new Date(now)}
      RETURNING key`;
    return rows.length === 1;
  }

  // Expired keys are removed at most once a minute per instance.
  private async sweep(now: number): Promise<void> {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + 60_000;
    await this.prisma.replayKey.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
  }
}
