import { describe, expect, it } from 'vitest';
import { caseDates } from '../../../src/procedures/deviations/deadlines.js';

const oslo = { timeZone: 'Europe/Oslo', deadlineDays: 28, reminderDays: 21 };

describe('a case’s dates in the institution’s calendar', () => {
  it('the deadline is the end of the day four weeks after receipt, the reminder the morning of day 21, the escalation the morning after the deadline', () => {
    // Received Tuesday 13 October 2026 at 14:30 in Oslo (CEST, UTC+2).
    const dates = caseDates(new Date('2026-10-13T12:30:00Z'), oslo);
    // 10 November is in CET (UTC+1): the end of that day is 23:00 UTC.
    expect(dates.deadlineAt.toISOString()).toBe('2026-11-10T23:00:00.000Z');
    expect(dates.reminderDueAt.toISOString()).toBe('2026-11-03T07:00:00.000Z');
    expect(dates.escalationDueAt.toISOString()).toBe('2026-11-11T07:00:00.000Z');
  });

  it('a report received just after midnight in Oslo counts from that Oslo day, not the UTC one', () => {
    // 00:15 on 2 March in Oslo is still 1 March in UTC.
    const dates = caseDates(new Date('2026-03-01T23:15:00Z'), oslo);
    // 2 March + 21 days = 23 March, 08:00 CET.
    expect(dates.reminderDueAt.toISOString()).toBe('2026-03-23T07:00:00.000Z');
    // 30 March is after the change to summer time: 08:00 CEST is 06:00 UTC.
    expect(dates.deadlineAt.toISOString()).toBe('2026-03-30T22:00:00.000Z');
    expect(dates.escalationDueAt.toISOString()).toBe('2026-03-31T06:00:00.000Z');
  });

  it('the number of days comes from the configuration', () => {
    const dates = caseDates(new Date('2026-01-05T09:00:00Z'), {
      timeZone: 'UTC',
      deadlineDays: 14,
      reminderDays: 10,
    });
    expect(dates.reminderDueAt.toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(dates.deadlineAt.toISOString()).toBe('2026-01-20T00:00:00.000Z');
  });
});
