import { cprDigitsOf } from '../../../security/cpr-shape.js';
import { type CalendarDate, calendarDate } from '../../../shared/calendar-date.js';
import type { AcceptedWords, CellReason, WordList } from './problem-reason.js';
import {
  type EnrolmentStatus,
  type EnrolmentType,
  enrolmentStatusValues,
  enrolmentTypeValues,
  type TeachingLanguage,
  teachingLanguages,
} from './progress-row.js';
import type { CellValue } from './source-table.js';

/**
 * Why a cell cannot be used; the problem's line and column are added by the
 * row reader. Returned rather than thrown: a file is checked to the end so
 * that every bad row is reported at once (spec "Bad input").
 */
export class InvalidCell {
  constructor(readonly reason: CellReason) {}
}

export type DecimalMark = '.' | ',';

/** The cell as text, trimmed; what an XLSX number or date looks like as text. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (value instanceof Date) return isoDateOf(value) ?? String(value);
  return String(value);
}

const isEmpty = new InvalidCell({ code: 'empty_cell' });

export function requiredText(value: CellValue): string | InvalidCell {
  const text = cellText(value);
  return text === '' ? isEmpty : text;
}

export function optionalText(value: CellValue): string | null {
  const text = cellText(value);
  return text === '' ? null : text;
}

// Spec: numbers with a decimal point or a decimal comma; no thousands
// separators, so "1.000" can never be mistaken for one thousand.
const decimalNumber = /^([+-]?)(\d+)(?:([.,])(\d+))?$/;

/** The decimal mark of a text cell that is a number with a decimal part. */
export function decimalMarkOf(value: CellValue): DecimalMark | null {
  if (typeof value !== 'string' || (!value.includes(',') && !value.includes('.'))) return null;
  const mark = decimalNumber.exec(value.trim())?.[3];
  return mark === '.' || mark === ',' ? mark : null;
}

/**
 * An ECTS count: not negative, written with the file's decimal mark. An XLSX
 * number cell carries no notation, so only its sign is checked.
 */
export function ectsValue(value: CellValue, fileDecimalMark: DecimalMark): number | InvalidCell {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return new InvalidCell({ code: 'not_a_number', text: String(value) });
    return value < 0 ? new InvalidCell({ code: 'negative', text: String(value) }) : value;
  }
  const text = cellText(value);
  if (text === '') return isEmpty;
  const match = decimalNumber.exec(text);
  if (match === null) return new InvalidCell({ code: 'not_a_number', text });
  const [, sign, whole, mark, fraction] = match;
  if (sign === '-') return new InvalidCell({ code: 'negative', text });
  if ((mark === '.' || mark === ',') && mark !== fileDecimalMark) {
    return new InvalidCell({ code: 'other_decimal_mark', text, mark });
  }
  return Number(fraction === undefined ? whole : `${whole}.${fraction}`);
}

// Spec "Dates `YYYY-MM-DD`, `DD-MM-YYYY`, `DD.MM.YYYY`, `DD/MM/YYYY`"; registers
// and Excel drop leading zeros (1.4.2025), so one-digit days and months pass.
const yearFirst = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const dayFirst = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$/;

export function requiredDate(value: CellValue): CalendarDate | InvalidCell {
  const date = optionalDate(value);
  return date === null ? isEmpty : date;
}

/** A date, or null for an empty cell ("empty = never passed" for last_passed_on). */
export function optionalDate(value: CellValue): CalendarDate | null | InvalidCell {
  if (value instanceof Date) return isoDateOf(value) ?? notADate(String(value));
  if (typeof value === 'number') return dateFromExcelSerial(value) ?? notADate(String(value));
  const text = cellText(value);
  if (text === '') return null;
  const isoMatch = yearFirst.exec(text);
  if (isoMatch !== null) {
    return calendarDate(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])) ?? notADate(text);
  }
  const danishMatch = dayFirst.exec(text);
  if (danishMatch !== null) {
    return (
      calendarDate(Number(danishMatch[4]), Number(danishMatch[3]), Number(danishMatch[1])) ?? notADate(text)
    );
  }
  return notADate(text);
}

