import type { CalendarDate } from '../../shared/calendar-date.js';
import type { IdentificationRules } from './identification-rules.js';
import { type ExportRows, rowBatches } from './progress-export/export-rows.js';
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

/** A board's figures without its student lists: what `identify` prints and what an import plans by. */
export type BoardFigures = Omit<BoardIdentification, 'students' | 'forwardedInStudents'> & {
  /** Students whose home board this is. */
  readonly homeStudents: number;
};

/** An identification's figures, gathered a row at a time without keeping the rows. */
export interface IdentificationFigures {
  readonly asOf: CalendarDate;
  /** Every board named (as home or side-subject board), by code. */
  readonly boards: readonly BoardFigures[];
  readonly outOfScope: number;
  readonly students: number;
}

type MutableFigures = { -readonly [K in keyof BoardFigures]: BoardFigures[K] } & { counts: CategoryCounts };

/**
 * Classifies students one at a time as of the reference date and counts them
 * per study board. A student with a side subject is identified by the home
 * board and forwarded to the side-subject board, which assesses, mails and
 * guides her: both boards see her.
 */
export class IdentificationTally {
  private readonly boards = new Map<string, MutableFigures>();
  private readonly classify: (row: ProgressRow) => StudentClassification;
  outOfScope = 0;
  students = 0;

  constructor(
    readonly asOf: CalendarDate,
    rules: IdentificationRules,
  ) {
    this.classify = studentClassifier(asOf, rules);
  }

  add(row: ProgressRow): IdentifiedStudent {
    const classification = this.classify(row);
    const { category, mandatoryContact } = classification;
    // Out-of-scope students are not followed up by anyone, so not forwarded
    // either; a side subject under the home board is no forwarding (and no
    // side subject, null, stays null).
    const forwardedTo =
      category !== 'out_of_scope' && row.sideSubjectBoard !== row.boardCode ? row.sideSubjectBoard : null;
    this.students += 1;
    const home = this.boardFor(row.boardCode);
    home.counts[category] += 1;
    home.homeStudents += 1;
    if (category === 'out_of_scope') {
      this.outOfScope += 1;
    } else {
      if (row.email === null) home.noEmail += 1;
      if (mandatoryContact && category === 'blue') home.uncontactedOverdue += 1;
      if (forwardedTo !== null) {
        home.forwardedOut += 1;
        this.boardFor(forwardedTo).forwardedIn += 1;
      }
    }
    return { row, classification, forwardedTo };
  }

  figures(): IdentificationFigures {
    return {
      asOf: this.asOf,
      boards: [...this.boards.values()].sort((a, b) => a.boardCode.localeCompare(b.boardCode)),
      outOfScope: this.outOfScope,
      students: this.students,
    };
  }

  private boardFor(boardCode: string): MutableFigures {
    let board = this.boards.get(boardCode);
    if (!board) {
      board = {
        boardCode,
        counts: { green: 0, yellow: 0, red: 0, blue: 0, out_of_scope: 0 },
        forwardedOut: 0,
        forwardedIn: 0,
        noEmail: 0,
        uncontactedOverdue: 0,
        homeStudents: 0,
      };
      this.boards.set(boardCode, board);
    }
    return board;
  }
}

/** Every student classified, with each board's students listed (for a file read whole). */
export function identifyStudents(
  rows: readonly ProgressRow[],
  asOf: CalendarDate,
  rules: IdentificationRules,
): Identification {
  const tally = new IdentificationTally(asOf, rules);
  const students = rows.map((row) => tally.add(row));
  const homeStudents = new Map<string, IdentifiedStudent[]>();
  const forwardedInStudents = new Map<string, IdentifiedStudent[]>();
  const listOf = (lists: Map<string, IdentifiedStudent[]>, boardCode: string) => {
    const list = lists.get(boardCode) ?? [];
    lists.set(boardCode, list);
    return list;
  };
  for (const student of students) {
    listOf(homeStudents, student.row.boardCode).push(student);
    if (student.forwardedTo !== null) listOf(forwardedInStudents, student.forwardedTo).push(student);
  }
  const figures = tally.figures();
  return {
    asOf,
    boards: figures.boards.map(({ homeStudents: _, ...board }) => ({
      ...board,
      students: homeStudents.get(board.boardCode) ?? [],
      forwardedInStudents: forwardedInStudents.get(board.boardCode) ?? [],
    })),
    outOfScope: figures.outOfScope,
    students,
  };
}

/**
 * An export's identification figures, read a batch at a time: memory holds a
 * batch and the per-board figures, whatever the size of the file. Each
 * student is handed to `onStudent` as she is classified, for whoever needs a
 * line per student; the file's problems are thrown after the last batch.
 */
export async function identifyExport(
  progressExport: ExportRows,
  asOf: CalendarDate,
  rules: IdentificationRules,
  onStudent: (student: IdentifiedStudent) => void = () => {},
): Promise<IdentificationFigures> {
  const tally = new IdentificationTally(asOf, rules);
  for await (const rows of rowBatches(progressExport)) {
    for (const row of rows) onStudent(tally.add(row));
  }
  return tally.figures();
}
