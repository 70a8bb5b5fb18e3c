/**
 * Study-progress exports as the registers and Excel write them, built from
 * typed rows: CSV in any accepted notation (UTF-8/English/comma or the Danish
 * Excel flavour: Windows-1252, `;`, decimal comma, DD-MM-YYYY, Danish headers
 * and values, CRLF) and XLSX. Shared by the parser tests, the traffic-light
 * tests and the benchmark.
 */
import writeExcelFile from 'write-excel-file/node';
import {
  danishColumnAliases,
  danishEnrolmentStatusNames,
  danishEnrolmentTypeNames,
  type EnrolmentStatus,
  type EnrolmentType,
  type ProgressColumn,
  type ProgressRow,
  progressColumns,
  type TeachingLanguage,
} from '../../src/procedures/at-risk/progress-export/progress-row.js';
import { parseIsoDate } from '../../src/shared/calendar-date.js';

/** One student enrolment as a test describes it; anything left out gets a sensible default. */
export interface ProgressRowInput {
  readonly studentId?: string;
  /** A CPR number as written in the file (`DDMMYY-XXXX` or `DDMMYYXXXX`); null = empty cell. */
  readonly nationalId?: string | null;
  readonly name?: string;
  readonly email?: string | null;
  readonly programmeCode?: string;
  readonly programmeName?: string;
  readonly boardCode?: string;
  readonly enrolmentType?: EnrolmentType;
  readonly status?: EnrolmentStatus;
  /** `YYYY-MM-DD`; written in the notation's date format. */
  readonly enrolledOn?: string;
  readonly ectsExpected?: number;
  readonly ectsPassed?: number;
  /** `YYYY-MM-DD`; null = never passed (empty cell). */
  readonly lastPassedOn?: string | null;
  readonly sideSubjectBoard?: string | null;
  readonly teachingLanguage?: TeachingLanguage;
  /**
   * Exact cell text that replaces the typed value in CSV and XLSX alike, for
   * files a typed row cannot express (`{ ects_passed: 'fifteen' }`).
   */
  readonly rawCells?: Partial<Record<ProgressColumn, string>>;
}

export type CompleteProgressRowInput = Required<Omit<ProgressRowInput, 'rawCells'>> &
  Pick<ProgressRowInput, 'rawCells'>;

/** The defaults of row number `index` (0-based); student ids and e-mails differ per index. */
export function progressRowInput(input: ProgressRowInput = {}, index = 0): CompleteProgressRowInput {
  const number = 100001 + index;
  return {
    studentId: `S${number}`,
    nationalId: null,
    name: `Student ${index + 1}`,
    email: `s${number}@student.example.dk`,
    programmeCode: 'KA-HIS',
    programmeName: 'Historie',
    boardCode: 'SN-HIS',
    enrolmentType: 'ordinary',
    status: 'active',
    enrolledOn: '2023-09-01',
    ectsExpected: 60,
    ectsPassed: 60,
    lastPassedOn: '2025-01-24',
    sideSubjectBoard: null,
    teachingLanguage: 'da',
    ...input,
  };
}

export type DateNotation = 'YYYY-MM-DD' | 'DD-MM-YYYY' | 'DD.MM.YYYY' | 'DD/MM/YYYY';

/** How a CSV file is written; every field is one of the spec's accepted notations. */
export interface CsvNotation {
  readonly encoding: 'utf-8' | 'windows-1252';
  readonly bom: boolean;
  readonly delimiter: ',' | ';';
  readonly decimalMark: '.' | ',';
  readonly dateNotation: DateNotation;
  /** Header names and enrolment type/status words. */
  readonly language: 'english' | 'danish';
  /** `\r` alone is Excel for Mac's "Macintosh Comma Separated". */
  readonly lineEnd: '\n' | '\r\n' | '\r';
}

/** What a script or a register writes: UTF-8 without BOM, English, commas, ISO dates, LF. */
export const utf8EnglishNotation: CsvNotation = {
  encoding: 'utf-8',
  bom: false,
  delimiter: ',',
  decimalMark: '.',
  dateNotation: 'YYYY-MM-DD',
  language: 'english',
  lineEnd: '\n',
};

/** What "Gem som CSV (semikolonsepareret)" in Danish Excel on Windows writes. */
export const danishExcelNotation: CsvNotation = {
  encoding: 'windows-1252',
  bom: false,
  delimiter: ';',
  decimalMark: ',',
  dateNotation: 'DD-MM-YYYY',
  language: 'danish',
  lineEnd: '\r\n',
};

export interface CsvExportOptions {
  /** A preset plus any changes, e.g. `{ ...utf8EnglishNotation, bom: true }`. Default: UTF-8/English. */
  readonly notation?: CsvNotation;
  /** The columns to write, in this order. Default: all fifteen in the spec's order. */
  readonly columns?: readonly ProgressColumn[];
  /** Header text per column, replacing the notation's language (e.g. a configured alias). */
  readonly headers?: Partial<Record<ProgressColumn, string>>;
}

