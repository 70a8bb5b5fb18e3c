/**
 * What counts as shaped like a CPR number, in one place: DDMMYY, a dash or
 * not, four digits, with a day and month that can be a birth date (day
 * 01–31 within the month, month 01–12), not part of a longer run of digits.
 * Leap-year agnostic: the two-digit year does not tell the century, and CPR
 * numbers exist whose date part is no real birth date anyway.
 *
 * Every text the bot writes for a person (chat, files, the terminal) and
 * every log line passes through `maskCprShapes`; a value from an export that
 * is CPR-shaped outside the CPR column is refused (`containsCprShape`).
 */
const cprShapes = /(?<!\d)(\d{2})(\d{2})\d{2}-?\d{4}(?!\d)/g;

const daysInMonthAnyYear = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** What a CPR-shaped value is replaced with: no digit of it is kept, not even the birth date. */
export const maskedCpr = '******-****';

function isDayOfMonth(day: string, month: string): boolean {
  const lastDay = daysInMonthAnyYear[Number(month) - 1];
  return lastDay !== undefined && Number(day) >= 1 && Number(day) <= lastDay;
}

export function maskCprShapes(text: string): string {
  // Cheap exit for the common case: no run of six digits, nothing to mask.
  if (!/\d{6}/.test(text)) return text;
  return text.replace(cprShapes, (whole, day: string, month: string) =>
    isDayOfMonth(day, month) ? maskedCpr : whole,
  );
}

export function containsCprShape(text: string): boolean {
  return maskCprShapes(text) !== text;
}

const wholeCprShape = /^(\d{2})(\d{2})\d{2}-?\d{4}$/;

/** The ten digits of a text that is, as a whole, CPR-shaped; null otherwise. */
export function cprDigitsOf(text: string): string | null {
  const match = wholeCprShape.exec(text);
  if (!match?.[1] || !match[2] || !isDayOfMonth(match[1], match[2])) return null;
  return text.replace('-', '');
}
