import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type TestBrowser, type WatchedPage } from '../support/browser.js';
import { progressExportCsv } from '../support/progress-export-builder.js';
import { startTestBot } from '../support/running-bot.js';
import { SmtpServerDouble } from '../support/smtp-server-double.js';
import { testDatabaseEngine } from '../support/test-database.js';

// 08:00 in Copenhagen on the first Monday of April 2026: before the scheduled
// 09:00 run, so the channel is empty until the chair asks for the reminder.
const now = () => new Date('2026-04-06T06:00:00Z');
const chair = 'chair.dat@demo.example';

// The README shows these; `UPDATE_SCREENSHOTS=1` rewrites the committed files.
const updateScreenshots = process.env.UPDATE_SCREENSHOTS === '1';
const committedScreenshots = join(import.meta.dirname, '../../src/surfaces/console/screenshots');

let bot: Awaited<ReturnType<typeof startTestBot>>;
let browser: TestBrowser;
let watched: WatchedPage;
let page: Page;
let screenshots: string;
let smtp: SmtpServerDouble;

beforeAll(async () => {
  browser = await launchChromium(); // first: without Chromium there is no point starting the bot
  // A mail server on loopback, so the preview can send a test mail.
  smtp = await SmtpServerDouble.start();
  bot = await startTestBot({
    now,
    env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SMTP_FROM: 'Trafiklys <trafiklys@demo.example>' },
  });
  watched = await browser.openPage({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/Copenhagen',
  });
  page = watched.page;
  page.setDefaultTimeout(10_000);
  screenshots = updateScreenshots
    ? committedScreenshots
    : await mkdtemp(join(tmpdir(), 'trafiklys-console-'));
  await mkdir(screenshots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await bot?.dispose();
  await smtp?.close();
  if (screenshots && !updateScreenshots) await rm(screenshots, { recursive: true, force: true });
});
afterEach(() => {
  // The page's own console errors, uncaught exceptions and failed requests are bugs too.
  expect(watched.takeProblems()).toEqual([]);
});

const screenshot = (name: string) => page.screenshot({ path: join(screenshots, name), type: 'png' });
const channelMessages = () => page.locator('#messages article.message');
const answerOnlyForMe = () => page.locator('#ephemeral article.message');
// The command box by id: its accessible name follows the chosen language (Command, Kommando).
const command = async (text: string) => {
  await page.locator('#command').fill(text);
  await page.locator('#command').press('Enter');
};

// expect.poll gives up after 1 s by default; drawing four reminders' charts on a
// loaded CI machine takes longer (Playwright's own waits default to 30 s).
const whileTheBotWorks = { timeout: 20_000 };

/** The page's own words: its header, the conversation list's headings and the composer's buttons. */
const pageLabels = async () => ({
  lang: await page.locator('html').getAttribute('lang'),
  title: await page.title(),
  header: (await page.locator('header label > span').allTextContents()).map((text) => text.trim()),
  nav: await page.locator('nav h2').allTextContents(),
  composer: [
    await page.locator('#composer button[type=submit]').textContent(),
    await page.locator('#composer label.upload').textContent(),
  ],
});
const personChoices = () => page.locator('#person option').allTextContents();

