import type { InstitutionConfig, Manager, StudyBoard } from '../../../config/institution-config.js';
import type { PersonRef } from '../../../messages/message-model.js';
import type { SurfaceName } from '../../../surfaces/chat-surface.js';

/** The roles that get a copy of a board's reminder as a direct message (procedure text). */
export const copyRoles: readonly Manager['role'][] = [
  'head_of_department',
  'head_of_studies',
  'student_services',
];

/** Who a board's reminder concerns: mentioned in the channel, or sent a copy. */
export interface ReminderRecipients {
  readonly chair: PersonRef;
  readonly secretary: PersonRef;
  readonly copies: readonly PersonRef[];
}

export function recipientsOf(board: StudyBoard, config: InstitutionConfig): ReminderRecipients {
  const copies = config.managers
    .filter((manager) => copyRoles.includes(manager.role) && scopeCovers(manager.scope, board))
    .map((manager) => person(manager.email));
  return {
    chair: person(board.chair),
    secretary: person(board.secretary),
    copies: uniqueByEmail(copies),
  };
}

/** A manager's scope covers a board when it is the institution, the board's faculty or department, or the board. */
export function scopeCovers(scope: Manager['scope'], board: StudyBoard): boolean {
  if (scope === 'institution') return true;
  if ('faculty' in scope) return scope.faculty === board.faculty;
  if ('department' in scope) return scope.department === board.department;
  return scope.board === board.code;
}

/**
 * The boards in an order that spreads out the ones whose copies go to the same
 * people: round robin over groups of boards with the same copy recipients,
 * groups in the order their first board is configured. A person's direct
 * messages are paced like any channel (about one a second on Slack), so five
 * boards of one department in a row would queue their head's five copies
 * behind each other at the end of the run while the other channels are idle.
 */
export function spreadBySharedCopies(boards: readonly StudyBoard[], config: InstitutionConfig): StudyBoard[] {
  const groups = new Map<string, StudyBoard[]>();
  for (const board of boards) {
    const key = recipientsOf(board, config)
      .copies.map((person) => person.email)
      .sort()
      .join(' ');
    const group = groups.get(key);
    if (group) group.push(board);
    else groups.set(key, [board]);
  }
  const spread: StudyBoard[] = [];
  for (let round = 0; spread.length < boards.length; round += 1) {
    for (const group of groups.values()) {
      const board = group[round];
      if (board) spread.push(board);
    }
  }
  return spread;
}

/** The board's channel on a surface, or null when the board has none there. */
export function boardChannel(board: StudyBoard, surface: SurfaceName): string | null {
  return board.channels[surface] ?? null;
}

// People are configured by e-mail only; until a surface resolves them, the
// address's local part is the most readable name we have.
function person(email: string): PersonRef {
  return { email, displayName: email.split('@')[0] ?? email };
}

/** Each person once (by e-mail), in first-seen order. */
export function uniqueByEmail(people: readonly PersonRef[]): PersonRef[] {
  const seen = new Set<string>();
  return people.filter((candidate) => !seen.has(candidate.email) && seen.add(candidate.email));
}
