import { describePeriod, periodOf } from '../../procedures/at-risk/identification-period.js';
import type { IdentificationFigures, IdentifiedStudent } from '../../procedures/at-risk/identify-students.js';
import type { Category } from '../../procedures/at-risk/traffic-light.js';
import { textTable } from './text-table.js';

/** The `identify --json` document. It never carries a CPR number, a name or an e-mail. */
export interface IdentificationJson {
  readonly asOf: string;
  readonly boards: Record<string, { green: number; yellow: number; red: number; blue: number }>;
  readonly outOfScope: number;
  readonly students: readonly {
    studentId: string;
    board: string;
    category: Category;
    ectsBehind: number;
    delayMonths: number;
  }[];
}

/** A student as `identify --json` lists her. */
export type StudentLine = IdentificationJson['students'][number];

export function studentLineOf({ row, classification }: IdentifiedStudent): StudentLine {
  return {
    studentId: row.studentId,
    board: row.boardCode,
    category: classification.category,
    ectsBehind: classification.ectsBehind,
    delayMonths: classification.delayMonths,
  };
}

export function identificationJson(
  identification: IdentificationFigures,
  students: readonly StudentLine[],
): IdentificationJson {
  const boards: IdentificationJson['boards'] = {};
  // Boards are keyed by the home board (board_code): the board that identifies.
  for (const board of identification.boards) {
    if (board.homeStudents === 0) continue;
    const { green, yellow, red, blue } = board.counts;
    boards[board.boardCode] = { green, yellow, red, blue };
  }
  return { asOf: identification.asOf, boards, outOfScope: identification.outOfScope, students };
}

export function identificationTable(identification: IdentificationFigures): string {
  const period = describePeriod(periodOf(identification.asOf));
  const heading = `Identification as of ${identification.asOf} (${period}): ${identification.students} students, ${identification.outOfScope} out of scope`;
  const rows = identification.boards.map((board) => [
    board.boardCode,
    board.counts.green,
    board.counts.yellow,
    board.counts.red,
    board.counts.blue,
    board.counts.out_of_scope,
    board.forwardedOut,
    board.forwardedIn,
    board.noEmail,
    board.uncontactedOverdue,
  ]);
  const totals = rows.reduce<number[]>(
    (sum, row) => sum.map((value, index) => value + Number(row[index + 1])),
    new Array(9).fill(0),
  );
  const table = textTable(
    [
      'Board',
      'Green',
      'Yellow',
      'Red',
      'Blue',
      'Out of scope',
      'Fwd out',
      'Fwd in',
      'No e-mail',
      '§31 uncontacted',
    ],
    [...rows, ['Total', ...totals]],
  );
  return [
    heading,
    '',
    table,
    '',
    'Fwd out/in: side-subject students forwarded to / from another board.',
    '§31 uncontacted: delayed more than 12 months and not contacted by this procedure (blue).',
    '',
  ].join('\n');
}
