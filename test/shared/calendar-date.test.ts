import { describe, expect, it } from 'vitest';
import { calendarDate, parseIsoDate, subtractMonths, todayIn } from '../../src/shared/calendar-date.js';
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

  it("today is the institution's date, not the server's", () => {
    // 23:30 UTC on 5 April is already 6 April in Copenhagen (summer time).
    expect(todayIn('Europe/Copenhagen', new Date('2026-04-05T23:30:00Z'))).toBe('2026-04-06');
    expect(todayIn('UTC', new Date('2026-04-05T23:30:00Z'))).toBe('2026-04-05');
  });
});
