import { translator } from '../../../i18n/translator.js';
import { CodedError, type ErrorCode } from '../../../shared/coded-error.js';
import type { AtRiskTexts } from '../texts/at-risk-texts.js';
import type { ProblemReason } from './problem-reason.js';

/** One thing wrong with an export, located as the person who opens the file sees it. */
export interface ExportProblem {
  /** File line (header = line 1; for XLSX the sheet row); null for file-level problems. */
  readonly line: number | null;
  /** The column's header as written in the file, or its canonical name when missing. */
  readonly column: string | null;
  /** What is wrong, as data; the reader's catalogue words it. */
  readonly reason: ProblemReason;
}

/** How many problems a rejection lists before it says "and N more". */
export const listedProblemLimit = 20;

/**
 * One problem in English, for places without a reader (the command line,
 * logs): the English catalogue's words, so each sentence is written once.
 */
export function describeProblem(problem: ExportProblem): string {
  return translator('en').t.progressImport.problem(problem);
}

/** The first problems worded in the catalogue's language, and how many more were left out of the list. */
export function listedProblems(
  t: AtRiskTexts,
  problems: readonly ExportProblem[],
): { readonly problems: string[]; readonly more: number } {
  const listed = problems.slice(0, listedProblemLimit);
  return {
    problems: listed.map((problem) => t.progressImport.problem(problem)),
    more: problems.length - listed.length,
  };
}

/**
 * The rejection as plain text in the catalogue's language: the file, the first
 * problems one a line, and how many more there are.
 */
export function rejectionReport(
  t: AtRiskTexts,
  fileName: string,
  problems: readonly ExportProblem[],
): string {
  return t.progressImport.rejectionReport({ fileName, ...listedProblems(t, problems) });
}

/**
 * The whole file is rejected: nothing from it may be stored. The message is
 * the English rejection report, so a secretary can fix every problem in one
 * go; a reader's reply words `problems` in their own language.
 */
export class ProgressExportError extends CodedError {
  constructor(
    readonly fileName: string,
    readonly problems: readonly ExportProblem[],
    code: ErrorCode = 'progress_export.invalid',
  ) {
    super(code, rejectionReport(translator('en').t, fileName, problems));
  }
}
