import type { ExportProblem } from './export-problem.js';

/**
 * One cell as a file format delivers it: CSV gives text only; XLSX also gives
 * numbers, dates and booleans. null is an empty cell.
 */
export type CellValue = string | number | boolean | Date | null;

/** One record of the file with the line where it starts (header = line 1). */
export interface SourceRecord {
  readonly line: number;
  readonly cells: readonly CellValue[];
}

/**
 * A CSV or XLSX file reduced to a header and records, before any column is
 * interpreted: the one input of the shared row validation.
 */
export interface SourceTable {
  readonly headerLine: number;
  readonly header: readonly CellValue[];
  readonly records: readonly SourceRecord[];
  /**
   * CSV records must have as many fields as the header (otherwise the values
   * are shifted into the wrong columns); XLSX cells sit in their columns.
   */
  readonly fieldCountMustMatch: boolean;
}

/**
 * A file read as far as its format allows: the table (null when nothing
 * usable came out) and every problem met on the way.
 */
export interface SourceTableResult {
  readonly table: SourceTable | null;
  readonly problems: readonly ExportProblem[];
}
