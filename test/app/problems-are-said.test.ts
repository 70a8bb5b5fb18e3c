import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBot } from '../support/running-bot.js';
import { testDatabaseEngine } from '../support/test-database.js';

let bot: Awaited<ReturnType<typeof startTestBot>> | undefined;
let folder: string | undefined;
afterEach(async () => {
  await bot?.dispose();
  bot = undefined;
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** The bot with its log lines kept, in a working folder holding this configuration. */
async function startLogged(configYaml: string) {
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-said-'));
  await writeFile(join(folder, 'trafiklys.config.yaml'), configYaml);
  let logs = '';
  const logDestination = new Writable({
    write(chunk, _encoding, done) {
      logs += String(chunk);
      done();
    },
  });
  bot = await startTestBot({
    now: () => new Date('2026-04-06T06:00:00Z'),
    cwd: folder,
    logDestination,
    env: { LOG_LEVEL: 'info' },
  });
  return {
    bot,
    lines: () =>
      logs
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

const institution = [
  'institution: { name: Said University }',
  'faculties: [{ code: HUM, name: Humanities }]',
  'boards:',
  '  - { code: SN-HIS, name: History, faculty: HUM, chair: c@x.example, secretary: s@x.example }',
];

describe(`problems are said, not swallowed (${testDatabaseEngine()})`, () => {
  it('an import folder that is not there is said at start-up and in /healthz, and stops being said once it is there', async () => {
    const inbox = join(tmpdir(), `trafiklys-no-such-inbox-${process.pid}-${Date.now()}`);
    const { bot, lines } = await startLogged(
      [...institution, `importFolder: ${JSON.stringify(inbox)}`].join('\n'),
    );

    expect(lines()).toContainEqual(
      expect.objectContaining({
        level: 50,
        msg: expect.stringContaining(`the import folder ${inbox} does not exist`),
      }),
    );
    // The start-up look at the folder failed too, and said why.
    expect(lines()).toContainEqual(
      expect.objectContaining({
        job: 'import-folder',
        msg: 'job failed',
        err: expect.objectContaining({ code: 'import_folder.unusable' }),
      }),
    );
    const degraded = await fetch(`${bot.url}/healthz`);
    expect(degraded.status).toBe(200);
    expect(await degraded.json()).toMatchObject({
      status: 'degraded',
      importFolder: { path: inbox, state: 'missing' },
    });

    await mkdir(inbox);
    expect(await (await fetch(`${bot.url}/healthz`)).json()).toMatchObject({
      status: 'ok',
      importFolder: { path: inbox, state: 'ok' },
    });
    await rm(inbox, { recursive: true, force: true });
  });

  it.runIf(process.env.DATABASE_URL)(
    'a PostgreSQL connection the server ends is logged, and the bot goes on with a new one',
    async () => {
      const { bot, lines } = await startLogged(institution.join('\n'));
      const url = new URL(bot.runtime.database.location);
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      try {
        // What a server restart or an administrator does to the bot's idle connections.
        await admin.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [url.pathname.slice(1)],
        );
      } finally {
        await admin.end();
      }
      for (let attempt = 0; attempt < 50 && !lines().some((line) => line.level === 50); attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }

      expect(lines()).toContainEqual(
        expect.objectContaining({
          level: 50,
          msg: 'a PostgreSQL connection failed; the pool opens a new one',
          err: expect.objectContaining({ code: '57P01' }),
        }),
      );
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    },
  );
});
