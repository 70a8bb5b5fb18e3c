import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type TestBrowser, type WatchedPage } from '../support/browser.js';
import { consoleClient } from '../support/console-client.js';
import {
  cast,
  type DeviationWalkthrough,
  startDeviationWalkthrough,
  type Who,
} from '../support/deviation-walkthrough.js';
import { reports } from '../support/deviation-walkthrough-steps.js';
import { testDatabaseEngine } from '../support/test-database.js';

// The deviations procedure in the console, in a real browser, from each
// role's side: the student's report form, a report owner's triage card, the
// handler's case view with its history, the quality department's
// statistics with their charts. The README shows these;
// `UPDATE_SCREENSHOTS=1` rewrites the committed files.
const updateScreenshots = process.env.UPDATE_SCREENSHOTS === '1';
const committedScreenshots = join(import.meta.dirname, '../../src/surfaces/console/screenshots');

let world: DeviationWalkthrough;
let browser: TestBrowser;
let watched: WatchedPage;
let page: Page;
let screenshots: string;

beforeAll(async () => {
  browser = await launchChromium(); // first: without Chromium there is no point starting the bot
  world = await startDeviationWalkthrough();
  watched = await browser.openPage({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Oslo' });
  page = watched.page;
  page.setDefaultTimeout(10_000);
  screenshots = updateScreenshots
    ? committedScreenshots
    : await mkdtemp(join(tmpdir(), 'trafiklys-deviations-'));
  await mkdir(screenshots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await world?.dispose();
  if (screenshots && !updateScreenshots) await rm(screenshots, { recursive: true, force: true });
});
afterEach(() => {
  // The page's own console errors, uncaught exceptions and failed requests are bugs too.
  expect(watched.takeProblems()).toEqual([]);
});

const screenshot = (name: string) => page.screenshot({ path: join(screenshots, name), type: 'png' });
const dialog = () => page.getByRole('dialog');
const messages = () => page.locator('#messages article.message');

/** She picks herself and her language in the page's menus and opens her direct chat with the bot. */
async function beIn(who: Who, language: string): Promise<void> {
  // A panel left open is closed first, as she would.
  if (await dialog().isVisible()) await page.keyboard.press('Escape');
  await expect.poll(() => dialog().isVisible()).toBe(false);
  await page.locator('#person').selectOption(cast[who].email);
  await page.locator('#locale').selectOption({ label: language });
  await page.locator(`nav button[data-channel="@${cast[who].email}"]`).click();
}

async function command(text: string): Promise<void> {
  await page.locator('#command').fill(text);
  await page.locator('#command').press('Enter');
}

describe(`the deviations procedure in the console, in a browser (${testDatabaseEngine()})`, () => {
  it('the student types /avvik in her chat and fills in the report form in Bokmål; submitted, it shows her receipt', async () => {
    await page.goto(`${world.surfaces.bot.url}/console`);
    await beIn('student', 'Norsk (bokmål)');
    await command('/avvik');

    const form = dialog().locator('form[data-form-id="deviations.intake.report"]');
    await form.waitFor();
    expect(await form.getByRole('heading', { level: 3 }).textContent()).toBe('Meld avvik');
    await form.locator('select[name="category"]').selectOption('timetabling');
    await form.getByRole('searchbox', { name: 'Studieprogram eller emne' }).pressSequentially('tdt4100');
    await expect.poll(() => form.locator('select[name="unit"]').inputValue()).toBe('course:TDT4100');
    await form.locator('input[name="whereWhen"]').fill('Auditorium R7, mandager 10–12');
    await form
      .locator('textarea[name="description"]')
      .fill('To obligatoriske forelesninger i TDT4100 går samtidig som laben, så vi må velge én av dem.');
    await form.locator('select[name="role"]').selectOption('student');
    await form.locator('select[name="seriousMatter"]').selectOption('no');
    await form.locator('input[name="ordinaryChannels"]').check();
    await screenshot('deviation-report-form.png');

    await form.getByRole('button', { name: 'Send' }).click();
    const receipt = dialog().locator('form[data-form-id="deviations.intake.done"]');
    await receipt.getByRole('heading', { name: 'Takk! Avvik 2026-0001 er mottatt' }).waitFor();
    await receipt.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => dialog().isVisible()).toBe(false);
    await expect.poll(() => messages().last().textContent()).toContain('Takk! Avvik 2026-0001 er mottatt');
  });

  it('a report owner finds the triage card in her chat, and accepts the case for a handler from it', async () => {
    await beIn('ownerIe2', 'English');
    const card = messages().filter({ hasText: 'Deviation 2026-0001' });
    await card.getByRole('button', { name: 'Accept and assign a handler' }).waitFor();
    expect(await card.getByRole('button').allTextContents()).toEqual([
      'Accept and assign a handler',
      'Forward to another faculty',
      'Reject',
      'Redirect to whistleblowing',
      'Mark: sensitive personal data',
    ]);
    expect(await card.textContent()).toContain('Waiting for a report owner’s decision.');
    await screenshot('deviation-triage-card.png');

    await card.getByRole('button', { name: 'Accept and assign a handler' }).click();
    const form = dialog().locator('form[data-form-id="deviations.triage.accept"]');
    await form.locator('input[name="handler"]').fill(cast.handler.email);
    await form.locator('textarea[name="note"]').fill('Please look at the lab timetable first.');
    await form.getByRole('button', { name: 'Accept', exact: true }).click();
    await expect.poll(() => dialog().isVisible()).toBe(false);
    await expect.poll(() => card.textContent()).toContain('Accepted by owner.ie2');
    expect(await card.getByRole('button').allTextContents()).toEqual([
      'Redirect to whistleblowing',
      'Mark: sensitive personal data',
    ]);
  });

  it('the handler asks the student from the case view; with her answer in, the view’s history names every step', async () => {
    await beIn('handler', 'English');
    const notice = messages().filter({ hasText: 'You are the handler of this deviation.' });
    await notice.getByRole('button', { name: 'Open the case' }).click();
    const view = dialog().locator('form[data-form-id="deviations.handling.case"]');
    await view.getByRole('button', { name: 'Ask the reporter' }).click();
    const ask = dialog().locator('form[data-form-id="deviations.handling.ask"]');
    await ask.locator('textarea[name="question"]').fill('Hvilken dag har dere laben?');
    await ask.getByRole('button', { name: 'Send' }).click();
    await view.getByText('The question was sent to student.').waitFor();
    await view.getByRole('button', { name: 'Close', exact: true }).click();

    // The student answers from her chat (through the page's API, as her page would).
    const student = consoleClient(world.surfaces.bot.url, { as: cast.student.email });
    const [question] = (await student.messagesIn(`@${cast.student.email}`)).filter((message) =>
      message.html.includes('har et spørsmål til deg'),
    );
    const exchange = /data-action-id="deviations\.handling\.open-answer" data-value="([^"]+)"/.exec(
      question?.html ?? '',
    )?.[1];
    const answerForm = await student.post('/console/api/action', {
      channel: `@${cast.student.email}`,
      actionId: 'deviations.handling.open-answer',
      value: exchange ?? null,
      locale: 'nb-NO',
    });
    const answered = await student.post('/console/api/form', {
      formToken: answerForm.json.formToken,
      values: { answer: 'Tirsdager 10–12.' },
      locale: 'nb-NO',
    });
    expect(String(answered.json.html)).toContain('Svaret ditt er sendt til behandleren.');

    const answer = messages().filter({
      hasText: 'student answered your question about deviation 2026-0001.',
    });
    await answer.getByRole('button', { name: 'Open the case' }).click();
    await view.getByRole('button', { name: /^History/ }).click();
    const history = [
      'student reported the deviation',
      'owner.ie2 accepted the report as a deviation',
      'owner.ie2 assigned the case to handler',
      'handler asked the reporter a question',
      'student answered the question',
    ];
    for (const line of history) await view.getByText(line).waitFor();
    await screenshot('deviation-case-view.png');
  });

  it('the quality department asks for the statistics: the figures, the tables and both charts, and no report’s words', async () => {
    // Three more reports from the student's chat, and one of them rejected, through the page's API.
    const student = consoleClient(world.surfaces.bot.url, { as: cast.student.email });
    for (const report of [reports.examRoom, reports.labAssistant, reports.projector]) {
      const opened = await student.post('/console/api/command', {
        channel: `@${cast.student.email}`,
        text: '/avvik',
        locale: 'nb-NO',
      });
      const filed = await student.post('/console/api/form', {
        formToken: opened.json.formToken,
        values: report,
        locale: 'nb-NO',
      });
      expect(String(filed.json.html)).toContain('er mottatt');
    }
    const owner = consoleClient(world.surfaces.bot.url, { as: cast.ownerIe2.email });
    const [projector] = (await owner.messagesIn(`@${cast.ownerIe2.email}`)).filter((message) =>
      message.html.includes('Deviation 2026-0004'),
    );
    const reject = await owner.post('/console/api/action', {
      channel: `@${cast.ownerIe2.email}`,
      actionId: 'deviations.triage.reject',
      value: /data-value="([^"]+)"/.exec(projector?.html ?? '')?.[1] ?? null,
    });
    const rejected = await owner.post('/console/api/form', {
      formToken: reject.json.formToken,
      values: { reason: 'The projector is the building services’ to mend: reported to them.' },
    });
    expect(rejected.json).toEqual({ kind: 'close' });

    await beIn('quality', 'English');
    await command('/deviation stats');
    const statistics = page.locator('#ephemeral article.message');
    await statistics.getByRole('heading', { name: /^Deviation statistics for all faculties/ }).waitFor();
    const charts = statistics.getByRole('img');
    await expect.poll(() => charts.count()).toBe(2);
    for (const chart of await charts.all())
      await expect
        .poll(() => chart.evaluate((image) => image.complete && image.naturalWidth))
        .toBeGreaterThan(0);
    const text = (await statistics.textContent()) ?? '';
    expect(text).toContain('Deviations received');
    expect(text).toContain('Timetabling');
    for (const report of Object.values(reports)) expect(text).not.toContain(String(report.description));
    // Taller, so the README's picture holds the figures and the category chart.
    await page.setViewportSize({ width: 1280, height: 1400 });
    await charts.first().scrollIntoViewIfNeeded();
    await screenshot('deviation-statistics.png');
  });
});
