import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BotActor, BotReply, FormOutcome } from '../../src/bot/bot-requests.js';
import { parseInstitutionConfig } from '../../src/config/institution-config.js';
import type { Block, Form, FormValues } from '../../src/messages/message-model.js';
import { defaultIdentificationRules } from '../../src/procedures/at-risk/identification-rules.js';
import { importIdentification } from '../../src/procedures/at-risk/import-identification.js';
import { readProgressExport } from '../../src/procedures/at-risk/progress-export/read-progress-export.js';
import { exclusionFieldIds, reviewActions } from '../../src/procedures/at-risk/review/review-state.js';
import type { Database } from '../../src/storage/database.js';
import { mirrorInstitution } from '../../src/storage/institution-mirror.js';
import { PrismaExclusions } from '../../src/storage/prisma-exclusions.js';
import { PrismaIdentificationStorage } from '../../src/storage/prisma-identification-storage.js';
import { type ProgressRowInput, progressExportCsv } from '../support/progress-export-builder.js';
import { dateOf } from '../support/progress-row-builder.js';
import { openTestDatabase, testDatabaseEngine } from '../support/test-database.js';
import { TrafiklysBot } from '../support/trafiklys-bot.js';

const parsed = parseInstitutionConfig({
  institution: { name: 'Test University', language: 'en', timeZone: 'Europe/Copenhagen' },
  faculties: [{ code: 'HUM', name: 'Humanities' }],
  boards: [
    {
      code: 'SN-MAT',
      name: 'Mathematics',
      faculty: 'HUM',
      chair: 'chair@x.example',
      secretary: 'secretary@x.example',
      delegates: ['delegate@x.example'],
    },
    { code: 'SN-HIS', name: 'History', faculty: 'HUM', chair: 'his@x.example', secretary: 'hsec@x.example' },
  ],
  managers: [{ role: 'head_of_studies', email: 'head@x.example', scope: { faculty: 'HUM' } }],
});
if (!parsed.success) throw new Error(parsed.error.message);
const config = parsed.data;

const active = { lastPassedOn: '2026-01-20', ectsExpected: 60, boardCode: 'SN-MAT' } as const;
const firstExport: ProgressRowInput[] = [
  // 80 ECTS behind: 16 months delayed, red, § 31 stk. 2.
  { ...active, studentId: 'R1', name: 'Rikke Red', ectsExpected: 120, ectsPassed: 40 },
  { ...active, studentId: 'R2', name: 'Rune Red', ectsPassed: 35 },
  { ...active, studentId: 'Y1', name: 'Yrsa Yellow', ectsPassed: 50 },
  { ...active, studentId: 'G1', name: 'Gorm Green', ectsPassed: 58 },
  // Mathematics is her home board; History, her side subject, follows her up.
  { ...active, studentId: 'S1', name: 'Sara Side', ectsPassed: 20, sideSubjectBoard: 'SN-HIS' },
];

let database: Database;
let storage: PrismaIdentificationStorage;
let bot: TrafiklysBot;

