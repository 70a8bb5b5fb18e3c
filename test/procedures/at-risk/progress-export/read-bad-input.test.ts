import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/i18n/translator.js';
import {
  describeProblem,
  type ExportProblem,
  ProgressExportError,
} from '../../../../src/procedures/at-risk/progress-export/export-problem.js';
import type { ProblemReason } from '../../../../src/procedures/at-risk/progress-export/problem-reason.js';
import {
  danishColumnAliases,
  progressColumns,
  requiredColumns,
} from '../../../../src/procedures/at-risk/progress-export/progress-row.js';
import { readProgressExport } from '../../../../src/procedures/at-risk/progress-export/read-progress-export.js';
import {
  danishExcelNotation,
  encodeWindows1252,
  progressExportCsv,
  progressExportCsvText,
} from '../../../support/progress-export-builder.js';
import { problemsOf, rejectionOf } from './rejection.js';

const header = progressColumns.join(',');
const validRow = (studentId: string) =>
  `${studentId},,Ida Holm,ida@example.dk,KA-HIS,Historie,SN-HIS,ordinary,active,2023-09-01,60,45,2025-01-24,,da`;

/** A problem as the parser reports it: where, and why as data (the reader's catalogue words it). */
const problem = (line: number | null, column: string | null, reason: ProblemReason): ExportProblem => ({
  line,
  column,
  reason,
});
const fileProblem = (reason: ProblemReason) => problem(null, null, reason);

// The accepted words of each list, as the spec gives them.
const enrolmentTypeWords = {
  english: ['ordinary', 'single-subject', 'guest', 'exchange'],
  danish: ['ordinær', 'enkeltfag', 'gæst', 'udveksling'],
};
const statusWords = { english: ['active', 'leave'], danish: ['aktiv', 'orlov'] };
const teachingLanguageWords = { english: ['da', 'en'], danish: [] };

describe('a file that cannot be used is rejected as a whole', () => {
  it('the rejection is a coded ProgressExportError whose message names the file and lists the problems', async () => {
    const bytes = progressExportCsv([{}, { rawCells: { ects_passed: 'fifteen' } }]);

    const rejection = readProgressExport(bytes, { fileName: 'stads.csv' });

    await expect(rejection).rejects.toBeInstanceOf(ProgressExportError);
    await expect(rejection).rejects.toMatchObject({
      code: 'progress_export.invalid',
      fileName: 'stads.csv',
      message: 'stads.csv cannot be used:\nline 3, column ects_passed: "fifteen" is not a number',
    });
  });

  it('every bad row is reported, not just the first, and the message lists the first twenty', async () => {
    const rows = Array.from({ length: 25 }, () => ({ rawCells: { ects_passed: 'fifteen' } }));

    const rejection = readProgressExport(progressExportCsv(rows), { fileName: 'stads.csv' });

    const error = await rejection.catch((caught: unknown) => caught);
    if (!(error instanceof ProgressExportError)) throw new Error('expected a ProgressExportError');
    expect(error.problems).toHaveLength(25);
    expect(error.problems.at(-1)).toEqual(
      problem(26, 'ects_passed', { code: 'not_a_number', text: 'fifteen' }),
    );
    expect(error.message.split('\n').at(-1)).toBe('… and 5 more');
  });

  it('problems name the column as its header is written in the file', async () => {
    const bytes = progressExportCsv([{ rawCells: { ects_passed: 'femten', enrolment_type: 'fuldtid' } }], {
      notation: danishExcelNotation,
    });

    expect(await problemsOf(bytes)).toEqual([
      problem(2, 'Indskrivningstype', {
        code: 'not_in_list',
        text: 'fuldtid',
        list: 'enrolment_type',
        accepted: enrolmentTypeWords,
      }),
      problem(2, 'Beståede ECTS', { code: 'not_a_number', text: 'femten' }),
    ]);
  });

  it('in English the problems read as they always have, for the command line and the logs', async () => {
    const bytes = progressExportCsv([
      { email: 'nobody', rawCells: { status: 'x', ects_expected: 'y', last_passed_on: '2025-13-01' } },
    ]);

    expect(await rejectionOf(bytes)).toEqual([
      'line 2, column email: "nobody" is not an e-mail address',
      'line 2, column status: "x" is not a status (active, leave or aktiv, orlov)',
      'line 2, column ects_expected: "y" is not a number',
      'line 2, column last_passed_on: "2025-13-01" is not a date (use YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY or DD/MM/YYYY)',
    ]);
  });

  it('a reader’s catalogue words the same problems in their language', async () => {
    const bytes = progressExportCsv([{ rawCells: { ects_passed: 'femten', enrolment_type: 'fuldtid' } }], {
      notation: danishExcelNotation,
    });

    const problems = await problemsOf(bytes);

    expect(problems.map((each) => translator('da').t.progressImport.problem(each))).toEqual([
      'linje 2, kolonne Indskrivningstype: »fuldtid« er ikke en indskrivningstype (ordinær, enkeltfag, gæst, udveksling eller ordinary, single-subject, guest, exchange)',
      'linje 2, kolonne Beståede ECTS: »femten« er ikke et tal',
    ]);
  });
});

