import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotActor, BotReply, FormOutcome } from '../../src/bot/bot-requests.js';
import { parseInstitutionConfig } from '../../src/config/institution-config.js';
import type { Block, Form } from '../../src/messages/message-model.js';
import { defaultIdentificationRules } from '../../src/procedures/at-risk/identification-rules.js';
import { importIdentification } from '../../src/procedures/at-risk/import-identification.js';
import { readProgressExport } from '../../src/procedures/at-risk/progress-export/read-progress-export.js';
import { reviewActions, reviewFormId } from '../../src/procedures/at-risk/review/review-state.js';
import type { Database } from '../../src/storage/database.js';
import { mirrorInstitution } from '../../src/storage/institution-mirror.js';
import { PrismaExclusions } from '../../src/storage/prisma-exclusions.js';
import { PrismaIdentificationStorage } from '../../src/storage/prisma-identification-storage.js';
import { type ProgressRowInput, progressExportCsv } from '../support/progress-export-builder.js';
import { dateOf } from '../support/progress-row-builder.js';
import { openTestDatabase, testDatabaseEngine } from '../support/test-database.js';
import { TrafiklysBot } from '../support/trafiklys-bot.js';

const parsed = parseInstitutionConfig({
  institution: { name: 'Test University', language: 'en' },
  faculties: [{ code: 'HUM', name: 'Humanities' }],
  boards: [
    { code: 'SN-HIS', name: 'History', faculty: 'HUM', chair: 'his@x.example', secretary: 'hsec@x.example' },
    {
      code: 'SN-MAT',
      name: 'Mathematics',
      faculty: 'HUM',
      chair: 'mat@x.example',
      secretary: 'msec@x.example',
    },
  ],
});
if (!parsed.success) throw new Error(parsed.error.message);
const config = parsed.data;

// As of 6 April 2026: passed within the last year, 60 ECTS expected.
const active = { lastPassedOn: '2026-01-20', ectsExpected: 60, boardCode: 'SN-MAT' } as const;
const master = { programmeCode: 'KA-MAT', programmeName: 'Matematik (kandidat)' } as const;
const bachelor = { programmeCode: 'BA-MAT', programmeName: 'Matematik (bachelor)' } as const;

/** Mathematics: 22 red and 8 yellow students at risk, 3 blue apart, 4 green and a guest not listed. */
const rows: ProgressRowInput[] = [
  // Red, 16 to 36 ECTS behind: the most behind first.
  ...Array.from({ length: 20 }, (_, index) => ({
    ...active,
    ...master,
    studentId: `M${String(index + 1).padStart(3, '0')}`,
    name: `Red Student ${index + 1}`,
    ectsPassed: 44 - index,
  })),
  { ...active, ...bachelor, studentId: 'M900', name: 'Søren Ærø', ectsPassed: 40, email: null },
  // 70 ECTS behind: 14 months delayed, so § 31 stk. 2 applies.
  { ...active, ...master, studentId: 'M901', name: 'José Álvarez', ectsExpected: 120, ectsPassed: 50 },
  ...Array.from({ length: 8 }, (_, index) => ({
    ...active,
    ...bachelor,
    studentId: `Y${String(index + 1).padStart(3, '0')}`,
    name: `Yellow Student ${index + 1}`,
    ectsPassed: 50,
  })),
  ...Array.from({ length: 3 }, (_, index) => ({
    ...master,
    boardCode: 'SN-MAT',
    studentId: `B${index + 1}`,
    name: `Blue Student ${index + 1}`,
    lastPassedOn: '2024-12-01',
    ectsExpected: 60,
    ectsPassed: 30,
  })),
  ...Array.from({ length: 4 }, (_, index) => ({
    ...active,
    ...master,
    studentId: `G${index + 1}`,
    name: `Green Student ${index + 1}`,
    ectsPassed: 60,
  })),
  { ...active, ...master, studentId: 'M2', name: 'Gita Guest', enrolmentType: 'guest', ectsPassed: 75 },
  // A History student with Mathematics as her side subject: Mathematics receives her.
  {
    ...active,
    boardCode: 'SN-HIS',
    studentId: 'H1',
    name: 'Hanne Side',
    sideSubjectBoard: 'SN-MAT',
    ectsPassed: 30,
  },
];

