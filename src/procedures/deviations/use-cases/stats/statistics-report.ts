import type { DeviationCase } from '../../deviation-case.js';
import type { DeviationStore } from '../../storage/deviation-store.js';
import { type DeviationStatistics, deviationStatistics } from './deviation-statistics.js';
import { periodBounds, type StatsPeriod } from './stats-period.js';

/** The statistics of a faculty (or all) and a period, with the cases they count (for the CSV export). */
export interface StatisticsReport {
  readonly statistics: DeviationStatistics;
  /** The cases received in the period at the faculty, oldest first. */
  readonly cases: readonly DeviationCase[];
}

export interface ReportRequest {
  readonly facultyCode: string | null;
  readonly period: StatsPeriod;
  /** The faculties to list even without cases. */
  readonly faculties: readonly string[];
  readonly timeZone: string;
  readonly now: Date;
}

export async function statisticsReport(
  store: DeviationStore,
  request: ReportRequest,
): Promise<StatisticsReport> {
  const bounds = periodBounds(request.period, request.timeZone);
  const cases = await store.cases({
    facultyCode: request.facultyCode,
    receivedFrom: bounds.from,
    receivedBefore: bounds.before,
  });
  return { statistics: deviationStatistics(cases, request), cases };
}
