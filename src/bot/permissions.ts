import type { InstitutionConfig, StudyBoard } from '../config/institution-config.js';

/**
 * Who may do what to a study board's identification. Board people are the
 * chair, the secretary and the delegates; managers are those whose scope
 * covers the board (institution, the board's faculty or department, the board).
 */
export function isBoardPerson(email: string | null, board: StudyBoard): boolean {
  if (!email) return false;
  const address = email.toLowerCase();
  return [board.chair, board.secretary, ...board.delegates].some(
    (person) => person.toLowerCase() === address,
  );
}

export function isManagerOf(email: string | null, board: StudyBoard, config: InstitutionConfig): boolean {
  if (!email) return false;
  const address = email.toLowerCase();
  return config.managers.some((manager) => {
    if (manager.email.toLowerCase() !== address) return false;
    const { scope } = manager;
    if (scope === 'institution') return true;
    if ('faculty' in scope) return scope.faculty === board.faculty;
    if ('department' in scope) return scope.department === board.department;
    return scope.board === board.code;
  });
}

/** Sending the reminder now and reviewing the students: the board's people and its managers. */
export function mayFollowBoard(email: string | null, board: StudyBoard, config: InstitutionConfig): boolean {
  return isBoardPerson(email, board) || isManagerOf(email, board, config);
}

/** Importing an export for a board: its chair, secretary and delegates only. */
export function mayImportFor(email: string | null, board: StudyBoard): boolean {
  return isBoardPerson(email, board);
}

/** The board whose channel a conversation is, on a surface. */
export function boardOfChannel(
  config: InstitutionConfig,
  surface: 'slack' | 'teams' | 'console',
  conversationId: string,
): StudyBoard | null {
  return config.boards.find((board) => board.channels[surface] === conversationId) ?? null;
}

/**
 * Deciding for a board (spec step 3, § 31 mails): excluding students, undoing
 * it, and dispatching the mails are the chair's, or a delegate's. The
 * secretary prepares (imports, reviews, previews) but does not decide.
 */
export function mayDecideFor(email: string | null, board: StudyBoard): boolean {
  if (!email) return false;
  const address = email.toLowerCase();
  return [board.chair, ...board.delegates].some((person) => person.toLowerCase() === address);
}
