import type { DeviationDependencies } from '../../deviation-dependencies.js';
import { maySeeStatistics } from '../../deviation-permissions.js';
import { type StatisticsReport, statisticsReport } from './statistics-report.js';
import { parseStatsArguments, type StatsArgumentProblem } from './stats-arguments.js';
import { defaultPeriod } from './stats-period.js';

/**
 * `/avvik statistikk [faculty] [period]`: the guideline's report owners, line
 * managers and quality department follow the trends. Who may see which
 * faculty is decided before anything is read; without a faculty the person
 * gets what they may see (all for the quality department, else their one
 * faculty; someone who may see several is asked which).
 */
export type StatisticsAnswer =
  /** The person may see no deviation statistics at all. */
  | { readonly kind: 'not_allowed' }
  /** Not this faculty's. */
  | { readonly kind: 'not_allowed_for'; readonly facultyCode: string }
  | { readonly kind: 'problem'; readonly problem: StatsArgumentProblem }
  | { readonly kind: 'choose_faculty'; readonly faculties: readonly string[] }
  | { readonly kind: 'statistics'; readonly report: StatisticsReport };

export async function askForStatistics(
  dependencies: DeviationDependencies,
  email: string | null,
  words: readonly string[],
): Promise<StatisticsAnswer> {
  const { config } = dependencies;
  const units = await dependencies.units();
  const facultyCodes = config.faculties.map((faculty) => faculty.code);
  const mayAll = maySeeStatistics(email, null, units);
  const visible = facultyCodes.filter((code) => maySeeStatistics(email, code, units));
  if (!mayAll && visible.length === 0) return { kind: 'not_allowed' };

  const parsed = parseStatsArguments(words, facultyCodes);
  if (!parsed.ok) return { kind: 'problem', problem: parsed.problem };
  let facultyCode = parsed.facultyCode;
  if (facultyCode !== null && !maySeeStatistics(email, facultyCode, units)) {
    return { kind: 'not_allowed_for', facultyCode };
  }
  if (facultyCode === null && !mayAll) {
    // Not every faculty's: the one they may see, or they say which.
    if (visible.length > 1) return { kind: 'choose_faculty', faculties: visible };
    facultyCode = visible[0] ?? null;
  }

  const now = dependencies.now();
  const { timeZone } = config.institution;
  const report = await statisticsReport(dependencies.store, {
    facultyCode,
    period: parsed.period ?? defaultPeriod(now, timeZone),
    faculties: facultyCode === null ? units.facultiesWithOwners() : [facultyCode],
    timeZone,
    now,
  });
  return { kind: 'statistics', report };
}
