/**
 * Generated students as the bytes of a study-progress export, in the two ways
 * an export usually reaches us (spec "Accepted encodings and notations").
 * The same students give the same bytes.
 */
import {
  danishColumnAliases,
  danishEnrolmentStatusNames,
  danishEnrolmentTypeNames,
  type ProgressColumn,
  progressColumns,
} from '../procedures/at-risk/progress-export/progress-row.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { GeneratedStudent } from './progress-export-generator.js';

export const exportVariantNames = ['utf8', 'danish-excel'] as const;
export type ExportVariantName = (typeof exportVariantNames)[number];

export interface ExportVariant {
  readonly name: ExportVariantName;
  readonly description: string;
  readonly encoding: 'utf-8' | 'windows-1252';
  readonly delimiter: ',' | ';';
  readonly decimalMark: '.' | ',';
  readonly dateOrder: 'year-first' | 'day-first';
  readonly language: 'english' | 'danish';
  readonly lineEnd: '\n' | '\r\n';
}

export const exportVariants: Readonly<Record<ExportVariantName, ExportVariant>> = {
  // What a script or a register writes.
  utf8: {
    name: 'utf8',
    description: 'UTF-8, ",", English headers and values, YYYY-MM-DD, decimal point, LF',
    encoding: 'utf-8',
    delimiter: ',',
    decimalMark: '.',
    dateOrder: 'year-first',
    language: 'english',
    lineEnd: '\n',
  },
  // What "Gem som CSV (semikolonsepareret)" in Danish Excel on Windows writes.
  'danish-excel': {
    name: 'danish-excel',
    description: 'Windows-1252, ";", Danish headers and values, DD-MM-YYYY, decimal comma, CRLF',
    encoding: 'windows-1252',
    delimiter: ';',
    decimalMark: ',',
    dateOrder: 'day-first',
    language: 'danish',
    lineEnd: '\r\n',
  },
};

/** The export's bytes: a header and one row per student, every column of the spec in its order. */
export function progressExportBytes(
  students: readonly GeneratedStudent[],
  variantName: ExportVariantName,
): Uint8Array {
  const variant = exportVariants[variantName];
  return encodeProgressExport(progressExportText(students, variant), variant);
}

/** The export as its text, before encoding. */
export function progressExportText(students: readonly GeneratedStudent[], variant: ExportVariant): string {
  const line = (cellOf: (column: ProgressColumn) => string) =>
    progressColumns.map((column) => quoteField(cellOf(column), variant.delimiter)).join(variant.delimiter);
  const lines = [line((column) => (variant.language === 'danish' ? danishColumnAliases[column] : column))];
  for (const student of students) {
    const cells = cellsOf(student, variant);
    lines.push(line((column) => cells[column]));
  }
  return lines.join(variant.lineEnd) + variant.lineEnd;
}

function cellsOf(student: GeneratedStudent, variant: ExportVariant): Record<ProgressColumn, string> {
  const danish = variant.language === 'danish';
  const number = (value: number) =>
    variant.decimalMark === ',' ? String(value).replace('.', ',') : String(value);
  const day = (value: CalendarDate) =>
    variant.dateOrder === 'year-first'
      ? value
      : `${value.slice(8, 10)}-${value.slice(5, 7)}-${value.slice(0, 4)}`;
  return {
    student_id: student.studentId,
    national_id: student.nationalId,
    name: student.name,
    email: student.email ?? '',
    programme_code: student.programme.code,
    programme_name: student.programme.name,
    board_code: student.boardCode,
    enrolment_type: danish ? danishEnrolmentTypeNames[student.enrolmentType] : student.enrolmentType,
    status: danish ? danishEnrolmentStatusNames[student.status] : student.status,
    enrolled_on: day(student.enrolledOn),
    ects_expected: number(student.ectsExpected),
    ects_passed: number(student.ectsPassed),
    last_passed_on: student.lastPassedOn === null ? '' : day(student.lastPassedOn),
    side_subject_board: student.sideSubjectBoard ?? '',
    teaching_language: student.programme.teachingLanguage,
  };
}

/** RFC 4180: quote a field holding the delimiter, a quote or a line break. */
function quoteField(text: string, delimiter: string): string {
  const needsQuotes =
    text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r');
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The text in the variant's encoding. A character Windows-1252 has no byte
 * for (a name from a configuration, say) becomes "?", as Excel writes it.
 */
export function encodeProgressExport(text: string, variant: ExportVariant): Uint8Array {
  if (variant.encoding === 'utf-8') return Buffer.from(text, 'utf8');
  // Windows-1252 is Latin-1 except in 0x80–0x9F, so most text takes the fast path.
  if (!/[\u0080-\u009f\u0100-\uffff]/.test(text)) return Buffer.from(text, 'latin1');
  // One byte per character, and a character is at least one UTF-16 unit.
  const bytes = new Uint8Array(text.length);
  let length = 0;
  for (const character of text) bytes[length++] = windows1252Bytes.get(character) ?? questionMark;
  return bytes.subarray(0, length);
}

const questionMark = 0x3f;

/** Derived from the decoder the reader uses, so writing and reading agree byte for byte. */
const windows1252Bytes: ReadonlyMap<string, number> = (() => {
  const decoder = new TextDecoder('windows-1252');
  const bytes = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) {
    const character = decoder.decode(Uint8Array.of(byte));
    // The five bytes Windows-1252 leaves undefined decode to C1 controls: no text to write.
    if (!/[\u0080-\u009f]/.test(character)) bytes.set(character, byte);
  }
  return bytes;
})();