async function importExport(rows: readonly ProgressRowInput[], fileName: string) {
  await importIdentification(storage, {
    progressExport: await readProgressExport(progressExportCsv(rows), { fileName }),
    asOf: dateOf('2026-04-06'),
    rules: defaultIdentificationRules,
    knownBoards: new Set(['SN-HIS', 'SN-MAT']),
    actor: 'test',
    cipher: null,
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
  storage = new PrismaIdentificationStorage(database.prisma);
  await mirrorInstitution(database.prisma, config);
  bot = new TrafiklysBot({
    config,
    storage,
    exclusions: new PrismaExclusions(database.prisma, storage),
    now: () => new Date('2026-04-07T08:00:00Z'),
    remind: async () => [],
    importShared: async () => {
      throw new Error('not in this test');
    },
  });
});
beforeEach(async () => {
  await database.prisma.exclusion.deleteMany();
  await database.prisma.auditEvent.deleteMany();
  await database.prisma.studentResult.deleteMany();
  await database.prisma.identificationCycle.deleteMany();
  await importExport(firstExport, 'spring.csv');
});
afterAll(async () => {
  await database?.close();
});

const person = (email: string | null, userId = email ?? 'nobody'): BotActor => ({
  surface: 'console',
  userId,
  email,
  displayName: userId,
  locale: 'en-GB',
});
const chair = person('chair@x.example');
const delegate = person('delegate@x.example');
const secretary = person('secretary@x.example');
const manager = person('head@x.example');
const otherChair = person('his@x.example');
const student = person('rikke@student.x.example');
const channel = { surface: 'console', conversationId: 'sn-mat', kind: 'channel' } as const;

function formOf(reply: BotReply | FormOutcome): Form {
  if (reply.kind !== 'form') throw new Error(`expected a form, got ${JSON.stringify(reply)}`);
  return reply.form;
}
const blocksOf = (form: Form): readonly Block[] => form.blocks ?? [];
const textsOf = (form: Form) =>
  blocksOf(form).flatMap((block) =>
    block.type === 'text' || block.type === 'context'
      ? [block.content.map((piece) => (typeof piece === 'string' ? piece : '')).join('')]
      : [],
  );
const buttonsOf = (form: Form) =>
  blocksOf(form).flatMap((block) => (block.type === 'actions' ? block.elements : []));
const rowsOf = (form: Form) => blocksOf(form).flatMap((block) => (block.type === 'table' ? block.rows : []));
const rowOf = (form: Form, name: string) => rowsOf(form).find((row) => row[1] === name);
const fieldIdsOf = (form: Form) => form.fields.map((field) => field.id);

const openList = async (actor = chair) =>
  formOf(await bot.action(actor, channel, { actionId: 'at-risk.review', value: 'SN-MAT|spring|2026' }));

function act(form: Form, actionId: string, value: string | null, values: FormValues, actor = chair) {
  return bot.formAction(actor, { formId: form.formId, state: form.state ?? null, actionId, value, values });
}
const exclude = (form: Form, values: FormValues, actor = chair) =>
  act(form, reviewActions.exclude, null, values, actor);
const excludeTwo = (form: Form, actor = chair) =>
  exclude(
    form,
    {
      [exclusionFieldIds.students]: ['R2', 'Y1'],
      [exclusionFieldIds.reason]: 'personal_circumstances',
      [exclusionFieldIds.note]: 'Agreed with the student counsellor',
      search: null,
    },
    actor,
  );

const excludedNumbers = async () =>
  (await database.prisma.exclusion.findMany({ orderBy: { studentNumber: 'asc' } })).map(
    (exclusion) => exclusion.studentNumber,
  );
const auditOf = (prefix: string) =>
  database.prisma.auditEvent.findMany({ where: { action: { startsWith: prefix } }, orderBy: { id: 'asc' } });

describe(`the chair excludes students from the review list (${testDatabaseEngine()})`, () => {
  it('the chair sees the controls: the page’s red and yellow students this board follows up, the six reasons, a note, all optional', async () => {
    const form = await openList();

    expect(buttonsOf(form).map((element) => element.actionId)).toContain(reviewActions.exclude);
    expect(fieldIdsOf(form)).toEqual(['exclude-students', 'exclude-reason', 'exclude-note', 'search']);
    const [students, reason, note] = form.fields;
    // Sara is followed up by her side-subject board; green students are not listed.
    expect(students?.options?.map((option) => option.label)).toEqual([
      'Rikke Red (R1)',
      'Rune Red (R2)',
      'Yrsa Yellow (Y1)',
    ]);
    expect(reason?.options?.map((option) => option.label)).toEqual([
      'Personal circumstances',
      'Change of specialisation',
      'Elite athlete',
      'Agreed study plan',
      'Leave being registered (§ 31 stk. 3)',
      'Other',
    ]);
    expect(note).toMatchObject({ kind: 'multiline', maxLength: 500 });
    expect(form.fields.every((field) => field.optional)).toBe(true);
  });

  it('excluding two students says so in the view, marks them with their reason, lists them under Excluded, and is audited', async () => {
    const form = await openList();

    const after = formOf(await excludeTwo(form));

    expect(textsOf(after)).toContain('2 students excluded: personal circumstances.');
    expect(rowOf(after, 'Rune Red')?.[3]).toBe('Red – excluded: personal circumstances');
    expect(rowOf(after, 'Yrsa Yellow')?.[3]).toBe('Yellow – excluded: personal circumstances');
    expect(rowOf(after, 'Rikke Red')?.[3]).toBe('Red');
    // Excluded students are no longer offered for exclusion.
    expect(after.fields[0]?.options?.map((option) => option.value)).toEqual(['R1']);
    expect(await excludedNumbers()).toEqual(['R2', 'Y1']);

    const excluded = formOf(await act(after, reviewActions.category, 'excluded', {}));
    expect(blocksOf(excluded).find((block) => block.type === 'table')).toMatchObject({
      columns: [
        { header: 'Student no.' },
        { header: 'Name' },
        { header: 'Category' },
        { header: 'Reason' },
        { header: 'Note' },
        { header: 'Excluded by' },
        { header: 'Excluded on' },
      ],
    });
    expect(rowOf(excluded, 'Rune Red')).toEqual([
      'R2',
      'Rune Red',
      'Red',
      'Personal circumstances',
      'Agreed with the student counsellor',
      'chair@x.example',
      '7 April 2026',
    ]);
    expect(fieldIdsOf(excluded)).toEqual(['undo-students', 'search']);

    const audit = await auditOf('exclusion.');
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'chair@x.example',
        action: 'exclusion.added',
        boardCode: 'SN-MAT',
        details: {
          period: 'spring-2026',
          students: 2,
          reason: 'personal_circumstances',
          studentNumbers: 'R2 Y1',
        },
      }),
    ]);
  });

  it('undoing one exclusion puts her back in the list, says so, and is audited', async () => {
    const after = formOf(await excludeTwo(await openList()));
    const excluded = formOf(await act(after, reviewActions.category, 'excluded', {}));

    const undone = formOf(
      await act(excluded, reviewActions.undoExclusion, null, {
        [exclusionFieldIds.undo]: ['Y1'],
        search: null,
      }),
    );

    expect(textsOf(undone)).toContain(
      '1 exclusion undone: the student is in the list again and gets her mail.',
    );
    expect(rowsOf(undone).map((row) => row[1])).toEqual(['Rune Red']);
    expect(await excludedNumbers()).toEqual(['R2']);
    const audit = await auditOf('exclusion.');
    expect(audit.map((event) => [event.action, event.details])).toEqual([
      ['exclusion.added', expect.objectContaining({ studentNumbers: 'R2 Y1' })],
      ['exclusion.undone', { period: 'spring-2026', students: 1, studentNumbers: 'Y1' }],
    ]);
  });

  it('a delegate decides as the chair does', async () => {
    const after = formOf(await excludeTwo(await openList(delegate), delegate));
    expect(textsOf(after)).toContain('2 students excluded: personal circumstances.');
    expect(await excludedNumbers()).toEqual(['R2', 'Y1']);
  });

  it('§ 31 stk. 2: excluding a student more than 12 months behind says she will be named again at dispatch', async () => {
    const after = formOf(
      await exclude(await openList(), {
        [exclusionFieldIds.students]: ['R1'],
        [exclusionFieldIds.reason]: 'elite_athlete',
      }),
    );
    expect(textsOf(after)).toEqual(
      expect.arrayContaining([
        '1 student excluded: elite athlete.',
        '§ 31 stk. 2: 1 of them is more than 12 months behind; the university must offer such a student a meeting, so she will be named again at dispatch for you to confirm.',
      ]),
    );
  });

  it('what the chair left out is said under its field, and nothing changes', async () => {
    const form = await openList();

    expect(await exclude(form, { [exclusionFieldIds.reason]: 'other' })).toEqual({
      kind: 'errors',
      errors: {
        'exclude-students': 'Choose at least one student.',
        'exclude-note': 'Say why in the note: it is required for “Other”.',
      },
    });
    expect(
      await exclude(form, { [exclusionFieldIds.students]: ['R1'], [exclusionFieldIds.note]: '010203-1234' }),
    ).toEqual({
      kind: 'errors',
      errors: { 'exclude-reason': 'Choose a reason.', 'exclude-note': 'The note may not hold a CPR number.' },
    });
    expect(await excludedNumbers()).toEqual([]);
  });
});

