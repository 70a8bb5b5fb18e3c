import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.js';
import { type BotProcess, startBotProcess } from '../support/bot-process.js';
import { freePort } from '../support/running-bot.js';
import { SlackApiDouble } from '../support/slack-api-double.js';
import { createTestDatabaseTarget, testDatabaseEngine } from '../support/test-database.js';

// A manager asks for every board's reminder; the instance doing it is killed
// while Slack still holds the posts of four boards. The reminder must still
// reach every board once: on PostgreSQL another running instance takes the
// run over by itself, on the embedded database the next start does.
const boards = ['SN-A', 'SN-B', 'SN-C', 'SN-D', 'SN-E', 'SN-F'];
const channelOf = (index: number) => `C00000000${index}`;
const dean = 'dean@kill.example';
const people = boards.flatMap((code) => [
  `chair.${code.toLowerCase()}@kill.example`,
  `sec.${code.toLowerCase()}@kill.example`,
]);
const config = [
  'institution: { name: Kill University, language: en }',
  'faculties: [{ code: FAC, name: Faculty }]',
  'boards:',
  ...boards.map(
    (code, index) =>
      `  - { code: ${code}, name: Board ${code}, faculty: FAC, chair: ${people[index * 2]}, secretary: ${people[index * 2 + 1]}, channels: { slack: ${channelOf(index)}, console: ${code.toLowerCase()} } }`,
  ),
  'managers:',
  `  - { role: dean, email: ${dean}, scope: institution }`,
].join('\n');
// The boards whose Slack posts are still in flight when the instance dies.
const heldChannels = new Set([2, 3, 4, 5].map(channelOf));

const processes: BotProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(processes.map((process) => process.kill()));
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function eventually(
  probe: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`waited ${timeoutMs} ms in vain for ${what}`);
}

describe(`an instance killed in the middle of a reminder run (${testDatabaseEngine()})`, () => {
  it('leaves nothing undone and nothing done twice: the run is finished by the next instance, every board reminded once', async () => {
    const target = await createTestDatabaseTarget();
    cleanups.push(() => target.dispose());
    const slack = await SlackApiDouble.start({
      users: people.map((email, index) => ({ id: `U0000${index}`, email, realName: email })),
    });
    cleanups.push(() => slack.close());
    const folder = await mkdtemp(join(tmpdir(), 'trafiklys-killed-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    await writeFile(join(folder, 'trafiklys.config.yaml'), config);
    const onPostgres = target.options.databaseUrl !== undefined;
    const env = {
      PATH: process.env.PATH,
      ...(onPostgres ? { DATABASE_URL: target.options.databaseUrl } : { DATA_DIR: target.options.dataDir }),
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: 'signing-secret-of-the-test',
      SLACK_API_URL: slack.apiUrl,
      TRAFIKLYS_CONSOLE: 'on',
      TRAFIKLYS_LEASE_SECONDS: '3',
      LOG_LEVEL: 'info',
    };
    const start = async () => {
      const started = await startBotProcess({ ...env, PORT: String(await freePort()) }, folder);
      processes.push(started);
      return started;
    };

    const doomed = await start();
    // On PostgreSQL the survivor runs beside it all along; the embedded database allows one process.
    const survivor = onPostgres ? await start() : null;
    const held = slack.hold(
      (method, args) => method === 'chat.postMessage' && heldChannels.has(String(args.channel)),
    );
    const url = JSON.parse(
      doomed
        .output()
        .split('\n')
        .find((line) => line.includes('Trafiklys is listening')) ?? '{}',
    ).url;
    void fetch(`${url}/console/api/command`, {
      method: 'POST',
      // The console takes a POST only from its own page's origin.
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ as: dean, locale: 'en-GB', channel: `@${dean}`, text: '/trafiklys remind now' }),
    }).catch(() => {});
    await eventually(() => held.held() === heldChannels.size, 'the four held posts', 60_000);
    // The two free channels' posts went through; their records are written a moment after Slack
    // accepted them. A kill inside that moment is the one window no client can close (a post
    // sent again), which is not what this test is about: it kills with only the held posts in flight.
    const free = boards
      .map((_code, index) => channelOf(index))
      .filter((channel) => !heldChannels.has(channel));
    await eventually(
      () => free.every((channel) => slack.acceptedPosts(channel).length === 1),
      'the free posts',
      60_000,
    );
    // Drawing six boards' charts keeps a loaded CI machine's event loop busy for seconds.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await doomed.kill();
    // The dead process's connections close: Slack never gets those four posts.
    await eventually(() => held.held() === 0, 'the held posts to be dropped', 10_000);
    held.release();

    const finisher = survivor ?? (await start());
    const everyBoardOnce = () =>
      boards.every((_code, index) => slack.acceptedPosts(channelOf(index)).length === 1);
    await eventually(everyBoardOnce, 'a reminder in every board channel', 60_000).catch((error: unknown) => {
      const posts = boards.map((_code, index) => slack.acceptedPosts(channelOf(index)).length);
      throw new Error(
        `${String(error)}; posts per channel ${posts.join(',')}; the finisher said:\n${finisher.output()}`,
      );
    });
    // Nothing more arrives afterwards.
    await new Promise((resolve) => setTimeout(resolve, 4_000));

    boards.forEach((_code, index) => {
      expect(slack.acceptedPosts(channelOf(index)), `posts in ${channelOf(index)}`).toHaveLength(1);
    });
    expect(slack.droppedCalls.map((call) => call.args.channel).sort()).toEqual([...heldChannels].sort());
    expect(finisher.output()).toContain('took over a run');
    await finisher.kill();
    // What the database says, read once no instance runs any more.
    const database = await openDatabase(target.options);
    try {
      const runs = await database.prisma.jobRun.findMany({ where: { jobName: 'reminder-request' } });
      expect(runs).toMatchObject([{ outcome: 'succeeded', attempts: 2 }]);
      const consolePosts = await database.prisma.consoleMessage.count({
        where: { author: 'Trafiklys', channel: { not: { startsWith: '@' } } },
      });
      expect(consolePosts).toBe(boards.length);
    } finally {
      await database.close();
    }
    slack.assertNoUnexpectedCalls();
  }, 240_000);
});