describe('file-level problems', () => {
  it.each([
    ['no bytes at all', Buffer.alloc(0)],
    ['only spaces and line ends', Buffer.from('  \r\n\n \t\n')],
    ['only a UTF-8 byte order mark', Buffer.from([0xef, 0xbb, 0xbf])],
    ['a byte order mark and line ends', Buffer.from([0xef, 0xbb, 0xbf, 0x0d, 0x0a])],
    ["only Excel's sep= line", Buffer.from('sep=;\r\n')],
  ])('a file with %s is empty', async (_, bytes) => {
    expect(await problemsOf(bytes)).toEqual([fileProblem({ code: 'file_empty' })]);
  });

  it('a header with a single column names the delimiters the spec accepts', async () => {
    expect(await problemsOf('student_id\tname\temail\nS1\tIda\tida@example.dk\n')).toEqual([
      problem(1, null, { code: 'single_column_header', delimiters: [',', ';'] }),
    ]);
  });

  it.each([
    ['a letter', 'Kære sekretariat,\nHer er forårets tal, som aftalt.\nMed venlig hilsen, Ida\n'],
    ['a bank statement', 'Dato;Tekst;Beløb;Saldo\n01-04-2025;Husleje;-6500,00;1200,00\n'],
    ['a file with only optional columns', 'CPR,Undervisningssprog,Fakultet\n010203-1234,da,HUM\n'],
  ])(
    '%s, whose first line names none of the required columns, is not an export: one problem',
    async (_, text) => {
      expect(await problemsOf(text)).toEqual([
        fileProblem({
          code: 'not_a_progress_export',
          columns: [...requiredColumns],
          danishNames: [...requiredColumns].map((column) => danishColumnAliases[column]),
        }),
      ]);
    },
  );

  it('a file that is not an export says so and names the columns an export has', async () => {
    expect(await rejectionOf('Adresse,Telefon\nVej 1,12345678\n')).toEqual([
      'this is not a study-progress export: its header names none of the columns an export must have' +
        ' (student_id, name, email, programme_code, programme_name, board_code, enrolment_type, status,' +
        ' enrolled_on, ects_expected, ects_passed, last_passed_on; in Danish Studienummer, Navn, …)',
    ]);
  });

  it('a header that names one required column is an export with the others missing', async () => {
    expect(await problemsOf('student_id,Adresse\nS1,Vej 1\n')).toHaveLength(requiredColumns.size - 1);
  });

  it('every missing required column is named with its Danish alias', async () => {
    const columns = progressColumns.filter(
      (column) => !['email', 'ects_expected', 'ects_passed', 'national_id'].includes(column),
    );

    expect(await problemsOf(progressExportCsv([{}], { columns }))).toEqual([
      problem(1, 'email', { code: 'missing_column', column: 'email', danishName: 'Email' }),
      problem(1, 'ects_expected', {
        code: 'missing_column',
        column: 'ects_expected',
        danishName: 'Forventede ECTS',
      }),
      problem(1, 'ects_passed', {
        code: 'missing_column',
        column: 'ects_passed',
        danishName: 'Beståede ECTS',
      }),
    ]);
  });

  it('a column given twice, in English and in Danish, is named by both headers', async () => {
    const text = `${header},Studienummer,NAME\n${validRow('S1')},S1,Ida\n`;

    expect(await problemsOf(text)).toEqual([
      problem(1, null, {
        code: 'duplicate_column',
        column: 'student_id',
        first: 'student_id',
        second: 'Studienummer',
      }),
      problem(1, null, { code: 'duplicate_column', column: 'name', first: 'name', second: 'NAME' }),
    ]);
  });

  it('a UTF-16 file is refused with the way out', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}\n`, 'utf16le')]);

    expect(await problemsOf(utf16)).toEqual([fileProblem({ code: 'utf16' })]);
  });

  it('a file that claims UTF-8 by its byte order mark but is not UTF-8 is refused', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      encodeWindows1252(`${header}\nS1,,Søren\n`),
    ]);

    expect(await problemsOf(bytes)).toEqual([fileProblem({ code: 'invalid_utf8_after_bom' })]);
  });

  it('an Excel 97-2003 workbook is refused with the way out', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

    expect(await problemsOf(xls, { fileName: 'export.xls' })).toEqual([
      fileProblem({ code: 'old_excel_workbook' }),
    ]);
  });

  it('a ZIP file that is not a workbook is refused as an unreadable XLSX file', async () => {
    const problems = await problemsOf(Buffer.from('PK\x03\x04 this is not a zip archive'), {
      fileName: 'export.xlsx',
    });

    expect(problems).toEqual([fileProblem({ code: 'unreadable_xlsx', detail: expect.any(String) })]);
    expect(problems.map(describeProblem)).toEqual([
      expect.stringMatching(
        /^the file looks like an XLSX workbook but cannot be read \(.+\); open it in Excel and save it again$/,
      ),
    ]);
  });
});

describe('CSV structure problems', () => {
  it('a row with more or fewer fields than the header is named with both counts', async () => {
    const text = [
      header,
      validRow('S1'),
      `${validRow('S2')},extra`,
      validRow('S3').replace(',da', ''),
      '',
    ].join('\n');

    expect(await problemsOf(text)).toEqual([
      problem(3, null, { code: 'field_count', fields: 16, headerFields: 15 }),
      problem(4, null, { code: 'field_count', fields: 14, headerFields: 15 }),
    ]);
  });

  it('an unterminated quote is reported on the line where the quoted field starts', async () => {
    const text = [
      header,
      validRow('S1'),
      validRow('S2').replace('Ida Holm', '"Ida Holm'),
      validRow('S3'),
      '',
    ].join('\n');

    expect(await problemsOf(text)).toEqual([problem(3, null, { code: 'unclosed_quote' })]);
  });

  it('an unterminated quote after a multi-line field is located on its own line, not the record start', async () => {
    const text = [
      header,
      validRow('S1').replace('Ida Holm', '"Ida\nHolm"').replace('Historie', '"Historie'),
      validRow('S2'),
    ].join('\n');

    expect(await problemsOf(text)).toEqual([problem(3, null, { code: 'unclosed_quote' })]);
  });

  it('the rows before an unterminated quote are still checked', async () => {
    const text = [
      header,
      validRow('S1').replace(',60,', ',sixty,'),
      validRow('S2').replace('Ida Holm', '"Ida Holm'),
    ].join('\n');

    expect(await problemsOf(text)).toEqual([
      problem(2, 'ects_expected', { code: 'not_a_number', text: 'sixty' }),
      problem(3, null, { code: 'unclosed_quote' }),
    ]);
  });

  it('text after a closing quote is reported with the hint to double inner quotes', async () => {
    const text = [header, validRow('S1').replace('Ida Holm', '"Ida "Iddy" Holm"'), ''].join('\n');

    expect(await problemsOf(text)).toEqual([problem(2, null, { code: 'text_after_closing_quote' })]);
  });
});

describe('cell problems', () => {
  it('ECTS values that are not numbers, are negative or are empty are named with the value', async () => {
    const bytes = progressExportCsv([
      { rawCells: { ects_passed: 'fifteen' } },
      { rawCells: { ects_expected: '-3', ects_passed: '' } },
      { rawCells: { ects_expected: '1,000.5', ects_passed: '.5' } },
      { rawCells: { ects_expected: '7.5.1', ects_passed: '30 ECTS' } },
    ]);

    expect(await problemsOf(bytes)).toEqual([
      problem(2, 'ects_passed', { code: 'not_a_number', text: 'fifteen' }),
      problem(3, 'ects_expected', { code: 'negative', text: '-3' }),
      problem(3, 'ects_passed', { code: 'empty_cell' }),
      problem(4, 'ects_expected', { code: 'not_a_number', text: '1,000.5' }),
      problem(4, 'ects_passed', { code: 'not_a_number', text: '.5' }),
      problem(5, 'ects_expected', { code: 'not_a_number', text: '7.5.1' }),
      problem(5, 'ects_passed', { code: 'not_a_number', text: '30 ECTS' }),
    ]);
  });

  it('a file mixing decimal commas and decimal points names each value with the minority mark', async () => {
    const bytes = progressExportCsv(
      [
        { ectsExpected: 7.5, ectsPassed: 2.5 },
        { rawCells: { ects_passed: '7.5' } },
        { ectsExpected: 12.5 },
        { rawCells: { ects_expected: '22.5' } },
      ],
      { notation: danishExcelNotation },
    );

    expect(await problemsOf(bytes)).toEqual([
      problem(3, 'Beståede ECTS', { code: 'other_decimal_mark', text: '7.5', mark: '.' }),
      problem(5, 'Forventede ECTS', { code: 'other_decimal_mark', text: '22.5', mark: '.' }),
    ]);
  });

  it('when decimal commas and points are equally common, the mark seen first is the file’s', async () => {
    const text = progressExportCsvText([
      { rawCells: { ects_passed: '7.5' } },
      { rawCells: { ects_passed: '2,5' } },
    ]);

    expect(await problemsOf(text)).toEqual([
      problem(3, 'ects_passed', { code: 'other_decimal_mark', text: '2,5', mark: ',' }),
    ]);
  });

  it('unknown enrolment types, statuses and teaching languages list the accepted words', async () => {
    const bytes = progressExportCsv([
      { rawCells: { enrolment_type: 'foo', status: 'graduated', teaching_language: 'fr' } },
      { rawCells: { enrolment_type: '', status: '' } },
    ]);

    expect(await problemsOf(bytes)).toEqual([
      problem(2, 'enrolment_type', {
        code: 'not_in_list',
        text: 'foo',
        list: 'enrolment_type',
        accepted: enrolmentTypeWords,
      }),
      problem(2, 'status', { code: 'not_in_list', text: 'graduated', list: 'status', accepted: statusWords }),
      problem(2, 'teaching_language', {
        code: 'not_in_list',
        text: 'fr',
        list: 'teaching_language',
        accepted: teachingLanguageWords,
      }),
      problem(3, 'enrolment_type', { code: 'empty_cell' }),
      problem(3, 'status', { code: 'empty_cell' }),
    ]);
  });

  it('impossible dates and unknown date notations name the accepted notations; enrolled_on must be filled', async () => {
    const bytes = progressExportCsv([
      { rawCells: { enrolled_on: '31-02-2025', last_passed_on: '2025/01/24' } },
      { rawCells: { enrolled_on: '', last_passed_on: '29.02.2025' } },
      { rawCells: { enrolled_on: '01-13-2025', last_passed_on: '24 January 2025' } },
    ]);
    const notADate = (text: string) => ({ code: 'not_a_date', text }) as const;

    expect(await problemsOf(bytes)).toEqual([
      problem(2, 'enrolled_on', notADate('31-02-2025')),
      problem(2, 'last_passed_on', notADate('2025/01/24')),
      problem(3, 'enrolled_on', { code: 'empty_cell' }),
      problem(3, 'last_passed_on', notADate('29.02.2025')),
      problem(4, 'enrolled_on', notADate('01-13-2025')),
      problem(4, 'last_passed_on', notADate('24 January 2025')),
    ]);
  });

  it('a student id that appears again is reported at the later line with the first one', async () => {
    const bytes = progressExportCsv([
      { studentId: 'S123' },
      { studentId: 'S200' },
      { studentId: 'S123' },
      { studentId: ' S123 ' },
    ]);

    expect(await problemsOf(bytes)).toEqual([
      problem(4, 'student_id', { code: 'duplicate_student', studentId: 'S123', firstLine: 2 }),
      problem(5, 'student_id', { code: 'duplicate_student', studentId: 'S123', firstLine: 2 }),
    ]);
  });

  it('required text cells must not be empty', async () => {
    const bytes = progressExportCsv([
      { rawCells: { student_id: ' ', name: '', programme_code: '', programme_name: '', board_code: '' } },
    ]);

    expect(await problemsOf(bytes)).toEqual(
      ['student_id', 'name', 'programme_code', 'programme_name', 'board_code'].map((column) =>
        problem(2, column, { code: 'empty_cell' }),
      ),
    );
  });

  it('an e-mail cell must hold one @ with something on each side and no spaces', async () => {
    const bytes = progressExportCsv([
      { email: 'ida.holm' },
      { email: 'ida@holm@example.dk' },
      { email: '@example.dk' },
      { email: 'ida holm@example.dk' },
    ]);

    expect(await problemsOf(bytes)).toEqual([
      problem(2, 'email', { code: 'not_an_email', text: 'ida.holm' }),
      problem(3, 'email', { code: 'not_an_email', text: 'ida@holm@example.dk' }),
      problem(4, 'email', { code: 'not_an_email', text: '@example.dk' }),
      problem(5, 'email', { code: 'not_an_email', text: 'ida holm@example.dk' }),
    ]);
  });

  it('a bad CPR number is reported without ever repeating its digits', async () => {
    const badCprNumbers = [
      '320190-1234',
      '3002901234',
      '0113901234',
      '010190-123',
      '01019O-1234',
      '010190 1234',
    ];
    const bytes = progressExportCsv(
      badCprNumbers.map((nationalId) => ({ nationalId })),
      { notation: danishExcelNotation },
    );

    const rejection = await readProgressExport(bytes, { fileName: 'stads.csv' }).catch(
      (caught: unknown) => caught,
    );

    if (!(rejection instanceof ProgressExportError)) throw new Error('expected a ProgressExportError');
    expect(rejection.problems).toEqual(
      badCprNumbers.map((_, index) => problem(index + 2, 'CPR', { code: 'not_a_cpr' })),
    );
    expect(rejection.problems.map(describeProblem)).toEqual(
      badCprNumbers.map(
        (_, index) => `line ${index + 2}, column CPR: not a CPR number (DDMMYY-XXXX or DDMMYYXXXX)`,
      ),
    );
    const danish = rejection.problems.map((each) => translator('da').t.progressImport.problem(each));
    expect(danish[0]).toBe(
      'linje 2, kolonne CPR: værdien er ikke et CPR-nummer (DDMMÅÅ-XXXX eller DDMMÅÅXXXX)',
    );
    for (const cpr of badCprNumbers) {
      for (const digits of [cpr, cpr.replace(/\D/g, '')]) {
        expect(rejection.message).not.toContain(digits);
        expect(JSON.stringify(rejection.problems)).not.toContain(digits);
        expect(danish.join('\n')).not.toContain(digits);
      }
    }
  });

  it('a row with several problems reports each of them, in column order', async () => {
    const bytes = progressExportCsv([
      { email: 'nobody', rawCells: { status: 'x', ects_expected: 'y', last_passed_on: '2025-13-01' } },
    ]);

    expect(await problemsOf(bytes)).toEqual([
      problem(2, 'email', { code: 'not_an_email', text: 'nobody' }),
      problem(2, 'status', { code: 'not_in_list', text: 'x', list: 'status', accepted: statusWords }),
      problem(2, 'ects_expected', { code: 'not_a_number', text: 'y' }),
      problem(2, 'last_passed_on', { code: 'not_a_date', text: '2025-13-01' }),
    ]);
  });

  it('problems of rows after a quoted multi-line field carry the rows’ own file lines', async () => {
    const text = [
      header,
      validRow('S1').replace('Ida Holm', '"Ida\nHolm"'),
      validRow('S2').replace(',45,', ',many,'),
      '',
    ].join('\n');

    expect(await problemsOf(text)).toEqual([
      problem(4, 'ects_passed', { code: 'not_a_number', text: 'many' }),
    ]);
  });
});
