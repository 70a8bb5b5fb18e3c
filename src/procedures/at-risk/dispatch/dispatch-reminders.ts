import type { SurfaceName } from '../../../surfaces/chat-surface.js';
import type { IdentificationPeriod } from '../identification-period.js';

/** Who is reminded: the chair first, then the head(s) of studies covering the board. */
export type DispatchReminderStage = 'chair' | 'head_of_studies';

/** A draft cycle whose exam-period reminder was posted in the board's channel. */
export interface UndispatchedCycle {
  readonly cycleId: string;
  readonly boardCode: string;
  readonly period: IdentificationPeriod;
  /** When the reminder was first posted in the board's channel (on any surface). */
  readonly remindedAt: Date;
  readonly red: number;
  readonly yellow: number;
}

/** One direct message: to one person, on one surface, for one cycle and stage. */
export interface DispatchReminderKey {
  readonly cycleId: string;
  readonly stage: DispatchReminderStage;
  readonly surface: SurfaceName;
  /** The person's e-mail address. */
  readonly recipient: string;
}

/**
 * The dispatch_reminder table (src/storage/prisma-dispatch-reminders.ts): a
 * message is claimed before it is posted, so a second instance, a retry or
 * a second run that day posts nothing twice; a claim ends with its instance.
 */
export interface DispatchReminders {
  /** Draft cycles whose channel reminder was posted at or before `postedBy`. */
  undispatched(postedBy: Date): Promise<UndispatchedCycle[]>;
  /**
   * True when this caller now holds the message: new, failed before, or
   * claimed by an instance that is gone. False: posted already, or another
   * living instance is posting it.
   */
  claim(key: DispatchReminderKey, now: Date): Promise<boolean>;
  recordPosted(key: DispatchReminderKey, now: Date): Promise<void>;
  recordFailed(key: DispatchReminderKey, problem: string): Promise<void>;
}
