import { afterEach, describe, expect, it } from 'vitest';
import { consoleClient } from '../support/console-client.js';
import { startTestBot } from '../support/running-bot.js';
import { testDatabaseEngine } from '../support/test-database.js';

let bot: Awaited<ReturnType<typeof startTestBot>> | undefined;
afterEach(async () => {
  await bot?.dispose();
  bot = undefined;
});

/** Student services follow every board of the demo university (scope: institution). */
async function postsIn(url: string, channel: string): Promise<number> {
  return (await consoleClient(url, { as: 'studieservice@demo.example' }).messagesIn(channel)).length;
}

describe(`a scheduled reminder missed while the bot was down (${testDatabaseEngine()})`, () => {
  it('runs once at start-up: every board channel has its reminder without anyone asking', async () => {
    // The April run was due at 09:00 Copenhagen (07:00 UTC); the bot starts at 09:30.
    bot = await startTestBot({ now: () => new Date('2026-04-06T07:30:00Z') });
    for (const channel of ['sn-dat', 'sn-hist', 'sn-oek']) expect(await postsIn(bot.url, channel)).toBe(1);
    const runs = await bot.runtime.database.prisma.jobRun.findMany({
      where: { jobName: 'exam-period-reminder' },
    });
    expect(runs.map((run) => [run.scheduledFor.toISOString(), run.outcome])).toEqual([
      ['2026-04-06T07:00:00.000Z', 'succeeded'],
    ]);
  });

  it('is not caught up when it is older than the catch-up window (five weeks)', async () => {
    bot = await startTestBot({ now: () => new Date('2026-05-20T07:30:00Z') });
    expect(await postsIn(bot.url, 'sn-dat')).toBe(0);
  });
});
