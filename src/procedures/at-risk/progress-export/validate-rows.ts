import { containsCprShape } from '../../../security/cpr-shape.js';
import {
  cellText,
  cprNumber,
  type DecimalMark,
  decimalMarkOf,
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
import { DecimalMarkTally } from './decimal-mark.js';
import type { ExportProblem } from './export-problem.js';
import type { HeaderMapping } from './header-mapping.js';
import type { CellReason } from './problem-reason.js';
import { type ProgressColumn, type ProgressRow, progressColumns } from './progress-row.js';
import type { CellValue, SourceRecord, SourceTable } from './source-table.js';

export interface ValidatedRows {
  readonly rows: ProgressRow[];
  /** Every problem of every row, in file order (spec "Bad input": the file is rejected as a whole). */
  readonly problems: ExportProblem[];
  /** The mark the file's ECTS text cells use. */
  readonly decimalMark: DecimalMark;
}

/** The one row validation for a whole table in memory (see RowValidator). */
export function validateRows(table: SourceTable, mapping: HeaderMapping): ValidatedRows {
  const validator = new RowValidator(mapping, table);
  const rows: ProgressRow[] = [];
  for (const record of table.records) {
    const row = validator.read(record);
    if (row !== null) rows.push(row);
  }
  return { rows, ...validator.finish() };
}

/**
 * The one row validation for CSV and XLSX alike: turns the records of a
 * mapped table into ProgressRows, one record at a time as the file is read,
 * and names every cell that cannot be used. What it keeps between records is
 * small: the student ids seen (for duplicates), where decimal marks were used,
 * and the problems.
 */
export class RowValidator {
  private readonly problems: RankedProblem[] = [];
  private readonly decimalMarks = new DecimalMarkTally();
  private readonly reader: RowReader;
  private readonly headerWidth: number;

  constructor(
    private readonly mapping: HeaderMapping,
    private readonly table: Pick<SourceTable, 'header' | 'fieldCountMustMatch'>,
  ) {
    this.headerWidth = table.header.length;
    this.reader = new RowReader(mapping, this.problems, this.decimalMarks);
  }

  /** Whether any record so far had a problem (the decimal marks are judged only at the end). */
  get hasProblems(): boolean {
    return this.problems.length > 0;
  }

  /** The record's row; null for a blank record or one with a problem (remembered for finish). */
  read(record: SourceRecord): ProgressRow | null {
    if (isBlank(record.cells)) return null;
    if (this.table.fieldCountMustMatch && record.cells.length !== this.headerWidth) {
      // The values are shifted into the wrong columns; checking them would
      // only produce misleading problems.
      this.problems.push({
        line: record.line,
        column: null,
        rank: -1,
        reason: { code: 'field_count', fields: record.cells.length, headerFields: this.headerWidth },
      });
      return null;
    }
    return this.reader.read(record);
  }

  /** After the last record: the file's decimal mark, and every problem in file order. */
  finish(): { decimalMark: DecimalMark; problems: ExportProblem[] } {
    for (const { line, column, reason } of this.decimalMarks.otherMarkCells()) {
      this.problems.push({
        line,
        column: this.mapping.label[column] ?? column,
        rank: columnRank(column),
        reason,
      });
    }
    // By line, and within a line in the order the row reader checks the columns.
    const sorted = [...this.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || a.rank - b.rank);
    return {
      decimalMark: this.decimalMarks.decimalMark,
      problems: sorted.map(({ rank: _, ...problem }) => problem),
    };
  }
}

interface RankedProblem extends ExportProblem {
  /** The column's place in the order the row reader checks columns (-1 for the record as a whole). */
  readonly rank: number;
}

function columnRank(column: ProgressColumn): number {
  return progressColumns.indexOf(column);
}

/**
 * A record without any content, like Excel's `;;;;` for a row that was
 * formatted but never filled: not a student, so not a problem either.
 */
function isBlank(cells: readonly CellValue[]): boolean {
  return cells.every((cell) => cellText(cell) === '');
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
  private readonly requiredDate = remembered(requiredDate);
  private readonly optionalDate = remembered(optionalDate);
  // Each value is read with its own decimal mark; which mark is the file's is
  // known only at the end, when the tally names the cells written the other way.
  private readonly ects = remembered((value) => {
    const mark = decimalMarkOf(value);
    return { mark, ects: ectsValue(value, mark ?? '.') };
  });
  private readonly ectsExpected = this.ectsIn('ects_expected');
  private readonly ectsPassed = this.ectsIn('ects_passed');

  constructor(
    private readonly mapping: HeaderMapping,
    private readonly problems: RankedProblem[],
    private readonly decimalMarks: DecimalMarkTally,
  ) {}

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
    const ectsExpected = this.take('ects_expected', this.ectsExpected);
    const ectsPassed = this.take('ects_passed', this.ectsPassed);
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

  private ectsIn(column: 'ects_expected' | 'ects_passed'): (value: CellValue) => number | InvalidCell {
    return (value) => {
      const { mark, ects } = this.ects(value);
      if (mark !== null) this.decimalMarks.count(mark, this.line, column, cellText(value));
      return ects;
    };
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
    this.problems.push({
      line: this.line,
      column: this.mapping.label[column] ?? column,
      rank: columnRank(column),
      reason,
    });
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
