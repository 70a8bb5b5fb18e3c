import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logging/logger.js';

/**
 * This process's lease in the `instance` table. Every claim the process makes
 * (a job run, a reminder delivery, and whatever claims later procedures add)
 * names it as holder; the process renews the lease every third of its length
 * while it lives. Once it stops renewing (killed, frozen, cut off from the
 * database), its claims end with it: `holderIsGone` lets any other instance
 * take them over, within one lease length, instead of waiting for a claim's
 * own age.
 *
 * All times are the database's clock, so instances need not agree on theirs.
 */
export class InstanceLease {
  private renewal: NodeJS.Timeout | null = null;
  private lastRenewedAt = Date.now();

  private constructor(
    private readonly prisma: PrismaClient,
    readonly id: string,
    readonly lengthMs: number,
    private readonly logger: Logger,
  ) {}

  /**
   * Registers this process and starts renewing. `soleUser`: no other process
   * can use this database (the embedded one, locked to one process), so every
   * other instance in the table is a dead one and its claims are free at once.
   */
  static async start(options: {
    readonly prisma: PrismaClient;
    readonly lengthMs: number;
    readonly logger: Logger;
    readonly soleUser: boolean;
  }): Promise<InstanceLease> {
    const id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    const lease = new InstanceLease(options.prisma, id, options.lengthMs, options.logger);
    await (options.soleUser
      ? options.prisma.$executeRaw`DELETE FROM instance`
      : // Instances gone for a day are of no use to anyone reading the table.
        options.prisma
          .$executeRaw`DELETE FROM instance WHERE expires_at < clock_timestamp() - interval '1 day'`);
    await lease.renew();
    lease.renewal = setInterval(() => void lease.renewQuietly(), Math.max(1, Math.floor(lease.lengthMs / 3)));
    lease.renewal.unref();
    return lease;
  }

  /** Extends the lease by its length from now (inserting it again if someone removed it). */
  async renew(): Promise<void> {
    await this.prisma.$executeRaw`
      INSERT INTO instance (id, expires_at)
      VALUES (${this.id}, clock_timestamp() + ${this.lengthMs}::int * interval '1 millisecond')
      ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at`;
    this.lastRenewedAt = Date.now();
  }

  /** Ends the lease: what this process still holds is free for others at once. */
  async stop(): Promise<void> {
    if (this.renewal) clearInterval(this.renewal);
    this.renewal = null;
    await this.prisma.$executeRaw`DELETE FROM instance WHERE id = ${this.id}`;
  }

  private async renewQuietly(): Promise<void> {
    try {
      await this.renew();
    } catch (error) {
      // Not fatal by itself: the next renewal may succeed in time. Once the
      // lease has run out, others may take over what this process holds.
      const lost = Date.now() - this.lastRenewedAt >= this.lengthMs;
      this.logger[lost ? 'error' : 'warn'](
        { err: error, instance: this.id },
        lost
          ? 'the instance lease ran out: other instances may now take over its claims'
          : 'the instance lease could not be renewed; retrying',
      );
    }
  }
}

/**
 * SQL that is true when the instance named by `holderColumn` is no longer
 * alive: its lease ran out or it stopped. The one test of "a claim ends with
 * its holder" for every claim table.
 */
export function holderIsGone(holderColumn: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`NOT EXISTS (
    SELECT 1 FROM instance
    WHERE instance.id = ${holderColumn} AND instance.expires_at > clock_timestamp())`;
}
