import { CodedError, type ErrorCode } from '../../../shared/coded-error.js';

/** One thing wrong with an export, located as the person who opens the file sees it. */
export interface ExportProblem {
  /** File line (header = line 1; for XLSX the sheet row); null for file-level problems. */
  readonly line: number | null;
  /** The column's header as written in the file, or its canonical name when missing. */
  readonly column: string | null;
  readonly message: string;
}

/** How many problems a rejection lists before it says "and N more". */
export const listedProblemLimit = 20;

export function describeProblem(problem: ExportProblem): string {
  const place = [
    problem.line === null ? null : `line ${problem.line}`,
    problem.column === null ? null : `column ${problem.column}`,
  ]
    .filter((part) => part !== null)
    .join(', ');
  return place ? `${place}: ${problem.message}` : problem.message;
}

/**
 * The whole file is rejected: nothing from it may be stored. The message lists
 * the first problems, one per line, so a secretary can fix them in one go.
 */
export class ProgressExportError extends CodedError {
  constructor(
    readonly fileName: string,
    readonly problems: readonly ExportProblem[],
    code: ErrorCode = 'progress_export.invalid',
  ) {
    const listed = problems.slice(0, listedProblemLimit).map(describeProblem);
    const more = problems.length - listed.length;
    super(
      code,
      [`${fileName} cannot be used:`, ...listed, ...(more > 0 ? [`… and ${more} more`] : [])].join('\n'),
    );
  }
}