let database: Database;
let bot: TrafiklysBot;
beforeAll(async () => {
  database = await openTestDatabase();
  const storage = new PrismaIdentificationStorage(database.prisma);
  await mirrorInstitution(database.prisma, config);
  await importIdentification(storage, {
    progressExport: await readProgressExport(progressExportCsv(rows), { fileName: 'spring.csv' }),
    asOf: dateOf('2026-04-06'),
    rules: defaultIdentificationRules,
    knownBoards: new Set(['SN-HIS', 'SN-MAT']),
    actor: 'test',
    cipher: null,
  });
  bot = new TrafiklysBot({
    config,
    storage,
    exclusions: new PrismaExclusions(database.prisma, storage),
    now: () => new Date('2026-04-06T06:00:00Z'),
    remind: async () => [],
    importShared: async () => {
      throw new Error('not in this test');
    },
  });
});
afterAll(async () => {
  await database?.close();
});

const chair: BotActor = {
  surface: 'console',
  userId: 'mat',
  email: 'mat@x.example',
  displayName: 'Mat',
  locale: 'en-GB',
};
const otherChair: BotActor = { ...chair, userId: 'his', email: 'his@x.example' };
const channel = { surface: 'console', conversationId: 'sn-mat', kind: 'channel' } as const;
const review = { actionId: 'at-risk.review', value: 'SN-MAT|spring|2026' };

function formOf(reply: BotReply | FormOutcome): Form {
  if (reply.kind !== 'form') throw new Error(`expected a form, got ${JSON.stringify(reply)}`);
  return reply.form;
}

const blocksOf = (form: Form): readonly Block[] => form.blocks ?? [];

function tableOf(form: Form): Extract<Block, { type: 'table' }> {
  const table = blocksOf(form).find((block) => block.type === 'table');
  if (table?.type !== 'table') throw new Error('no table in the review list');
  return table;
}

/** The search box: the chair's exclusion fields come before it. */
const searchBoxOf = (form: Form) => form.fields.find((field) => field.id === 'search');

const namesOn = (form: Form) => tableOf(form).rows.map((row) => row[1]);

/** Every text of the view's text and context blocks, as one string per block. */
const textsOf = (form: Form) =>
  blocksOf(form).flatMap((block) =>
    block.type === 'text' || block.type === 'context'
      ? [block.content.map((piece) => (typeof piece === 'string' ? piece : '')).join('')]
      : [],
  );

async function act(form: Form, actionId: string, value: string | null, actor = chair): Promise<Form> {
  return formOf(
    await bot.formAction(actor, {
      formId: form.formId,
      state: form.state ?? null,
      actionId,
      value,
      values: {},
    }),
  );
}

async function search(form: Form, words: string): Promise<FormOutcome> {
  return bot.submitForm(chair, { formId: form.formId, state: form.state ?? null, values: { search: words } });
}

const openList = async () => formOf(await bot.action(chair, channel, review));

