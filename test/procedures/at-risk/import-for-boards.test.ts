import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultIdentificationRules } from '../../../src/procedures/at-risk/identification-rules.js';
import { importForBoards } from '../../../src/procedures/at-risk/import-for-boards.js';
import { CycleLockedError } from '../../../src/procedures/at-risk/import-identification.js';
import { readProgressExport } from '../../../src/procedures/at-risk/progress-export/read-progress-export.js';
import type { Database } from '../../../src/storage/database.js';
import { mirrorInstitution } from '../../../src/storage/institution-mirror.js';
import { PrismaIdentificationStorage } from '../../../src/storage/prisma-identification-storage.js';
import { anInstitutionConfig } from '../../support/institution-config-builder.js';
import { type ProgressRowInput, progressExportCsv } from '../../support/progress-export-builder.js';
import { dateOf } from '../../support/progress-row-builder.js';
import { openTestDatabase, testDatabaseEngine } from '../../support/test-database.js';

const config = anInstitutionConfig(['SN-HIS', 'SN-DAT', 'SN-MAT']);
const spring = { term: 'spring', year: 2026 } as const;

let database: Database;
let storage: PrismaIdentificationStorage;

beforeAll(async () => {
  database = await openTestDatabase();
  storage = new PrismaIdentificationStorage(database.prisma);
  await mirrorInstitution(database.prisma, config);
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.prisma
    .$executeRaw`TRUNCATE student_result, identification_cycle, student, audit_event CASCADE`;
});

const active = { lastPassedOn: '2026-01-20', ectsExpected: 60 };
const green = (input: ProgressRowInput): ProgressRowInput => ({ ...active, ectsPassed: 60, ...input });
const red = (input: ProgressRowInput): ProgressRowInput => ({ ...active, ectsPassed: 30, ...input });

/** The institution's whole export: every board's students in one file. */
const institutionExport: ProgressRowInput[] = [
  red({ studentId: 'H1', boardCode: 'SN-HIS', sideSubjectBoard: 'SN-MAT' }),
  green({ studentId: 'H2', boardCode: 'SN-HIS' }),
  green({ studentId: 'M1', boardCode: 'SN-MAT' }),
  green({ studentId: 'D1', boardCode: 'SN-DAT' }),
  red({ studentId: 'D2', boardCode: 'SN-DAT' }),
];

async function importFor(boardCodes: readonly string[], rows = institutionExport, fileName = 'spring.csv') {
  return importForBoards(storage, {
    progressExport: await readProgressExport(progressExportCsv(rows), { fileName }),
    boardCodes: new Set(boardCodes),
    asOf: dateOf('2026-04-06'),
    rules: defaultIdentificationRules,
    knownBoards: new Set(config.boards.map((board) => board.code)),
    actor: 'test',
    cipher: null,
  });
}

async function ownStudentsOf(boardCode: string): Promise<string[]> {
  const cycle = await storage.findCycle(boardCode, spring);
  if (!cycle) return [];
  const rows = await storage.reviewList(cycle.id);
  return rows
    .filter((row) => row.routing !== 'forwarded_in')
    .map((row) => row.studentNumber)
    .sort();
}

describe(`importing an export for some study boards (${testDatabaseEngine()})`, () => {
  it('stores the rows of every requested board in one go and leaves the other boards’ rows out, counted', async () => {
    const outcome = await importFor(['SN-HIS', 'SN-MAT']);

    expect(outcome).toMatchObject({
      kind: 'imported',
      boards: [
        { boardCode: 'SN-HIS', students: 2, outcome: 'created' },
        { boardCode: 'SN-MAT', students: 1, outcome: 'created' },
      ],
      absentBoardCodes: [],
      otherBoardRows: 2,
    });
    expect(await ownStudentsOf('SN-HIS')).toEqual(['H1', 'H2']);
    expect(await ownStudentsOf('SN-MAT')).toEqual(['M1']);
    expect(await storage.findCycle('SN-DAT', spring)).toBeNull();
    expect(await database.prisma.student.count({ where: { studentNumber: { in: ['D1', 'D2'] } } })).toBe(0);
  });

  it('a requested board the file has no rows for is named, and its cycle is left as it was', async () => {
    await importFor(['SN-DAT'], institutionExport, 'dat-only.csv');
    const before = await storage.findCycle('SN-DAT', spring);

    const outcome = await importFor(['SN-HIS', 'SN-DAT'], [green({ studentId: 'H9', boardCode: 'SN-HIS' })]);

    expect(outcome).toMatchObject({ kind: 'imported', absentBoardCodes: ['SN-DAT'], otherBoardRows: 0 });
    expect(await storage.findCycle('SN-DAT', spring)).toEqual(before);
  });

  it('a file without a row of any requested board stores nothing', async () => {
    const outcome = await importFor(['SN-HIS', 'SN-MAT'], [green({ boardCode: 'SN-DAT' })]);

    expect(outcome).toEqual({ kind: 'no_rows_for_boards', otherBoardRows: 1 });
    expect(await database.prisma.identificationCycle.count()).toBe(0);
    expect(await database.prisma.student.count()).toBe(0);
  });

  it('when one requested board’s mails were sent, nothing is stored for any board, and the error names that board', async () => {
    await importFor(['SN-MAT'], [green({ studentId: 'M1', boardCode: 'SN-MAT' })], 'mat-first.csv');
    await database.prisma.identificationCycle.updateMany({
      where: { boardCode: 'SN-MAT' },
      data: { status: 'dispatched', mailsSentAt: new Date() },
    });

    const error = await importFor(['SN-HIS', 'SN-MAT'], institutionExport, 'corrected.csv').catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(CycleLockedError);
    expect(error).toMatchObject({ code: 'import.cycle_locked', boardCode: 'SN-MAT', period: spring });
    expect(await storage.findCycle('SN-HIS', spring)).toBeNull();
    expect(await storage.findCycle('SN-MAT', spring)).toMatchObject({ sourceFileName: 'mat-first.csv' });
  });

  it('the same file imported for one board and then for another stores the second board’s own students', async () => {
    // SN-HIS's import creates SN-MAT's cycle for the student it forwards there …
    await importFor(['SN-HIS']);
    expect(await ownStudentsOf('SN-MAT')).toEqual([]);

    // … which must not make the same file, imported for SN-MAT, look already imported.
    const outcome = await importFor(['SN-MAT']);

    expect(outcome).toMatchObject({ boards: [{ boardCode: 'SN-MAT', outcome: 'replaced' }] });
    expect(await ownStudentsOf('SN-MAT')).toEqual(['M1']);
  });

  it('the same file imported again for the same boards changes nothing', async () => {
    await importFor(['SN-HIS', 'SN-MAT']);

    const again = await importFor(['SN-HIS', 'SN-MAT']);

    expect(again).toMatchObject({
      boards: [
        { boardCode: 'SN-HIS', outcome: 'unchanged' },
        { boardCode: 'SN-MAT', outcome: 'unchanged' },
      ],
    });
  });

  it('a file of the requested boards only is keyed by its own hash, as the command line and the import folder key it', async () => {
    const ownBoardsOnly = institutionExport.filter((row) => row.boardCode !== 'SN-DAT');
    const outcome = await importFor(['SN-HIS', 'SN-MAT'], ownBoardsOnly);
    const progressExport = await readProgressExport(progressExportCsv(ownBoardsOnly), {
      fileName: 'spring.csv',
    });

    expect(outcome).toMatchObject({ otherBoardRows: 0 });
    expect(await storage.findCycle('SN-HIS', spring)).toMatchObject({
      sourceFileHash: progressExport.sha256,
    });
  });
});