describe(`who may not exclude (${testDatabaseEngine()})`, () => {
  it('the secretary and a manager see the list read-only, with the line that says who decides', async () => {
    for (const reader of [secretary, manager]) {
      const form = await openList(reader);
      expect(textsOf(form)).toContain('Only the chair or a delegate can exclude students.');
      expect(fieldIdsOf(form)).toEqual(['search']);
      expect(buttonsOf(form).map((element) => element.actionId)).not.toContain(reviewActions.exclude);
    }
  });

  it('a forged exclude by the secretary changes nothing, is audited without personal data, and she is told', async () => {
    const form = await openList(secretary);

    const outcome = formOf(await excludeTwo(form, secretary));

    expect(textsOf(outcome)).toContain(
      'Only the chair or a delegate can exclude students or undo exclusions. Nothing was changed.',
    );
    expect(await excludedNumbers()).toEqual([]);
    expect(await auditOf('exclusion.')).toEqual([
      expect.objectContaining({
        actor: 'secretary@x.example',
        action: 'exclusion.refused',
        boardCode: 'SN-MAT',
        cycleId: null,
        details: { attempt: 'exclude', students: 2 },
      }),
    ]);
  });

  it('a forged undo by the secretary changes nothing either', async () => {
    await excludeTwo(await openList());
    const form = await openList(secretary);

    await act(form, reviewActions.undoExclusion, null, { [exclusionFieldIds.undo]: ['R2'] }, secretary);

    expect(await excludedNumbers()).toEqual(['R2', 'Y1']);
    expect((await auditOf('exclusion.refused')).map((event) => event.details)).toEqual([
      { attempt: 'undo', students: 1 },
    ]);
  });

  for (const [who, actor] of [
    ["another board's chair", otherChair],
    ['a student', student],
  ] as const) {
    it(`a forged exclude by ${who} changes nothing, shows nothing of the list, and is audited`, async () => {
      const form = await openList();

      const outcome = await excludeTwo(form, actor);

      expect(outcome).toEqual({
        kind: 'errors',
        errors: {
          search:
            'Only the chair or a delegate can exclude students or undo exclusions. Nothing was changed.',
        },
      });
      expect(await excludedNumbers()).toEqual([]);
      const refused = await auditOf('exclusion.refused');
      expect(refused).toEqual([
        expect.objectContaining({ actor: actor.email, details: { attempt: 'exclude', students: 2 } }),
      ]);
      expect(
        JSON.stringify(refused.map(({ actor, action, details }) => ({ actor, action, details }))),
      ).not.toMatch(/R2|Y1|Rune|Yrsa/);
    });
  }
});

