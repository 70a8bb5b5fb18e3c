import type { LocalisedNames } from '../../../config/institution-config.js';
import type { CalendarDate } from '../../../shared/calendar-date.js';
import { type ExclusionReason, exclusionReasons } from '../exclusions/exclusion.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { CategoryCounts } from '../identify-students.js';

/**
 * What the board-meeting pack says (procedure step 7: the material is
 * discussed at the board's next meeting), as plain figures: the caller counts
 * them from the dispatched cycle, its exclusions and its outbox. No student
 * is named: the pack is meeting material, read by the whole board (student
 * members included) and possibly shown on a screen; who was sorted out, and
 * why, is documented in the journal's collective case.
 */
export interface BoardMeetingFacts {
  readonly board: { readonly code: string; readonly name: string; readonly names: LocalisedNames };
  readonly period: IdentificationPeriod;
  /** The day the mails were sent, in the institution's zone. */
  readonly dispatchedOn: CalendarDate;
  /** The cycle's students per category (its home students, as the reminder counts them). */
  readonly counts: CategoryCounts;
  /** The board's previous cycle, for the change since then; null for a board's first. */
  readonly previous: { readonly period: IdentificationPeriod; readonly counts: CategoryCounts } | null;
  /** Students sorted out, per reason (a reason left out counts none). */
  readonly exclusions: Readonly<Partial<Record<ExclusionReason, number>>>;
  readonly mails: {
    /** Accepted by the SMTP server. */
    readonly sent: number;
    /** Refused for good (5xx) or given up. */
    readonly failed: number;
    /** Yellow and red students with no e-mail address: followed up by hand. */
    readonly withoutEmail: number;
  };
  readonly section31: {
    /** § 31 stk. 1: delayed more than `specialGuidanceMonths`. */
    readonly specialGuidance: number;
    /** § 31 stk. 2: delayed more than `mandatoryContactMonths`. */
    readonly mandatoryContact: number;
    /** § 31 stk. 2 students the chair excluded (she confirmed each at dispatch). */
    readonly mandatoryContactExcluded: number;
    /** § 31 stk. 2 students who are blue, and so not contacted by this procedure. */
    readonly uncontactedOverdue: number;
  };
  readonly thresholds: { readonly specialGuidanceMonths: number; readonly mandatoryContactMonths: number };
}

/** The reasons with at least one student, in the order the chair picks them from. */
export function exclusionsByReason(
  exclusions: BoardMeetingFacts['exclusions'],
): { readonly reason: ExclusionReason; readonly count: number }[] {
  return exclusionReasons
    .map((reason) => ({ reason, count: exclusions[reason] ?? 0 }))
    .filter(({ count }) => count > 0);
}
