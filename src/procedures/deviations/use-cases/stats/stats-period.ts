import { instantOf, wallTimeIn } from '../../../../config/schedule-runs.js';

/**
 * The months statistics cover: whole calendar months in the institution's
 * time zone, a case counted by the month it was received. Written
 * `2026` (the year), `2026-03` (a month), `2026-01..2026-06` (a range), or a
 * term: spring (January–June) and autumn (July–December) in any of the
 * bot's languages.
 */
export interface YearMonth {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
}

export interface StatsPeriod {
  readonly from: YearMonth;
  /** The last month, included. */
  readonly to: YearMonth;
}

/** A longer period makes a trend nobody can read (and a chart of hundreds of bars). */
export const maxPeriodMonths = 60;

/** The words for the two terms, in every language the procedure speaks; any reader may type any of them. */
const termWords: Readonly<Record<string, 'spring' | 'autumn'>> = {
  vår: 'spring',
  høst: 'autumn',
  forår: 'spring',
  efterår: 'autumn',
  spring: 'spring',
  autumn: 'autumn',
};

export type PeriodProblem = 'not_a_period' | 'reversed' | 'too_long';

export type ParsedPeriod =
  | { readonly ok: true; readonly period: StatsPeriod }
  | { readonly ok: false; readonly problem: PeriodProblem };

/** Reads one period argument; a problem says what is wrong with it. */
export function parsePeriod(argument: string): ParsedPeriod {
  // A keyboard may send `å` as `a` and a combining ring: the words are compared composed.
  const text = argument.trim().normalize('NFC').toLowerCase();
  const term = /^(\p{L}+)-(\d{4})$/u.exec(text);
  if (term !== null) {
    const kind = termWords[term[1] ?? ''];
    const year = Number(term[2]);
    if (kind === undefined || !plausibleYear(year)) return { ok: false, problem: 'not_a_period' };
    return kind === 'spring'
      ? { ok: true, period: { from: { year, month: 1 }, to: { year, month: 6 } } }
      : { ok: true, period: { from: { year, month: 7 }, to: { year, month: 12 } } };
  }
  if (/^\d{4}$/.test(text)) {
    const year = Number(text);
    if (!plausibleYear(year)) return { ok: false, problem: 'not_a_period' };
    return { ok: true, period: { from: { year, month: 1 }, to: { year, month: 12 } } };
  }
  const range = /^([^.]+)\.\.([^.]+)$/.exec(text);
  const from = yearMonthOf(range === null ? text : (range[1] ?? ''));
  const to = range === null ? from : yearMonthOf(range[2] ?? '');
  if (from === null || to === null) return { ok: false, problem: 'not_a_period' };
  if (monthIndex(to) < monthIndex(from)) return { ok: false, problem: 'reversed' };
  if (monthIndex(to) - monthIndex(from) + 1 > maxPeriodMonths) return { ok: false, problem: 'too_long' };
  return { ok: true, period: { from, to } };
}

/** Whether an argument is written like a period at all (digits first, or a term), to tell it from a faculty code. */
export function looksLikePeriod(argument: string): boolean {
  const text = argument.trim().toLowerCase();
  return /^\d/.test(text) || /^\p{L}+-\d/u.test(text);
}

/** Without a period: the last twelve whole months and the current one, so a month's figures compare with a year before. */
export function defaultPeriod(now: Date, timeZone: string): StatsPeriod {
  const today = wallTimeIn(now, timeZone);
  const current = { year: today.year, month: today.month };
  return { from: addMonths(current, -12), to: current };
}

/** The period's instants: from the first month's first midnight to the next month's after the last. */
export function periodBounds(period: StatsPeriod, timeZone: string): { from: Date; before: Date } {
  return { from: monthStart(period.from, timeZone), before: monthStart(addMonths(period.to, 1), timeZone) };
}

/** Every month of the period, oldest first. */
export function monthsOf(period: StatsPeriod): YearMonth[] {
  const count = monthIndex(period.to) - monthIndex(period.from) + 1;
  return Array.from({ length: count }, (_, offset) => addMonths(period.from, offset));
}

/** `2026-03` */
export function monthKey(month: YearMonth): string {
  return `${String(month.year).padStart(4, '0')}-${String(month.month).padStart(2, '0')}`;
}

/** The month an instant falls in, in the institution's calendar. */
export function monthOf(instant: Date, timeZone: string): YearMonth {
  const wall = wallTimeIn(instant, timeZone);
  return { year: wall.year, month: wall.month };
}

export function addMonths(month: YearMonth, count: number): YearMonth {
  const index = monthIndex(month) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function monthIndex(month: YearMonth): number {
  return month.year * 12 + (month.month - 1);
}

function yearMonthOf(text: string): YearMonth | null {
  const match = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return plausibleYear(year) && month >= 1 && month <= 12 ? { year, month } : null;
}

function plausibleYear(year: number): boolean {
  return year >= 1900 && year <= 2999;
}

function monthStart(month: YearMonth, timeZone: string): Date {
  // Midnight can fall in a daylight-saving gap in some zones: then the first instant of the day is an hour on.
  return (
    instantOf(month.year, month.month, 1, 0, 0, 0, timeZone) ??
    instantOf(month.year, month.month, 1, 1, 0, 0, timeZone) ??
    new Date(Date.UTC(month.year, month.month - 1, 1))
  );
}
