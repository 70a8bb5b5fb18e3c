import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { progressColumns } from '../../../../src/procedures/at-risk/progress-export/progress-row.js';
import {
  type DateNotation,
  danishExcelNotation,
  expectedProgressRows,
  type ProgressRowInput,
  progressExportCsv,
  progressExportCsvText,
  utf8EnglishNotation,
} from '../../../support/progress-export-builder.js';
import { read, rejectionOf } from './rejection.js';

const students: readonly ProgressRowInput[] = [
  {
    studentId: 'S1001',
    nationalId: '010203-1234',
    name: 'Søren Ærø Åkesson',
    email: 'soren@student.example.dk',
    programmeCode: 'KA-ØKO',
    programmeName: 'Økonomi',
    boardCode: 'SN-ØKO',
    enrolmentType: 'ordinary',
    status: 'active',
    enrolledOn: '2023-09-01',
    ectsExpected: 97.5,
    ectsPassed: 82.5,
    lastPassedOn: '2025-01-24',
    sideSubjectBoard: 'SN-HIS',
    teachingLanguage: 'en',
  },
  {
    studentId: 'S1002',
    name: 'Hélène Møller',
    email: null,
    enrolmentType: 'single-subject',
    status: 'leave',
    ectsExpected: 30,
    ectsPassed: 0,
    lastPassedOn: null,
  },
  { studentId: 'S1003', enrolmentType: 'guest' },
  { studentId: 'S1004', enrolmentType: 'exchange', enrolledOn: '2024-02-29' },
];

