import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstitutionConfig, type StudyBoard } from '../../../../src/config/institution-config.js';
import type { OutboxSending } from '../../../../src/mail/outbox-sending.js';
import {
  confirmDispatch,
  type DispatchDependencies,
  planDispatch,
  sampleMails,
} from '../../../../src/procedures/at-risk/dispatch/dispatch-cycle.js';
import { excludeStudents } from '../../../../src/procedures/at-risk/exclusions/exclude-students.js';
import { defaultIdentificationRules } from '../../../../src/procedures/at-risk/identification-rules.js';
import { importIdentification } from '../../../../src/procedures/at-risk/import-identification.js';
import { MailTemplates } from '../../../../src/procedures/at-risk/mail/mail-templates.js';
import { readProgressExport } from '../../../../src/procedures/at-risk/progress-export/read-progress-export.js';
import { containsCprShape } from '../../../../src/security/cpr-shape.js';
import type { Database } from '../../../../src/storage/database.js';
import { mirrorInstitution } from '../../../../src/storage/institution-mirror.js';
import { PrismaDispatch } from '../../../../src/storage/prisma-dispatch.js';
import { PrismaExclusions } from '../../../../src/storage/prisma-exclusions.js';
import { PrismaIdentificationStorage } from '../../../../src/storage/prisma-identification-storage.js';
import { anInstanceSending } from '../../../mail/outbox-harness.js';
import { type ProgressRowInput, progressExportCsv } from '../../../support/progress-export-builder.js';
import { dateOf } from '../../../support/progress-row-builder.js';
import { SmtpServerDouble } from '../../../support/smtp-server-double.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';

const parsed = parseInstitutionConfig({
  institution: { name: 'Test University', language: 'da' },
  faculties: [{ code: 'HUM', name: 'Humanities' }],
  boards: [
    {
      code: 'SN-MAT',
      name: { da: 'Studienævn for Matematik', en: 'Study Board of Mathematics' },
      faculty: 'HUM',
      chair: 'chair@x.example',
      chairName: 'Karen Blixen',
      secretary: 'secretary@x.example',
    },
    { code: 'SN-HIS', name: 'History', faculty: 'HUM', chair: 'his@x.example', secretary: 'hsec@x.example' },
  ],
  mail: { bookingLink: 'https://x.example/book' },
});
if (!parsed.success) throw new Error(parsed.error.message);
const config = parsed.data;
const [mathematics, history] = config.boards as [StudyBoard, StudyBoard];
const spring = { term: 'spring', year: 2026 } as const;
const chair = { email: 'chair@x.example', actor: 'chair@x.example' };

const active = { lastPassedOn: '2026-01-20', ectsExpected: 60, boardCode: 'SN-MAT' };
// 80 ECTS behind at 5 a month: 16 months, § 31 stk. 2.
const overdue = { ectsExpected: 120, ectsPassed: 40 };
const rows: ProgressRowInput[] = [
  {
    ...active,
    ...overdue,
    studentId: 'R1',
    name: 'Rasmus Rød',
    teachingLanguage: 'da',
    email: 'r1@student.example',
  },
  {
    ...active,
    studentId: 'R2',
    name: 'Rose Red',
    ectsPassed: 20,
    teachingLanguage: 'en',
    email: 'r2@student.example',
  },
  { ...active, studentId: 'Y1', name: 'Yrsa Gul', ectsPassed: 50, email: 'y1@student.example' },
  { ...active, studentId: 'Y2', name: 'Yngve Uden Mail', ectsPassed: 50, email: null },
  { ...active, studentId: 'G1', name: 'Gorm Grøn', ectsPassed: 58 },
  { ...active, ...overdue, studentId: 'R3', name: 'Rikke Fritaget' },
  // Her side-subject board (History) mails her, not her home board.
  { ...active, studentId: 'S1', name: 'Sara Sidefag', ectsPassed: 20, sideSubjectBoard: 'SN-HIS' },
];

let database: Database;
let smtp: SmtpServerDouble;
let mail: OutboxSending;
let dependencies: (board: StudyBoard) => DispatchDependencies;

beforeAll(async () => {
  database = await openTestDatabase();
  const storage = new PrismaIdentificationStorage(database.prisma);
  await mirrorInstitution(database.prisma, config);
  await importIdentification(storage, {
    progressExport: await readProgressExport(progressExportCsv(rows), { fileName: 'spring.csv' }),
    asOf: dateOf('2026-04-06'),
    rules: defaultIdentificationRules,
    knownBoards: new Set(['SN-MAT', 'SN-HIS']),
    actor: 'test',
    cipher: null,
  });
  smtp = await SmtpServerDouble.start();
  mail = await anInstanceSending(database.prisma, { url: `smtp://127.0.0.1:${smtp.port}` });
  const templates = MailTemplates.fromConfig(config);
  const exclusions = new PrismaExclusions(database.prisma, storage);
  dependencies = (board) => ({
    dispatch: new PrismaDispatch(database.prisma, storage),
    exclusions,
    outbox: mail.outbox,
    templates: templates.forBoard(board.code),
    messageIdDomain: mail.messageIdDomain,
    now: () => new Date('2026-04-08T08:00:00Z'),
  });
  await excludeStudents(
    exclusions,
    chair,
    { board: mathematics, period: spring, studentNumbers: ['R3'] },
    { reason: 'agreed_study_plan', note: null },
    new Date('2026-04-07T08:00:00Z'),
  );
});
afterAll(async () => {
  await mail?.close();
  await smtp?.close();
  await database?.close();
});

