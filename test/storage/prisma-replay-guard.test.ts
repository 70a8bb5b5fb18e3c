import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { PrismaReplayGuard } from '../../src/storage/prisma-replay-guard.js';
import { openTestDatabase, testDatabaseEngine } from '../support/test-database.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.prisma.replayKey.deleteMany();
});

// The replay guard production uses: the `replay_key` table every instance shares.
describe(`the replay guard in the database (${testDatabaseEngine()})`, () => {
  it('a key is new once, then seen until its time-to-live has passed, then new again', async () => {
    let now = Date.parse('2026-04-06T07:00:00Z');
    const guard = new PrismaReplayGuard(database.prisma, () => now);

    const first = await guard.firstTime('slack:event:Ev1', 1_000);
    const again = await guard.firstTime('slack:event:Ev1', 1_000);
    const other = await guard.firstTime('slack:event:Ev2', 1_000);
    now += 999;
    const justBefore = await guard.firstTime('slack:event:Ev1', 1_000);
    now += 1;
    const afterExpiry = await guard.firstTime('slack:event:Ev1', 1_000);

    expect([first, again, other, justBefore, afterExpiry]).toEqual([true, false, true, false, true]);
  });

  it('instances asking at the same moment: exactly one of them sees the key first', async () => {
    const now = () => Date.parse('2026-04-06T07:00:00Z');
    const instances = Array.from({ length: 8 }, () => new PrismaReplayGuard(database.prisma, now));

    const answers = await Promise.all(
      instances.flatMap((guard) => [
        guard.firstTime('slack:event:EvRace', 60_000),
        guard.firstTime('slack:event:EvRace', 60_000),
      ]),
    );

    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it('expired keys are removed, at most once a minute per instance, and live ones are kept', async () => {
    let now = Date.parse('2026-04-06T07:00:00Z');
    const guard = new PrismaReplayGuard(database.prisma, () => now);
    await guard.firstTime('short', 1_000);
    await guard.firstTime('long', 10 * 60_000);

    now += 2_000;
    await guard.firstTime('trigger-1', 1_000);
    expect((await database.prisma.replayKey.findMany()).map((row) => row.key).sort()).toEqual([
      'long',
      'short',
      'trigger-1',
    ]);
    now += 60_000;
    await guard.firstTime('trigger-2', 1_000);
    expect((await database.prisma.replayKey.findMany()).map((row) => row.key).sort()).toEqual([
      'long',
      'trigger-2',
    ]);
  });
});
