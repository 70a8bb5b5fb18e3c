import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Form, FormValues } from '../../../../src/messages/message-model.js';
import type { Database } from '../../../../src/storage/database.js';
import { deviationsInstitution, people } from '../../../support/deviations-fixture.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';
import { actorOf, aReport, formOf, formText, intakeBot } from './intake-harness.js';

let database: Database;
let bot: ReturnType<typeof intakeBot>;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());
beforeEach(async () => {
  await database.prisma.deviationCase.deleteMany();
  await database.prisma.deviationCourse.deleteMany();
  bot = intakeBot(database);
});

const student = actorOf(people.student);
const caseCount = () => database.prisma.deviationCase.count();
const initialOf = (form: Form, id: string) => form.fields.find((field) => field.id === id)?.initialValue;

/** Submits a fresh form with these answers; the answer must be the form again, with nothing filed. */
async function refused(values: FormValues): Promise<Form> {
  const form = await bot.openForm(student);
  const again = formOf(await bot.submit(student, form, values));
  expect(again.formId).toBe('deviations.intake.report');
  // The same form, so a corrected submission is still the same report (one case, however often sent).
  expect(again.state).toBe(form.state);
  expect(await caseCount()).toBe(0);
  expect(bot.directMessages()).toEqual([]);
  return again;
}

describe(`a report that cannot be filed as it is (${testDatabaseEngine()})`, () => {
  it('an empty description is a field error; what she did fill in is shown again', async () => {
    const form = await refused({ ...aReport, description: '  \n ' });
    expect(form.errors).toEqual({ description: 'Describe what is wrong or missing.' });
    expect(initialOf(form, 'category')).toBe('timetabling');
    expect(initialOf(form, 'unit')).toBe('course:TDT4100');
    expect(initialOf(form, 'whereWhen')).toBe(aReport.whereWhen);
    expect(initialOf(form, 'role')).toBe('student');
    expect(initialOf(form, 'ordinaryChannels')).toBe(true);
  });

  it('a description over the limit is a field error, and her text comes back whole, not cut', async () => {
    const limited = intakeBot(database, { config: deviationsInstitution({ descriptionMaxLength: 200 }) });
    bot = limited;
    const long = `${'The lab is closed on the days the course plan says it is open. '.repeat(3)}x`.padEnd(
      201,
      '.',
    );
    expect(long).toHaveLength(201);
    const form = await refused({ ...aReport, description: long });
    expect(form.errors).toEqual({
      description: 'The description can have at most 200 characters but has 201. Please shorten it.',
    });
    expect(initialOf(form, 'description')).toBe(long);
    expect(form.fields.find((field) => field.id === 'description')?.maxLength).toBe(200);
  });

  it('text after the command longer than a description may be is kept whole, and the form says so at once', async () => {
    bot = intakeBot(database, { config: deviationsInstitution({ descriptionMaxLength: 200 }) });
    const typed = 'x'.repeat(250);
    const form = await bot.openForm(student, typed);
    expect(initialOf(form, 'description')).toBe(typed);
    expect(form.errors).toEqual({
      description: 'The description can have at most 200 characters but has 250. Please shorten it.',
    });
  });

  it('a CPR number or fødselsnummer in the text is a field error; the form comes back with the number masked', async () => {
    const form = await refused({
      ...aReport,
      whereWhen: 'Exam office, student 010190-1234',
      description: 'My fødselsnummer 01019012345 was printed on the exam list for everyone to see.',
    });
    expect(form.errors).toEqual({
      whereWhen:
        'Please leave out national identity numbers (CPR, fødselsnummer). Describe the matter without them; the handler can ask if one is needed.',
      description:
        'Please leave out national identity numbers (CPR, fødselsnummer). Describe the matter without them; the handler can ask if one is needed.',
    });
    expect(initialOf(form, 'whereWhen')).toBe('Exam office, student ******-****');
    expect(initialOf(form, 'description')).toBe(
      'My fødselsnummer ****** ***** was printed on the exam list for everyone to see.',
    );
    expect(JSON.stringify(form)).not.toMatch(/0101901234|01019012345/);
  });

  it('a programme or course that is not in the list (a forged value) is a field error', async () => {
    for (const forged of ['course:XX9999', 'faculty:IE', 'TDT4100']) {
      const form = await refused({ ...aReport, unit: forged });
      expect(form.errors).toEqual({
        unit: 'This programme or course is no longer in the list. Choose another.',
      });
      // Not offered, so not shown as chosen either.
      expect(initialOf(form, 'unit')).toBeUndefined();
    }
  });

  it('a course removed from the catalogue after the form was opened is a field error', async () => {
    await bot.store.replaceCatalogue([
      { code: 'TDT4200', name: 'Parallel computing', facultyCode: 'IE', departmentCode: 'IDI' },
    ]);
    const form = await bot.openForm(student);
    expect(form.fields.find((field) => field.id === 'unit')?.options).toContainEqual({
      label: 'Parallel computing (TDT4200)',
      value: 'course:TDT4200',
    });
    await bot.store.replaceCatalogue([]);
    const again = formOf(await bot.submit(student, form, { ...aReport, unit: 'course:TDT4200' }));
    expect(again.errors).toEqual({
      unit: 'This programme or course is no longer in the list. Choose another.',
    });
    expect(await caseCount()).toBe(0);
  });

  it('a missing category, programme or course, role or serious-matter answer is a field error each', async () => {
    const form = await refused({
      ...aReport,
      category: null,
      unit: null,
      role: null,
      seriousMatter: null,
    });
    expect(form.errors).toEqual({
      category: 'Choose a category.',
      unit: 'Choose a programme or course from the list.',
      role: 'Choose whether you are a student or an employee.',
      seriousMatter: 'Answer yes or no.',
    });
  });

  it('a forged category or role (not one of the choices) counts as not chosen', async () => {
    const form = await refused({ ...aReport, category: 'parking', role: 'dean' });
    expect(form.errors).toEqual({
      category: 'Choose a category.',
      role: 'Choose whether you are a student or an employee.',
    });
  });

  it('where and when must be said, in at most 300 characters', async () => {
    expect((await refused({ ...aReport, whereWhen: '' })).errors).toEqual({
      whereWhen: 'Say where and when it happened.',
    });
    expect((await refused({ ...aReport, whereWhen: 'R7 '.repeat(101) })).errors).toEqual({
      whereWhen: 'Write at most 300 characters here (now 302).',
    });
  });

  it('values of the wrong shape (a forged submission) are field errors, not a failure', async () => {
    const form = await refused({
      ...aReport,
      description: ['a', 'b'],
      whereWhen: true,
      ordinaryChannels: 'yes',
    });
    expect(form.errors).toEqual({
      whereWhen: 'Say where and when it happened.',
      description: 'Describe what is wrong or missing.',
      ordinaryChannels: 'Tick this when you have tried the ordinary channels.',
    });
  });

  it('every problem is said at once, under its own field', async () => {
    const form = await refused({});
    expect(Object.keys(form.errors ?? {}).sort()).toEqual([
      'category',
      'description',
      'ordinaryChannels',
      'role',
      'seriousMatter',
      'unit',
      'whereWhen',
    ]);
  });
});

