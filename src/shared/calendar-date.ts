/**
 * A date without time or zone, as the registers export it. Represented as an
 * ISO string `YYYY-MM-DD` so that ordering is plain string comparison and it
 * serialises to JSON and SQL `date` without conversion.
 */
export type CalendarDate = string & { readonly __calendarDate: unique symbol };

export function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}` as CalendarDate;
}

/** Parses exactly `YYYY-MM-DD` (the CLI's --as-of, the database). */
export function parseIsoDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function dateParts(date: CalendarDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same calendar day `months` months earlier; where that day does not exist
 * (31 March minus one month), the last day of that month (spec: "R − 12 months").
 */
export function subtractMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = dateParts(date);
  const monthIndex = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return calendarDate(targetYear, targetMonth, targetDay) as CalendarDate;
}

/** Today's date in an IANA time zone (the institution's, not the server's). */
export function todayIn(timeZone: string, now: Date = new Date()): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .formatToParts(now)
    .reduce<Record<string, string>>((all, part) => {
      all[part.type] = part.value;
      return all;
    }, {});
  return calendarDate(Number(parts.year), Number(parts.month), Number(parts.day)) as CalendarDate;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** The calendar date of a `date` column, which drivers hand over as midnight UTC. */
export function calendarDateOfUtc(value: Date): CalendarDate {
  return calendarDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()) as CalendarDate;
}

/** Midnight UTC of a calendar date, as a `date` column expects it from the client. */
export function utcMidnightOf(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00Z`);
}
