import { instantOf, wallTimeIn } from '../../config/schedule-runs.js';

/**
 * A case's dates, counted in the institution's calendar (not in hours: a
 * report received before a daylight-saving change is due on the same wall
 * clock day four weeks later). Forvaltningsloven § 11a asks for a reply
 * without undue delay; the guideline reads that as 4 weeks from receipt.
 */
export interface DeadlineRules {
  readonly timeZone: string;
  /** Days from receipt to the deadline (28: 4 weeks). */
  readonly deadlineDays: number;
  /** Days from receipt to the reminder to send a preliminary reply (21: 3 weeks). */
  readonly reminderDays: number;
}

/** Messages from the timers arrive at the start of a working day, not at midnight. */
export const timerHour = 8;

export interface CaseDates {
  /** The end of the deadline's day: the case is overdue from this instant. */
  readonly deadlineAt: Date;
  /** The handler is reminded to send a preliminary reply (the morning of day 21). */
  readonly reminderDueAt: Date;
  /** The line manager is told the case is overdue (the morning after the deadline's day). */
  readonly escalationDueAt: Date;
}

export function caseDates(receivedAt: Date, rules: DeadlineRules): CaseDates {
  const received = wallTimeIn(receivedAt, rules.timeZone);
  const localDay = (offset: number, hour: number): Date => {
    // Date.UTC normalises day overflow across months and years.
    const day = new Date(Date.UTC(received.year, received.month - 1, received.day + offset));
    const at = (h: number) =>
      instantOf(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), h, 0, 0, rules.timeZone);
    // Only a daylight-saving gap has no such instant; the hour after it has one.
    return at(hour) ?? at(hour + 1) ?? new Date(day.getTime() + hour * 3_600_000);
  };
  return {
    deadlineAt: localDay(rules.deadlineDays + 1, 0),
    reminderDueAt: localDay(rules.reminderDays, timerHour),
    escalationDueAt: localDay(rules.deadlineDays + 1, timerHour),
  };
}
