import { type CalendarDate, dateParts } from '../../shared/calendar-date.js';

export type Term = 'spring' | 'autumn';

/** An exam period's identification: the April run is spring, the October run autumn. */
export interface IdentificationPeriod {
  readonly term: Term;
  readonly year: number;
}

/** The period a reference date belongs to: January–June spring, July–December autumn. */
export function periodOf(referenceDate: CalendarDate): IdentificationPeriod {
  const { year, month } = dateParts(referenceDate);
  return { term: month <= 6 ? 'spring' : 'autumn', year };
}

export function comparePeriods(a: IdentificationPeriod, b: IdentificationPeriod): number {
  return a.year - b.year || termOrder(a.term) - termOrder(b.term);
}

/** `spring 2026`, as the CLI prints it. */
export function describePeriod(period: IdentificationPeriod): string {
  return `${period.term} ${period.year}`;
}

/** Danish name used in the journal's case titles: forår (spring) / efterår (autumn). */
export function danishTermName(term: Term): 'forår' | 'efterår' {
  return term === 'spring' ? 'forår' : 'efterår';
}

function termOrder(term: Term): number {
  return term === 'spring' ? 0 : 1;
}
