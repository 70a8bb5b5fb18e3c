import { containsCprShape } from '../../../security/cpr-shape.js';
import {
  cellText,
  cprNumber,
  type DecimalMark,
  ectsValue,
  emailAddress,
  enrolmentStatus,
  enrolmentType,
  InvalidCell,
  optionalDate,
  optionalText,
  requiredDate,
  requiredText,
  teachingLanguage,
} from './cell-values.js';
import { detectDecimalMark } from './decimal-mark.js';
import type { ExportProblem } from './export-problem.js';
import type { HeaderMapping } from './header-mapping.js';
import type { CellReason } from './problem-reason.js';
import type { ProgressColumn, ProgressRow } from './progress-row.js';
import type { CellValue, SourceRecord, SourceTable } from './source-table.js';

export interface ValidatedRows {
  readonly rows: ProgressRow[];
  /** Every problem of every row, in file order (spec "Bad input": the file is rejected as a whole). */
  readonly problems: ExportProblem[];
  /** The mark the file's ECTS text cells use. */
  readonly decimalMark: DecimalMark;
}

/**
 * The one row validation for CSV and XLSX alike: turns the records of a
 * mapped table into ProgressRows and names every cell that cannot be used.
 */
export function validateRows(table: SourceTable, mapping: HeaderMapping): ValidatedRows {
  const headerWidth = table.header.length;
  const records = table.records.filter((record) => !isBlank(record.cells));
  const isAligned = (record: SourceRecord) =>
    !table.fieldCountMustMatch || record.cells.length === headerWidth;

  const decimalMark = detectDecimalMark(ectsCells(records.filter(isAligned), mapping));
  const problems: ExportProblem[] = [];
  const reader = new RowReader(mapping, problems, decimalMark);
  const rows: ProgressRow[] = [];
  for (const record of records) {
    if (!isAligned(record)) {
      // The values are shifted into the wrong columns; checking them would
      // only produce misleading problems.
      problems.push({
        line: record.line,
        column: null,
        reason: { code: 'field_count', fields: record.cells.length, headerFields: headerWidth },
      });
      continue;
    }
    const row = reader.read(record);
    if (row !== null) rows.push(row);
  }
  return { rows, problems, decimalMark };
}

/**
 * A record without any content, like Excel's `;;;;` for a row that was
 * formatted but never filled: not a student, so not a problem either.
 */
function isBlank(cells: readonly CellValue[]): boolean {
  return cells.every((cell) => cellText(cell) === '');
}

function* ectsCells(records: readonly SourceRecord[], mapping: HeaderMapping): Generator<CellValue> {
  const expected = mapping.index.ects_expected;
  const passed = mapping.index.ects_passed;
  for (const { cells } of records) {
    if (expected !== undefined) yield cells[expected] ?? null;
    if (passed !== undefined) yield cells[passed] ?? null;
  }
}

/** Reads one record at a time; a cell that cannot be used becomes a problem and `undefined`. */
class RowReader {
  private line = 0;
  private cells: readonly CellValue[] = [];
  /** student_id → the line it first appeared on (spec: "unique within the file"). */
  private readonly firstLineOfStudent = new Map<string, number>();
  // An export repeats a few hundred dates and ECTS values over its rows, so
  // each distinct text is parsed once (the 100,000-row budget of the spec's
  // benchmark is mostly spent here otherwise).
  private readonly ects: (value: CellValue) => number | InvalidCell;
  private readonly requiredDate = remembered(requiredDate);
  private readonly optionalDate = remembered(optionalDate);

  constructor(
    private readonly mapping: HeaderMapping,
    private readonly problems: ExportProblem[],
    decimalMark: DecimalMark,
  ) {
    this.ects = remembered((value) => ectsValue(value, decimalMark));
  }

  read(record: SourceRecord): ProgressRow | null {
    this.line = record.line;
    this.cells = record.cells;
    const studentId = this.take('student_id', requiredText);
    const isRepeated = studentId !== undefined && this.isRepeated(studentId);
    const nationalId = this.take('national_id', cprNumber);
    const name = this.take('name', requiredText);
    const email = this.take('email', emailAddress);
    const programmeCode = this.take('programme_code', requiredText);
    const programmeName = this.take('programme_name', requiredText);
    const boardCode = this.take('board_code', requiredText);
    const type = this.take('enrolment_type', enrolmentType);
    const status = this.take('status', enrolmentStatus);
    const enrolledOn = this.take('enrolled_on', this.requiredDate);
    const ectsExpected = this.take('ects_expected', this.ects);
    const ectsPassed = this.take('ects_passed', this.ects);
    const lastPassedOn = this.take('last_passed_on', this.optionalDate);
    const sideSubjectBoard = this.take('side_subject_board', optionalText);
    const language = this.take('teaching_language', teachingLanguage);
    if (
      studentId === undefined ||
      isRepeated ||
      nationalId === undefined ||
      name === undefined ||
      email === undefined ||
      programmeCode === undefined ||
      programmeName === undefined ||
      boardCode === undefined ||
      type === undefined ||
      status === undefined ||
      enrolledOn === undefined ||
      ectsExpected === undefined ||
      ectsPassed === undefined ||
      lastPassedOn === undefined ||
      sideSubjectBoard === undefined ||
      language === undefined
    ) {
      return null;
    }
    return {
      line: this.line,
      studentId,
      nationalId,
      name,
      email,
      programmeCode,
      programmeName,
      boardCode,
      enrolmentType: type,
      status,
      enrolledOn,
      ectsExpected,
      ectsPassed,
      lastPassedOn,
      sideSubjectBoard,
      teachingLanguage: language,
    };
  }

  /** An absent optional column reads as an empty cell. */
  private cell(column: ProgressColumn): CellValue {
    const index = this.mapping.index[column];
    return index === undefined ? null : (this.cells[index] ?? null);
  }

  private take<T>(column: ProgressColumn, parse: (value: CellValue) => T | InvalidCell): T | undefined {
    const cell = this.cell(column);
    // The one place every cell passes: a CPR-shaped value anywhere but in the
    // CPR column is refused before it can be stored or quoted back.
    if (column !== 'national_id' && containsCprShape(cellText(cell))) {
      this.report(column, { code: 'cpr_outside_cpr_column' });
      return undefined;
    }
    const parsed = parse(cell);
    if (!(parsed instanceof InvalidCell)) return parsed;
    this.report(column, parsed.reason);
    return undefined;
  }

  private isRepeated(studentId: string): boolean {
    const firstLine = this.firstLineOfStudent.get(studentId);
    if (firstLine === undefined) {
      this.firstLineOfStudent.set(studentId, this.line);
      return false;
    }
    this.report('student_id', { code: 'duplicate_student', studentId, firstLine });
    return true;
  }

  private report(column: ProgressColumn, reason: CellReason): void {
    this.problems.push({ line: this.line, column: this.mapping.label[column] ?? column, reason });
  }
}

/** A parser that remembers its answer per distinct text cell (other cells are rare and pass through). */
function remembered<T>(parse: (value: CellValue) => T): (value: CellValue) => T {
  const answers = new Map<string, T>();
  return (value) => {
    if (typeof value !== 'string') return parse(value);
    let answer = answers.get(value);
    if (answer === undefined) {
      answer = parse(value);
      answers.set(value, answer);
    }
    return answer;
  };
}
