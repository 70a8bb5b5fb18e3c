import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultIdentificationRules } from '../../../src/procedures/at-risk/identification-rules.js';
import {
  type ImportRequest,
  importIdentification,
} from '../../../src/procedures/at-risk/import-identification.js';
import {
  describeProblem,
  ProgressExportError,
} from '../../../src/procedures/at-risk/progress-export/export-problem.js';
import { rowBatchSize } from '../../../src/procedures/at-risk/progress-export/export-rows.js';
import { readProgressExport } from '../../../src/procedures/at-risk/progress-export/read-progress-export.js';
import { createCprCipher } from '../../../src/security/cpr-cipher.js';
import type { Database } from '../../../src/storage/database.js';
import { mirrorInstitution } from '../../../src/storage/institution-mirror.js';
import { PrismaIdentificationStorage } from '../../../src/storage/prisma-identification-storage.js';
import { anInstitutionConfig } from '../../support/institution-config-builder.js';
import {
  danishExcelNotation,
  type ProgressRowInput,
  progressExportCsv,
  utf8EnglishNotation,
} from '../../support/progress-export-builder.js';
import { dateOf } from '../../support/progress-row-builder.js';
import { openTestDatabase, testDatabaseEngine } from '../../support/test-database.js';

const config = anInstitutionConfig(['SN-HIS', 'SN-DAT', 'SN-MAT']);
const cipher = createCprCipher(randomBytes(32));
const spring = dateOf('2026-04-06');
const autumn = dateOf('2025-10-06');

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

// Active students: a module passed this winter, so never blue unless a test says so.
const active = { lastPassedOn: '2026-01-20' };
const green = (input: ProgressRowInput = {}): ProgressRowInput => ({
  ...active,
  ectsExpected: 60,
  ectsPassed: 60,
  ...input,
});
const yellow = (input: ProgressRowInput = {}): ProgressRowInput => ({
  ...active,
  ectsExpected: 60,
  ectsPassed: 50,
  ...input,
});
const red = (input: ProgressRowInput = {}): ProgressRowInput => ({
  ...active,
  ectsExpected: 60,
  ectsPassed: 30,
  ...input,
});

async function exportOf(
  rows: readonly ProgressRowInput[],
  fileName = 'export.csv',
  notation = utf8EnglishNotation,
) {
  const withIds = rows.map((row, index) => ({ studentId: `S${100001 + index}`, ...row }));
  return readProgressExport(progressExportCsv(withIds, { notation }), { fileName });
}

async function importRows(
  rows: readonly ProgressRowInput[],
  overrides: Partial<ImportRequest> & { fileName?: string } = {},
) {
  const { fileName, ...request } = overrides;
  return importIdentification(storage, {
    progressExport: await exportOf(rows, fileName),
    asOf: spring,
    rules: defaultIdentificationRules,
    knownBoards: new Set(config.boards.map((board) => board.code)),
    actor: 'test',
    cipher,
    ...request,
  });
}

async function storedCounts() {
  const [students, results, cycles] = await Promise.all([
    database.prisma.student.count(),
    database.prisma.studentResult.count(),
    database.prisma.identificationCycle.count(),
  ]);
  return { students, results, cycles };
}