describe(`the console in a browser (${testDatabaseEngine()})`, () => {
  it('/ leads to the console, which speaks the institution’s language (Danish) from the start', async () => {
    await page.goto(`${bot.url}/`);
    expect(new URL(page.url()).pathname).toBe('/console');
    await expect.poll(() => page.locator('#institution').textContent()).toBe('Demo University');
    await expect.poll(() => page.getByLabel('Sprog').inputValue()).toBe('da-DK');

    expect(await pageLabels()).toEqual({
      lang: 'da',
      title: 'Trafiklys-konsol',
      header: ['Du er', 'Sprog'],
      nav: ['Studienævnenes kanaler', 'Direkte beskeder'],
      composer: ['Send', 'Upload eksport'],
    });
    expect(await personChoices()).toContain(`${chair} (formand for SN-DAT)`);
    expect(await personChoices()).toContain('hod.cs@demo.example (institutleder)');
  });

  it('the chair picks herself and English, and opens her board’s channel', async () => {
    await page.getByLabel('Du er').selectOption(chair);
    await page.getByLabel('Sprog').selectOption({ label: 'English' });

    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await pageLabels()).toEqual({
      lang: 'en',
      title: 'Trafiklys console',
      header: ['You are', 'Language'],
      nav: ['Study board channels', 'Direct messages'],
      composer: ['Send', 'Upload export'],
    });
    expect(await personChoices()).toContain(`${chair} (chair of SN-DAT)`);
    expect(await personChoices()).toContain('hod.cs@demo.example (head of department)');
    // Her board's channel and her own direct chat; no other board's channel.
    expect(
      await page.locator('nav button').evaluateAll((buttons) => buttons.map((b) => b.dataset.channel)),
    ).toEqual(['sn-dat', `@${chair}`]);
    const channel = page.getByRole('button', { name: /^#sn-dat\b/ });
    await channel.click();

    await expect.poll(() => channel.getAttribute('aria-current')).toBe('true');
    // The demo configuration names its boards in both languages: she reads the English name.
    await expect
      .poll(() => page.locator('#channel-title').textContent())
      .toBe('#sn-dat · SN-DAT · Study Board of Computer Science');
    await expect.poll(() => page.locator('#messages').textContent()).toContain('No messages');
  });

  it('/trafiklys remind now posts the board’s reminder with its chart in the channel', async () => {
    await command('/trafiklys remind now');

    // The answer to her is in her language; the channel post in the university's (Danish).
    await expect
      .poll(() => answerOnlyForMe().textContent(), whileTheBotWorks)
      .toMatch(/spring 2026: posted in the board's channel on the console; copies sent to \d managers\./);
    const heading = page.getByRole('heading', {
      name: /^Identifikation af frafaldstruede studerende – forår 2026/,
    });
    await heading.waitFor();
    expect(await channelMessages().count()).toBe(1);

    const chart = channelMessages().getByRole('img', { name: /Søjlediagram over studerende pr\. kategori/ });
    await expect
      .poll(() => chart.evaluate((image) => image.complete && image.naturalWidth), whileTheBotWorks)
      .toBeGreaterThan(0);
    await channelMessages().getByRole('button', { name: 'Gennemgå studerende' }).waitFor();
    await screenshot('console-reminder.png');
  });

  it('“Review students” opens one panel: the first page of her board’s students at risk, counted as the reminder counts them', async () => {
    const redInReminder = Number(await channelMessages().locator('dt:text-is("Rød") + dd').textContent());
    expect(redInReminder).toBeGreaterThan(0);

    const answeredBefore = await answerOnlyForMe().textContent();
    await channelMessages().getByRole('button', { name: 'Gennemgå studerende' }).click();

    const panel = page.getByRole('dialog', { name: 'Review students' });
    const list = panel.getByRole('table');
    await list.waitFor();
    await expect
      .poll(() => panel.getByRole('heading', { level: 4 }).textContent())
      .toMatch(/^Students to review – spring 2026 – /);
    expect(await list.locator('thead th').allTextContents()).toEqual([
      'Student no.',
      'Name',
      'Programme',
      'Category',
      'ECTS behind',
      'Delay (months)',
      '§ 31',
      'Study board',
      'E-mail',
    ]);
    expect(await list.locator('tbody tr').count()).toBe(20);
    // Nothing was posted or answered beside the panel.
    expect(await answerOnlyForMe().textContent()).toBe(answeredBefore);
    expect(await channelMessages().count()).toBe(1);
    const category = panel.getByRole('combobox', { name: 'Category' });
    expect(await category.locator('option[value="red"]').textContent()).toBe(`Red (${redInReminder})`);
    await screenshot('console-review.png');
  });

  it('Next shows the next page in the same panel and keeps the keyboard on it; the menus filter from the first page', async () => {
    const panel = page.getByRole('dialog', { name: 'Review students' });
    const status = panel.locator('p.context').filter({ hasText: /^Page \d+ of \d+ · / });
    const pages = Number(/of (\d+)/.exec((await status.textContent()) ?? '')?.[1]);
    expect(pages).toBeGreaterThan(1);

    await panel.getByRole('button', { name: 'Next →' }).click();

    await expect.poll(() => status.textContent()).toMatch(new RegExp(`^Page 2 of ${pages} · `));
    await expect
      .poll(() => page.locator(':focus').getAttribute('data-form-action-id'))
      .toBe('at-risk.review-list.next');

    await panel.getByRole('combobox', { name: 'Category' }).selectOption('yellow');
    await expect.poll(() => status.textContent()).toMatch(/^Page 1 of /);
    const categories = await panel.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(new Set(categories)).toEqual(new Set(['Yellow']));
  });

  it('the search box finds a student by a part of her name, ignoring case; Close closes the panel', async () => {
    const panel = page.getByRole('dialog', { name: 'Review students' });
    const someone = (await panel.locator('tbody tr td:nth-child(2)').first().textContent()) ?? '';
    const part = someone.split(' ')[0]?.toUpperCase() ?? '';
    const box = panel.getByRole('textbox', { name: 'Search by name or student number' });

    await box.fill(part);
    await box.press('Enter');

    await expect
      .poll(() => panel.locator('p.context').allTextContents())
      .toContainEqual(expect.stringMatching(new RegExp(`match(es)? “${part}”\\.$`)));
    const names = await panel.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(names).toContain(someone);
    expect(names.every((name) => name.toUpperCase().includes(part))).toBe(true);

    await panel.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => panel.count()).toBe(0);
  });

  it('the chair excludes a student in the panel with a reason, then previews the mails with /trafiklys dispatch and sends herself a test', async () => {
    await channelMessages().getByRole('button', { name: 'Gennemgå studerende' }).click();
    const review = page.getByRole('dialog', { name: 'Review students' });
    const students = review.getByRole('listbox', { name: 'Students to exclude (this page)' });
    await students.waitFor();
    const first = (await students.locator('option').first().textContent()) ?? '';
    await students.selectOption({ index: 0 });
    await review.getByRole('combobox', { name: 'Reason' }).selectOption({ label: 'Elite athlete' });

    await review.getByRole('button', { name: 'Exclude selected' }).click();

    await expect.poll(() => review.textContent(), whileTheBotWorks).toMatch(/excluded: elite athlete/i);
    // The panel's top: the notice, above the list.
    await review.evaluate((panel) => panel.scrollTo(0, 0));
    await screenshot('console-exclusions.png');
    await review.getByRole('button', { name: 'Close' }).click();

    await command('/trafiklys dispatch');
    const preview = page.getByRole('dialog', { name: 'Send the mails' });
    await preview.getByRole('heading', { name: /^Who gets which mail$/ }).waitFor(whileTheBotWorks);
    expect(await preview.textContent()).toContain(`${first.split(' (')[0]}`);
    await preview.evaluate((panel) => panel.scrollTo(0, 0));
    await screenshot('console-dispatch.png');
    const test = preview.getByRole('button', { name: /^Send me a test: / }).first();
    await test.click();

    await expect.poll(() => preview.textContent(), whileTheBotWorks).toContain(`Test sent to ${chair}: `);
    await smtp.waitForMails(1);
    expect(smtp.received.map((mail) => mail.to)).toEqual([[chair]]);
    await preview.getByRole('button', { name: 'Close' }).click();
  });

  it('choosing Dansk puts the whole page in Danish; an answer for her alone closes rather than stay in English', async () => {
    await command('/trafiklys help');
    await answerOnlyForMe().waitFor();

    await page.getByLabel('Language').selectOption({ label: 'Dansk' });

    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('da');
    expect(await pageLabels()).toMatchObject({
      title: 'Trafiklys-konsol',
      header: ['Du er', 'Sprog'],
      nav: ['Studienævnenes kanaler', 'Direkte beskeder'],
      composer: ['Send', 'Upload eksport'],
    });
    expect(await personChoices()).toContain(`${chair} (formand for SN-DAT)`);
    expect(await page.getByRole('textbox', { name: 'Kommando' }).count()).toBe(1);
    // The English answer is gone rather than left in the old language.
    expect(await answerOnlyForMe().count()).toBe(0);
    await expect
      .poll(() => page.locator('#channel-title').textContent())
      .toBe('#sn-dat · SN-DAT · Studienævn for Datalogi');

    await command('/trafiklys help');
    await expect.poll(() => answerOnlyForMe().locator('.meta').textContent()).toBe('Kun synlig for dig');

    await page.getByLabel('Sprog').selectOption({ label: 'English' });
    await expect.poll(() => answerOnlyForMe().count()).toBe(0);
  });

  it('the language menu offers every language by its own name; Norsk (bokmål) puts the page, the help and the dates in Bokmål', async () => {
    // The menu is drawn again when the page changes language (the test before chose English).
    await expect
      .poll(() => page.locator('#locale option').allTextContents())
      .toEqual(['Dansk', 'English', 'Norsk (bokmål)']);

    await page.getByLabel('Language').selectOption({ label: 'Norsk (bokmål)' });

    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nb');
    expect(await pageLabels()).toMatchObject({
      title: 'Trafiklys-konsoll',
      header: ['Du er', 'Språk'],
      nav: ['Studieutvalgenes kanaler', 'Direktemeldinger'],
      composer: ['Send', 'Last opp eksport'],
    });
    expect(await personChoices()).toContain(`${chair} (leder for SN-DAT)`);
    expect(await personChoices()).toContain('hod.cs@demo.example (instituttleder)');

    await command('/trafiklys help');
    await answerOnlyForMe().getByRole('heading', { name: 'Trafiklys – kommandoer' }).waitFor();
    expect(await answerOnlyForMe().locator('dt').allTextContents()).toEqual([
      '/trafiklys påminn nå',
      '/trafiklys status',
      '/trafiklys send ut',
      // The demo university reports deviations too: its command in the reader's language.
      '/avvik',
      '/trafiklys help',
    ]);
    expect(await answerOnlyForMe().locator('.meta').textContent()).toBe('Bare synlig for deg');
    // The reminder's post time is written the Norwegian way: 6.4.2026, 08:08 (Danish writes 08.08).
    await expect
      .poll(() => channelMessages().first().locator('.meta').textContent())
      .toMatch(/ · \d{1,2}\.\d{1,2}\.2026,? \d{2}:\d{2}/);

    await page.getByLabel('Språk').selectOption({ label: 'English' });
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('/trafiklys help lists the commands', async () => {
    await command('/trafiklys help');

    await answerOnlyForMe().getByRole('heading', { name: 'Trafiklys – commands' }).waitFor();
    const commands = await answerOnlyForMe().locator('dt').allTextContents();
    expect(commands).toEqual([
      '/trafiklys remind now',
      '/trafiklys status',
      '/trafiklys dispatch',
      '/deviation',
      '/trafiklys help',
    ]);
    expect(await answerOnlyForMe().getByRole('table').count()).toBe(0);
  });

  it('an export uploaded through “Upload export” is imported, and the answer appears in the channel', async () => {
    const csv = progressExportCsv([
      { studentId: 'X1', boardCode: 'SN-DAT', lastPassedOn: '2026-01-20', ectsExpected: 60, ectsPassed: 20 },
      { studentId: 'X2', boardCode: 'SN-HIST', lastPassedOn: '2026-01-20' },
    ]);
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('Upload export').click();
    await (await chooser).setFiles({ name: 'sn-dat.csv', mimeType: 'text/csv', buffer: csv });

    await expect.poll(() => channelMessages().count(), whileTheBotWorks).toBe(2);
    expect(await channelMessages().last().textContent()).toContain(
      'The export has been imported: sn-dat.csv as of 6 April 2026, 1 student, 0 of them out of scope.',
    );
  });
});