/** The CSV as text, before encoding: for tests that edit it and for csv-parse comparisons. */
export function progressExportCsvText(
  rows: readonly ProgressRowInput[],
  options: CsvExportOptions = {},
): string {
  const notation = options.notation ?? utf8EnglishNotation;
  const columns = options.columns ?? progressColumns;
  const field = (text: string) => quoteCsvField(text, notation.delimiter);
  const lines = [columns.map((column) => field(headerOf(column, notation.language, options.headers)))];
  rows.forEach((input, index) => {
    const row = progressRowInput(input, index);
    lines.push(columns.map((column) => field(csvCellText(row, column, notation))));
  });
  return lines.map((cells) => cells.join(notation.delimiter) + notation.lineEnd).join('');
}

/** The CSV file's bytes in the notation's encoding (Windows-1252 by a small table, no dependency). */
export function progressExportCsv(rows: readonly ProgressRowInput[], options: CsvExportOptions = {}): Buffer {
  const notation = options.notation ?? utf8EnglishNotation;
  const text = progressExportCsvText(rows, options);
  const body = notation.encoding === 'utf-8' ? Buffer.from(text, 'utf8') : encodeWindows1252(text);
  return notation.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

export interface XlsxExportOptions {
  readonly language?: 'english' | 'danish';
  readonly columns?: readonly ProgressColumn[];
  readonly headers?: Partial<Record<ProgressColumn, string>>;
}

/**
 * The same rows as an XLSX workbook: ECTS as number cells, dates as date
 * cells (formatted yyyy-mm-dd), everything else as text.
 */
export async function progressExportXlsx(
  rows: readonly ProgressRowInput[],
  options: XlsxExportOptions = {},
): Promise<Buffer> {
  const language = options.language ?? 'english';
  const columns = options.columns ?? progressColumns;
  const sheet = [
    columns.map((column) => headerOf(column, language, options.headers)),
    ...rows.map((input, index) => {
      const row = progressRowInput(input, index);
      return columns.map((column) => xlsxCellValue(row, column, language));
    }),
  ];
  return writeExcelFile(sheet, { dateFormat: 'yyyy-mm-dd' }).toBuffer();
}

/** The rows readProgressExport should produce for these inputs (header on line 1, one line per row). */
export function expectedProgressRows(rows: readonly ProgressRowInput[]): ProgressRow[] {
  return rows.map((input, index) => {
    const row = progressRowInput(input, index);
    return {
      line: index + 2,
      studentId: row.studentId,
      nationalId: row.nationalId === null ? null : row.nationalId.replace('-', ''),
      name: row.name,
      email: row.email,
      programmeCode: row.programmeCode,
      programmeName: row.programmeName,
      boardCode: row.boardCode,
      enrolmentType: row.enrolmentType,
      status: row.status,
      enrolledOn: isoDate(row.enrolledOn),
      ectsExpected: row.ectsExpected,
      ectsPassed: row.ectsPassed,
      lastPassedOn: row.lastPassedOn === null ? null : isoDate(row.lastPassedOn),
      sideSubjectBoard: row.sideSubjectBoard,
      teachingLanguage: row.teachingLanguage,
    };
  });
}

/**
 * `count` varied, valid rows for volume tests and the benchmark: Danish
 * letters, half ECTS, every enrolment type and status, empty e-mails and
 * last-passed dates, CPR numbers, side subjects, and now and then a name with
 * a comma (a quoted field in a comma-separated file).
 */
export function sampleProgressRows(count: number): ProgressRowInput[] {
  const enrolmentTypes: readonly EnrolmentType[] = [
    'ordinary',
    'ordinary',
    'ordinary',
    'single-subject',
    'guest',
    'exchange',
  ];
  const surnames = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Sørensen', 'Møller', 'Ærø', 'Kristiansen'];
  return Array.from({ length: count }, (_, index) => {
    const surname = surnames[index % surnames.length] ?? 'Jensen';
    const expected = 30 + (index % 9) * 15;
    return {
      nationalId:
        index % 3 === 0
          ? `${pad2((index % 28) + 1)}${pad2((index % 12) + 1)}0${index % 10}-${String(index % 10000).padStart(4, '0')}`
          : null,
      name: index % 50 === 7 ? `${surname}, Åse ${index}` : `Åse ${surname} ${index}`,
      email: index % 40 === 3 ? null : `s${100001 + index}@student.example.dk`,
      programmeCode: `KA-${index % 20}`,
      programmeName: index % 2 === 0 ? 'Historie' : 'Økonomi',
      boardCode: `SN-${index % 7}`,
      enrolmentType: enrolmentTypes[index % enrolmentTypes.length] ?? 'ordinary',
      status: index % 11 === 0 ? 'leave' : 'active',
      enrolledOn: `20${20 + (index % 5)}-0${(index % 2) * 7 + 2}-01`,
      ectsExpected: expected,
      ectsPassed: Math.max(0, expected - (index % 8) * 7.5),
      lastPassedOn: index % 13 === 0 ? null : `2024-${pad2((index % 12) + 1)}-${pad2((index % 28) + 1)}`,
      sideSubjectBoard: index % 17 === 0 ? 'SN-SIDE' : null,
      teachingLanguage: index % 5 === 0 ? 'en' : 'da',
    };
  });
}

// Windows-1252 is Latin-1 for 0xA0–0xFF; only 0x80–0x9F differ from Unicode.
const windows1252Specials = new Map<string, number>([
  ['€', 0x80],
  ['‚', 0x82],
  ['ƒ', 0x83],
  ['„', 0x84],
  ['…', 0x85],
  ['†', 0x86],
  ['‡', 0x87],
  ['ˆ', 0x88],
  ['‰', 0x89],
  ['Š', 0x8a],
  ['‹', 0x8b],
  ['Œ', 0x8c],
  ['Ž', 0x8e],
  ['‘', 0x91],
  ['’', 0x92],
  ['“', 0x93],
  ['”', 0x94],
  ['•', 0x95],
  ['–', 0x96],
  ['—', 0x97],
  ['˜', 0x98],
  ['™', 0x99],
  ['š', 0x9a],
  ['›', 0x9b],
  ['œ', 0x9c],
  ['ž', 0x9e],
  ['Ÿ', 0x9f],
]);

/** Text as Windows-1252 bytes; a character the code page lacks is a mistake in the test. */
export function encodeWindows1252(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) {
      bytes[index] = code;
      continue;
    }
    const special = windows1252Specials.get(text.charAt(index));
    if (special === undefined) throw new Error(`"${text.charAt(index)}" has no Windows-1252 byte`);
    bytes[index] = special;
  }
  return bytes;
}

