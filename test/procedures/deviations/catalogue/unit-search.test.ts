import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Form, FormValues } from '../../../../src/messages/message-model.js';
import type { Database } from '../../../../src/storage/database.js';
import { people } from '../../../support/deviations-fixture.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';
import { actorOf, aReport, formOf, formText, intakeBot, receivedAt } from '../intake/intake-harness.js';
import { fieldOf, pressSearch } from './catalogue-harness.js';
import { generatedCatalogue } from './generated-catalogue.js';

let database: Database;
let bot: ReturnType<typeof intakeBot>;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

const student = actorOf(people.student);
const norwegianStudent = actorOf(people.student, { locale: 'nb-NO' });
const caseCount = () => database.prisma.deviationCase.count();
const catalogue = generatedCatalogue();

/** Her report with the search field instead of a chosen unit. */
const { unit: _chosen, ...reportWithoutUnit } = aReport;
const answered = (extra: FormValues): FormValues => ({ ...reportWithoutUnit, unit: null, ...extra });

const values = (form: Form) => fieldOf(form, 'unit').options?.map((option) => option.value) ?? [];

async function cleanCases(): Promise<void> {
  await database.prisma.deviationEvent.deleteMany();
  await database.prisma.deviationCase.deleteMany();
  await database.prisma.deviationCaseNumber.deleteMany();
}

describe(`a small catalogue (${testDatabaseEngine()})`, () => {
  beforeEach(async () => {
    await cleanCases();
    await database.prisma.deviationCourse.deleteMany();
    bot = intakeBot(database);
  });

  it('keeps the single searchable list of every programme and course, and no search field', async () => {
    const form = await bot.openForm(student);
    expect(form.fields.map((field) => field.id)).toEqual([
      'category',
      'unit',
      'whereWhen',
      'description',
      'role',
      'seriousMatter',
      'ordinaryChannels',
    ]);
    expect(fieldOf(form, 'unit')).toMatchObject({ kind: 'select', searchable: true });
    expect(values(form)).toEqual(['programme:MTDT', 'programme:BMAT', 'course:MA1101', 'course:TDT4100']);
    expect(form.blocks).toBeUndefined();
  });
});

