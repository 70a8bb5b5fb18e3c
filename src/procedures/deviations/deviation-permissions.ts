import type { DeviationCase } from './deviation-case.js';
import type { UnitDirectory } from './unit-directory.js';

/**
 * Who may do what to a deviation case (the guideline's roles). Checked in the
 * use-cases, before anything is read out or changed; the chat side only
 * decides which buttons to show. Addresses compare without case.
 */
function same(a: string | null | undefined, b: string | null | undefined): boolean {
  return (
    a !== null && a !== undefined && b !== null && b !== undefined && a.toLowerCase() === b.toLowerCase()
  );
}

/** The report owners of the faculty that has the case now: they triage it. */
export function isReportOwnerOf(
  email: string | null,
  deviation: DeviationCase,
  units: UnitDirectory,
): boolean {
  return units.reportOwnersOf(deviation.facultyCode).some((owner) => same(owner, email));
}

export function isHandlerOf(email: string | null, deviation: DeviationCase): boolean {
  return same(deviation.handler?.email, email);
}

export function isReporterOf(email: string | null, deviation: DeviationCase): boolean {
  return same(deviation.reporter.email, email);
}

/** Triage (accept and assign, forward, reject, redirect, flag): only the faculty's report owners. */
export function mayTriage(email: string | null, deviation: DeviationCase, units: UnitDirectory): boolean {
  return isReportOwnerOf(email, deviation, units);
}

/** Handling (ask, comments, preliminary reply, causes, close): the assigned handler. */
export function mayHandle(email: string | null, deviation: DeviationCase): boolean {
  return isHandlerOf(email, deviation);
}

/**
 * The full case (text, history, the people): the handler, the faculty's
 * report owners and the line managers over the unit. The reporter sees her
 * own case's status and what was said to her, not the internal handling.
 */
export function maySeeFullCase(
  email: string | null,
  deviation: DeviationCase,
  units: UnitDirectory,
): boolean {
  if (email === null) return false;
  const unit = units.unit(deviation.unit);
  return (
    isHandlerOf(email, deviation) ||
    isReportOwnerOf(email, deviation, units) ||
    units.isLineManagerOver(email, {
      facultyCode: deviation.facultyCode,
      departmentCode: unit?.departmentCode ?? null,
    })
  );
}

/**
 * Statistics for a faculty (or all, `null`): its report owners, line managers
 * over it and the quality department. Sensitive cases count but show no text.
 */
export function maySeeStatistics(
  email: string | null,
  facultyCode: string | null,
  units: UnitDirectory,
): boolean {
  if (email === null) return false;
  if (units.isQualityDepartmentFor(email, facultyCode)) return true;
  if (facultyCode === null) return false;
  return (
    units.reportOwnersOf(facultyCode).some((owner) => same(owner, email)) ||
    units.isLineManagerOver(email, { facultyCode, departmentCode: null })
  );
}