function notADate(text: string): InvalidCell {
  return new InvalidCell({ code: 'not_a_date', text });
}

/** read-excel-file gives date cells as UTC midnight of the calendar day. */
function isoDateOf(date: Date): CalendarDate | null {
  if (Number.isNaN(date.getTime())) return null;
  return calendarDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const millisecondsPerDay = 86_400_000;
// 1900 date system: serial 1 is 1900-01-01, and serial 60 is the 29 February
// 1900 that Excel invents (a Lotus 1-2-3 bug), so from serial 61 on the days
// count from 1899-12-30.
const excelEpochBeforeMarch1900 = Date.UTC(1899, 11, 31);
const excelEpoch = Date.UTC(1899, 11, 30);

/** A date cell that reached us as its serial number because it was not formatted as a date. */
function dateFromExcelSerial(serial: number): CalendarDate | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const day = Math.floor(serial);
  if (day === 60) return null;
  const epoch = day < 60 ? excelEpochBeforeMarch1900 : excelEpoch;
  return isoDateOf(new Date(epoch + day * millisecondsPerDay));
}

/**
 * A cell that must hold one of a fixed set of words (spec: English or Danish,
 * case-insensitive). The reason carries the accepted words so that the person
 * fixing the file need not look them up.
 */
export function enumeration<T>(
  values: Readonly<Record<string, T>>,
  list: WordList,
): (value: CellValue) => T | InvalidCell {
  const byWord = new Map(Object.entries(values).map(([word, meaning]) => [word.toLowerCase(), meaning]));
  // A word that is its own meaning is the spec's English word; the others are the Danish aliases.
  const accepted: AcceptedWords = {
    english: Object.entries(values)
      .filter(([word, meaning]) => word === meaning)
      .map(([word]) => word),
    danish: Object.entries(values)
      .filter(([word, meaning]) => word !== meaning)
      .map(([word]) => word),
  };
  return (value) => {
    const text = cellText(value);
    if (text === '') return isEmpty;
    return byWord.get(text.toLowerCase()) ?? new InvalidCell({ code: 'not_in_list', text, list, accepted });
  };
}

// "One @, something on each side, no spaces": enough to catch a name or a
// phone number in the column; deliverability is the mail system's business.
const emailShape = /^[^\s@]+@[^\s@]+$/;

/** An e-mail address, or null: spec "an empty cell marks the student 'no e-mail'". */
export function emailAddress(value: CellValue): string | null | InvalidCell {
  const text = cellText(value);
  if (text === '') return null;
  return emailShape.test(text) ? text : new InvalidCell({ code: 'not_an_email', text });
}

/**
 * A CPR number normalised to ten digits, or null for an empty cell. The
 * reason never carries the value (its type has no room for one): a CPR number
 * is sensitive personal data and problems are shown in chat and written to files.
 */
export function cprNumber(value: CellValue): string | null | InvalidCell {
  // Excel turns a CPR cell typed as a number into one, dropping the leading
  // zero of everyone born on day 1-9 of a month.
  const text =
    typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 1e10
      ? String(value).padStart(10, '0')
      : cellText(value);
  if (text === '') return null;
  return cprDigitsOf(text) ?? notACpr;
}

const notACpr = new InvalidCell({ code: 'not_a_cpr' });

export const enrolmentType: (value: CellValue) => EnrolmentType | InvalidCell = enumeration(
  enrolmentTypeValues,
  'enrolment_type',
);

export const enrolmentStatus: (value: CellValue) => EnrolmentStatus | InvalidCell = enumeration(
  enrolmentStatusValues,
  'status',
);

const teachingLanguageWord = enumeration(
  Object.fromEntries(teachingLanguages.map((language) => [language, language])),
  'teaching_language',
);

/** Spec: `da` or `en`, default `da` (an empty cell or no column at all). */
export function teachingLanguage(value: CellValue): TeachingLanguage | InvalidCell {
  return cellText(value) === '' ? 'da' : teachingLanguageWord(value);
}
