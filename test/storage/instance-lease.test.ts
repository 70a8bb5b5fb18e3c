import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/prisma/client.js';
import type { Database } from '../../src/storage/database.js';
import { holderIsGone, InstanceLease } from '../../src/storage/instance-lease.js';
import { capturedLogger } from '../support/captured-logger.js';
import { openTestDatabase, testDatabaseEngine } from '../support/test-database.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.prisma.instance.deleteMany();
});

function startLease(lengthMs: number, soleUser = false): Promise<InstanceLease> {
  return InstanceLease.start({
    prisma: database.prisma,
    lengthMs,
    logger: capturedLogger().logger,
    soleUser,
  });
}

/** What every claim table asks: is the instance holding this claim gone? */
async function isGone(holder: string): Promise<boolean> {
  const [row] = await database.prisma.$queryRaw<{ gone: boolean }[]>`
    SELECT ${holderIsGone(Prisma.sql`${holder}`)} AS gone`;
  return row?.gone ?? false;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`an instance's lease (${testDatabaseEngine()})`, () => {
  it('is renewed while the instance lives, so its claims never look abandoned, however long it works', async () => {
    const lease = await startLease(300);
    await wait(1_000);
    expect(await isGone(lease.id)).toBe(false);
    await lease.stop();
  });

  it('ends when the instance stops: what it held is free at once', async () => {
    const lease = await startLease(60_000);
    await lease.stop();
    expect(await isGone(lease.id)).toBe(true);
  });

  it('runs out when the instance stops renewing it (killed): its claims are free one lease length later', async () => {
    // A killed process leaves its last renewal behind, neither renewed nor removed.
    const killed = 'killed-host:4242:abc123';
    await database.prisma.$executeRaw`
      INSERT INTO instance (id, expires_at) VALUES (${killed}, clock_timestamp() + interval '200 milliseconds')`;
    expect(await isGone(killed)).toBe(false);
    await wait(400);
    expect(await isGone(killed)).toBe(true);
  });

  it('a holder no instance ever had counts as gone', async () => {
    expect(await isGone('never-seen:1:abc')).toBe(true);
  });

  it('on the embedded database, which one process alone can open, every earlier instance is known to be dead', async () => {
    const earlier = await startLease(60_000);
    const alone = await startLease(60_000, true);
    expect(await isGone(earlier.id)).toBe(true);
    expect(await isGone(alone.id)).toBe(false);
    await Promise.all([earlier.stop(), alone.stop()]);
  });
});
