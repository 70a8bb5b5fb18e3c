import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot } from '../support/running-bot.js';
import { testDatabaseEngine } from '../support/test-database.js';

const now = () => new Date('2026-04-06T06:00:00Z');
const secret = 'a-console-secret-of-the-test-that-is-long-enough';

// A small institution of its own, so no demo export is generated and imported at each start.
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-console-start-'));
  await writeFile(
    join(folder, 'trafiklys.config.yaml'),
    [
      'institution: { name: Start University }',
      'faculties: [{ code: HUM, name: Humanities }]',
      'boards:',
      '  - { code: SN-HIS, name: History, faculty: HUM, chair: chair.his@uni.example, secretary: sn-his@uni.example }',
    ].join('\n'),
  );
});

/** A bot whose log lines the test reads. */
async function startLogged(env: NodeJS.ProcessEnv) {
  let output = '';
  const logDestination = new Writable({
    write(chunk, _encoding, done) {
      output += String(chunk);
      done();
    },
  });
  const bot = await startTestBot({ now, cwd: folder, env: { LOG_LEVEL: 'info', ...env }, logDestination });
  const listening = () =>
    output
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.msg === 'Trafiklys is listening');
  return { bot, listening };
}

const bots: { dispose(): Promise<void> }[] = [];
afterAll(async () => {
  for (const bot of bots) await bot.dispose();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe(`the console at start-up (${testDatabaseEngine()})`, () => {
  it('on an address other than loopback without a secret, the bot refuses to start and says what to do', async () => {
    for (const env of [
      { TRAFIKLYS_CONSOLE: 'on', HOST: '0.0.0.0' },
      // On by default: no Slack, no Teams.
      { HOST: '192.0.2.10' },
    ]) {
      const refusal = await startTestBot({ now, cwd: folder, env }).then(
        async (started) => {
          await started.dispose();
          return null;
        },
        (error: unknown) => error,
      );

      expect(refusal).toMatchObject({
        code: 'env.invalid',
        message: expect.stringMatching(/^TRAFIKLYS_CONSOLE: the console is on/),
      });
      const { message } = refusal as Error;
      expect(message).toContain(`HOST=${env.HOST} is not a loopback address`);
      expect(message).toContain('Set TRAFIKLYS_CONSOLE_SECRET');
      expect(message).toContain('TRAFIKLYS_CONSOLE=off');
    }
  });

  it('with the console on, the start-up log lists the surfaces, the console’s address and that it is local; / leads to it', async () => {
    const { bot, listening } = await startLogged({});
    bots.push(bot);

    expect(listening()).toMatchObject({
      surfaces: ['console'],
      console: `${bot.url}/console`,
      consoleAccess: 'local',
    });
    const root = await fetch(`${bot.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/console');
  });

  it('with a secret the console may listen on every address: protected, and the log says so', async () => {
    const { bot, listening } = await startLogged({
      HOST: '0.0.0.0',
      TRAFIKLYS_CONSOLE_SECRET: secret,
      PUBLIC_URL: 'https://trafiklys.example.dk',
    });
    bots.push(bot);

    expect(listening()).toMatchObject({
      surfaces: ['console'],
      console: 'https://trafiklys.example.dk/console',
      consoleAccess: 'protected',
    });
    const port = new URL(bot.url).port;
    expect((await fetch(`http://127.0.0.1:${port}/console/api/state`)).status).toBe(401);
  });

  it('with the console off, the log lists only the platforms and gives no console address; / is not found', async () => {
    const { bot, listening } = await startLogged({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    bots.push(bot);

    const line = listening();
    expect(line).toMatchObject({ surfaces: ['slack'] });
    expect(line).not.toHaveProperty('console');
    expect(JSON.stringify(line)).not.toContain('/console');
    expect((await fetch(`${bot.url}/`, { redirect: 'manual' })).status).toBe(404);
  });
});
