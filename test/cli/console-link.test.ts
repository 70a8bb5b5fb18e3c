import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTrafiklys } from '../support/cli-runner.js';
import { startTestBot } from '../support/running-bot.js';
import { testDatabaseEngine } from '../support/test-database.js';

// The bot and the command line share the secret and the clock; the folder has
// no configuration, so both use the built-in demo university.
const now = new Date('2026-04-06T06:00:00Z');
const secret = 'a-console-secret-of-the-test-that-is-long-enough';
const chair = 'chair.dat@demo.example';

let folder: string;
let bot: Awaited<ReturnType<typeof startTestBot>>;
let port: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-console-link-'));
  bot = await startTestBot({ now: () => now, env: { TRAFIKLYS_CONSOLE_SECRET: secret } });
  port = new URL(bot.url).port;
});
afterAll(async () => {
  await bot?.dispose();
  await rm(folder, { recursive: true, force: true });
});

const consoleLink = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runTrafiklys(['console', 'link', ...args], {
    cwd: folder,
    now,
    env: { TRAFIKLYS_CONSOLE_SECRET: secret, PORT: port, ...env },
  });

/** Opens the printed link as a browser would; the cookie it sets, or null. */
async function cookieFrom(link: string): Promise<string | null> {
  const response = await fetch(link, { redirect: 'manual' });
  return response.status === 302 ? response.headers.get('set-cookie') : null;
}

describe(`npx trafiklys console link (${testDatabaseEngine()})`, () => {
  it('prints a sign-in link for a person of the configuration, for 12 hours, that the running bot takes', async () => {
    const result = await consoleLink([chair]);

    expect(result.exitCode).toBe(0);
    const link = result.stdout.trim();
    expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/console/sign-in\\?token=[\\w.-]+$`));
    expect(result.stderr).toContain(
      `A sign-in link for ${chair}, valid until 2026-04-06 20:00 (Europe/Copenhagen).`,
    );
    const cookie = await cookieFrom(link);
    expect(cookie).toContain('Max-Age=43200');
    const state = await fetch(`${bot.url}/console/api/state`, {
      headers: { cookie: cookie?.split(';')[0] ?? '' },
    });
    expect(await state.json()).toMatchObject({ viewer: { email: chair }, channels: [{ id: 'sn-dat' }] });
  });

  it('--hours sets how long the link, and the session it opens, last', async () => {
    const result = await consoleLink([chair, '--hours', '2']);
    expect(await cookieFrom(result.stdout.trim())).toContain('Max-Age=7200');
  });

  it('refuses an address that is no person of the configuration, and prints no link', async () => {
    const result = await consoleLink(['someone@elsewhere.example']);
    expect(result).toMatchObject({ exitCode: 1, stdout: '' });
    expect(result.stderr).toContain('someone@elsewhere.example is not a person of the configuration');
  });

  it('without TRAFIKLYS_CONSOLE_SECRET it says what to set', async () => {
    const result = await consoleLink([chair], { TRAFIKLYS_CONSOLE_SECRET: '' });
    expect(result).toMatchObject({ exitCode: 1, stdout: '' });
    expect(result.stderr).toContain('error: TRAFIKLYS_CONSOLE_SECRET: not set');
  });

  it('--hours outside 1 to 744 is a usage error', async () => {
    for (const hours of ['0', '745', '1.5', 'ever']) {
      const result = await consoleLink([chair, '--hours', hours]);
      expect(result.exitCode, hours).toBe(2);
      expect(result.stderr, hours).toContain('--hours: must be a whole number from 1 to 744');
    }
  });

  it('the link is on PUBLIC_URL when it is set', async () => {
    const result = await consoleLink([chair], { PUBLIC_URL: 'https://trafiklys.example.dk/' });
    expect(result.stdout).toMatch(/^https:\/\/trafiklys\.example\.dk\/console\/sign-in\?token=/);
  });

  it('help lists it', async () => {
    const help = await runTrafiklys(['help'], { cwd: folder });
    expect(help.stdout).toContain('trafiklys console link EMAIL [--hours N]');
  });
});
