import type { DecimalMark } from './cell-values.js';
import type { CsvDelimiter } from './csv-delimiter.js';
import type { ProgressColumn } from './progress-row.js';

/**
 * Why an export cannot be used, as data: each reader's catalogue words it
 * (`progressImport.problem`), so a Danish secretary reads Danish and the
 * command line English, from one list of reasons. Values are carried as the
 * file writes them, never a CPR number (`not_a_cpr` has no value on purpose).
 */
export type ProblemReason = FileReason | HeaderReason | CellReason | ConfigurationReason;
export type ProblemCode = ProblemReason['code'];

/** The file as a whole cannot be read. */
export type FileReason =
  | { readonly code: 'file_empty' }
  | { readonly code: 'utf16' }
  /** A UTF-8 byte order mark in front of text that is not UTF-8. */
  | { readonly code: 'invalid_utf8_after_bom' }
  | { readonly code: 'old_excel_workbook' }
  /** `detail` is the XLSX reader's own (English) explanation, when it gave one. */
  | { readonly code: 'unreadable_xlsx'; readonly detail: string | null }
  | { readonly code: 'single_column_header'; readonly delimiters: readonly CsvDelimiter[] }
  | { readonly code: 'unclosed_quote' }
  | { readonly code: 'text_after_closing_quote' }
  | { readonly code: 'field_count'; readonly fields: number; readonly headerFields: number };

/** The header row: which column is where. */
export type HeaderReason =
  | {
      readonly code: 'duplicate_column';
      readonly column: ProgressColumn;
      /** Both headers as written in the file, in file order. */
      readonly first: string;
      readonly second: string;
    }
  | { readonly code: 'missing_column'; readonly column: ProgressColumn; readonly danishName: string }
  /**
   * The header names none of the required columns: a letter, a report, some
   * other CSV. One problem instead of a "missing column" for each of them.
   */
  | {
      readonly code: 'not_a_progress_export';
      /** The required columns, in the spec's order, with their Danish aliases in the same order. */
      readonly columns: readonly ProgressColumn[];
      readonly danishNames: readonly string[];
    };

/** Cell reasons; `text` is the cell as the file writes it (trimmed). */
export type CellReason =
  | { readonly code: 'empty_cell' }
  | { readonly code: 'not_a_number'; readonly text: string }
  | { readonly code: 'negative'; readonly text: string }
  /** `mark` is the cell's; the file's is the other one. */
  | { readonly code: 'other_decimal_mark'; readonly text: string; readonly mark: DecimalMark }
  | { readonly code: 'not_a_date'; readonly text: string }
  | { readonly code: 'not_an_email'; readonly text: string }
  /** Never the value: a CPR number is sensitive, and problems are shown in chat and written to files. */
  | { readonly code: 'not_a_cpr' }
  /**
   * A value shaped like a CPR number outside the CPR column (columns mixed
   * up, or a CPR number used as a student number): refused, since it would be
   * stored unencrypted and shown in chat. Never the value.
   */
  | { readonly code: 'cpr_outside_cpr_column' }
  | {
      readonly code: 'not_in_list';
      readonly text: string;
      readonly list: WordList;
      readonly accepted: AcceptedWords;
    }
  | { readonly code: 'duplicate_student'; readonly studentId: string; readonly firstLine: number };

/** The file is readable but names what the configuration does not know. */
export type ConfigurationReason = {
  readonly code: 'unknown_board';
  readonly board: string;
  /** The configured board codes, sorted. */
  readonly known: readonly string[];
};

/** The columns that take one of a fixed set of words. */
export type WordList = 'enrolment_type' | 'status' | 'teaching_language';

/** The words a list accepts, as the spec gives them: English, and the Danish ones where there are any. */
export interface AcceptedWords {
  readonly english: readonly string[];
  readonly danish: readonly string[];
}