describe('reading CSV exports in every accepted notation', () => {
  it('a UTF-8 file with English headers, commas, decimal points and ISO dates reads every column', async () => {
    const bytes = progressExportCsv(students);

    const result = await read(bytes, { fileName: 'stads-2025-04.csv' });

    expect(result).toEqual({
      fileName: 'stads-2025-04.csv',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      decimalMark: '.',
      columnLabels: Object.fromEntries(progressColumns.map((column) => [column, column])),
      rows: expectedProgressRows(students),
    });
    expect(result.rows[0]).toMatchObject({
      nationalId: '0102031234',
      ectsExpected: 97.5,
      sideSubjectBoard: 'SN-HIS',
    });
  });

  it('a Windows-1252 file with decimal commas and Danish headers reads the same rows as the UTF-8 file', async () => {
    const utf8 = await read(progressExportCsv(students));

    const danish = await read(progressExportCsv(students, { notation: danishExcelNotation }));

    expect(danish).toMatchObject({ encoding: 'windows-1252', delimiter: ';', decimalMark: ',' });
    expect(danish.rows).toEqual(utf8.rows);
    expect(danish.rows[0]?.name).toBe('Søren Ærø Åkesson');
  });

  it('a UTF-8 file saved by Excel with a BOM reads as UTF-8 and the BOM is not part of the first header', async () => {
    const bytes = progressExportCsv(students, {
      notation: { ...danishExcelNotation, encoding: 'utf-8', bom: true },
    });

    const result = await read(bytes);

    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(result.encoding).toBe('utf-8');
    expect(result.rows).toEqual(expectedProgressRows(students));
  });

  it('a UTF-8 file with only ASCII text is reported as UTF-8', async () => {
    const result = await read(progressExportCsv([{ name: 'Ann Berg' }]));

    expect(result.encoding).toBe('utf-8');
  });

  it('CRLF line ends and a last line without a line end read the same rows as LF', async () => {
    const lf = progressExportCsvText(students);
    const crlfWithoutFinalLineEnd = lf.replaceAll('\n', '\r\n').replace(/\r\n$/, '');

    const result = await read(crlfWithoutFinalLineEnd);

    expect(result.rows).toEqual(expectedProgressRows(students));
  });

  it("CR-only line ends (Excel for Mac's Macintosh CSV) read the same rows as LF, on the same lines", async () => {
    const crOnly = progressExportCsv(students, { notation: { ...danishExcelNotation, lineEnd: '\r' } });

    const result = await read(crOnly);

    expect(crOnly.includes('\n')).toBe(false);
    expect(result.rows).toEqual(expectedProgressRows(students));
  });

  it.each([
    ['sep=;', danishExcelNotation, ';'],
    ['"sep=;"', danishExcelNotation, ';'],
    ['sep=,', utf8EnglishNotation, ','],
  ] as const)(
    "Excel's first line %s sets the delimiter and the header is the next line",
    async (hint, notation, delimiter) => {
      const text = `${hint}${notation.lineEnd}${progressExportCsvText(students, { notation })}`;

      const result = await read(text);

      expect(result.delimiter).toBe(delimiter);
      expect(result.rows.map((row) => row.line)).toEqual([3, 4, 5, 6]);
      expect(result.rows).toEqual(
        expectedProgressRows(students).map((row) => ({ ...row, line: row.line + 1 })),
      );
    },
  );

  it("Excel's sep= line after a byte order mark names the delimiter, also a tab", async () => {
    const semicolons = progressExportCsvText(students, { notation: danishExcelNotation });
    const tabs = semicolons.replaceAll(';', '\t');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`sep=\t\r\n${tabs}`, 'utf8')]);

    const result = await read(bytes);

    expect(result).toMatchObject({ encoding: 'utf-8', delimiter: '\t', decimalMark: ',' });
    expect(result.rows.map((row) => row.studentId)).toEqual(['S1001', 'S1002', 'S1003', 'S1004']);
  });

  it("after Excel's sep= line, problems are located on the file's own lines", async () => {
    const text = `sep=;\n${progressExportCsvText([{}, { rawCells: { ects_passed: 'femten' } }], {
      notation: { ...danishExcelNotation, lineEnd: '\n' },
    })}`;

    expect(await rejectionOf(text)).toEqual(['line 4, column Beståede ECTS: "femten" is not a number']);
  });

  it.each<DateNotation>(['YYYY-MM-DD', 'DD-MM-YYYY', 'DD.MM.YYYY', 'DD/MM/YYYY'])(
    'dates written as %s read as the same calendar dates',
    async (dateNotation) => {
      const bytes = progressExportCsv(students, { notation: { ...utf8EnglishNotation, dateNotation } });

      const result = await read(bytes);

      expect(result.rows).toEqual(expectedProgressRows(students));
    },
  );

  it.each([
    ['1.4.2025', '2025-04-01'],
    ['1-4-2025', '2025-04-01'],
    ['1/4/2025', '2025-04-01'],
    ['2025-4-1', '2025-04-01'],
    ['31.12.2024', '2024-12-31'],
    ['29-02-2024', '2024-02-29'],
  ])('a date written %s without leading zeros or in any notation reads as %s', async (written, date) => {
    const result = await read(
      progressExportCsv([{ rawCells: { enrolled_on: written, last_passed_on: written } }]),
    );

    expect(result.rows[0]).toMatchObject({ enrolledOn: date, lastPassedOn: date });
  });

  it('Danish enrolment types and statuses map to the canonical values, whatever their case and spacing', async () => {
    const rows: ProgressRowInput[] = [
      { rawCells: { enrolment_type: 'ordinær', status: 'aktiv' } },
      { rawCells: { enrolment_type: 'Enkeltfag', status: 'Orlov' } },
      { rawCells: { enrolment_type: ' GÆST ', status: 'AKTIV' } },
      { rawCells: { enrolment_type: 'udveksling', status: ' orlov' } },
      { rawCells: { enrolment_type: 'Single-Subject', status: 'LEAVE' } },
    ];

    const result = await read(progressExportCsv(rows, { notation: danishExcelNotation }));

    expect(result.rows.map((row) => [row.enrolmentType, row.status])).toEqual([
      ['ordinary', 'active'],
      ['single-subject', 'leave'],
      ['guest', 'active'],
      ['exchange', 'leave'],
      ['single-subject', 'leave'],
    ]);
  });

  it('headers match case-insensitively and ignoring surrounding spaces, in English or Danish', async () => {
    const headers = {
      student_id: ' STUDENT_ID ',
      name: 'navn',
      email: 'EMAIL',
      board_code: '  studienævn',
      ects_passed: 'BESTÅEDE ECTS ',
      last_passed_on: 'Seneste Beståede Modul',
    };

    const result = await read(progressExportCsv(students, { headers }));

    expect(result.rows).toEqual(expectedProgressRows(students));
  });

  it("a deployment's configured column aliases name columns as well", async () => {
    const bytes = progressExportCsv(students, {
      headers: { student_id: 'Matrikelnummer', ects_passed: 'ECTS bestået' },
    });

    const result = await read(bytes, {
      fileName: 'ladok.csv',
      columnAliases: { student_id: ['Matrikelnummer'], ects_passed: ['ects bestået', 'Poäng klarade'] },
    });

    expect(result.rows).toEqual(expectedProgressRows(students));
  });

  it('columns the spec does not know are ignored', async () => {
    const text = progressExportCsvText(students);
    const withExtraColumns = text
      .split('\n')
      .map((line, index) => (line === '' ? line : `${index === 0 ? 'Fakultet' : 'HUM'},${line},${index}`))
      .join('\n');

    const result = await read(withExtraColumns);

    expect(result.rows).toEqual(expectedProgressRows(students));
  });

  it('without the optional columns a student has no CPR number, no side subject and Danish teaching', async () => {
    const columns = progressColumns.filter(
      (column) => !['national_id', 'side_subject_board', 'teaching_language'].includes(column),
    );

    const result = await read(progressExportCsv(students, { columns }));

    expect(result.rows.map((row) => [row.nationalId, row.sideSubjectBoard, row.teachingLanguage])).toEqual([
      [null, null, 'da'],
      [null, null, 'da'],
      [null, null, 'da'],
      [null, null, 'da'],
    ]);
  });

  it('an empty e-mail marks the student "no e-mail", an empty last-passed date means never passed', async () => {
    const result = await read(
      progressExportCsv([{ email: null, lastPassedOn: null, teachingLanguage: 'da' }]),
    );

    expect(result.rows[0]).toMatchObject({ email: null, lastPassedOn: null });
  });

  it('an empty teaching language is Danish and the language words are case-insensitive', async () => {
    const rows: ProgressRowInput[] = [
      { rawCells: { teaching_language: '' } },
      { rawCells: { teaching_language: 'EN' } },
      { rawCells: { teaching_language: ' Da ' } },
    ];

    const result = await read(progressExportCsv(rows));

    expect(result.rows.map((row) => row.teachingLanguage)).toEqual(['da', 'en', 'da']);
  });

  it('a CPR number with or without the dash is kept as ten digits', async () => {
    const result = await read(
      progressExportCsv([{ nationalId: '290292-1234' }, { nationalId: '3112991234' }, { nationalId: null }]),
    );

    expect(result.rows.map((row) => row.nationalId)).toEqual(['2902921234', '3112991234', null]);
  });

  it('ECTS values may carry a plus sign and surrounding spaces, and keep their decimals as numbers', async () => {
    const rows: ProgressRowInput[] = [
      { rawCells: { ects_expected: ' +15 ', ects_passed: '7.5' } },
      { rawCells: { ects_expected: '0', ects_passed: '0.25' } },
    ];

    const result = await read(progressExportCsv(rows));

    expect(result.rows.map((row) => [row.ectsExpected, row.ectsPassed])).toEqual([
      [15, 7.5],
      [0, 0.25],
    ]);
  });

  it('a decimal comma in a quoted field of a comma-separated file makes it a decimal-comma file', async () => {
    const result = await read(
      progressExportCsv([{ ectsExpected: 7.5, ectsPassed: 2.5 }, {}], {
        notation: { ...utf8EnglishNotation, decimalMark: ',' },
      }),
    );

    expect(result).toMatchObject({ delimiter: ',', decimalMark: ',' });
    expect(result.rows.map((row) => [row.ectsExpected, row.ectsPassed])).toEqual([
      [7.5, 2.5],
      [60, 60],
    ]);
  });

  it('text cells are trimmed', async () => {
    const result = await read(
      progressExportCsv([
        { studentId: ' S9 ', name: '  Ida Holm ', email: ' ida@example.dk ', sideSubjectBoard: ' SN-X ' },
      ]),
    );

    expect(result.rows[0]).toMatchObject({
      studentId: 'S9',
      name: 'Ida Holm',
      email: 'ida@example.dk',
      sideSubjectBoard: 'SN-X',
    });
  });

  it('a header without data rows is an export with no rows', async () => {
    const result = await read(progressExportCsv([], { notation: danishExcelNotation }));

    expect(result).toMatchObject({ format: 'csv', delimiter: ';', rows: [] });
  });
});

