import { nameIn, type StudyBoard } from '../../../config/institution-config.js';
import type { Translator } from '../../../i18n/translator.js';
import type { RichText } from '../../../messages/message-model.js';
import { isCodedError } from '../../../shared/coded-error.js';
import type { BoardsImport } from '../import-for-boards.js';
import { CycleLockedError } from '../import-identification.js';
import { listedProblems, ProgressExportError } from '../progress-export/export-problem.js';
import type { ImportScope } from './import-scope.js';

/**
 * What the bot says about a shared export it imported (or found nothing in
 * for the scope's boards). Counts and board names only: never a student, so
 * never a CPR number. One board (a board channel, or a direct chat of someone
 * who imports for one board) reads as it always has; several get a line each.
 */
export function importedReply(
  reader: Translator,
  fileName: string,
  scope: Exclude<ImportScope, { kind: 'refused' }>,
  outcome: BoardsImport,
  boards: readonly StudyBoard[],
): string {
  const { t } = reader;
  const name = (board: StudyBoard) => nameIn(board, reader.language);
  const nameOf = (code: string) => boardNameIn(boards, code, reader);
  if (outcome.kind === 'no_rows_for_boards') {
    return scope.kind === 'board_channel'
      ? t.progressImport.noRowsForBoard({ fileName, boardName: name(scope.board) })
      : t.progressImport.noneOfYourBoards({ fileName, boardNames: scope.boards.map(name) });
  }
  const { report } = outcome;
  const lines = [
    t.progressImport.imported({
      fileName,
      asOf: report.asOf,
      students: report.students,
      outOfScope: report.outOfScope,
    }),
  ];
  if (scope.kind === 'direct_chat' && scope.boards.length > 1) {
    for (const board of outcome.boards) {
      lines.push(
        t.progressImport.boardImported({
          boardName: nameOf(board.boardCode),
          students: board.students,
          outcome: board.outcome,
          period: report.period,
        }),
      );
    }
    if (outcome.absentBoardCodes.length > 0)
      lines.push(t.progressImport.boardsNotInFile(outcome.absentBoardCodes.map(nameOf)));
  } else {
    if (outcome.boards.some((board) => board.outcome === 'replaced'))
      lines.push(t.progressImport.replacedDraft(report.period));
    if (report.boards.every((board) => board.outcome === 'unchanged'))
      lines.push(t.progressImport.alreadyImported({ fileName, period: report.period }));
  }
  if (outcome.otherBoardRows > 0) lines.push(t.progressImport.otherBoardsLeftOut(outcome.otherBoardRows));
  return lines.join('\n');
}

/**
 * What the bot says when a shared export could not be imported; null for an
 * error that is no fault of the file (it propagates, and the surface answers
 * with a reference to the log).
 */
export function importFailureReply(
  reader: Translator,
  fileName: string,
  error: unknown,
  boards: readonly StudyBoard[],
): string | RichText | null {
  const { t } = reader;
  if (error instanceof ProgressExportError) {
    // Worded from each problem's reason in the reader's language, never the English of the error's message.
    return t.progressImport.rejected({ fileName, ...listedProblems(t, error.problems) });
  }
  if (error instanceof CycleLockedError) {
    const boardName = boardNameIn(boards, error.boardCode, reader);
    return t.progressImport.cycleLocked({ period: error.period, boardName, fileName });
  }
  if (isCodedError(error) && error.code === 'import.cpr_key_missing')
    return t.progressImport.cprKeyMissing(fileName);
  if (isCodedError(error)) return error.message;
  return null;
}

/** A board's name for the reader, by code; the code itself for a board the configuration does not know. */
function boardNameIn(boards: readonly StudyBoard[], code: string, reader: Translator): string {
  const board = boards.find((candidate) => candidate.code === code);
  return board ? nameIn(board, reader.language) : code;
}
