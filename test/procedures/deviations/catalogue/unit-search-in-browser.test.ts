import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type TestBrowser, type WatchedPage } from '../../../support/browser.js';
import { startTestBot } from '../../../support/running-bot.js';
import { testDatabaseEngine } from '../../../support/test-database.js';
import { generatedCatalogue } from './generated-catalogue.js';

const now = () => new Date('2026-10-13T10:30:00Z');
const reporter = 'hod.cs@demo.example';

/**
 * The demo university with the deviations procedure on and 5,000 courses
 * of the computer science department beside its programmes: far more than
 * one list holds.
 */
async function configWithCatalogue(folder: string): Promise<string> {
  const demoFile = await readFile(
    join(import.meta.dirname, '../../../../src/demo/demo-university.yaml'),
    'utf8',
  );
  const demo = demoFile.slice(0, demoFile.indexOf('# Deviation reports'));
  const courses = generatedCatalogue()
    .map((course) => `    - { code: ${course.code}, name: "${course.name}", department: CS }`)
    .join('\n');
  const path = join(folder, 'trafiklys.config.yaml');
  await writeFile(
    path,
    `${demo}
deviations:
  reportOwners:
    - faculty: TECH
      people: [studieleder.tech@demo.example]
  courses:
${courses}
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
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-catalogue-'));
  bot = await startTestBot({ now, env: { TRAFIKLYS_CONFIG: await configWithCatalogue(folder) } });
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

describe(`searching the catalogue in the console’s report form (${testDatabaseEngine()})`, () => {
  it('she searches, the list of matches appears under the field with her answers kept, she chooses and files the report', async () => {
    await page.goto(`${bot.url}/console`);
    await page.getByLabel('Du er').selectOption(reporter);
    await page.getByLabel('Sprog').selectOption({ label: 'English' });
    await page.locator(`nav button[data-channel="@${reporter}"]`).click();
    await page.locator('#command').fill('/deviation the lab door is locked');
    await page.locator('#command').press('Enter');

    const form = page.getByRole('dialog').locator('form[data-form-id="deviations.intake.report"]');
    await form.waitFor();
    // No list of 5,000: a search field and its button.
    expect(await form.getByRole('combobox', { name: 'Programme or course', exact: true }).count()).toBe(0);
    await form.getByRole('combobox', { name: 'Category' }).selectOption('timetabling');
    await form.getByLabel('Where and when').fill('Lab R7, Tuesdays');

    // Searching with a required question still empty: the button is not the form's submit.
    await form.getByLabel('Programme or course (code or name)').fill('tdt41');
    await form.getByRole('button', { name: 'Search' }).click();
    const list = form.getByRole('combobox', { name: 'Programme or course', exact: true });
    await list.waitFor();
    const options = await list
      .locator('option')
      .evaluateAll((found) => found.map((option) => option.getAttribute('value')));
    expect(options.slice(0, 4)).toEqual(['', 'course:TDT4100', 'course:TDT4101', 'course:TDT4102']);
    expect(options).toHaveLength(51);
    expect(await form.textContent()).toContain('The best 50 of 100 matches for “tdt41”.');
    expect(await form.getByLabel('Description').inputValue()).toBe('the lab door is locked');
    expect(await form.getByLabel('Where and when').inputValue()).toBe('Lab R7, Tuesdays');
    expect(await form.getByRole('combobox', { name: 'Category' }).inputValue()).toBe('timetabling');

    await list.selectOption('course:TDT4102');
    await form.getByRole('combobox', { name: 'Role' }).selectOption('employee');
    await form.getByRole('combobox', { name: /serious matter/ }).selectOption('no');
    await form.getByLabel('I have first tried the ordinary channels').check();
    await form.getByRole('button', { name: 'Submit' }).click();

    const receipt = page.getByRole('dialog').locator('form[data-form-id="deviations.intake.done"]');
    await receipt
      .getByRole('heading', { name: 'Thank you: deviation 2026-0001 has been received' })
      .waitFor();
    expect(await receipt.textContent()).toContain('(TDT4102)');
  });
});
