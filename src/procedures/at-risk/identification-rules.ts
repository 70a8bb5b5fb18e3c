/**
 * The numbers of the procedure, configurable per institution (config key
 * `thresholds`); the defaults are Aalborg University's and the Danish rules'.
 */
export interface IdentificationRules {
  /** behind ≤ this → green */
  readonly greenMaxBehind: number;
  /** behind ≥ this → red. The source text leaves exactly 15 open; we read it as red, the more supportive reading. */
  readonly redMinBehind: number;
  /** blue: enrolled at least this long with no module passed within it */
  readonly inactivityMonths: number;
  /** 30 ECTS = one semester = 6 months */
  readonly ectsPerMonth: number;
  /** § 31: delayed more than this → right to special guidance */
  readonly specialGuidanceMonths: number;
  /** § 31: delayed more than this → the university must contact the student and offer a meeting */
  readonly mandatoryContactMonths: number;
}

export const defaultIdentificationRules: IdentificationRules = {
  greenMaxBehind: 5,
  redMinBehind: 15,
  inactivityMonths: 12,
  ectsPerMonth: 5,
  specialGuidanceMonths: 6,
  mandatoryContactMonths: 12,
};
