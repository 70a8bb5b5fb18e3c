import { describe, expect, it } from 'vitest';
import {
  describeProblem,
  ProgressExportError,
} from '../../../../src/procedures/at-risk/progress-export/export-problem.js';
import { progressColumns } from '../../../../src/procedures/at-risk/progress-export/progress-row.js';
import { readProgressExport } from '../../../../src/procedures/at-risk/progress-export/read-progress-export.js';
import {
  danishExcelNotation,
  encodeWindows1252,
  progressExportCsv,
  progressExportCsvText,
} from '../../../support/progress-export-builder.js';
import { rejectionOf } from './rejection.js';

const header = progressColumns.join(',');
const validRow = (studentId: string) =>
  `${studentId},,Ida Holm,ida@example.dk,KA-HIS,Historie,SN-HIS,ordinary,active,2023-09-01,60,45,2025-01-24,,da`;

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
    expect(error.problems.at(-1)).toEqual({
      line: 26,
      column: 'ects_passed',
      message: '"fifteen" is not a number',
    });
    expect(error.message.split('\n').at(-1)).toBe('… and 5 more');
  });

  it('problems name the column as its header is written in the file', async () => {
    const bytes = progressExportCsv([{ rawCells: { ects_passed: 'femten', enrolment_type: 'fuldtid' } }], {
      notation: danishExcelNotation,
    });

    expect(await rejectionOf(bytes)).toEqual([
      'line 2, column Indskrivningstype: "fuldtid" is not an enrolment type (ordinary, single-subject, guest, exchange or ordinær, enkeltfag, gæst, udveksling)',
      'line 2, column Beståede ECTS: "femten" is not a number',
    ]);
  });
});

