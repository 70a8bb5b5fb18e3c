import type { ProgressRow } from '../../src/procedures/at-risk/progress-export/progress-row.js';
import { type CalendarDate, parseIsoDate } from '../../src/shared/calendar-date.js';

export type ProgressRowInput = Partial<Omit<ProgressRow, 'enrolledOn' | 'lastPassedOn'>> & {
  enrolledOn?: string;
  lastPassedOn?: string | null;
};

let nextStudent = 1;

/** A valid, in-scope, green student unless the test says otherwise. */
export function aProgressRow(input: ProgressRowInput = {}): ProgressRow {
  const number = nextStudent++;
  return {
    line: number + 1,
    studentId: `S${String(number).padStart(6, '0')}`,
    nationalId: null,
    name: `Student ${number}`,
    email: `student${number}@student.demo.example`,
    programmeCode: 'DAT-BSC',
    programmeName: 'BSc in Computer Science',
    boardCode: 'SN-DAT',
    enrolmentType: 'ordinary',
    status: 'active',
    ectsExpected: 60,
    ectsPassed: 60,
    sideSubjectBoard: null,
    teachingLanguage: 'da',
    ...input,
    enrolledOn: dateOf(input.enrolledOn ?? '2024-09-01'),
    lastPassedOn:
      input.lastPassedOn === undefined
        ? dateOf('2026-01-20')
        : input.lastPassedOn === null
          ? null
          : dateOf(input.lastPassedOn),
  };
}

export function dateOf(text: string): CalendarDate {
  const date = parseIsoDate(text);
  if (!date) throw new Error(`test data: ${text} is not a YYYY-MM-DD date`);
  return date;
}
