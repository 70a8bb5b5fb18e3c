import type { IdentificationPeriod } from '../identification-period.js';
import type { Category } from '../traffic-light.js';

/**
 * Why a student is sorted out (spec step 3). § 31 stk. 3 (leave, military
 * service, long illness, caring for a relative) is not in the export, so the
 * chair records it as "leave_being_registered" or "personal_circumstances".
 */
export const exclusionReasons = [
  'personal_circumstances',
  'change_of_specialisation',
  'elite_athlete',
  'agreed_study_plan',
  'leave_being_registered',
  'other',
] as const;
export type ExclusionReason = (typeof exclusionReasons)[number];

/** The longest note a chair writes; the journal and the meeting pack print it whole. */
export const exclusionNoteMaxLength = 500;

/** Who was excluded, as the review list showed her when she was. No CPR number. */
export interface ExcludedStudentSnapshot {
  readonly name: string;
  readonly programmeCode: string;
  readonly programmeName: string;
  readonly category: Category;
  readonly ectsBehind: number;
  readonly delayMonths: number;
  /** § 31 stk. 1: more than 6 months delayed */
  readonly specialGuidance: boolean;
  /** § 31 stk. 2: more than 12 months delayed: the university must offer a meeting */
  readonly mandatoryContact: boolean;
}

export interface Exclusion {
  readonly boardCode: string;
  readonly period: IdentificationPeriod;
  readonly studentNumber: string;
  readonly reason: ExclusionReason;
  readonly note: string | null;
  readonly snapshot: ExcludedStudentSnapshot;
  readonly excludedBy: string;
  readonly excludedAt: Date;
}

/** A student of a cycle as an exclusion needs her: who she is now, and whether this board follows her up. */
export interface ExcludableStudent extends ExcludedStudentSnapshot {
  readonly studentNumber: string;
  /** own or forwarded_in: this board contacts her; forwarded_out: the side-subject board does. */
  readonly followedUpHere: boolean;
}