/** RFC 4180: quote a field holding the delimiter, a quote or a line break, doubling its quotes. */
export function quoteCsvField(text: string, delimiter: ',' | ';'): string {
  const needsQuotes =
    text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r');
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

function headerOf(
  column: ProgressColumn,
  language: 'english' | 'danish',
  headers: Partial<Record<ProgressColumn, string>> | undefined,
): string {
  return headers?.[column] ?? (language === 'danish' ? danishColumnAliases[column] : column);
}

type TypedCell = string | number | Date | null;

/** A row's value per column before notation: numbers and ISO dates stay typed. */
function typedCell(
  row: CompleteProgressRowInput,
  column: ProgressColumn,
  language: 'english' | 'danish',
): TypedCell {
  switch (column) {
    case 'student_id':
      return row.studentId;
    case 'national_id':
      return row.nationalId;
    case 'name':
      return row.name;
    case 'email':
      return row.email;
    case 'programme_code':
      return row.programmeCode;
    case 'programme_name':
      return row.programmeName;
    case 'board_code':
      return row.boardCode;
    case 'enrolment_type':
      return language === 'danish' ? danishEnrolmentTypeNames[row.enrolmentType] : row.enrolmentType;
    case 'status':
      return language === 'danish' ? danishEnrolmentStatusNames[row.status] : row.status;
    case 'enrolled_on':
      return utcDate(row.enrolledOn);
    case 'ects_expected':
      return row.ectsExpected;
    case 'ects_passed':
      return row.ectsPassed;
    case 'last_passed_on':
      return row.lastPassedOn === null ? null : utcDate(row.lastPassedOn);
    case 'side_subject_board':
      return row.sideSubjectBoard;
    case 'teaching_language':
      return row.teachingLanguage;
  }
}

function csvCellText(row: CompleteProgressRowInput, column: ProgressColumn, notation: CsvNotation): string {
  const raw = row.rawCells?.[column];
  if (raw !== undefined) return raw;
  const value = typedCell(row, column, notation.language);
  if (value === null) return '';
  if (typeof value === 'number') {
    return notation.decimalMark === ',' ? String(value).replace('.', ',') : String(value);
  }
  if (value instanceof Date) return formatDate(value, notation.dateNotation);
  return value;
}

function xlsxCellValue(
  row: CompleteProgressRowInput,
  column: ProgressColumn,
  language: 'english' | 'danish',
) {
  return row.rawCells?.[column] ?? typedCell(row, column, language);
}

function formatDate(date: Date, notation: DateNotation): string {
  const year = String(date.getUTCFullYear());
  const month = pad2(date.getUTCMonth() + 1);
  const day = pad2(date.getUTCDate());
  switch (notation) {
    case 'YYYY-MM-DD':
      return `${year}-${month}-${day}`;
    case 'DD-MM-YYYY':
      return `${day}-${month}-${year}`;
    case 'DD.MM.YYYY':
      return `${day}.${month}.${year}`;
    case 'DD/MM/YYYY':
      return `${day}/${month}/${year}`;
  }
}

function utcDate(isoText: string): Date {
  const date = isoDate(isoText);
  return new Date(`${date}T00:00:00Z`);
}

function isoDate(isoText: string) {
  const date = parseIsoDate(isoText);
  if (date === null) throw new Error(`test data: "${isoText}" is not a YYYY-MM-DD date`);
  return date;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