describe(`importing an export (${testDatabaseEngine()})`, () => {
  it('stores one draft cycle per study board with its counts, for the period of the reference date', async () => {
    const report = await importRows([
      green({ boardCode: 'SN-HIS' }),
      yellow({ boardCode: 'SN-HIS' }),
      red({ boardCode: 'SN-HIS' }),
      green({ boardCode: 'SN-DAT', status: 'leave' }),
    ]);
    expect(report.period).toEqual({ term: 'spring', year: 2026 });
    expect(report.boards.map((board) => [board.boardCode, board.outcome])).toEqual([
      ['SN-DAT', 'created'],
      ['SN-HIS', 'created'],
    ]);
    const cycles = await storage.listCycles({});
    expect(
      cycles.map((cycle) => [cycle.boardCode, cycle.term, cycle.year, cycle.status, cycle.referenceDate]),
    ).toEqual([
      ['SN-DAT', 'spring', 2026, 'draft', '2026-04-06'],
      ['SN-HIS', 'spring', 2026, 'draft', '2026-04-06'],
    ]);
    expect(cycles[1]?.counts).toEqual({ green: 1, yellow: 1, red: 1, blue: 0, out_of_scope: 0 });
    expect(cycles[0]?.counts.out_of_scope).toBe(1);
    expect(await storedCounts()).toEqual({ students: 4, results: 4, cycles: 2 });
  });

  it('re-importing the same file for the same period changes nothing: same cycle, no duplicate rows', async () => {
    const rows = [green(), red()];
    const first = await importRows(rows);
    const before = await storedCounts();
    const again = await importRows(rows);
    expect(again.boards.map((board) => board.outcome)).toEqual(['unchanged']);
    expect(again.boards[0]?.cycleId).toBe(first.boards[0]?.cycleId);
    expect(await storedCounts()).toEqual(before);
    expect(await database.prisma.auditEvent.count()).toBe(1);
  });

  it('a new file for the same period replaces the draft cycle', async () => {
    const first = await importRows([green(), red()]);
    const second = await importRows([green(), yellow(), yellow()], { fileName: 'corrected.csv' });
    expect(second.boards[0]).toMatchObject({ outcome: 'replaced', cycleId: first.boards[0]?.cycleId });
    const [cycle] = await storage.listCycles({});
    expect(cycle).toMatchObject({ importCount: 2, sourceFileName: 'corrected.csv' });
    expect(cycle?.counts).toMatchObject({ green: 1, yellow: 2, red: 0 });
    expect((await storedCounts()).results).toBe(3);
  });

  it('once mails are sent for a cycle, a new file for that period is refused and nothing is stored', async () => {
    await importRows([green({ name: 'Original Name' }), red()]);
    await database.prisma.identificationCycle.updateMany({
      data: { status: 'dispatched', mailsSentAt: new Date() },
    });
    const before = await storedCounts();
    await expect(importRows([green({ name: 'Changed Name' }), yellow()])).rejects.toMatchObject({
      code: 'import.cycle_locked',
      message: expect.stringContaining('study board SN-HIS: the spring 2026 identification is dispatched'),
    });
    expect(await storedCounts()).toEqual(before);
    expect(
      (await database.prisma.student.findFirstOrThrow({ where: { studentNumber: 'S100001' } })).name,
    ).toBe('Original Name');
  });

  it('a board code the configuration does not know rejects the file with its line and column, storing nothing', async () => {
    const error = await importRows([
      green(),
      green({ boardCode: 'SN-XYZ' }),
      green({ sideSubjectBoard: 'SN-ABC' }),
    ]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProgressExportError);
    expect((error as ProgressExportError).code).toBe('import.unknown_board');
    const known = ['SN-DAT', 'SN-HIS', 'SN-MAT'];
    expect((error as ProgressExportError).problems.map((problem) => problem.reason)).toEqual([
      { code: 'unknown_board', board: 'SN-XYZ', known },
      { code: 'unknown_board', board: 'SN-ABC', known },
    ]);
    expect((error as ProgressExportError).problems.map(describeProblem)).toEqual([
      'line 3, column board_code: "SN-XYZ" is not a study board in the configuration (known: SN-DAT, SN-HIS, SN-MAT)',
      'line 4, column side_subject_board: "SN-ABC" is not a study board in the configuration (known: SN-DAT, SN-HIS, SN-MAT)',
    ]);
    expect(await storedCounts()).toEqual({ students: 0, results: 0, cycles: 0 });
  });

  it('a file of several batches whose last row names an unknown board stores nothing of the batches before', async () => {
    const rows = Array.from({ length: rowBatchSize * 2 }, () => green());
    rows.push(green({ boardCode: 'SN-XYZ' }));

    const error = await importRows(rows).catch((caught: unknown) => caught);

    expect((error as ProgressExportError).problems.map((problem) => problem.line)).toEqual([rows.length + 1]);
    expect(await storedCounts()).toEqual({ students: 0, results: 0, cycles: 0 });
  });

  it('names with tabs, backslashes and line breaks are stored exactly as the file writes them', async () => {
    const name = 'Anna\tMaria \\N\nMøller \\';
    await importRows([green({ name })]);

    expect(await storage.reviewList((await storage.listCycles({}))[0]?.id ?? '')).toMatchObject([{ name }]);
  });

  it('in a Danish file the unknown board is named by the file’s own header', async () => {
    const progressExport = await exportOf([green({ boardCode: 'SN-XYZ' })], 'forår.csv', danishExcelNotation);
    const error = await importRows([], { progressExport }).catch((caught: unknown) => caught);
    expect((error as ProgressExportError).problems.map(describeProblem)).toEqual([
      'line 2, column Studienævn: "SN-XYZ" is not a study board in the configuration (known: SN-DAT, SN-HIS, SN-MAT)',
    ]);
  });

  it('CPR numbers are stored encrypted: the raw column holds no digits of them, and the key opens them', async () => {
    await importRows([green({ nationalId: '010190-1234' })]);
    const [raw] = await database.prisma.$queryRaw<
      { student_number: string; cpr: Uint8Array; text: string }[]
    >`
      SELECT student_number, cpr_encrypted AS cpr, encode(cpr_encrypted, 'escape') AS text FROM student`;
    expect(raw?.text).not.toContain('0101901234');
    expect(raw?.text).not.toContain('010190');
    expect(cipher.decrypt(raw!.cpr, raw!.student_number)).toBe('0101901234');
  });

  it('an export with CPR numbers and no key configured is refused, storing nothing', async () => {
    await expect(importRows([green({ nationalId: '010190-1234' })], { cipher: null })).rejects.toMatchObject({
      code: 'import.cpr_key_missing',
    });
    expect(await storedCounts()).toEqual({ students: 0, results: 0, cycles: 0 });
  });

  it('each cycle knows the previous one: change per category, students newly red and students who left red', async () => {
    await importRows(
      [
        red({ studentId: 'S1' }),
        red({ studentId: 'S2' }),
        green({ studentId: 'S3' }),
        green({ studentId: 'S4' }),
      ],
      { asOf: autumn, fileName: 'autumn.csv' },
    );
    const report = await importRows(
      [
        red({ studentId: 'S1' }),
        yellow({ studentId: 'S2' }),
        red({ studentId: 'S3' }),
        red({ studentId: 'S5' }),
      ],
      { fileName: 'spring.csv' },
    );
    const { comparison } = report.boards[0]!;
    expect(comparison.previous).toMatchObject({ term: 'autumn', year: 2025 });
    expect(comparison.change).toEqual({ green: -2, yellow: 1, red: 1, blue: 0 });
    expect(comparison.newlyRed).toEqual(['S3', 'S5']);
    expect(comparison.leftRed).toEqual(['S2']);
  });

  it('importing an earlier period afterwards slots it in as the later cycle’s previous one', async () => {
    await importRows([red({ studentId: 'S1' })], { fileName: 'spring.csv' });
    await importRows([green({ studentId: 'S1' })], { asOf: autumn, fileName: 'autumn.csv' });
    const [springCycle] = (await storage.listCycles({ boardCode: 'SN-HIS' })).filter(
      (cycle) => cycle.term === 'spring',
    );
    const comparison = await storage.compareWithPrevious(springCycle!.id);
    expect(comparison.previous).toMatchObject({ term: 'autumn', year: 2025 });
    expect(comparison.newlyRed).toEqual(['S1']);
  });

  it('a side-subject student is stored with the home board as forwarded and with the side-subject board for review', async () => {
    await importRows([red({ boardCode: 'SN-HIS', sideSubjectBoard: 'SN-MAT' })]);
    const results = await database.prisma.studentResult.findMany({
      include: { cycle: true },
      orderBy: { routing: 'asc' },
    });
    expect(results.map((result) => [result.cycle.boardCode, result.routing, result.category])).toEqual([
      ['SN-HIS', 'forwarded_out', 'red'],
      ['SN-MAT', 'forwarded_in', 'red'],
    ]);
    const cycles = await storage.listCycles({});
    expect(
      cycles.map((cycle) => [cycle.boardCode, cycle.counts.red, cycle.forwardedOut, cycle.forwardedIn]),
    ).toEqual([
      ['SN-HIS', 1, 1, 0],
      ['SN-MAT', 0, 0, 1],
    ]);
  });

  it('per-board exports do not wipe each other: a side-subject board keeps the students another board forwarded to it', async () => {
    // SN-HIS's own export forwards one student to SN-MAT …
    await importRows([red({ studentId: 'H1', boardCode: 'SN-HIS', sideSubjectBoard: 'SN-MAT' })], {
      fileName: 'sn-his.csv',
    });
    // … then SN-MAT's own export arrives, and later a corrected SN-MAT export.
    await importRows([yellow({ studentId: 'M1', boardCode: 'SN-MAT' })], { fileName: 'sn-mat.csv' });
    await importRows([green({ studentId: 'M1', boardCode: 'SN-MAT' })], { fileName: 'sn-mat-corrected.csv' });
    const [mat] = await storage.listCycles({ boardCode: 'SN-MAT' });
    expect(mat).toMatchObject({ sourceFileName: 'sn-mat-corrected.csv', forwardedIn: 1, importCount: 3 });
    expect(mat?.counts).toMatchObject({ green: 1, yellow: 0, red: 0 });
    const rows = await database.prisma.studentResult.findMany({
      where: { cycleId: mat?.id },
      select: { routing: true, student: { select: { studentNumber: true } } },
      orderBy: { routing: 'asc' },
    });
    expect(rows.map((row) => [row.student.studentNumber, row.routing])).toEqual([
      ['M1', 'own'],
      ['H1', 'forwarded_in'],
    ]);
  });

  it('the Danish Excel variant imports exactly like the UTF-8 variant of the same data', async () => {
    const samples: ProgressRowInput[] = [
      green({ name: 'Søren Ærø', ectsExpected: 67.5, ectsPassed: 62.5 }),
      yellow({ boardCode: 'SN-DAT', status: 'leave' }),
      red({ sideSubjectBoard: 'SN-MAT', lastPassedOn: null, enrolledOn: '2025-09-01' }),
      {
        enrolledOn: '2022-09-01',
        lastPassedOn: '2024-12-01',
        ectsExpected: 120,
        ectsPassed: 45,
        enrolmentType: 'guest',
      },
      { enrolledOn: '2022-09-01', lastPassedOn: '2024-12-01', ectsExpected: 120, ectsPassed: 45 },
    ];
    const rows = samples.map((row, index) => ({ studentId: `S${index + 1}`, ...row }));
    const snapshot = async () =>
      database.prisma.studentResult.findMany({
        select: {
          cycle: { select: { boardCode: true } },
          student: { select: { studentNumber: true, name: true, email: true } },
          routing: true,
          category: true,
          ectsBehind: true,
          delayMonths: true,
          enrolmentStatus: true,
          enrolmentType: true,
          enrolledOn: true,
          lastPassedOn: true,
        },
        orderBy: [{ student: { studentNumber: 'asc' } }, { routing: 'asc' }],
      });
    const fromExport = (notation: typeof utf8EnglishNotation) =>
      readProgressExport(progressExportCsv(rows, { notation }), { fileName: 'export.csv' });
    const base = {
      rules: defaultIdentificationRules,
      knownBoards: new Set(['SN-HIS', 'SN-DAT', 'SN-MAT']),
      actor: 'test',
      cipher,
      asOf: spring,
    };

    await importIdentification(storage, { ...base, progressExport: await fromExport(utf8EnglishNotation) });
    const utf8 = await snapshot();
    await database.prisma
      .$executeRaw`TRUNCATE student_result, identification_cycle, student, audit_event CASCADE`;
    await importIdentification(storage, { ...base, progressExport: await fromExport(danishExcelNotation) });
    const danish = await snapshot();

    expect(danish).toEqual(utf8);
    expect(utf8.map((result) => result.category)).toEqual([
      'green',
      'out_of_scope',
      'red',
      'red',
      'out_of_scope',
      'blue',
    ]);
  });
});