describe(`the review list as one view (${testDatabaseEngine()})`, () => {
  it('one click answers with one view: the first page of red and yellow students, most behind first', async () => {
    const form = await openList();

    expect(form).toMatchObject({
      formId: reviewFormId,
      title: 'Review students',
      submitLabel: 'Search',
      cancelLabel: 'Close',
    });
    expect(blocksOf(form)[0]).toEqual({
      type: 'heading',
      text: 'Students to review – spring 2026 – Mathematics',
    });
    expect(tableOf(form).columns.map((column) => column.header)).toEqual([
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
    expect(tableOf(form).rows).toHaveLength(20);
    expect(tableOf(form).rows[0]).toEqual([
      'M901',
      'José Álvarez',
      'Matematik (kandidat)',
      'Red',
      '70',
      '14.0',
      'Must be offered a meeting (over 12 months)',
      'This board',
      '',
    ]);
    expect(namesOn(form).slice(1, 4)).toEqual(['Red Student 20', 'Red Student 19', 'Red Student 18']);
    expect(textsOf(form)).toContain('Page 1 of 2 · 31 students');
  });

  it('shows the blue students apart, counted and not contacted, and lists no green or out-of-scope student', async () => {
    const form = await openList();
    expect(textsOf(form)[0]).toBe(
      'At risk: 23 red and 8 yellow students. Apart from them, 3 blue students: handled under the inactivity rules, not contacted (choose Blue to see them).',
    );

    const blue = await act(form, reviewActions.category, 'blue');

    expect(namesOn(blue)).toEqual(['Blue Student 1', 'Blue Student 2', 'Blue Student 3']);
    expect(textsOf(blue)).toContain(
      'Blue students have passed no module in 12 months. They are handled under the rules on ending enrolment for inactivity and are not contacted by this procedure.',
    );
    const everyone = [...namesOn(await act(form, reviewActions.nextPage, '2')), ...namesOn(form)];
    expect(everyone).not.toContain('Green Student 1');
    expect(everyone).not.toContain('Gita Guest');
  });

  it('says why it holds more students than the reminder counts: side-subject students received from other boards', async () => {
    const form = await openList();

    expect(textsOf(form)).toContain(
      "The list also holds 1 side-subject student received from another study board. The reminder's counts leave that student out: they count at the home board.",
    );
    const hanne = tableOf(form).rows.find((row) => row[1] === 'Hanne Side');
    expect(hanne?.[7]).toBe('Received from SN-HIS');
  });

  it('marks a student without e-mail and the § 31 flags', async () => {
    const form = await openList();
    const soren = tableOf(form).rows.find((row) => row[1] === 'Søren Ærø');
    expect(soren?.slice(3)).toEqual(['Red', '20', '4.0', '', 'This board', 'None']);
    const red = tableOf(form).rows.find((row) => row[1] === 'Red Student 20');
    expect(red?.[6]).toBe('Right to special guidance (over 6 months)');
  });

  it('next and previous page through the list, and the last page holds the rest', async () => {
    const first = await openList();
    const previousButtons = (form: Form) =>
      blocksOf(form).flatMap((block) =>
        block.type === 'actions' ? block.elements.map((element) => element.actionId) : [],
      );
    expect(previousButtons(first)).toContain(reviewActions.nextPage);
    expect(previousButtons(first)).not.toContain(reviewActions.previousPage);

    const second = await act(first, reviewActions.nextPage, '2');
    expect(tableOf(second).rows).toHaveLength(11);
    expect(textsOf(second)).toContain('Page 2 of 2 · 31 students');
    expect(previousButtons(second)).toContain(reviewActions.previousPage);
    expect(previousButtons(second)).not.toContain(reviewActions.nextPage);
    expect(namesOn(second).filter((name) => namesOn(first).includes(name))).toEqual([]);

    const back = await act(second, reviewActions.previousPage, '1');
    expect(namesOn(back)).toEqual(namesOn(first));
  });

  it('a page past the end (the list became shorter) shows the last page', async () => {
    const first = await openList();
    const farAway = await act(first, reviewActions.nextPage, '99');
    expect(textsOf(farAway)).toContain('Page 2 of 2 · 31 students');
  });

  it('filters by category and by programme, each from the first page', async () => {
    const form = await openList();
    const second = await act(form, reviewActions.nextPage, '2');

    const yellow = await act(second, reviewActions.category, 'yellow');
    expect(namesOn(yellow)).toHaveLength(8);
    expect(tableOf(yellow).rows.every((row) => row[3] === 'Yellow')).toBe(true);
    expect(textsOf(yellow)).toContain('Page 1 of 1 · 8 students');

    const bachelorOnly = await act(second, reviewActions.programme, 'BA-MAT');
    expect(namesOn(bachelorOnly)).toEqual([
      'Søren Ærø',
      ...Array.from({ length: 8 }, (_, index) => `Yellow Student ${index + 1}`),
    ]);
    const menus = blocksOf(bachelorOnly).flatMap((block) => (block.type === 'actions' ? block.elements : []));
    expect(menus.find((menu) => menu.actionId === reviewActions.programme)).toMatchObject({
      initialValue: 'BA-MAT',
    });

    const allAgain = await act(bachelorOnly, reviewActions.programme, '*');
    expect(textsOf(allAgain)).toContain('Page 1 of 2 · 31 students');
  });

  it('searches names and student numbers ignoring case and accents; clearing the search shows everyone again', async () => {
    const form = await openList();

    const soren = formOf(await search(form, 'soren'));
    expect(namesOn(soren)).toEqual(['Søren Ærø']);
    expect(textsOf(soren)).toContain('1 student matches “soren”.');
    expect(searchBoxOf(soren)).toMatchObject({ id: 'search', initialValue: 'soren' });

    expect(namesOn(formOf(await search(form, 'JOSE')))).toEqual(['José Álvarez']);
    expect(namesOn(formOf(await search(form, 'y00')))).toHaveLength(8);
    expect(namesOn(formOf(await search(form, '  m900 ')))).toEqual(['Søren Ærø']);
    const none = formOf(await search(form, '100%_'));
    expect(textsOf(none)).toContain('No student matches.');

    const cleared = await act(soren, reviewActions.clearSearch, null);
    expect(textsOf(cleared)).toContain('Page 1 of 2 · 31 students');
    expect(searchBoxOf(cleared)?.initialValue).toBeUndefined();
  });

  it('a search shaped like a CPR number is refused and not shown back', async () => {
    const form = await openList();

    const outcome = await search(form, '010203-1234');

    expect(outcome).toEqual({
      kind: 'errors',
      errors: { search: 'Search by name or student number; CPR numbers are not searched.' },
    });
  });

  it('a state that is not one this version wrote asks to open the list again', async () => {
    const form = await openList();
    const outcome = await bot.formAction(chair, {
      formId: form.formId,
      state: '{"board":"SN-MAT"}',
      actionId: reviewActions.nextPage,
      value: '2',
      values: {},
    });
    expect(outcome).toEqual({
      kind: 'errors',
      errors: { search: 'This list is out of date. Close it and open it again from the reminder.' },
    });
  });
});

describe(`who may see the review list, and the audit trail (${testDatabaseEngine()})`, () => {
  const auditEvents = () =>
    database.prisma.auditEvent.findMany({
      where: { action: { startsWith: 'review.' } },
      orderBy: { id: 'asc' },
    });

  it('opening the list is audited with the board, the cycle, the person and the filters, and no student', async () => {
    const before = (await auditEvents()).length;
    const form = await openList();
    await act(form, reviewActions.nextPage, '2');
    await search(form, 'Søren');

    const events = (await auditEvents()).slice(before);
    const cycle = await database.prisma.identificationCycle.findFirstOrThrow({
      where: { boardCode: 'SN-MAT' },
    });
    // Paging and searching are not audited again; the search words are never stored.
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: 'mat@x.example',
      action: 'review.opened',
      boardCode: 'SN-MAT',
      cycleId: cycle.id,
      details: {
        surface: 'console',
        surfaceUserId: 'mat',
        term: 'spring',
        year: 2026,
        category: 'at_risk',
        programme: null,
      },
    });
    const stored = JSON.stringify(
      (await database.prisma.auditEvent.findMany()).map(({ actor, action, boardCode, details }) => ({
        actor,
        action,
        boardCode,
        details,
      })),
    );
    for (const personal of ['Søren', 'M900', 'José', 'Red Student']) expect(stored).not.toContain(personal);
  });

  it("another board's chair is refused privately, nothing of the list is shown, and the attempt is audited", async () => {
    const before = (await auditEvents()).length;

    const reply = await bot.action(otherChair, channel, review);

    expect(reply).toEqual({
      kind: 'message',
      visibility: 'only_actor',
      message: {
        fallbackText:
          "You are not allowed to review this study board's students. If you think you should be, contact the study board's secretary.",
        blocks: [
          {
            type: 'text',
            content: [
              "You are not allowed to review this study board's students. If you think you should be, contact the study board's secretary.",
            ],
          },
        ],
      },
    });
    const events = (await auditEvents()).slice(before);
    expect(events).toEqual([
      expect.objectContaining({
        actor: 'his@x.example',
        action: 'review.refused',
        boardCode: 'SN-MAT',
        cycleId: null,
        details: { surface: 'console', surfaceUserId: 'his', term: 'spring', year: 2026, attempt: 'open' },
      }),
    ]);
  });

  it("a click inside a list whose state names another board's is refused and audited; nothing is shown", async () => {
    const form = await openList();
    const before = (await auditEvents()).length;

    const outcome = await bot.formAction(otherChair, {
      formId: form.formId,
      state: form.state ?? null,
      actionId: reviewActions.nextPage,
      value: '2',
      values: {},
    });

    expect(outcome).toEqual({
      kind: 'errors',
      errors: {
        search:
          "You are not allowed to review this study board's students. If you think you should be, contact the study board's secretary.",
      },
    });
    expect((await auditEvents()).slice(before)).toEqual([
      expect.objectContaining({
        action: 'review.refused',
        details: expect.objectContaining({ attempt: 'action' }),
      }),
    ]);
  });

  it('a board without an export for the period asks for one, privately', async () => {
    const reply = await bot.action(chair, channel, {
      actionId: 'at-risk.review',
      value: 'SN-MAT|autumn|2026',
    });
    expect(reply).toMatchObject({
      kind: 'message',
      visibility: 'only_actor',
      // The whole answer in the plain text: a Teams dialog shows only that.
      message: { fallbackText: expect.stringMatching(/^There is no export for autumn 2026 yet\./) },
    });
  });
});
