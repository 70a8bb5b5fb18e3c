import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type TestBrowser, type WatchedPage } from '../../../support/browser.js';
import { startTestBot } from '../../../support/running-bot.js';
import { testDatabaseEngine } from '../../../support/test-database.js';

const now = () => new Date('2026-10-13T10:30:00Z');
const reporter = 'hod.cs@demo.example';

/** The demo university with the deviations procedure on: TECH's programmes and two courses can be reported on. */
async function configWithDeviations(folder: string): Promise<string> {
  const demoFile = await readFile(
    join(import.meta.dirname, '../../../../src/demo/demo-university.yaml'),
    'utf8',
  );
  // The demo's own deviations section is replaced by this test's smaller one.
  const demo = demoFile.slice(0, demoFile.indexOf('# Deviation reports'));
  const path = join(folder, 'trafiklys.config.yaml');
  await writeFile(
    path,
    `${demo}
deviations:
  reportOwners:
    - faculty: TECH
      people: [studieleder.tech@demo.example]
  courses:
    - { code: DAT1, name: Programmering og problemløsning, department: CS }
    - { code: ES2, name: Elektroniske kredsløb, department: ES }
  whistleblowing:
    link: https://demo.example/whistleblowing
`,
  );
  return path;
}

let folder: string;
let bot: Awaited<ReturnType<typeof startTestBot>>;
let browser: TestBrowser;
let watched: WatchedPage;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-deviations-'));
  bot = await startTestBot({ now, env: { TRAFIKLYS_CONFIG: await configWithDeviations(folder) } });
  watched = await browser.openPage({ locale: 'en-GB', timezoneId: 'Europe/Oslo' });
  page = watched.page;
  page.setDefaultTimeout(10_000);
});
afterAll(async () => {
  await browser?.close();
  await bot?.dispose();
  if (folder) await rm(folder, { recursive: true, force: true });
});
afterEach(() => {
  expect(watched.takeProblems()).toEqual([]);
});

describe(`the report form in the console (${testDatabaseEngine()})`, () => {
  it('typing in the programme-or-course filter narrows the list, ignoring case and accents; one left is chosen', async () => {
    await page.goto(`${bot.url}/console`);
    await page.getByLabel('Du er').selectOption(reporter);
    await page.getByLabel('Sprog').selectOption({ label: 'English' });
    // Her direct chat with the bot.
    await page.locator(`nav button[data-channel="@${reporter}"]`).click();
    await page.locator('#command').fill('/deviation the lab door is locked');
    await page.locator('#command').press('Enter');

    const form = page.getByRole('dialog').locator('form[data-form-id="deviations.intake.report"]');
    await form.waitFor();
    expect(await form.getByLabel('Description').inputValue()).toBe('the lab door is locked');
    const list = form.getByRole('combobox', { name: 'Programme or course' });
    const shown = () =>
      list
        .locator('option')
        .evaluateAll((options) =>
          options.filter((option) => !option.hidden).map((option) => option.textContent),
        );
    expect(await shown()).toEqual([
      'Search for a programme or course',
      'Bachelor i datalogi (DAT-BSC)',
      'Bachelor i elektronik og IT (EIT-BSC)',
      'Bachelor i software (SW-BSC)',
      'Master of Science in Computer Science (DAT-MSC)',
      'Master of Science in Electrical Engineering (EE-MSC)',
      'Elektroniske kredsløb (ES2)',
      'Programmering og problemløsning (DAT1)',
    ]);

    const filter = form.getByRole('searchbox', { name: 'Programme or course' });
    await filter.pressSequentially('BACHELOR');
    await expect
      .poll(shown)
      .toEqual([
        'Search for a programme or course',
        'Bachelor i datalogi (DAT-BSC)',
        'Bachelor i elektronik og IT (EIT-BSC)',
        'Bachelor i software (SW-BSC)',
      ]);
    expect(await list.inputValue()).toBe('');

    // "losning" finds "løsning".
    await filter.fill('');
    await filter.pressSequentially('problemlosning');
    await expect
      .poll(shown)
      .toEqual(['Search for a programme or course', 'Programmering og problemløsning (DAT1)']);
    expect(await list.inputValue()).toBe('course:DAT1');

    // Enter in the filter chooses; it does not submit the form.
    await filter.press('Enter');
    await expect.poll(() => page.locator(':focus').getAttribute('name')).toBe('unit');
    expect(await form.isVisible()).toBe(true);
  });

  it('filled in and submitted, the dialog shows the receipt, and her direct chat keeps it', async () => {
    const form = page.getByRole('dialog').locator('form[data-form-id="deviations.intake.report"]');
    await form.getByRole('combobox', { name: 'Category' }).selectOption('timetabling');
    await form.getByLabel('Where and when').fill('Lab R7, Tuesdays');
    await form.getByRole('combobox', { name: 'Role' }).selectOption('employee');
    await form.getByRole('combobox', { name: /serious matter/ }).selectOption('no');
    await form.getByLabel('I have first tried the ordinary channels').check();
    await form.getByRole('button', { name: 'Submit' }).click();

    const receipt = page.getByRole('dialog').locator('form[data-form-id="deviations.intake.done"]');
    await receipt
      .getByRole('heading', { name: 'Thank you: deviation 2026-0001 has been received' })
      .waitFor();
    await receipt.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(false);
    await expect
      .poll(() => page.locator('#messages').textContent(), { timeout: 5_000 })
      .toContain('Thank you: deviation 2026-0001 has been received');
  });
});
