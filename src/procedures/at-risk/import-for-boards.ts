import { createHash } from 'node:crypto';
import type { IdentificationStorage } from './identification-store.js';
import {
  type ImportOutcome,
  type ImportReport,
  type ImportRequest,
  importSelectedRows,
} from './import-identification.js';

export interface BoardsImportRequest extends ImportRequest {
  /** The study boards to import for: a board channel's board, or the boards a person imports for. */
  readonly boardCodes: ReadonlySet<string>;
}

/** One of the requested boards the file holds students of (as their home board). */
export interface ImportedBoard {
  readonly boardCode: string;
  /** The file's rows with this home board. */
  readonly students: number;
  readonly outcome: ImportOutcome;
}

export type BoardsImport =
  | {
      readonly kind: 'imported';
      readonly report: ImportReport;
      /** The requested boards the file holds, by code. */
      readonly boards: readonly ImportedBoard[];
      /** The requested boards the file holds no rows of: their own students are left as they were. */
      readonly absentBoardCodes: readonly string[];
      /** Rows of boards that were not requested: left out, never stored. */
      readonly otherBoardRows: number;
    }
  | {
      /** The file holds no row of any requested board; nothing was stored. */
      readonly kind: 'no_rows_for_boards';
      readonly otherBoardRows: number;
    };

/**
 * Imports the rows of some study boards (by home board) from an export that
 * may hold every board's students, e.g. the institution-wide export a
 * secretary of several boards shares in a direct chat. The rows of all the
 * requested boards are imported together, so they are stored in one
 * transaction: if one board's cycle refuses the file (its mails were sent,
 * `import.cycle_locked`), nothing is stored for any of them.
 */
export async function importForBoards(
  storage: IdentificationStorage,
  request: BoardsImportRequest,
): Promise<BoardsImport> {
  const { boardCodes } = request;
  const { report, studentsByBoard, otherBoardRows } = await importSelectedRows(storage, request, {
    includes: (boardCode) => boardCodes.has(boardCode),
    importKey: (fileHash, homeBoards, otherRows) =>
      otherRows === 0 ? fileHash : partialImportKey(fileHash, homeBoards),
  });
  if (report === null) return { kind: 'no_rows_for_boards', otherBoardRows };
  // The report also names side-subject boards the rows forward students to; only home boards count here.
  const boards = report.boards.flatMap(({ boardCode, outcome }) => {
    const students = studentsByBoard.get(boardCode);
    return students === undefined ? [] : [{ boardCode, students, outcome }];
  });
  return {
    kind: 'imported',
    report,
    boards,
    absentBoardCodes: [...boardCodes].filter((code) => !studentsByBoard.has(code)).sort(),
    otherBoardRows,
  };
}

/**
 * The idempotency key of importing part of a file: the file's hash and the
 * home boards taken from it. With the file's hash alone, importing a file for
 * SN-HIS creates SN-MAT's cycle (for a student SN-HIS forwards there) under
 * that hash, and importing the same file for SN-MAT afterwards would find
 * "the same import" and never store SN-MAT's own students.
 */
function partialImportKey(fileHash: string, homeBoards: readonly string[]): string {
  return createHash('sha256')
    .update(`${fileHash}\n${homeBoards.join('\n')}`)
    .digest('hex');
}
