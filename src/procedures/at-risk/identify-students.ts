import type { CalendarDate } from '../../shared/calendar-date.js';
import type { IdentificationRules } from './identification-rules.js';
import type { ProgressRow } from './progress-export/progress-row.js';
import { type Category, type StudentClassification, studentClassifier } from './traffic-light.js';

export interface IdentifiedStudent {
  readonly row: ProgressRow;
  readonly classification: StudentClassification;
  /** The side-subject board that follows this student up instead of the home board. */
  readonly forwardedTo: string | null;
}

export type CategoryCounts = Record<Category, number>;

/** What one study board sees of an identification. */
export interface BoardIdentification {
  readonly boardCode: string;
  /** Students whose home board this is (board_code), by category. */
  readonly counts: CategoryCounts;
  /** Students identified here (home board), followed up by their side-subject board. */
  readonly forwardedOut: number;
  /** Students identified by another board, to be followed up here (side-subject board). */
  readonly forwardedIn: number;
  /** In-scope home students with no e-mail address in the export. */
  readonly noEmail: number;
  /**
   * § 31 cross-check: in-scope home students delayed more than the mandatory
   * contact limit whom this procedure will not contact (blue).
   */
  readonly uncontactedOverdue: number;
  /** Home students, in file order. */
  readonly students: readonly IdentifiedStudent[];
  /** Side-subject students forwarded here by their home board, in file order. */
  readonly forwardedInStudents: readonly IdentifiedStudent[];
}

export interface Identification {
  readonly asOf: CalendarDate;
  /** Every board named in the export (as home or side-subject board), by code. */
  readonly boards: readonly BoardIdentification[];
  readonly outOfScope: number;
  /** All students in file order. */
  readonly students: readonly IdentifiedStudent[];
}

interface MutableBoard {
  boardCode: string;
  counts: CategoryCounts;
  forwardedOut: number;
  forwardedIn: number;
  noEmail: number;
  uncontactedOverdue: number;
  students: IdentifiedStudent[];
  forwardedInStudents: IdentifiedStudent[];
}

/**
 * Classifies every student as of the reference date and groups them per study
 * board. A student with a side subject is identified by the home board and
 * forwarded to the side-subject board, which assesses, mails and guides her:
 * both boards see her.
 */
export function identifyStudents(
  rows: readonly ProgressRow[],
  asOf: CalendarDate,
  rules: IdentificationRules,
): Identification {
  const boards = new Map<string, MutableBoard>();
  const boardFor = (boardCode: string): MutableBoard => {
    let board = boards.get(boardCode);
    if (!board) {
      board = emptyBoard(boardCode);
      boards.set(boardCode, board);
    }
    return board;
  };

  const classify = studentClassifier(asOf, rules);
  const students: IdentifiedStudent[] = [];
  let outOfScope = 0;
  for (const row of rows) {
    const classification = classify(row);
    const { category, mandatoryContact } = classification;
    // Out-of-scope students are not followed up by anyone, so not forwarded
    // either; a side subject under the home board is no forwarding (and no
    // side subject, null, stays null).
    const forwardedTo =
      category !== 'out_of_scope' && row.sideSubjectBoard !== row.boardCode ? row.sideSubjectBoard : null;
    const student: IdentifiedStudent = { row, classification, forwardedTo };
    students.push(student);
    const home = boardFor(row.boardCode);
    home.counts[category] += 1;
    home.students.push(student);
    if (category === 'out_of_scope') {
      outOfScope += 1;
      continue;
    }
    if (row.email === null) home.noEmail += 1;
    if (mandatoryContact && category === 'blue') home.uncontactedOverdue += 1;
    if (forwardedTo !== null) {
      home.forwardedOut += 1;
      const side = boardFor(forwardedTo);
      side.forwardedIn += 1;
      side.forwardedInStudents.push(student);
    }
  }

  return {
    asOf,
    boards: [...boards.values()].sort((a, b) => a.boardCode.localeCompare(b.boardCode)),
    outOfScope,
    students,
  };
}

function emptyBoard(boardCode: string): MutableBoard {
  return {
    boardCode,
    counts: { green: 0, yellow: 0, red: 0, blue: 0, out_of_scope: 0 },
    forwardedOut: 0,
    forwardedIn: 0,
    noEmail: 0,
    uncontactedOverdue: 0,
    students: [],
    forwardedInStudents: [],
  };
}
