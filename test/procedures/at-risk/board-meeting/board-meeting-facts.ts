import type { BoardMeetingFacts } from '../../../../src/procedures/at-risk/board-meeting/board-meeting-facts.js';
import { parseIsoDate } from '../../../../src/shared/calendar-date.js';

const date = (iso: string) => {
  const parsed = parseIsoDate(iso);
  if (!parsed) throw new Error(`not a date: ${iso}`);
  return parsed;
};

/** A board's spring 2026 after dispatch, compared with its autumn 2025. */
export function boardMeetingFacts(overrides: Partial<BoardMeetingFacts> = {}): BoardMeetingFacts {
  return {
    board: {
      code: 'SN-DAT',
      name: 'Studienævn for Datalogi',
      names: { da: 'Studienævn for Datalogi', en: 'Study Board of Computer Science' },
    },
    period: { term: 'spring', year: 2026 },
    dispatchedOn: date('2026-04-07'),
    counts: { green: 1412, yellow: 37, red: 21, blue: 6, out_of_scope: 44 },
    previous: {
      period: { term: 'autumn', year: 2025 },
      counts: { green: 1400, yellow: 40, red: 18, blue: 6, out_of_scope: 51 },
    },
    exclusions: { elite_athlete: 2, leave_being_registered: 1, other: 1 },
    mails: { sent: 52, failed: 1, withoutEmail: 2 },
    section31: {
      specialGuidance: 33,
      mandatoryContact: 19,
      mandatoryContactExcluded: 1,
      uncontactedOverdue: 3,
    },
    thresholds: { specialGuidanceMonths: 6, mandatoryContactMonths: 12 },
    ...overrides,
  };
}

export const madeOn = date('2026-04-08');