describe(`a catalogue of 5,000 courses (${testDatabaseEngine()})`, () => {
  beforeAll(async () => {
    await intakeBot(database).store.replaceCatalogue(catalogue);
  });
  beforeEach(async () => {
    await cleanCases();
    bot = intakeBot(database);
  });

  it('the form asks for a search first: the field right under its Search button, no list yet, every other question as before', async () => {
    const form = await bot.openForm(student, 'the lab is always locked');
    expect(form.blocks).toEqual([
      {
        type: 'text',
        content: [
          'Find the programme or course: type its code or part of its name in the field below, press Search and choose from the matches.',
        ],
      },
      {
        type: 'actions',
        elements: [{ type: 'button', actionId: 'deviations.catalogue.search', label: 'Search' }],
      },
    ]);
    expect(form.fields.map((field) => [field.id, field.kind])).toEqual([
      ['unitSearch', 'text'],
      ['category', 'select'],
      ['whereWhen', 'text'],
      ['description', 'multiline'],
      ['role', 'select'],
      ['seriousMatter', 'select'],
      ['ordinaryChannels', 'checkbox'],
    ]);
    expect(fieldOf(form, 'unitSearch')).toEqual({
      id: 'unitSearch',
      kind: 'text',
      label: 'Programme or course (code or name)',
      placeholder: 'For example TDT4100 or object-oriented',
      maxLength: 100,
      optional: true,
    });
    expect(fieldOf(form, 'description').initialValue).toBe('the lab is always locked');
  });

  it('a search lists the best 50 matches, codes first in code order; her other answers are kept; nothing is filed', async () => {
    const form = await bot.openForm(student);
    const searched = formOf(await pressSearch(bot, student, form, answered({ unitSearch: 'TDT41' })));
    expect(searched.formId).toBe('deviations.intake.report');
    // The same form: the submission it ends in is still one report.
    expect(searched.state).toBe(form.state);
    expect(searched.errors).toBeUndefined();

    const expected = catalogue
      .filter((course) => course.code.startsWith('TDT41'))
      .map((course) => `course:${course.code}`)
      .sort()
      .slice(0, 50);
    expect(values(searched)).toEqual(expected);
    expect(fieldOf(searched, 'unit')).toMatchObject({
      label: 'Programme or course',
      placeholder: 'Choose from the matches',
      hint: 'The best 50 of 100 matches for “TDT41”. Type more of the code or name to narrow the list.',
    });
    // The configuration's name for TDT4100 wins over the catalogue's.
    expect(fieldOf(searched, 'unit').options?.[0]).toEqual({
      label: 'Object-oriented programming (TDT4100)',
      value: 'course:TDT4100',
    });
    expect(fieldOf(searched, 'unit').initialValue).toBeUndefined();
    expect(
      Object.fromEntries(searched.fields.map((field) => [field.id, field.initialValue ?? null])),
    ).toEqual({
      unitSearch: 'TDT41',
      unit: null,
      category: aReport.category,
      whereWhen: aReport.whereWhen,
      description: aReport.description,
      role: aReport.role,
      seriousMatter: aReport.seriousMatter,
      ordinaryChannels: true,
    });

    expect(await caseCount()).toBe(0);
    expect(await database.prisma.deviationEvent.count()).toBe(0);
    expect(bot.directMessages()).toEqual([]);
  });

  it('in Norwegian, words of a name typed without ø find it, and the form speaks Norwegian', async () => {
    const form = await bot.openForm(norwegianStudent);
    expect(fieldOf(form, 'unitSearch').label).toBe('Studieprogram eller emne (kode eller navn)');
    expect(form.blocks?.[1]).toEqual({
      type: 'actions',
      elements: [{ type: 'button', actionId: 'deviations.catalogue.search', label: 'Søk' }],
    });
    const searched = formOf(
      await pressSearch(bot, norwegianStudent, form, answered({ unitSearch: 'miljokjemi prosjekt' })),
    );
    const named = catalogue.filter((course) => course.name === 'Miljøkjemi, prosjektoppgave');
    expect(named.length).toBeGreaterThan(1);
    expect(new Set(values(searched))).toEqual(new Set(named.map((course) => `course:${course.code}`)));
    expect(fieldOf(searched, 'unit')).toMatchObject({
      label: 'Studieprogram eller emne',
      placeholder: 'Velg blant treffene',
      hint: `${named.length} treff for «miljokjemi prosjekt».`,
    });
  });

  it('no match is a field error under the search field; her answers stay, and there is still no list', async () => {
    const form = await bot.openForm(student);
    const searched = formOf(
      await pressSearch(bot, student, form, answered({ unitSearch: 'kvantefysikk for katter' })),
    );
    expect(searched.errors).toEqual({
      unitSearch:
        'No programme or course matches “kvantefysikk for katter”. Try its code or another word of its name.',
    });
    expect(searched.fields.some((field) => field.id === 'unit')).toBe(false);
    expect(fieldOf(searched, 'unitSearch').initialValue).toBe('kvantefysikk for katter');
    expect(fieldOf(searched, 'description').initialValue).toBe(aReport.description);
    expect(await caseCount()).toBe(0);
  });

  it('Search with nothing in the field asks for a code or a name under it', async () => {
    const form = await bot.openForm(student);
    for (const blank of [null, '', '   ']) {
      const searched = formOf(await pressSearch(bot, student, form, answered({ unitSearch: blank })));
      expect(searched.errors).toEqual({
        unitSearch: 'Type the code or part of the name, then press Search.',
      });
    }
  });

  it('a search longer than the field takes is a field error, and her words come back whole', async () => {
    const form = await bot.openForm(student);
    const long = `objektorientert programmering ${'og mer '.repeat(12)}`.trim();
    expect(long.length).toBeGreaterThan(100);
    const searched = formOf(await pressSearch(bot, student, form, answered({ unitSearch: long })));
    expect(searched.errors).toEqual({
      unitSearch: `Type at most 100 characters in the search (now ${long.length}).`,
    });
    expect(fieldOf(searched, 'unitSearch').initialValue).toBe(long);
  });

  it('an identity number typed in the search is never shown back', async () => {
    const form = await bot.openForm(student);
    const searched = formOf(await pressSearch(bot, student, form, answered({ unitSearch: '010190-1234' })));
    expect(fieldOf(searched, 'unitSearch').initialValue).toBe('******-****');
    expect(searched.errors?.unitSearch).toContain('“******-****”');
    expect(JSON.stringify(searched)).not.toContain('010190');
  });

  it('choosing a match and submitting files the report at the course’s faculty: an NV course reaches NV’s report owner only', async () => {
    const form = await bot.openForm(student);
    const searched = formOf(await pressSearch(bot, student, form, answered({ unitSearch: 'tma 4115' })));
    // One match: chosen for her.
    expect(values(searched)).toEqual(['course:TMA4115']);
    expect(fieldOf(searched, 'unit').initialValue).toBe('course:TMA4115');

    const submission = answered({ unitSearch: 'tma 4115', unit: 'course:TMA4115' });
    const receipt = formOf(await bot.submit(student, searched, submission));
    expect(receipt.formId).toBe('deviations.intake.done');
    const course = catalogue.find((entry) => entry.code === 'TMA4115');
    expect(formText(receipt)).toContain(`Programme or course: ${course?.name} (TMA4115)`);

    const [filed] = await bot.store.casesOfReporter(people.student);
    expect(filed).toMatchObject({
      number: '2026-0001',
      unit: { kind: 'course', code: 'TMA4115' },
      facultyCode: 'NV',
      description: aReport.description,
    });
    expect(bot.directMessages().map((message) => message.to)).toEqual([people.student, people.ownerNv]);
    expect(await bot.store.history(filed?.id ?? '')).toEqual([
      {
        caseId: filed?.id,
        kind: 'filed',
        actor: { email: people.student, name: 'Stina Student' },
        occurredAt: receivedAt,
        details: { category: aReport.category, unit: 'course:TMA4115' },
      },
    ]);

    // Sent twice (a double click, a retry): the same case, nobody told again.
    const again = formOf(await bot.submit(student, searched, submission));
    expect(formText(again)).toContain('2026-0001');
    expect(await caseCount()).toBe(1);
    expect(bot.directMessages()).toHaveLength(2);
  });

  it('submitted before a search, the search field says to find and choose the unit; nothing is filed', async () => {
    const form = await bot.openForm(student);
    const again = formOf(await bot.submit(student, form, answered({ unitSearch: null })));
    expect(again.errors).toEqual({
      unitSearch: 'Search for the programme or course and choose it from the matches.',
    });
    expect(again.state).toBe(form.state);
    expect(await caseCount()).toBe(0);
    expect(bot.directMessages()).toEqual([]);
  });

  it('submitted with words searched but nothing chosen, the matches are listed and the list says to choose', async () => {
    const form = await bot.openForm(student);
    const again = formOf(await bot.submit(student, form, answered({ unitSearch: 'databaser 2' })));
    expect(again.errors).toEqual({ unit: 'Choose a programme or course from the list.' });
    expect(values(again).length).toBeGreaterThan(1);
    expect(await caseCount()).toBe(0);
  });

  it('a forged unit value is a field error: under the list when there is one, under the search when not', async () => {
    const form = await bot.openForm(student);
    for (const forged of ['course:XX9999', 'faculty:NV', 'TMA4115']) {
      const withoutList = formOf(await bot.submit(student, form, answered({ unit: forged })));
      expect(withoutList.errors).toEqual({
        unitSearch: 'Search for the programme or course and choose it from the matches.',
      });
      const withList = formOf(
        await bot.submit(student, form, answered({ unitSearch: 'TMA41', unit: forged })),
      );
      expect(withList.errors).toEqual({
        unit: 'This programme or course is no longer in the list. Choose another.',
      });
      expect(values(withList)).not.toContain(forged);
      expect(fieldOf(withList, 'unit').initialValue).toBeUndefined();
    }
    expect(await caseCount()).toBe(0);
  });

  it('her choice stays, first in the list, when a new search does not find it', async () => {
    const form = await bot.openForm(student);
    const chosen = answered({ unitSearch: 'databaser', unit: 'course:TMA4115' });
    const searched = formOf(await pressSearch(bot, student, form, chosen));
    const [first, ...matches] = values(searched);
    expect(first).toBe('course:TMA4115');
    expect(matches).toHaveLength(50);
    expect(matches).not.toContain('course:TMA4115');
    expect(fieldOf(searched, 'unit').initialValue).toBe('course:TMA4115');
  });

  it('the whistleblowing route and its box stay on the form through a search', async () => {
    const form = await bot.openForm(student);
    const words = 'A fellow student has been bullying me in the lab group.';
    const guarded = formOf(
      await bot.submit(
        student,
        form,
        answered({ unitSearch: 'TDT4100', unit: 'course:TDT4100', description: words }),
      ),
    );
    expect(formText(guarded)).toContain('This belongs on the whistleblowing route');
    const searched = formOf(
      await pressSearch(
        bot,
        student,
        guarded,
        answered({ unitSearch: 'TMA4115', unit: 'course:TDT4100', description: words, notSerious: false }),
      ),
    );
    expect(formText(searched)).toContain('This belongs on the whistleblowing route');
    expect(fieldOf(searched, 'notSerious').initialValue).toBe(false);
    // Ticked, the box stays ticked and the route steps aside.
    const confirmed = formOf(
      await pressSearch(
        bot,
        student,
        guarded,
        answered({ unitSearch: 'TMA4115', unit: 'course:TDT4100', description: words, notSerious: true }),
      ),
    );
    expect(formText(confirmed)).not.toContain('This belongs on the whistleblowing route');
    expect(fieldOf(confirmed, 'notSerious').initialValue).toBe(true);
    expect(await caseCount()).toBe(0);
  });

  it('a Search on a form whose state is not one the bot gave (forged, or from an old version) says the form is out of date', async () => {
    const form = await bot.openForm(student);
    for (const state of [null, 'not-a-form', '../../etc']) {
      const outdated = formOf(
        await pressSearch(bot, student, form, answered({ unitSearch: 'TDT41' }), state),
      );
      expect(outdated.formId).toBe('deviations.intake.done');
      expect(formText(outdated)).toBe(
        'This form is out of date. Close it and open a new one with /deviation.',
      );
    }
    expect(await caseCount()).toBe(0);
    expect(bot.directMessages()).toEqual([]);
  });

  it('a Search from anyone else (another student, someone the platform gives no address) only searches: nothing is filed or told', async () => {
    const form = await bot.openForm(student);
    for (const other of [actorOf(people.otherStudent), actorOf(null)]) {
      const searched = formOf(await pressSearch(bot, other, form, answered({ unitSearch: 'TDT4100' })));
      expect(values(searched)).toEqual(['course:TDT4100']);
    }
    expect(await caseCount()).toBe(0);
    expect(await database.prisma.deviationEvent.count()).toBe(0);
    expect(bot.directMessages()).toEqual([]);
  });

  it('another button id on the report form is not the search: the bot closes it rather than guess', async () => {
    const form = await bot.openForm(student);
    const outcome = await bot.router.formAction(student, {
      formId: form.formId,
      state: form.state ?? null,
      actionId: 'deviations.catalogue.searchEverything',
      value: null,
      values: answered({ unitSearch: 'TDT41' }),
    });
    expect(outcome).toEqual({ kind: 'close' });
  });
});
