import { type CalendarDate, subtractMonths } from '../../shared/calendar-date.js';
import type { IdentificationRules } from './identification-rules.js';
import type { ProgressRow } from './progress-export/progress-row.js';

export const trafficLights = ['green', 'yellow', 'red', 'blue'] as const;
export type TrafficLight = (typeof trafficLights)[number];
/** Out-of-scope students are counted, never classified. */
export type Category = TrafficLight | 'out_of_scope';

export interface StudentClassification {
  readonly category: Category;
  /** expected − passed, negative when ahead; rounded to 1/1000 ECTS so 20.1 − 15.1 is exactly 5 */
  readonly ectsBehind: number;
  /** § 31: max(0, behind) / ECTS per month */
  readonly delayMonths: number;
  /** § 31: in scope and delayed more than 6 months: a right to special guidance */
  readonly specialGuidance: boolean;
  /** § 31: in scope and delayed more than 12 months: the university must offer a meeting */
  readonly mandatoryContact: boolean;
}

/** Only ordinary, active students are followed up by this procedure. */
export function isInScope(row: Pick<ProgressRow, 'enrolmentType' | 'status'>): boolean {
  return row.enrolmentType === 'ordinary' && row.status === 'active';
}

/**
 * The traffic light as of reference date R. The rules are applied in the
 * spec's order: blue first (inactive), then green/yellow/red by ECTS behind.
 * The window start (R − 12 months) is worked out once for a whole export.
 */
export function studentClassifier(
  referenceDate: CalendarDate,
  rules: IdentificationRules,
): (row: ProgressRow) => StudentClassification {
  const windowStart = subtractMonths(referenceDate, rules.inactivityMonths);
  return (row) => {
    const ectsBehind = roundToThousandths(row.ectsExpected - row.ectsPassed);
    const delayMonths = roundToThousandths(Math.max(0, ectsBehind) / rules.ectsPerMonth);
    if (!isInScope(row)) {
      return {
        category: 'out_of_scope',
        ectsBehind,
        delayMonths,
        specialGuidance: false,
        mandatoryContact: false,
      };
    }
    return {
      category: trafficLightOf(row, ectsBehind, windowStart, rules),
      ectsBehind,
      delayMonths,
      specialGuidance: delayMonths > rules.specialGuidanceMonths,
      mandatoryContact: delayMonths > rules.mandatoryContactMonths,
    };
  };
}

/** One student's traffic light as of R (see studentClassifier). */
export function classifyStudent(
  row: ProgressRow,
  referenceDate: CalendarDate,
  rules: IdentificationRules,
): StudentClassification {
  return studentClassifier(referenceDate, rules)(row);
}

function trafficLightOf(
  row: ProgressRow,
  ectsBehind: number,
  windowStart: CalendarDate,
  rules: IdentificationRules,
): TrafficLight {
  if (isInactive(row, windowStart)) return 'blue';
  if (ectsBehind <= rules.greenMaxBehind) return 'green';
  if (ectsBehind < rules.redMinBehind) return 'yellow';
  return 'red';
}

/**
 * Blue: enrolled at least 12 months (enrolled on or before R − 12 months) and
 * no module passed within the last 12 months. A pass exactly on R − 12 months
 * is within the window, so it keeps the student out of blue.
 */
function isInactive(row: ProgressRow, windowStart: CalendarDate): boolean {
  const enrolledLongEnough = row.enrolledOn <= windowStart;
  const passedWithinWindow = row.lastPassedOn !== null && row.lastPassedOn >= windowStart;
  return enrolledLongEnough && !passedWithinWindow;
}

function roundToThousandths(value: number): number {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? 0 : rounded;
}