describe(`a board's dispatch (${testDatabaseEngine()})`, () => {
  it('plans a mail per red and yellow student with an address, by template and language; the rest is said apart', async () => {
    const planned = await planDispatch(dependencies(mathematics), mathematics, spring);
    if (planned.kind !== 'plan') throw new Error('expected a plan');
    const { plan } = planned;

    expect(plan.mails.map(({ recipient, template }) => [recipient.studentNumber, template])).toEqual([
      ['R1', 'red'],
      ['R2', 'red'],
      ['Y1', 'yellow'],
    ]);
    expect(plan.groups).toEqual([
      { template: 'yellow', language: 'da', count: 1 },
      { template: 'red', language: 'da', count: 1 },
      { template: 'red', language: 'en', count: 1 },
    ]);
    expect(plan.withoutEmail.map((student) => student.studentNumber)).toEqual(['Y2']);
    expect(plan.excluded.map(({ exclusion }) => exclusion.studentNumber)).toEqual(['R3']);
    // § 31 stk. 2: she is named again before the chair confirms.
    expect(plan.excludedMandatoryContact.map(({ exclusion }) => exclusion.snapshot.name)).toEqual([
      'Rikke Fritaget',
    ]);
    const samples = sampleMails(plan, dependencies(mathematics).templates);
    expect(samples.map((sample) => [sample.template, sample.language])).toEqual([
      ['yellow', 'da'],
      ['red', 'da'],
      ['red', 'en'],
    ]);
  });

  it('the secretary cannot dispatch: refused, audited, nothing queued', async () => {
    const outcome = await confirmDispatch(
      dependencies(mathematics),
      { email: 'secretary@x.example', actor: 'secretary@x.example' },
      { board: mathematics, period: spring },
      { mandatoryContactExclusionsConfirmed: true },
    );

    expect(outcome).toEqual({ kind: 'refused', reason: 'not_allowed' });
    expect(await database.prisma.mailOutbox.count()).toBe(0);
    expect(await database.prisma.auditEvent.count({ where: { action: 'dispatch.refused' } })).toBe(1);
  });

  it('with an excluded student more than 12 months delayed, the chair must say she means it; until then nothing changes', async () => {
    const outcome = await confirmDispatch(
      dependencies(mathematics),
      chair,
      { board: mathematics, period: spring },
      { mandatoryContactExclusionsConfirmed: false },
    );

    expect(outcome.kind).toBe('needs_confirmation');
    expect(await database.prisma.mailOutbox.count()).toBe(0);
    const cycle = await database.prisma.identificationCycle.findFirstOrThrow({
      where: { boardCode: 'SN-MAT' },
    });
    expect(cycle.status).toBe('draft');
  });

  it('confirmed, the cycle is dispatched and the mails reach the SMTP server once, in the student’s language, with the § 31 content and the queued Message-ID; confirming again adds nothing', async () => {
    const target = { board: mathematics, period: spring };
    const first = await confirmDispatch(dependencies(mathematics), chair, target, {
      mandatoryContactExclusionsConfirmed: true,
    });
    const again = await confirmDispatch(dependencies(mathematics), chair, target, {
      mandatoryContactExclusionsConfirmed: true,
    });
    const tally = await mail.drain({
      cycleId: first.kind === 'queued' ? first.plan.cycle.id : '',
      untilSettled: true,
    });

    expect(first).toMatchObject({ kind: 'queued', newlyQueued: 3, resumed: false });
    expect(again).toMatchObject({ kind: 'queued', newlyQueued: 0, resumed: true });
    expect(tally).toMatchObject({ sent: 3, failed: 0 });
    expect(smtp.received.flatMap((received) => received.to).sort()).toEqual([
      'r1@student.example',
      'r2@student.example',
      'y1@student.example',
    ]);
    const queued = await database.prisma.mailOutbox.findMany({ orderBy: { id: 'asc' } });
    for (const received of smtp.received) {
      const parsedMail = await received.parsed();
      const row = queued.find((candidate) => candidate.recipient === received.to[0]);
      expect(row, received.to[0]).toBeDefined();
      expect(parsedMail.messageId).toBe(row?.messageId);
      expect(containsCprShape(`${parsedMail.subject} ${parsedMail.text} ${parsedMail.html}`)).toBe(false);
    }
    const byStudent = (number: string) =>
      smtp.received
        .find((candidate) => candidate.to[0] === `${number.toLowerCase()}@student.example`)
        ?.parsed();
    const danishRed = await byStudent('R1');
    const englishRed = await byStudent('R2');
    const danishYellow = await byStudent('Y1');
    expect(danishRed?.text).toContain('Karen Blixen');
    expect(danishRed?.text).toContain('https://x.example/book');
    expect(englishRed?.text).toContain('We would like to invite you to a personal meeting with Karen Blixen');
    expect(englishRed?.text).toContain('section 31(1) and (2)');
    expect(danishYellow?.html).toContain('lang="da"');
    const cycle = await database.prisma.identificationCycle.findFirstOrThrow({
      where: { boardCode: 'SN-MAT' },
    });
    expect(cycle.status).toBe('dispatched');
  });

  it("after dispatch the home board's exclusions are final", async () => {
    const outcome = await excludeStudents(
      dependencies(mathematics).exclusions,
      chair,
      { board: mathematics, period: spring, studentNumbers: ['Y1'] },
      { reason: 'elite_athlete', note: null },
      new Date('2026-04-09T08:00:00Z'),
    );

    expect(outcome).toEqual({ kind: 'refused', reason: 'dispatched' });
  });

  it('the side-subject board dispatches the students it received, the home board left them out', async () => {
    const planned = await planDispatch(dependencies(history), history, spring);
    if (planned.kind !== 'plan') throw new Error('expected a plan');

    expect(planned.plan.mails.map(({ recipient }) => recipient.studentNumber)).toEqual(['S1']);
  });
});
