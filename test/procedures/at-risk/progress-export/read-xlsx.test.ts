import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { describeProblem } from '../../../../src/procedures/at-risk/progress-export/export-problem.js';
import { progressColumns } from '../../../../src/procedures/at-risk/progress-export/progress-row.js';
import {
  danishExcelNotation,
  expectedProgressRows,
  type ProgressRowInput,
  progressExportCsv,
  progressExportXlsx,
  sampleProgressRows,
} from '../../../support/progress-export-builder.js';
import { problemsOf, read, rejectionOf } from './rejection.js';

const students: readonly ProgressRowInput[] = [
  {
    studentId: 'S1001',
    nationalId: '010203-1234',
    name: 'Søren Ærø',
    email: 'soren@student.example.dk',
    programmeName: 'Økonomi',
    ectsExpected: 97.5,
    ectsPassed: 82.5,
    sideSubjectBoard: 'SN-HIS',
    teachingLanguage: 'en',
  },
  { studentId: 'S1002', email: null, enrolmentType: 'guest', status: 'leave', lastPassedOn: null },
  { studentId: 'S1003', enrolmentType: 'exchange', enrolledOn: '2024-02-29', ectsPassed: 0 },
];

/** A first sheet written cell by cell: for the cells the builder's typed rows never produce. */
function workbook(rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>): Promise<Buffer> {
  return writeExcelFile(rows.map((row) => [...row])).toBuffer();
}

const header = [...progressColumns];
const cellsOf = (
  overrides: Partial<Record<(typeof progressColumns)[number], string | number | boolean | null>>,
) =>
  progressColumns.map(
    (column) =>
      overrides[column] ??
      {
        student_id: 'S1',
        national_id: null,
        name: 'Ida Holm',
        email: 'ida@example.dk',
        programme_code: 'KA-HIS',
        programme_name: 'Historie',
        board_code: 'SN-HIS',
        enrolment_type: 'ordinary',
        status: 'active',
        enrolled_on: '2023-09-01',
        ects_expected: 60,
        ects_passed: 45,
        last_passed_on: '2025-01-24',
        side_subject_board: null,
        teaching_language: 'da',
      }[column],
  );

describe('reading XLSX exports', () => {
  it('an XLSX workbook gives the same rows as the CSV of the same data', async () => {
    const fromCsv = await read(progressExportCsv(students));

    const fromXlsx = await read(await progressExportXlsx(students), { fileName: 'stads.xlsx' });

    expect(fromXlsx.rows).toEqual(fromCsv.rows);
    expect(fromXlsx.rows).toEqual(expectedProgressRows(students));
  });

  it('an XLSX workbook with Danish headers and values gives the same rows as the Danish Excel CSV', async () => {
    const fromCsv = await read(progressExportCsv(students, { notation: danishExcelNotation }));

    const fromXlsx = await read(await progressExportXlsx(students, { language: 'danish' }));

    expect(fromXlsx.rows).toEqual(fromCsv.rows);
  });

  it('a thousand varied rows read the same from XLSX as from both CSV flavours', async () => {
    const rows = sampleProgressRows(1000);

    const [xlsx, utf8, danish] = await Promise.all([
      read(await progressExportXlsx(rows)),
      read(progressExportCsv(rows)),
      read(progressExportCsv(rows, { notation: danishExcelNotation })),
    ]);

    expect(xlsx.rows).toEqual(expectedProgressRows(rows));
    expect(utf8.rows).toEqual(xlsx.rows);
    expect(danish.rows).toEqual(xlsx.rows);
  });

  it('an XLSX export reports no encoding, delimiter or decimal mark, and is recognised whatever its name', async () => {
    const result = await read(await progressExportXlsx(students), { fileName: 'eksport.csv' });

    expect(result).toMatchObject({
      fileName: 'eksport.csv',
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      decimalMark: null,
    });
  });

  it('dates that reach the sheet as serial numbers (not formatted as dates) are read in the 1900 date system', async () => {
    const bytes = await workbook([header, cellsOf({ enrolled_on: 45748, last_passed_on: 45351 })]);

    const result = await read(bytes);

    expect(result.rows[0]).toMatchObject({ enrolledOn: '2025-04-01', lastPassedOn: '2024-02-29' });
  });

  it('text cells go through the same parsing as CSV text: Danish dates, decimal commas and Danish words', async () => {
    const bytes = await workbook([
      header,
      cellsOf({
        enrolled_on: '1.9.2023',
        last_passed_on: '24-01-2025',
        ects_expected: '7,5',
        ects_passed: '2,5',
        enrolment_type: 'Gæst',
        status: 'orlov',
      }),
    ]);

    const result = await read(bytes);

    expect(result.rows[0]).toMatchObject({
      enrolledOn: '2023-09-01',
      lastPassedOn: '2025-01-24',
      ectsExpected: 7.5,
      ectsPassed: 2.5,
      enrolmentType: 'guest',
      status: 'leave',
    });
  });

  it('a student id or CPR number typed as a number reads as its digits, the CPR keeping its leading zero', async () => {
    const bytes = await workbook([header, cellsOf({ student_id: 20231234, national_id: 101901234 })]);

    const result = await read(bytes);

    expect(result.rows[0]).toMatchObject({ studentId: '20231234', nationalId: '0101901234' });
  });

  it('empty rows in the sheet are skipped and lines are sheet row numbers', async () => {
    const bytes = await workbook([header, cellsOf({ student_id: 'S1' }), [], cellsOf({ student_id: 'S2' })]);

    const result = await read(bytes);

    expect(result.rows.map((row) => [row.line, row.studentId])).toEqual([
      [2, 'S1'],
      [4, 'S2'],
    ]);
  });

  it('a header row without data rows is an export with no rows', async () => {
    const result = await read(await progressExportXlsx([]));

    expect(result.rows).toEqual([]);
  });
});