describe(`after dispatch and after a re-import (${testDatabaseEngine()})`, () => {
  it('a dispatched cycle shows the list read-only with the date the mails were sent; a forged exclude changes nothing', async () => {
    await excludeTwo(await openList());
    const form = await openList();
    await database.prisma.identificationCycle.updateMany({
      where: { boardCode: 'SN-MAT' },
      data: { status: 'dispatched', mailsSentAt: new Date('2026-04-08T10:00:00Z') },
    });

    const reopened = await openList();
    expect(textsOf(reopened)).toContain(
      'The mails were sent on 8 April 2026; the list can no longer change.',
    );
    expect(fieldIdsOf(reopened)).toEqual(['search']);
    expect(buttonsOf(reopened).map((element) => element.actionId)).not.toContain(reviewActions.exclude);
    const excluded = formOf(await act(reopened, reviewActions.category, 'excluded', {}));
    expect(fieldIdsOf(excluded)).toEqual(['search']);

    const forged = formOf(
      await exclude(form, {
        [exclusionFieldIds.students]: ['R1'],
        [exclusionFieldIds.reason]: 'elite_athlete',
      }),
    );
    expect(textsOf(forged)).toContain('The mails were sent on 8 April 2026; the list can no longer change.');
    await act(form, reviewActions.undoExclusion, null, { [exclusionFieldIds.undo]: ['R2'] });
    expect(await excludedNumbers()).toEqual(['R2', 'Y1']);
  });

  it('after a re-import the view names the exclusions that no longer match a student at risk in the new file', async () => {
    await excludeTwo(await openList());
    // Rune has caught up (green now); Yrsa is gone from the file.
    await importExport(
      [
        ...firstExport.filter((row) => row.studentId !== 'Y1' && row.studentId !== 'R2'),
        { ...active, studentId: 'R2', name: 'Rune Red', ectsPassed: 59 },
      ],
      'spring-corrected.csv',
    );

    const form = await openList();

    expect(textsOf(form)).toContain(
      '2 exclusions no longer match a student at risk in the new file: Rune Red (R2) and Yrsa Yellow (Y1). Undo them under Excluded if they no longer apply.',
    );
    const excluded = formOf(await act(form, reviewActions.category, 'excluded', {}));
    expect(rowOf(excluded, 'Yrsa Yellow')?.[2]).toBe('Yellow – No longer at risk in the new file');
  });
});
