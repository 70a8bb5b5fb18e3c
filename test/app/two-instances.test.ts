import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type BotProcess, startBotProcess } from '../support/bot-process.js';
import { freePort } from '../support/running-bot.js';
import { SlackApiDouble } from '../support/slack-api-double.js';
import { createTestDatabaseTarget, type TestDatabaseTarget } from '../support/test-database.js';

const boards = ['SN-A', 'SN-B', 'SN-C'];
const people = boards.flatMap((code) => [
  `chair.${code.toLowerCase()}@x.example`,
  `sec.${code.toLowerCase()}@x.example`,
]);

// Every two seconds, so the test sees several ticks of one schedule on both
// processes within a few seconds (node-cron reads a sixth field as seconds).
const config = [
  'institution: { name: Two Instance University }',
  'faculties: [{ code: FAC, name: Faculty }]',
  'boards:',
  ...boards.map(
    (code, index) =>
      `  - { code: ${code}, name: Board ${code}, faculty: FAC, chair: ${people[index * 2]}, secretary: ${people[index * 2 + 1]}, channels: { slack: C0000000${index}, console: ${code.toLowerCase()} } }`,
  ),
  "schedule: { cron: '*/2 * * * * *' }",
].join('\n');

const processes: BotProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(processes.map((process) => process.kill()));
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function startInstance(env: NodeJS.ProcessEnv, cwd: string): Promise<BotProcess> {
  const started = await startBotProcess(env, cwd);
  processes.push(started);
  return started;
}

describe('two bot processes on one PostgreSQL and one schedule', () => {
  it.runIf(process.env.DATABASE_URL)(
    'each board gets one reminder per surface, however many ticks and instances',
    async () => {
      const target: TestDatabaseTarget = await createTestDatabaseTarget();
      cleanups.push(() => target.dispose());
      const slack = await SlackApiDouble.start({
        users: people.map((email, index) => ({ id: `U0000${index}`, email, realName: email })),
      });
      cleanups.push(() => slack.close());
      const folder = await mkdtemp(join(tmpdir(), 'trafiklys-two-'));
      cleanups.push(() => rm(folder, { recursive: true, force: true }));
      await writeFile(join(folder, 'trafiklys.config.yaml'), config);
      const env = {
        PATH: process.env.PATH,
        DATABASE_URL: target.options.databaseUrl,
        SLACK_BOT_TOKEN: slack.botToken,
        SLACK_SIGNING_SECRET: 'signing-secret-of-the-test',
        SLACK_API_URL: slack.apiUrl,
        TRAFIKLYS_CONSOLE: 'on',
        LOG_LEVEL: 'info',
      };
      await Promise.all([
        startInstance({ ...env, PORT: String(await freePort()) }, folder),
        startInstance({ ...env, PORT: String(await freePort()) }, folder),
      ]);
      // Several ticks of the schedule on both processes.
      await new Promise((resolve) => setTimeout(resolve, 7_000));

      boards.forEach((_code, index) => {
        expect(slack.acceptedPosts(`C0000000${index}`), `posts in C0000000${index}`).toHaveLength(1);
      });
      const client = new pg.Client({ connectionString: target.options.databaseUrl });
      await client.connect();
      try {
        const consolePosts = await client.query<{ channel: string; posts: string }>(
          "SELECT channel, count(*) AS posts FROM console_message WHERE author = 'Trafiklys' GROUP BY channel ORDER BY channel",
        );
        expect(consolePosts.rows.map((row) => [row.channel, Number(row.posts)])).toEqual([
          ['sn-a', 1],
          ['sn-b', 1],
          ['sn-c', 1],
        ]);
        const deliveries = await client.query<{ places: string; distinct_places: string }>(
          "SELECT count(*) AS places, count(DISTINCT (board_code, surface, recipient)) AS distinct_places FROM reminder_delivery WHERE recipient = 'channel'",
        );
        expect(deliveries.rows[0]).toEqual({ places: '6', distinct_places: '6' });
        // Each scheduled time ran once, claimed by one of the two processes.
        const runs = await client.query<{ runs: string; slots: string }>(
          "SELECT count(*) AS runs, count(DISTINCT scheduled_for) AS slots FROM job_run WHERE job_name = 'exam-period-reminder'",
        );
        expect(Number(runs.rows[0]?.runs)).toBeGreaterThanOrEqual(1);
        expect(runs.rows[0]?.runs).toBe(runs.rows[0]?.slots);
      } finally {
        await client.end();
      }

      // A restart (both stopped, one started again) catches up and posts nothing new.
      for (const instance of processes.splice(0)) instance.child.kill('SIGTERM');
      await startInstance({ ...env, PORT: String(await freePort()) }, folder);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      boards.forEach((_code, index) => {
        expect(
          slack.acceptedPosts(`C0000000${index}`),
          `posts in C0000000${index} after a restart`,
        ).toHaveLength(1);
      });
      slack.assertNoUnexpectedCalls();
    },
    120_000,
  );
});
