import {
  type DeviationCase,
  type DeviationCategory,
  type DeviationState,
  deviationCategories,
  deviationStates,
} from '../../deviation-case.js';
import { caseFigures } from './case-figures.js';
import { monthKey, monthOf, monthsOf, type StatsPeriod } from './stats-period.js';

/**
 * The guideline's follow-up figures (the quality department "follows trends
 * and reports statistics"): for the cases received in a period, in the
 * institution's time zone, at one faculty (the one that has the case now) or
 * all. Plain numbers and codes only: no case's text, reporter or handler can
 * reach statistics, so a sensitive case counts like any other and shows nothing.
 */
export interface DeviationStatistics {
  /** null: every faculty. */
  readonly facultyCode: string | null;
  /** `YYYY-MM`, both months included. */
  readonly period: { readonly from: string; readonly to: string };
  readonly timeZone: string;
  /** The instant "overdue" was judged at (ISO 8601). */
  readonly asOf: string;
  /** Cases received in the period. */
  readonly total: number;
  readonly byCategory: Readonly<Record<DeviationCategory, number>>;
  /** Every faculty asked about, zeros included, then any other faculty a case is at. */
  readonly byFaculty: readonly { readonly faculty: string; readonly count: number }[];
  readonly byState: Readonly<Record<DeviationState, number>>;
  /**
   * Calendar days from the day of receipt to the day of the final state
   * (closed, rejected or redirected), over the `finished` cases that reached
   * one; the median is the middle value (the mean of the two middle ones
   * for an even number), null when none has.
   */
  readonly handlingDays: { readonly median: number | null; readonly finished: number };
  /** Open cases whose deadline has passed at `asOf`. */
  readonly overdue: number;
  /** Cases that reached their final state after the deadline. */
  readonly finishedLate: number;
  /**
   * Every month of the period, zeros included: the cases received in it, and
   * those of the period's cases that reached their final state in it.
   */
  readonly months: readonly {
    readonly month: string;
    readonly received: number;
    readonly finished: number;
  }[];
}

export interface StatisticsScope {
  readonly period: StatsPeriod;
  readonly facultyCode: string | null;
  /** The faculties to list even without cases (for all: those with report owners). */
  readonly faculties: readonly string[];
  readonly timeZone: string;
  readonly now: Date;
}

/** The statistics of `cases` in the scope; cases outside it (another faculty, another period) are left out. */
export function deviationStatistics(
  cases: readonly DeviationCase[],
  scope: StatisticsScope,
): DeviationStatistics {
  const months = monthsOf(scope.period).map(monthKey);
  const inPeriod = new Set(months);
  const counted = cases.filter(
    (deviation) =>
      inPeriod.has(monthKey(monthOf(deviation.receivedAt, scope.timeZone))) &&
      (scope.facultyCode === null || deviation.facultyCode === scope.facultyCode),
  );

  const byCategory = zeros(deviationCategories);
  const byState = zeros(deviationStates);
  const byFaculty = new Map<string, number>(scope.faculties.map((faculty) => [faculty, 0]));
  const received = new Map<string, number>(months.map((month) => [month, 0]));
  const finished = new Map<string, number>(months.map((month) => [month, 0]));
  const handlingDays: number[] = [];
  let overdue = 0;
  let finishedLate = 0;

  for (const deviation of counted) {
    const figures = caseFigures(deviation, scope.now, scope.timeZone);
    byCategory[deviation.category] += 1;
    byState[deviation.state] += 1;
    byFaculty.set(deviation.facultyCode, (byFaculty.get(deviation.facultyCode) ?? 0) + 1);
    const receivedIn = figures.receivedOn.slice(0, 7);
    received.set(receivedIn, (received.get(receivedIn) ?? 0) + 1);
    if (figures.finishedOn !== null) {
      const finishedIn = figures.finishedOn.slice(0, 7);
      // A case finished after the period's last month counts in the totals, not in the trend's months.
      if (finished.has(finishedIn)) finished.set(finishedIn, (finished.get(finishedIn) ?? 0) + 1);
    }
    if (figures.handlingDays !== null) handlingDays.push(figures.handlingDays);
    if (figures.overdue) overdue += 1;
    if (figures.finishedLate) finishedLate += 1;
  }

  return {
    facultyCode: scope.facultyCode,
    period: { from: monthKey(scope.period.from), to: monthKey(scope.period.to) },
    timeZone: scope.timeZone,
    asOf: scope.now.toISOString(),
    total: counted.length,
    byCategory,
    byFaculty: [...byFaculty].map(([faculty, count]) => ({ faculty, count })),
    byState,
    handlingDays: { median: median(handlingDays), finished: handlingDays.length },
    overdue,
    finishedLate,
    months: months.map((month) => ({
      month,
      received: received.get(month) ?? 0,
      finished: finished.get(month) ?? 0,
    })),
  };
}

function zeros<Key extends string>(keys: readonly Key[]): Record<Key, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<Key, number>;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}