describe('file-level problems', () => {
  it.each([
    ['no bytes at all', Buffer.alloc(0)],
    ['only spaces and line ends', Buffer.from('  \r\n\n \t\n')],
    ['only a UTF-8 byte order mark', Buffer.from([0xef, 0xbb, 0xbf])],
    ['a byte order mark and line ends', Buffer.from([0xef, 0xbb, 0xbf, 0x0d, 0x0a])],
  ])('a file with %s is empty', async (_, bytes) => {
    expect(await rejectionOf(bytes)).toEqual(['the file is empty']);
  });

  it('a header with a single column names the delimiters the spec accepts', async () => {
    expect(await rejectionOf('student_id\tname\temail\nS1\tIda\tida@example.dk\n')).toEqual([
      'line 1: the header has a single column; columns must be separated by "," or ";"',
    ]);
  });

  it('every missing required column is named with its Danish alias', async () => {
    const columns = progressColumns.filter(
      (column) => !['email', 'ects_expected', 'ects_passed', 'national_id'].includes(column),
    );

    expect(await rejectionOf(progressExportCsv([{}], { columns }))).toEqual([
      'line 1, column email: missing required column "email" (Danish: "Email")',
      'line 1, column ects_expected: missing required column "ects_expected" (Danish: "Forventede ECTS")',
      'line 1, column ects_passed: missing required column "ects_passed" (Danish: "Beståede ECTS")',
    ]);
  });

  it('a column given twice, in English and in Danish, is named by both headers', async () => {
    const text = `${header},Studienummer,NAME\n${validRow('S1')},S1,Ida\n`;

    expect(await rejectionOf(text)).toEqual([
      'line 1: columns "student_id" and "Studienummer" both mean student_id; keep only one of them',
      'line 1: columns "name" and "NAME" both mean name; keep only one of them',
    ]);
  });

  it('a UTF-16 file is refused with the way out', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}\n`, 'utf16le')]);

    expect(await rejectionOf(utf16)).toEqual([
      'the file is UTF-16 text, which is not supported; save it as "CSV UTF-8" or XLSX',
    ]);
  });

  it('a file that claims UTF-8 by its byte order mark but is not UTF-8 is refused', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      encodeWindows1252(`${header}\nS1,,Søren\n`),
    ]);

    expect(await rejectionOf(bytes)).toEqual([
      'the file starts with a UTF-8 byte order mark but is not valid UTF-8; save it again as "CSV UTF-8"',
    ]);
  });

  it('an Excel 97-2003 workbook is refused with the way out', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

    expect(await rejectionOf(xls, { fileName: 'export.xls' })).toEqual([
      'the file is an old Excel 97-2003 workbook (.xls); save it as XLSX or CSV',
    ]);
  });

  it('a ZIP file that is not a workbook is refused as an unreadable XLSX file', async () => {
    const problems = await rejectionOf(Buffer.from('PK\x03\x04 this is not a zip archive'), {
      fileName: 'export.xlsx',
    });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^the file looks like an XLSX workbook but cannot be read.*; open it in Excel and save it again$/,
    );
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

    expect(await rejectionOf(text)).toEqual([
      'line 3: has 16 fields, the header has 15',
      'line 4: has 14 fields, the header has 15',
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

    expect(await rejectionOf(text)).toEqual([
      'line 3: a quoted field starts on this line but its closing quote is missing',
    ]);
  });

  it('an unterminated quote after a multi-line field is located on its own line, not the record start', async () => {
    const text = [
      header,
      validRow('S1').replace('Ida Holm', '"Ida\nHolm"').replace('Historie', '"Historie'),
      validRow('S2'),
    ].join('\n');

    expect(await rejectionOf(text)).toEqual([
      'line 3: a quoted field starts on this line but its closing quote is missing',
    ]);
  });

  it('the rows before an unterminated quote are still checked', async () => {
    const text = [
      header,
      validRow('S1').replace(',60,', ',sixty,'),
      validRow('S2').replace('Ida Holm', '"Ida Holm'),
    ].join('\n');

    expect(await rejectionOf(text)).toEqual([
      'line 2, column ects_expected: "sixty" is not a number',
      'line 3: a quoted field starts on this line but its closing quote is missing',
    ]);
  });

  it('text after a closing quote is reported with the hint to double inner quotes', async () => {
    const text = [header, validRow('S1').replace('Ida Holm', '"Ida "Iddy" Holm"'), ''].join('\n');

    expect(await rejectionOf(text)).toEqual([
      'line 2: unexpected text after a closing quote (a quote inside a quoted field must be written twice: "")',
    ]);
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

    expect(await rejectionOf(bytes)).toEqual([
      'line 2, column ects_passed: "fifteen" is not a number',
      'line 3, column ects_expected: "-3" is negative',
      'line 3, column ects_passed: is empty',
      'line 4, column ects_expected: "1,000.5" is not a number',
      'line 4, column ects_passed: ".5" is not a number',
      'line 5, column ects_expected: "7.5.1" is not a number',
      'line 5, column ects_passed: "30 ECTS" is not a number',
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

    expect(await rejectionOf(bytes)).toEqual([
      'line 3, column Beståede ECTS: "7.5" uses a decimal point but this file uses decimal commas',
      'line 5, column Forventede ECTS: "22.5" uses a decimal point but this file uses decimal commas',
    ]);
  });

  it('when decimal commas and points are equally common, the mark seen first is the file’s', async () => {
    const text = progressExportCsvText([
      { rawCells: { ects_passed: '7.5' } },
      { rawCells: { ects_passed: '2,5' } },
    ]);

    expect(await rejectionOf(text)).toEqual([
      'line 3, column ects_passed: "2,5" uses a decimal comma but this file uses decimal points',
    ]);
  });

  it('unknown enrolment types, statuses and teaching languages list the accepted words', async () => {
    const bytes = progressExportCsv([
      { rawCells: { enrolment_type: 'foo', status: 'graduated', teaching_language: 'fr' } },
      { rawCells: { enrolment_type: '', status: '' } },
    ]);

    expect(await rejectionOf(bytes)).toEqual([
      'line 2, column enrolment_type: "foo" is not an enrolment type (ordinary, single-subject, guest, exchange or ordinær, enkeltfag, gæst, udveksling)',
      'line 2, column status: "graduated" is not a status (active, leave or aktiv, orlov)',
      'line 2, column teaching_language: "fr" is not a teaching language (da or en)',
      'line 3, column enrolment_type: is empty',
      'line 3, column status: is empty',
    ]);
  });

  it('impossible dates and unknown date notations name the accepted notations; enrolled_on must be filled', async () => {
    const bytes = progressExportCsv([
      { rawCells: { enrolled_on: '31-02-2025', last_passed_on: '2025/01/24' } },
      { rawCells: { enrolled_on: '', last_passed_on: '29.02.2025' } },
      { rawCells: { enrolled_on: '01-13-2025', last_passed_on: '24 January 2025' } },
    ]);
    const notations = '(use YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY or DD/MM/YYYY)';

    expect(await rejectionOf(bytes)).toEqual([
      `line 2, column enrolled_on: "31-02-2025" is not a date ${notations}`,
      `line 2, column last_passed_on: "2025/01/24" is not a date ${notations}`,
      'line 3, column enrolled_on: is empty',
      `line 3, column last_passed_on: "29.02.2025" is not a date ${notations}`,
      `line 4, column enrolled_on: "01-13-2025" is not a date ${notations}`,
      `line 4, column last_passed_on: "24 January 2025" is not a date ${notations}`,
    ]);
  });

  it('a student id that appears again is reported at the later line with the first one', async () => {
    const bytes = progressExportCsv([
      { studentId: 'S123' },
      { studentId: 'S200' },
      { studentId: 'S123' },
      { studentId: ' S123 ' },
    ]);

    expect(await rejectionOf(bytes)).toEqual([
      'line 4, column student_id: "S123" appears again (first on line 2)',
      'line 5, column student_id: "S123" appears again (first on line 2)',
    ]);
  });

  it('required text cells must not be empty', async () => {
    const bytes = progressExportCsv([
      { rawCells: { student_id: ' ', name: '', programme_code: '', programme_name: '', board_code: '' } },
    ]);

    expect(await rejectionOf(bytes)).toEqual([
      'line 2, column student_id: is empty',
      'line 2, column name: is empty',
      'line 2, column programme_code: is empty',
      'line 2, column programme_name: is empty',
      'line 2, column board_code: is empty',
    ]);
  });

  it('an e-mail cell must hold one @ with something on each side and no spaces', async () => {
    const bytes = progressExportCsv([
      { email: 'ida.holm' },
      { email: 'ida@holm@example.dk' },
      { email: '@example.dk' },
      { email: 'ida holm@example.dk' },
    ]);

    expect(await rejectionOf(bytes)).toEqual([
      'line 2, column email: "ida.holm" is not an e-mail address',
      'line 3, column email: "ida@holm@example.dk" is not an e-mail address',
      'line 4, column email: "@example.dk" is not an e-mail address',
      'line 5, column email: "ida holm@example.dk" is not an e-mail address',
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
    expect(rejection.problems.map(describeProblem)).toEqual(
      badCprNumbers.map(
        (_, index) => `line ${index + 2}, column CPR: not a CPR number (DDMMYY-XXXX or DDMMYYXXXX)`,
      ),
    );
    for (const cpr of badCprNumbers) {
      expect(rejection.message).not.toContain(cpr);
      expect(JSON.stringify(rejection.problems)).not.toContain(cpr);
    }
  });

  it('a row with several problems reports each of them, in column order', async () => {
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

  it('problems of rows after a quoted multi-line field carry the rows’ own file lines', async () => {
    const text = [
      header,
      validRow('S1').replace('Ida Holm', '"Ida\nHolm"'),
      validRow('S2').replace(',45,', ',many,'),
      '',
    ].join('\n');

    expect(await rejectionOf(text)).toEqual(['line 4, column ects_passed: "many" is not a number']);
  });
});
