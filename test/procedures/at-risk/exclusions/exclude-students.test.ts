import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseInstitutionConfig, type StudyBoard } from '../../../../src/config/institution-config.js';
import {
  type ExclusionActor,
  excludeStudents,
  matchExclusions,
  undoExclusions,
} from '../../../../src/procedures/at-risk/exclusions/exclude-students.js';
import { defaultIdentificationRules } from '../../../../src/procedures/at-risk/identification-rules.js';
import { importIdentification } from '../../../../src/procedures/at-risk/import-identification.js';
import { readProgressExport } from '../../../../src/procedures/at-risk/progress-export/read-progress-export.js';
import type { Database } from '../../../../src/storage/database.js';
import { mirrorInstitution } from '../../../../src/storage/institution-mirror.js';
import { PrismaExclusions } from '../../../../src/storage/prisma-exclusions.js';
import { PrismaIdentificationStorage } from '../../../../src/storage/prisma-identification-storage.js';
import {
  type ProgressRowInput as ProgressRowFields,
  progressExportCsv,
} from '../../../support/progress-export-builder.js';
import { dateOf } from '../../../support/progress-row-builder.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';

const parsed = parseInstitutionConfig({
  institution: { name: 'Test University', language: 'en' },
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
});
if (!parsed.success) throw new Error(parsed.error.message);
const config = parsed.data;
const mathematics = config.boards[0] as StudyBoard;
const spring = { term: 'spring', year: 2026 } as const;
const now = new Date('2026-04-07T08:00:00Z');

const active = { lastPassedOn: '2026-01-20', ectsExpected: 60, boardCode: 'SN-MAT' };
const firstExport: ProgressRowFields[] = [
  // 80 ECTS behind at 5 a month: 16 months delayed, red, § 31 stk. 2.
  { ...active, studentId: 'R1', name: 'Rikke Red', ectsExpected: 120, ectsPassed: 40 },
  { ...active, studentId: 'Y1', name: 'Yrsa Yellow', ectsPassed: 45 }, // 15 behind: yellow
  { ...active, studentId: 'G1', name: 'Gorm Green', ectsPassed: 58 },
  // Mathematics is her home board; History, her side subject, follows her up.
  { ...active, studentId: 'S1', name: 'Sara Side', ectsPassed: 20, sideSubjectBoard: 'SN-HIS' },
];

let database: Database;
let storage: PrismaIdentificationStorage;
let exclusions: PrismaExclusions;

async function importExport(rows: readonly ProgressRowFields[], fileName: string) {
  await importIdentification(storage, {
    progressExport: await readProgressExport(progressExportCsv(rows), { fileName }),
    asOf: dateOf('2026-04-06'),
    rules: defaultIdentificationRules,
    knownBoards: new Set(['SN-MAT', 'SN-HIS']),
    actor: 'test',
    cipher: null,
  });
}

const chair: ExclusionActor = { email: 'Chair@x.example', actor: 'chair@x.example' };
const target = (studentNumbers: readonly string[]) => ({
  board: mathematics,
  period: spring,
  studentNumbers,
});
const personal = { reason: 'personal_circumstances', note: null };

beforeAll(async () => {
  database = await openTestDatabase();
  storage = new PrismaIdentificationStorage(database.prisma);
  exclusions = new PrismaExclusions(database.prisma, storage);
  await mirrorInstitution(database.prisma, config);
});
beforeEach(async () => {
  await database.prisma.exclusion.deleteMany();
  await database.prisma.auditEvent.deleteMany();
  await database.prisma.identificationCycle.updateMany({ data: { status: 'draft' } });
  await importExport(firstExport, 'spring.csv');
});
afterAll(async () => {
  await database?.close();
});

/** The exclusions' audit trail (the imports' own events left out). */
const auditActions = async () =>
  (
    await database.prisma.auditEvent.findMany({
      where: { action: { startsWith: 'exclusion.' } },
      orderBy: { id: 'asc' },
    })
  ).map((event) => ({
    actor: event.actor,
    action: event.action,
    details: event.details,
  }));

