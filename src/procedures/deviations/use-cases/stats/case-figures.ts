import { wallTimeIn } from '../../../../config/schedule-runs.js';
import { isFinal } from '../../case-states.js';
import type { DeviationCase } from '../../deviation-case.js';

/**
 * What statistics read from one case, in the institution's calendar: the
 * days of receipt, deadline and finish, the handling days between receipt and
 * finish, and whether it is overdue or was finished late. Finished means a
 * final state: closed, rejected or redirected to whistleblowing (each ends the
 * case's handling, and each sets `closedAt`). Never any of the case's text.
 */
export interface CaseFigures {
  /** `YYYY-MM-DD` in the institution's time zone. */
  readonly receivedOn: string;
  /** The deadline's last day (the case is overdue from the next midnight). */
  readonly deadlineOn: string;
  /** The day it reached its final state; null while it is open. */
  readonly finishedOn: string | null;
  /** Calendar days from the day of receipt to the day of the final state; null while open. */
  readonly handlingDays: number | null;
  /** Open, and its deadline has passed by `now`. */
  readonly overdue: boolean;
  /** Reached its final state after its deadline had passed. */
  readonly finishedLate: boolean;
}

export function caseFigures(deviation: DeviationCase, now: Date, timeZone: string): CaseFigures {
  const finishedAt = isFinal(deviation.state) ? deviation.closedAt : null;
  const receivedOn = dayOf(deviation.receivedAt, timeZone);
  const finishedOn = finishedAt === null ? null : dayOf(finishedAt, timeZone);
  return {
    receivedOn,
    // deadlineAt is the first instant past the deadline's day: the day is the one just before it.
    deadlineOn: dayOf(new Date(deviation.deadlineAt.getTime() - 1), timeZone),
    finishedOn,
    handlingDays: finishedOn === null ? null : daysBetween(receivedOn, finishedOn),
    overdue: finishedAt === null && now.getTime() >= deviation.deadlineAt.getTime(),
    finishedLate: finishedAt !== null && finishedAt.getTime() >= deviation.deadlineAt.getTime(),
  };
}

/** The day an instant falls on in the time zone, `YYYY-MM-DD`. */
export function dayOf(instant: Date, timeZone: string): string {
  const wall = wallTimeIn(instant, timeZone);
  return `${String(wall.year).padStart(4, '0')}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}

/** Whole days between two `YYYY-MM-DD` days (counted on the calendar, so a daylight-saving change does not matter). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