describe('bad XLSX exports', () => {
  it('bad cells are reported by sheet row number and header as written', async () => {
    const bytes = await workbook([
      ['Studienummer', ...header.slice(1)],
      cellsOf({}),
      cellsOf({ student_id: 'S2', ects_passed: 'fifteen' }),
      cellsOf({ student_id: 'S3', ects_expected: -3, enrolled_on: '31-02-2025', status: true }),
      cellsOf({ student_id: 'S1', enrolled_on: 0.5 }),
    ]);

    expect(await problemsOf(bytes, { fileName: 'stads.xlsx' })).toEqual([
      { line: 3, column: 'ects_passed', reason: { code: 'not_a_number', text: 'fifteen' } },
      {
        line: 4,
        column: 'status',
        reason: {
          code: 'not_in_list',
          text: 'true',
          list: 'status',
          accepted: { english: ['active', 'leave'], danish: ['aktiv', 'orlov'] },
        },
      },
      { line: 4, column: 'enrolled_on', reason: { code: 'not_a_date', text: '31-02-2025' } },
      { line: 4, column: 'ects_expected', reason: { code: 'negative', text: '-3' } },
      {
        line: 5,
        column: 'Studienummer',
        reason: { code: 'duplicate_student', studentId: 'S1', firstLine: 2 },
      },
      { line: 5, column: 'enrolled_on', reason: { code: 'not_a_date', text: '0.5' } },
    ]);
  });

  it('a workbook missing required columns names them', async () => {
    const columns = progressColumns.filter((column) => column !== 'board_code');

    expect(await rejectionOf(await progressExportXlsx(students, { columns }))).toEqual([
      'line 1, column board_code: missing required column "board_code" (Danish: "Studienævn")',
    ]);
  });

  it('a workbook with an empty first sheet is an empty file', async () => {
    expect(await problemsOf(await workbook([[]]), { fileName: 'tom.xlsx' })).toEqual([
      { line: null, column: null, reason: { code: 'file_empty' } },
    ]);
  });

  it('a CPR number cell that is not a CPR number is reported without its digits', async () => {
    const bytes = await workbook([header, cellsOf({ national_id: 3213901234 })]);

    const problems = await problemsOf(bytes);

    expect(problems).toEqual([{ line: 2, column: 'national_id', reason: { code: 'not_a_cpr' } }]);
    expect(problems.map(describeProblem)).toEqual([
      'line 2, column national_id: not a CPR number (DDMMYY-XXXX or DDMMYYXXXX)',
    ]);
    expect(JSON.stringify(problems)).not.toContain('3213901234');
  });
});
