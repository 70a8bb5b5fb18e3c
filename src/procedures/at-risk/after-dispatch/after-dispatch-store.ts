import type { PostedMessage, SurfaceName } from '../../../surfaces/chat-surface.js';
import type { JournalStudent, SentMail } from '../journal/journal-input.js';

/**
 * What the after-dispatch work reads that the other stores do not give: the
 * cycle's identification list and sent mails as the journal takes them, and
 * the follow-up figures of the board-meeting pack.
 */
export interface AfterDispatchReading {
  /** The board of a cycle; null for an unknown cycle. */
  boardCodeOf(cycleId: string): Promise<string | null>;
  /** Every student of the cycle (every category and routing), CPR sealed. */
  journalStudents(cycleId: string): Promise<JournalStudent[]>;
  /** The mails the SMTP server accepted for the cycle, `from` as SMTP_FROM wrote it. */
  sentMails(cycleId: string, from: string): Promise<SentMail[]>;
  /** Yellow and red students this board follows up, as the pack counts them (the excluded left out of withoutEmail). */
  followUp(
    cycleId: string,
    excludedStudentNumbers: readonly string[],
  ): Promise<{
    readonly withoutEmail: number;
    readonly specialGuidance: number;
    readonly mandatoryContact: number;
  }>;
}

/** What the board's channel is told after a dispatch. */
export type AfterDispatchPostKind = 'journalised' | 'board_meeting_pack';

export interface AfterDispatchPostKey {
  readonly cycleId: string;
  readonly surface: SurfaceName;
  readonly kind: AfterDispatchPostKind;
}

export interface AfterDispatchPostRecord {
  readonly status: 'claimed' | 'posted' | 'failed';
  readonly posted: PostedMessage | null;
}

/**
 * The ledger that makes each after-dispatch post happen once per cycle,
 * surface and kind: the place is claimed before anything is posted; a claim
 * is held by the instance that made it and ends with it (InstanceLease), so
 * a post whose instance died unrecorded is taken over by the next run.
 */
export interface AfterDispatchPosts {
  /** null: this caller got the claim; else the record already there. */
  claim(key: AfterDispatchPostKey, now: Date): Promise<AfterDispatchPostRecord | null>;
  reclaimFromGoneHolder(key: AfterDispatchPostKey, now: Date): Promise<boolean>;
  reclaimFailed(key: AfterDispatchPostKey, now: Date): Promise<boolean>;
  recordPosted(key: AfterDispatchPostKey, posted: PostedMessage, now: Date): Promise<void>;
  recordFailed(key: AfterDispatchPostKey, problem: string): Promise<void>;
}
