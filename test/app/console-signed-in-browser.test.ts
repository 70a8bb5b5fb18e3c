import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleSignInLink } from '../../src/surfaces/console/console-sign-in.js';
import { launchChromium, type TestBrowser, type WatchedPage } from '../support/browser.js';
import { startTestBot } from '../support/running-bot.js';
import { testDatabaseEngine } from '../support/test-database.js';

// The protected console (TRAFIKLYS_CONSOLE_SECRET set) in a real browser: the
// session cookie is HttpOnly and SameSite=Strict, and every POST carries the
// page's Origin, as only a browser really shows.
const now = new Date('2026-04-06T06:00:00Z');
const secret = 'a-console-secret-of-the-test-that-is-long-enough';
const chair = 'chair.dat@demo.example';

let bot: Awaited<ReturnType<typeof startTestBot>>;
let browser: TestBrowser;
let watched: WatchedPage;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  bot = await startTestBot({ now: () => now, env: { TRAFIKLYS_CONSOLE_SECRET: secret } });
  watched = await browser.openPage({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  page = watched.page;
  page.setDefaultTimeout(10_000);
});
afterAll(async () => {
  await browser?.close();
  await bot?.dispose();
});

/** Chromium reports a 401 answer on its console; that one is expected here, and nothing else. */
const unexpectedProblems = () => watched.takeProblems().filter((problem) => !/status of 401/.test(problem));

describe(`the protected console in a browser (${testDatabaseEngine()})`, () => {
  it('without signing in, the page says how to get a link and shows no conversations and no “You are” menu', async () => {
    await page.goto(`${bot.url}/console`);

    const hint = page.locator('#sign-in');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('npx trafiklys console link DIN-E-MAIL');
    expect(await page.locator('#layout').isVisible()).toBe(false);
    expect(await page.locator('#person').isVisible()).toBe(false);
    expect(unexpectedProblems()).toEqual([]);
  });

  it('the sign-in link opens her console: who she is, her board’s channel and her direct chat only', async () => {
    const link = consoleSignInLink({
      baseUrl: bot.url,
      secret,
      email: chair,
      expiresAt: new Date(now.getTime() + 12 * 60 * 60 * 1000),
    });

    await page.goto(link);

    expect(new URL(page.url()).pathname).toBe('/console');
    await expect.poll(() => page.locator('#viewer').textContent()).toBe(`${chair} (formand for SN-DAT)`);
    expect(await page.locator('#signed-in').textContent()).toContain('Logget ind som');
    expect(await page.locator('#person').isVisible()).toBe(false);
    const conversations = page.locator('nav button');
    expect(await conversations.evaluateAll((buttons) => buttons.map((b) => b.dataset.channel))).toEqual([
      'sn-dat',
      `@${chair}`,
    ]);
    expect(unexpectedProblems()).toEqual([]);
  });

  it('her commands go through (the page’s own origin), and signing out ends it', async () => {
    await page.locator('#command').fill('/trafiklys help');
    await page.locator('#command').press('Enter');
    await page.locator('#ephemeral').getByRole('heading', { name: 'Trafiklys – kommandoer' }).waitFor();

    await page.getByRole('button', { name: 'Log ud' }).click();

    await page.locator('#sign-in').waitFor();
    expect(await page.locator('#layout').isVisible()).toBe(false);
    expect((await watched.context.cookies()).filter((cookie) => cookie.name === 'trafiklys_console')).toEqual(
      [],
    );
    expect(unexpectedProblems()).toEqual([]);
  });
});
