import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/storage/database.js';
import { people } from '../../../support/deviations-fixture.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';
import { actorOf, aReport, directory, formOf, formText, intakeBot, receivedAt } from './intake-harness.js';

let database: Database;
let bot: ReturnType<typeof intakeBot>;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());
beforeEach(async () => {
  // Each test starts at case 2026-0001.
  await database.prisma.deviationCase.deleteMany();
  await database.prisma.deviationCaseNumber.deleteMany();
  bot = intakeBot(database);
});

const student = actorOf(people.student);
const caseCount = () => database.prisma.deviationCase.count();

describe(`filing a deviation report (${testDatabaseEngine()})`, () => {
  it('the command opens the report form; text after the command starts the description', async () => {
    const form = await bot.openForm(student, 'the projector in R7 is broken');
    expect(form.formId).toBe('deviations.intake.report');
    expect(form.title).toBe('Report a deviation');
    expect(form.state).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(form.fields.map((field) => [field.id, field.kind, field.optional ?? false])).toEqual([
      ['category', 'select', false],
      ['unit', 'select', false],
      ['whereWhen', 'text', false],
      ['description', 'multiline', false],
      ['role', 'select', false],
      ['seriousMatter', 'select', false],
      ['ordinaryChannels', 'checkbox', true],
    ]);
    const field = (id: string) => form.fields.find((candidate) => candidate.id === id);
    expect(field('description')).toMatchObject({
      initialValue: 'the projector in R7 is broken',
      maxLength: 3000,
    });
    expect(field('category')?.options).toHaveLength(10);
    expect(field('unit')).toMatchObject({
      searchable: true,
      options: [
        { label: 'Computer Science (MSc) (MTDT)', value: 'programme:MTDT' },
        { label: 'Mathematics (BSc) (BMAT)', value: 'programme:BMAT' },
        { label: 'Calculus 1 (MA1101)', value: 'course:MA1101' },
        { label: 'Object-oriented programming (TDT4100)', value: 'course:TDT4100' },
      ],
    });
    expect(field('seriousMatter')).toMatchObject({
      label: 'Is this about harassment, bullying, violence, threats or another serious matter?',
      options: [
        { label: 'No', value: 'no' },
        { label: 'Yes', value: 'yes' },
      ],
    });
    expect(field('ordinaryChannels')).toMatchObject({
      label: 'I have first tried the ordinary channels',
      placeholder: 'Yes, I have tried them',
      hint: 'The teacher, the student representative or the course’s reference group; for staff: the programme council and the evaluation reports.',
    });
    // Every configured name opens it, also typed without the slash on Teams (`@Trafiklys deviation …`).
    expect((await bot.command(student, '', 'afvigelse')).kind).toBe('form');
    const typed = await bot.router.command(
      student,
      { surface: 'teams', conversationId: 'T1', kind: 'direct' },
      'deviation the lab is always locked',
    );
    expect(typed.kind === 'form' && typed.form.fields[3]?.initialValue).toBe('the lab is always locked');
  });

  it('a student’s report about TDT4100 is filed at IE: her receipt, both IE report owners told, a “filed” event and two timers', async () => {
    const form = await bot.openForm(student);
    const receipt = formOf(await bot.submit(student, form, aReport));

    expect(receipt).toMatchObject({
      formId: 'deviations.intake.done',
      title: 'Deviation received',
      fields: [],
    });
    const receiptText = formText(receipt);
    expect(receiptText).toContain('Thank you: deviation 2026-0001 has been received');
    expect(receiptText).toContain('You should have an answer by 10 November 2026');
    expect(receiptText).toContain('Programme or course: Object-oriented programming (TDT4100)');
    expect(receiptText).toContain(aReport.description);
    expect(receiptText).toContain('See your reports with /deviation status.');

    // Privately to her, in English; then each IE report owner in their own language. Nobody else.
    const messages = bot.directMessages();
    expect(messages.map((message) => message.to)).toEqual([people.student, people.ownerIe1, people.ownerIe2]);
    expect(messages[0]?.text).toBe(receiptText);
    expect(messages[1]?.text).toContain('Afvigelse 2026-0001');
    expect(messages[1]?.text).toContain('Indberetter: Stina Student (Studerende)');
    expect(messages[1]?.text).toContain(aReport.description);
    expect(messages[2]?.text).toContain('Deviation 2026-0001');
    expect(messages[2]?.text).toContain('Reporter: Stina Student (Student)');

    const [filed] = await bot.store.casesOfReporter(people.student);
    expect(filed).toMatchObject({
      number: '2026-0001',
      state: 'received',
      category: 'timetabling',
      unit: { kind: 'course', code: 'TDT4100' },
      facultyCode: 'IE',
      whereWhen: aReport.whereWhen,
      description: aReport.description,
      reporter: {
        email: people.student,
        name: 'Stina Student',
        role: 'student',
        surface: 'slack',
        language: 'en',
      },
      receivedAt,
      deadlineAt: new Date('2026-11-10T23:00:00Z'),
    });
    const history = await bot.store.history(filed?.id ?? '');
    expect(history).toEqual([
      {
        caseId: filed?.id,
        kind: 'filed',
        actor: { email: people.student, name: 'Stina Student' },
        occurredAt: receivedAt,
        details: { category: 'timetabling', unit: 'course:TDT4100' },
      },
    ]);
    // The reminder on the morning of day 21, the escalation the morning after the deadline (Oslo time).
    expect(
      (await bot.store.timers(filed?.id ?? '')).map((timer) => [timer.kind, timer.dueAt, timer.status]),
    ).toEqual([
      ['preliminary_reminder', new Date('2026-11-03T07:00:00Z'), 'pending'],
      ['overdue_escalation', new Date('2026-11-11T07:00:00Z'), 'pending'],
    ]);
  });

  it('an employee’s report about MA1101 goes to the NV report owner only, her receipt in Danish', async () => {
    const employee = actorOf(people.employee);
    const form = await bot.openForm(employee);
    const receipt = formOf(
      await bot.submit(employee, form, {
        ...aReport,
        unit: 'course:MA1101',
        category: 'equipment_premises',
        role: 'employee',
      }),
    );
    expect(receipt.title).toBe('Afvigelse modtaget');
    expect(formText(receipt)).toContain('Tak! Afvigelse 2026-0001 er modtaget');
    expect(formText(receipt)).toContain('Du skal have svar senest 10. november 2026');
    expect(formText(receipt)).toContain('Se dine indberetninger med /afvigelse status.');
    const messages = bot.directMessages();
    expect(messages.map((message) => message.to)).toEqual([people.employee, people.ownerNv]);
    expect(messages[0]?.text).toContain('Tak! Afvigelse 2026-0001 er modtaget');
    expect(messages[1]?.text).toContain('Deviation 2026-0001');
    expect(messages[1]?.text).toContain('Reporter: Lars Lecturer (Employee)');
    const [filed] = await bot.store.casesOfReporter(people.employee);
    expect(filed).toMatchObject({
      facultyCode: 'NV',
      reporter: { role: 'employee', language: 'da' },
    });
  });

  it('the same form submitted twice (a double click) files one case, and the second answer is the same receipt', async () => {
    const form = await bot.openForm(student);
    const first = await bot.submit(student, form, aReport);
    const second = await bot.submit(student, form, aReport);
    expect(second).toEqual(first);
    expect(await caseCount()).toBe(1);
    // Nobody is told twice.
    expect(bot.directMessages()).toHaveLength(3);

    // Both at the same moment, from another form: still one case for that form.
    const again = await bot.openForm(student);
    const [one, other] = await Promise.all([
      bot.submit(student, again, aReport),
      bot.submit(student, again, aReport),
    ]);
    expect(one).toEqual(other);
    expect(formText(formOf(one))).toContain('deviation 2026-0002');
    expect(await caseCount()).toBe(2);
  });

  it('another person submitting a copy of her form’s state files a case of his own, never showing hers', async () => {
    const form = await bot.openForm(student);
    await bot.submit(student, form, aReport);
    const other = actorOf(people.otherStudent, { locale: 'en-GB' });
    const receipt = formOf(await bot.submit(other, form, { ...aReport, description: 'Another matter.' }));
    expect(formText(receipt)).toContain('deviation 2026-0002');
    expect(formText(receipt)).not.toContain(aReport.description);
    expect(await bot.store.casesOfReporter(people.otherStudent)).toHaveLength(1);
  });

  it('a form whose state is not the one the bot gave it is not filed: she is asked to open a new one', async () => {
    const form = await bot.openForm(student);
    const outcome = formOf(await bot.submit(student, { ...form, state: 'forged' }, aReport));
    expect(outcome.formId).toBe('deviations.intake.done');
    expect(formText(outcome)).toBe('This form is out of date. Close it and open a new one with /deviation.');
    expect(await caseCount()).toBe(0);
  });

  it('without an e-mail address nothing can be filed in her name, and she is told so', async () => {
    const unknown = actorOf(null, { locale: 'en-GB' });
    const reply = await bot.command(unknown, '');
    expect(reply).toEqual({
      kind: 'message',
      visibility: 'only_actor',
      message: {
        fallbackText:
          'Trafiklys does not know your e-mail address, so a report cannot be filed in your name. Ask your administrator to link your account to your e-mail address.',
        blocks: [
          {
            type: 'text',
            content: [
              'Trafiklys does not know your e-mail address, so a report cannot be filed in your name. Ask your administrator to link your account to your e-mail address.',
            ],
          },
        ],
      },
    });
    // A form opened while the address was known, submitted without it (the platform lost it).
    const form = await bot.openForm(student);
    const outcome = formOf(await bot.submit(unknown, form, aReport));
    expect(formText(outcome)).toContain('Trafiklys does not know your e-mail address');
    expect(await caseCount()).toBe(0);
    expect(bot.directMessages()).toEqual([]);
  });

  it('a report owner no surface knows does not stop the filing; it is logged by address, without the report’s words', async () => {
    // Ivar Owner (IE) has not joined any platform the bot is on.
    const withoutIvar = new Map([...directory].filter(([email]) => email !== people.ownerIe2));
    const partly = intakeBot(database, { known: withoutIvar });
    const form = await partly.openForm(student);
    expect(formText(formOf(await partly.submit(student, form, aReport)))).toContain(
      'Thank you: deviation 2026-0001 has been received',
    );
    expect(await caseCount()).toBe(1);
    expect(partly.directMessages().map((message) => message.to)).toEqual([people.student, people.ownerIe1]);
    expect(partly.logs.lines()).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'deviations: report owners could not be told of a new report',
        caseNumber: '2026-0001',
        faculty: 'IE',
        unreachable: [people.ownerIe2],
      }),
    ]);
    expect(partly.logs.text()).not.toContain('TDT4100 are scheduled');
    expect(partly.logs.text()).not.toContain('Lecture hall');
  });
});
