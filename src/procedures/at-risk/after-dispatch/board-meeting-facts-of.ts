import type { InstitutionConfig, StudyBoard } from '../../../config/institution-config.js';
import type { CycleMailCounts } from '../../../mail/mail-outbox.js';
import { todayIn } from '../../../shared/calendar-date.js';
import type { BoardMeetingFacts } from '../board-meeting/board-meeting-facts.js';
import type { Exclusion, ExclusionReason } from '../exclusions/exclusion.js';
import type { CycleComparison, CycleRecord } from '../identification-store.js';

/**
 * The board-meeting pack's figures from a dispatched cycle: its counts and
 * the previous cycle's, its exclusions per reason, its outbox (sent and
 * failed) and the § 31 flags of the students this board follows up.
 */
export function boardMeetingFactsOf(source: {
  readonly config: InstitutionConfig;
  readonly board: StudyBoard;
  readonly cycle: CycleRecord;
  readonly comparison: CycleComparison;
  readonly exclusions: readonly Exclusion[];
  readonly mails: CycleMailCounts;
  readonly followUp: {
    readonly withoutEmail: number;
    readonly specialGuidance: number;
    readonly mandatoryContact: number;
  };
}): BoardMeetingFacts {
  const { config, board, cycle, comparison, exclusions, mails, followUp } = source;
  const perReason: Partial<Record<ExclusionReason, number>> = {};
  for (const exclusion of exclusions) perReason[exclusion.reason] = (perReason[exclusion.reason] ?? 0) + 1;
  const { previous } = comparison;
  return {
    board: { code: board.code, name: board.name, names: board.names },
    period: { term: cycle.term, year: cycle.year },
    // Marked when the chair confirmed; the mails went out from then on.
    dispatchedOn: todayIn(config.institution.timeZone, cycle.mailsSentAt ?? cycle.importedAt),
    counts: cycle.counts,
    previous: previous
      ? { period: { term: previous.term, year: previous.year }, counts: previous.counts }
      : null,
    exclusions: perReason,
    mails: { sent: mails.sent, failed: mails.failed, withoutEmail: followUp.withoutEmail },
    section31: {
      specialGuidance: followUp.specialGuidance,
      mandatoryContact: followUp.mandatoryContact,
      // § 31 stk. 2: each was named again at dispatch and confirmed by the chair.
      mandatoryContactExcluded: exclusions.filter((exclusion) => exclusion.snapshot.mandatoryContact).length,
      uncontactedOverdue: cycle.uncontactedOverdue,
    },
    thresholds: {
      specialGuidanceMonths: config.thresholds.specialGuidanceMonths,
      mandatoryContactMonths: config.thresholds.mandatoryContactMonths,
    },
  };
}