describe(`excluding students (${testDatabaseEngine()})`, () => {
  it('the chair excludes a red and a yellow student with a reason: both are stored with a snapshot of who they were, and audited', async () => {
    const outcome = await excludeStudents(exclusions, chair, target(['R1', 'Y1']), personal, now);

    expect(outcome).toEqual({ kind: 'excluded', added: 2, alreadyExcluded: 0, mandatoryContact: 1 });
    const stored = await exclusions.exclusionsOf('SN-MAT', spring);
    expect(
      stored.map((exclusion) => [exclusion.studentNumber, exclusion.reason, exclusion.excludedBy]),
    ).toEqual([
      ['R1', 'personal_circumstances', 'Chair@x.example'],
      ['Y1', 'personal_circumstances', 'Chair@x.example'],
    ]);
    expect(stored[0]?.snapshot).toMatchObject({ name: 'Rikke Red', category: 'red', mandatoryContact: true });
    expect(await auditActions()).toEqual([
      {
        actor: 'chair@x.example',
        action: 'exclusion.added',
        details: {
          period: 'spring-2026',
          students: 2,
          reason: 'personal_circumstances',
          studentNumbers: 'R1 Y1',
        },
      },
    ]);
  });

  it('a delegate may exclude; a second exclusion of the same student keeps the first reason', async () => {
    await excludeStudents(exclusions, chair, target(['Y1']), personal, now);
    const delegate = { email: 'delegate@x.example', actor: 'delegate@x.example' };

    const again = await excludeStudents(
      exclusions,
      delegate,
      target(['Y1', 'R1']),
      { reason: 'elite_athlete', note: 'national team' },
      new Date(now.getTime() + 60_000),
    );

    expect(again).toMatchObject({ kind: 'excluded', added: 1, alreadyExcluded: 1 });
    const reasons = (await exclusions.exclusionsOf('SN-MAT', spring)).map((e) => [e.studentNumber, e.reason]);
    expect(reasons).toEqual([
      ['Y1', 'personal_circumstances'],
      ['R1', 'elite_athlete'],
    ]);
  });

  it.each([
    ['the secretary, who prepares but does not decide', 'secretary@x.example'],
    ["another board's chair", 'his@x.example'],
    ['a student', 'r1@student.example'],
    ['someone the platform could not name', null],
  ])(
    '%s is refused; nothing changes, and the refused attempt is audited without personal data',
    async (_who, email) => {
      const who = { email, actor: email ?? 'slack:U999' };

      expect(await excludeStudents(exclusions, who, target(['R1']), personal, now)).toEqual({
        kind: 'refused',
        reason: 'not_allowed',
      });
      await excludeStudents(exclusions, chair, target(['Y1']), personal, now);
      expect(await undoExclusions(exclusions, who, target(['Y1']))).toEqual({
        kind: 'refused',
        reason: 'not_allowed',
      });

      expect((await exclusions.exclusionsOf('SN-MAT', spring)).map((e) => e.studentNumber)).toEqual(['Y1']);
      const refusals = (await auditActions()).filter((event) => event.action === 'exclusion.refused');
      expect(refusals).toEqual([
        { actor: who.actor, action: 'exclusion.refused', details: { attempt: 'exclude', students: 1 } },
        { actor: who.actor, action: 'exclusion.refused', details: { attempt: 'undo', students: 1 } },
      ]);
    },
  );

  it('says what is wrong with the input, by field, and stores nothing', async () => {
    const problems = async (numbers: string[], reason: string | null, note: string | null) => {
      const outcome = await excludeStudents(exclusions, chair, target(numbers), { reason, note }, now);
      return outcome.kind === 'invalid' ? outcome.problems : outcome;
    };

    expect(await problems([], null, null)).toEqual({ students: 'no_students', reason: 'reason_missing' });
    expect(await problems(['R1', 'NOPE'], 'holiday', null)).toEqual({
      students: 'not_in_list',
      reason: 'reason_unknown',
    });
    expect(await problems(['G1'], 'other', '  ')).toEqual({ students: 'not_at_risk', note: 'note_required' });
    // Her side-subject board decides about her, not her home board.
    expect(await problems(['S1'], 'other', 'x'.repeat(501))).toEqual({
      students: 'not_followed_here',
      note: 'note_too_long',
    });
    expect(await problems(['R1'], 'other', 'see 010203-1234')).toEqual({ note: 'note_has_cpr' });
    expect(await exclusions.exclusionsOf('SN-MAT', spring)).toEqual([]);
    expect(await auditActions()).toEqual([]);
  });

  it('undo puts the student back until dispatch; after dispatch neither excluding nor undoing changes anything', async () => {
    await excludeStudents(exclusions, chair, target(['R1', 'Y1']), personal, now);

    expect(await undoExclusions(exclusions, chair, target(['R1']))).toEqual({ kind: 'undone', removed: 1 });
    await database.prisma.identificationCycle.updateMany({ data: { status: 'dispatched' } });
    expect(await undoExclusions(exclusions, chair, target(['Y1']))).toEqual({
      kind: 'refused',
      reason: 'dispatched',
    });
    expect(await excludeStudents(exclusions, chair, target(['R1']), personal, now)).toEqual({
      kind: 'refused',
      reason: 'dispatched',
    });

    expect((await exclusions.exclusionsOf('SN-MAT', spring)).map((e) => e.studentNumber)).toEqual(['Y1']);
  });

  it('a re-import of the draft keeps the exclusions, and says which no longer match a student at risk in the new file', async () => {
    await excludeStudents(exclusions, chair, target(['R1', 'Y1']), personal, now);

    // Yrsa caught up (green now); Rikke is still red.
    await importExport(
      firstExport.map((row) => (row.studentId === 'Y1' ? { ...row, ectsPassed: 58 } : row)),
      'spring-corrected.csv',
    );

    const matched = await matchExclusions(exclusions, 'SN-MAT', spring);
    expect(
      matched.map(({ exclusion, now: current }) => [exclusion.studentNumber, current?.category ?? null]),
    ).toEqual([
      ['R1', 'red'],
      ['Y1', null],
    ]);
  });
});
