import { looksLikePeriod, type PeriodProblem, parsePeriod, type StatsPeriod } from './stats-period.js';

/**
 * What follows `/avvik statistikk`: a faculty code and a period, both
 * optional, in any order (`IE 2026`, `vår-2026 nv`). A problem names the
 * argument it is about.
 */
export type StatsArguments =
  | {
      readonly ok: true;
      /** The faculty's code as configured; null when none was given. */
      readonly facultyCode: string | null;
      /** null when none was given (the caller takes the default). */
      readonly period: StatsPeriod | null;
    }
  | { readonly ok: false; readonly problem: StatsArgumentProblem };

export type StatsArgumentProblem =
  | { readonly kind: 'period'; readonly argument: string; readonly reason: PeriodProblem }
  | { readonly kind: 'unknown_faculty'; readonly argument: string; readonly known: readonly string[] }
  | { readonly kind: 'too_many'; readonly argument: string };

export function parseStatsArguments(
  words: readonly string[],
  facultyCodes: readonly string[],
): StatsArguments {
  let facultyCode: string | null = null;
  let period: StatsPeriod | null = null;
  for (const argument of words.map((word) => word.trim().normalize('NFC')).filter((word) => word !== '')) {
    // Codes are compared without case: `ie` is IE.
    const faculty = facultyCodes.find((code) => code.toLowerCase() === argument.toLowerCase());
    if (faculty !== undefined) {
      if (facultyCode !== null) return { ok: false, problem: { kind: 'too_many', argument } };
      facultyCode = faculty;
      continue;
    }
    if (!looksLikePeriod(argument)) {
      return { ok: false, problem: { kind: 'unknown_faculty', argument, known: facultyCodes } };
    }
    const parsed = parsePeriod(argument);
    if (!parsed.ok) return { ok: false, problem: { kind: 'period', argument, reason: parsed.problem } };
    if (period !== null) return { ok: false, problem: { kind: 'too_many', argument } };
    period = parsed.period;
  }
  return { ok: true, facultyCode, period };
}
