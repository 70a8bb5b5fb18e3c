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
 *
 * Norwegian institutions report deviations too, so the Norwegian national
 * identity number (fødselsnummer: DDMMYY and five digits, a space or not;
 * a D-number adds 40 to the day, an H-number 40 to the month) is treated
 * the same way: masked wherever it is written, refused where it is typed.
 */
const cprShapes = /(?<!\d)(\d{2})(\d{2})\d{2}-?\d{4}(?!\d)/g;
const fodselsnummerShapes = /(?<!\d)(\d{2})(\d{2})\d{2} ?\d{5}(?!\d)/g;

const daysInMonthAnyYear = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** What a CPR-shaped value is replaced with: no digit of it is kept, not even the birth date. */
export const maskedCpr = '******-****';

/** What a fødselsnummer-shaped value is replaced with. */
export const maskedFodselsnummer = '****** *****';

function isDayOfMonth(day: string, month: string): boolean {
  const lastDay = daysInMonthAnyYear[Number(month) - 1];
  return lastDay !== undefined && Number(day) >= 1 && Number(day) <= lastDay;
}

export function maskCprShapes(text: string): string {
  // Cheap exit for the common case: no run of six digits, nothing to mask.
  if (!/\d{6}/.test(text)) return text;
  return text
    .replace(cprShapes, (whole, day: string, month: string) => (isDayOfMonth(day, month) ? maskedCpr : whole))
    .replace(fodselsnummerShapes, (whole, day: string, month: string) =>
      isFodselsnummerDate(day, month) ? maskedFodselsnummer : whole,
    );
}

/** A birth date, or a D-number's day (+40) or an H-number's month (+40). */
function isFodselsnummerDate(day: string, month: string): boolean {
  const realDay = Number(day) > 40 ? String(Number(day) - 40).padStart(2, '0') : day;
  const realMonth = Number(month) > 40 ? String(Number(month) - 40).padStart(2, '0') : month;
  return isDayOfMonth(realDay, realMonth);
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