describe(`the ordinary channels come first (${testDatabaseEngine()})`, () => {
  it('without the box ticked, the form explains the channels, keeps her report, and files it once she ticks it', async () => {
    const form = await bot.openForm(student);
    const explained = formOf(await bot.submit(student, form, { ...aReport, ordinaryChannels: false }));
    expect(formText(explained)).toBe(
      [
        'Try the ordinary channels first',
        'Deviation reports are for faults and shortcomings that are not solved the ordinary way. Most things are solved fastest by those closest to them:',
        '• the teacher or the course coordinator\n• the student representative\n• the course’s reference group\n• for staff: the programme council and the evaluation reports',
        'They know the course, can put things right at once and can tell whether others have had the same experience. If you have tried them and it was not solved, tick the box below and submit your report. Otherwise close the form and come back with /deviation later.',
        '',
      ].join('\n'),
    );
    expect(explained.errors).toEqual({
      ordinaryChannels: 'Tick this when you have tried the ordinary channels.',
    });
    expect(initialOf(explained, 'description')).toBe(aReport.description);
    expect(initialOf(explained, 'ordinaryChannels')).toBe(false);
    expect(await caseCount()).toBe(0);
    expect(bot.directMessages()).toEqual([]);

    const receipt = formOf(await bot.submit(student, explained, aReport));
    expect(formText(receipt)).toContain('Thank you: deviation');
    expect(await caseCount()).toBe(1);
  });

  it('in Danish for a Danish reader', async () => {
    const employee = actorOf(people.employee);
    const form = await bot.openForm(employee);
    const explained = formOf(
      await bot.submit(employee, form, { ...aReport, role: 'employee', ordinaryChannels: false }),
    );
    expect(formText(explained)).toContain('Prøv de almindelige kanaler først');
    expect(formText(explained)).toContain('for medarbejdere: uddannelsesrådet og evalueringsrapporterne');
    expect(formText(explained)).toContain('vende tilbage med /afvigelse senere');
    expect(explained.errors).toEqual({
      ordinaryChannels: 'Sæt kryds, når du har prøvet de almindelige kanaler.',
    });
    expect(await caseCount()).toBe(0);
  });
});
