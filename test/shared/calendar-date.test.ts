import { describe, expect, it } from 'vitest';
import {
  calendarDate,
  calendarDateOfUtc,
  parseIsoDate,
  subtractMonths,
  todayIn,
  utcMidnightOf,
} from '../../src/shared/calendar-date.js';
import { dateOf } from '../support/progress-row-builder.js';

describe('calendar dates', () => {
  it('twelve months before a date is the same calendar day a year earlier', () => {
    expect(subtractMonths(dateOf('2026-04-06'), 12)).toBe('2025-04-06');
  });

  it('twelve months before 29 February is 28 February, the last day of that month', () => {
    expect(subtractMonths(dateOf('2028-02-29'), 12)).toBe('2027-02-28');
  });

  it('one month before 31 March is the last day of February', () => {
    expect(subtractMonths(dateOf('2026-03-31'), 1)).toBe('2026-02-28');
    expect(subtractMonths(dateOf('2028-03-31'), 1)).toBe('2028-02-29');
  });

  it('months back across a year boundary land in the right year', () => {
    expect(subtractMonths(dateOf('2026-01-15'), 13)).toBe('2024-12-15');
  });

  it('impossible dates are refused', () => {
    expect(calendarDate(2025, 2, 29)).toBeNull();
    expect(calendarDate(2025, 13, 1)).toBeNull();
    expect(parseIsoDate('2025-04-31')).toBeNull();
    expect(parseIsoDate('6-4-2026')).toBeNull();
  });

  it('the first and last day, month and year it accepts, and one past each', () => {
    expect(calendarDate(2026, 1, 1)).toBe('2026-01-01');
    expect(calendarDate(2026, 12, 31)).toBe('2026-12-31');
    expect(calendarDate(1900, 1, 1)).toBe('1900-01-01');
    expect(calendarDate(2999, 12, 31)).toBe('2999-12-31');
    for (const [year, month, day] of [
      [1899, 12, 31],
      [3000, 1, 1],
      [2026, 0, 1],
      [2026, 13, 1],
      [2026, 1, 0],
      [2026, 1, 32],
    ] as const) {
      expect(calendarDate(year, month, day), `${year}-${month}-${day}`).toBeNull();
    }
  });

  it('a part that is not a whole number is refused, whichever part it is', () => {
    expect(calendarDate(2026.5, 1, 1)).toBeNull();
    expect(calendarDate(2026, 1.5, 1)).toBeNull();
    expect(calendarDate(2026, 1, 1.5)).toBeNull();
  });

  it('an ISO date is parsed only when it is the whole text', () => {
    expect(parseIsoDate('2026-04-06')).toBe('2026-04-06');
    expect(parseIsoDate('x2026-04-06')).toBeNull();
    expect(parseIsoDate('2026-04-06x')).toBeNull();
    expect(parseIsoDate('2026-04-06T00:00:00Z')).toBeNull();
  });

  it('a date column arrives as midnight UTC and is sent back as midnight UTC, whatever the zone', () => {
    expect(calendarDateOfUtc(new Date('2026-04-06T00:00:00Z'))).toBe('2026-04-06');
    expect(calendarDateOfUtc(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
    expect(utcMidnightOf(dateOf('2026-04-06')).toISOString()).toBe('2026-04-06T00:00:00.000Z');
  });

  it("today is the institution's date, not the server's", () => {
    // 23:30 UTC on 5 April is already 6 April in Copenhagen (summer time).
    expect(todayIn('Europe/Copenhagen', new Date('2026-04-05T23:30:00Z'))).toBe('2026-04-06');
    expect(todayIn('UTC', new Date('2026-04-05T23:30:00Z'))).toBe('2026-04-05');
  });
});