describe('quoted fields and line numbers', () => {
  const header = progressColumns.join(',');
  const row = (studentId: string, name: string, programmeName = 'Historie') =>
    `${studentId},,${name},,KA-HIS,${programmeName},SN-HIS,ordinary,active,2023-09-01,60,45,2025-01-24,,da`;

  it('quoted fields keep their commas, doubled quotes and line breaks, and later rows keep their file lines', async () => {
    const text = [
      header,
      row('S1', '"Hansen, Søren"'),
      row('S2', '"Bo ""Bobby"" Berg"'),
      row('S3', '"Anna\nMaria\r\nMøller"'),
      row('S4', 'Ida', '"Dansk; sprog"'),
      '',
    ].join('\n');

    const result = await read(text);

    expect(
      result.rows.map((entry) => [entry.line, entry.studentId, entry.name, entry.programmeName]),
    ).toEqual([
      [2, 'S1', 'Hansen, Søren', 'Historie'],
      [3, 'S2', 'Bo "Bobby" Berg', 'Historie'],
      [4, 'S3', 'Anna\nMaria\r\nMøller', 'Historie'],
      [7, 'S4', 'Ida', 'Dansk; sprog'],
    ]);
  });

  it('in a semicolon file a quoted semicolon is text and the header decides the delimiter', async () => {
    const text = [
      progressColumns.map((column) => `"${column}"`).join(';'),
      'S1;;"Berg; Ida";;KA-HIS;"Historie, ny ordning";SN-HIS;ordinær;aktiv;01-09-2023;"7,5";0;;;da',
    ].join('\r\n');

    const result = await read(text);

    expect(result).toMatchObject({ delimiter: ';', decimalMark: ',' });
    expect(result.rows[0]).toMatchObject({
      name: 'Berg; Ida',
      programmeName: 'Historie, ny ordning',
      ectsExpected: 7.5,
    });
  });

  it('an empty quoted field is an empty cell, and a quoted last field may end the file', async () => {
    const text = `${header}\nS1,"",Ida,"",KA-HIS,Historie,SN-HIS,ordinary,active,2023-09-01,60,45,"","","da"`;

    const result = await read(text);

    expect(result.rows[0]).toMatchObject({
      nationalId: null,
      email: null,
      lastPassedOn: null,
      teachingLanguage: 'da',
    });
  });

  it('a quote inside an unquoted field is plain text', async () => {
    const result = await read(`${header}\n${row('S1', 'Ida "Iddy" Holm')}\n`);

    expect(result.rows[0]?.name).toBe('Ida "Iddy" Holm');
  });

  it('blank lines are skipped but still counted, and trailing line ends are not rows', async () => {
    const text = `${header}\r\n\r\n${row('S1', 'Ida')}\r\n\r\n\r\n${row('S2', 'Bo')}\r\n\r\n\r\n`;

    const result = await read(text);

    expect(result.rows.map((entry) => [entry.line, entry.studentId])).toEqual([
      [3, 'S1'],
      [6, 'S2'],
    ]);
  });

  it("a row of empty cells, Excel's trace of a formatted but empty row, is skipped", async () => {
    const text = `${header}\n${row('S1', 'Ida')}\n${','.repeat(14)}\n${row('S2', 'Bo')}\n`;

    const result = await read(text);

    expect(result.rows.map((entry) => entry.line)).toEqual([2, 4]);
  });
});
