import { describe, expect, it } from 'vitest';
import { defaultIdentificationRules } from '../../../src/procedures/at-risk/identification-rules.js';
import { identifyStudents } from '../../../src/procedures/at-risk/identify-students.js';
import { aProgressRow, dateOf } from '../../support/progress-row-builder.js';

const asOf = dateOf('2026-04-06');

function boardOf(identification: ReturnType<typeof identifyStudents>, code: string) {
  const board = identification.boards.find((candidate) => candidate.boardCode === code);
  if (!board) throw new Error(`no board ${code} in the identification`);
  return board;
}

describe('identifying a whole export', () => {
  it('counts each board’s students per category, with out-of-scope students counted apart', () => {
    const identification = identifyStudents(
      [
        aProgressRow({ boardCode: 'SN-DAT', ectsExpected: 60, ectsPassed: 60 }),
        aProgressRow({ boardCode: 'SN-DAT', ectsExpected: 60, ectsPassed: 50 }),
        aProgressRow({ boardCode: 'SN-DAT', ectsExpected: 60, ectsPassed: 30 }),
        aProgressRow({ boardCode: 'SN-DAT', status: 'leave' }),
        aProgressRow({ boardCode: 'SN-HIST', enrolmentType: 'guest' }),
      ],
      asOf,
      defaultIdentificationRules,
    );
    expect(boardOf(identification, 'SN-DAT').counts).toEqual({
      green: 1,
      yellow: 1,
      red: 1,
      blue: 0,
      out_of_scope: 1,
    });
    expect(boardOf(identification, 'SN-HIST').counts.out_of_scope).toBe(1);
    expect(identification.outOfScope).toBe(2);
    expect(identification.boards.map((board) => board.boardCode)).toEqual(['SN-DAT', 'SN-HIST']);
  });

  it('a side-subject student is identified by the home board and forwarded to the side-subject board', () => {
    const student = aProgressRow({
      boardCode: 'SN-DAT',
      sideSubjectBoard: 'SN-MAT',
      ectsExpected: 60,
      ectsPassed: 40,
    });
    const identification = identifyStudents([student], asOf, defaultIdentificationRules);
    const home = boardOf(identification, 'SN-DAT');
    const side = boardOf(identification, 'SN-MAT');
    expect(home.counts.red).toBe(1);
    expect(home.forwardedOut).toBe(1);
    expect(home.students[0]?.forwardedTo).toBe('SN-MAT');
    expect(side.counts.red).toBe(0);
    expect(side.forwardedIn).toBe(1);
    expect(side.forwardedInStudents.map((forwarded) => forwarded.row.studentId)).toEqual([student.studentId]);
  });

  it('a side subject under the home board itself is not a forwarding', () => {
    const identification = identifyStudents(
      [aProgressRow({ boardCode: 'SN-DAT', sideSubjectBoard: 'SN-DAT' })],
      asOf,
      defaultIdentificationRules,
    );
    expect(boardOf(identification, 'SN-DAT')).toMatchObject({ forwardedOut: 0, forwardedIn: 0 });
  });

  it('an out-of-scope student with a side subject is not forwarded', () => {
    const identification = identifyStudents(
      [aProgressRow({ boardCode: 'SN-DAT', sideSubjectBoard: 'SN-MAT', status: 'leave' })],
      asOf,
      defaultIdentificationRules,
    );
    expect(boardOf(identification, 'SN-DAT').forwardedOut).toBe(0);
    expect(identification.boards.map((board) => board.boardCode)).toEqual(['SN-DAT']);
    expect(identification.students[0]?.forwardedTo).toBeNull();
  });

  it('a student whose side subject is under her own board is forwarded nowhere', () => {
    const identification = identifyStudents(
      [aProgressRow({ boardCode: 'SN-DAT', sideSubjectBoard: 'SN-DAT', ectsExpected: 60, ectsPassed: 40 })],
      asOf,
      defaultIdentificationRules,
    );
    expect(identification.students[0]?.forwardedTo).toBeNull();
  });

  it('every student is listed once, in the file’s order, with her classification and where she is forwarded', () => {
    const rows = [
      aProgressRow({
        studentId: 'S3',
        boardCode: 'SN-DAT',
        ectsExpected: 60,
        ectsPassed: 30,
        sideSubjectBoard: 'SN-MAT',
      }),
      aProgressRow({ studentId: 'S1', boardCode: 'SN-HIST', status: 'leave' }),
      aProgressRow({ studentId: 'S2', boardCode: 'SN-DAT' }),
    ];
    const identification = identifyStudents(rows, asOf, defaultIdentificationRules);
    expect(
      identification.students.map((student) => [
        student.row.studentId,
        student.classification.category,
        student.forwardedTo,
      ]),
    ).toEqual([
      ['S3', 'red', 'SN-MAT'],
      ['S1', 'out_of_scope', null],
      ['S2', 'green', null],
    ]);
  });

  it('boards are listed by code, whatever order the file has them in', () => {
    const identification = identifyStudents(
      [
        aProgressRow({ boardCode: 'SN-OEK' }),
        aProgressRow({ boardCode: 'SN-DAT' }),
        aProgressRow({ boardCode: 'SN-HIST' }),
      ],
      asOf,
      defaultIdentificationRules,
    );
    expect(identification.boards.map((board) => board.boardCode)).toEqual(['SN-DAT', 'SN-HIST', 'SN-OEK']);
  });

  it('§ 31 cross-check: a blue student delayed more than 12 months is flagged as not to be contacted', () => {
    const identification = identifyStudents(
      [
        aProgressRow({
          enrolledOn: '2022-09-01',
          lastPassedOn: '2024-01-15',
          ectsExpected: 150,
          ectsPassed: 60,
        }),
        aProgressRow({ ectsExpected: 150, ectsPassed: 60 }),
      ],
      asOf,
      defaultIdentificationRules,
    );
    const board = boardOf(identification, 'SN-DAT');
    expect(board.counts).toMatchObject({ blue: 1, red: 1 });
    // The red one is over 12 months too, but red students are contacted.
    expect(board.uncontactedOverdue).toBe(1);
  });

  it('in-scope students without an e-mail address are counted', () => {
    const identification = identifyStudents(
      [
        aProgressRow({ email: null }),
        aProgressRow({ email: null }),
        aProgressRow({ email: null, status: 'leave' }),
        aProgressRow(),
      ],
      asOf,
      defaultIdentificationRules,
    );
    expect(boardOf(identification, 'SN-DAT').noEmail).toBe(2);
  });

  it('§ 31 count: only blue students delayed more than 12 months are flagged; red ones that late are contacted anyway, and blue ones less late are not flagged', () => {
    const inactive = { enrolledOn: '2022-09-01', lastPassedOn: '2024-01-15' };
    const identification = identifyStudents(
      [
        aProgressRow({ ...inactive, ectsExpected: 150, ectsPassed: 60 }), // blue, 18 months
        aProgressRow({ ...inactive, ectsExpected: 150, ectsPassed: 70 }), // blue, 16 months
        aProgressRow({ ...inactive, ectsExpected: 90, ectsPassed: 60 }), // blue, 6 months
        aProgressRow({ ectsExpected: 150, ectsPassed: 60 }), // red, 18 months
      ],
      asOf,
      defaultIdentificationRules,
    );
    const board = boardOf(identification, 'SN-DAT');
    expect(board.counts).toMatchObject({ blue: 3, red: 1 });
    expect(board.uncontactedOverdue).toBe(2);
  });
});
