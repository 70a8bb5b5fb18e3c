import type { PostedMessage, SurfaceName } from '../../../surfaces/chat-surface.js';
import type { IdentificationPeriod } from '../identification-period.js';

/** One reminder to one place: a board's channel, or a person's copy, on one surface, for one period. */
export interface DeliveryKey {
  readonly boardCode: string;
  readonly period: IdentificationPeriod;
  readonly surface: SurfaceName;
  /** "channel", or the e-mail address of the person receiving a copy */
  readonly recipient: string;
}

export type ReminderKind = 'summary' | 'upload_request';

export interface DeliveryRecord {
  readonly kind: ReminderKind;
  readonly status: 'claimed' | 'posted' | 'failed' | 'unreachable';
  readonly posted: PostedMessage | null;
  readonly contentHash: string | null;
  readonly claimedAt: Date;
  /** Why the last attempt failed or could not be delivered (the platform's words). */
  readonly problem: string | null;
}

/**
 * The ledger that makes each reminder happen once: a place is claimed before
 * anything is posted, so a second instance, a restart or a manual
 * `remind now` finds the claim and posts nothing new. A claim is held by the
 * instance that made it and ends with it: once that instance is gone, another
 * takes it over.
 */
export interface ReminderDeliveries {
  /** Claims the place; returns null when this caller got it, or the record that is already there. */
  claim(key: DeliveryKey, kind: ReminderKind, now: Date): Promise<DeliveryRecord | null>;
  /** Takes over a claim whose holder is gone (its instance died before the post was recorded). */
  reclaimFromGoneHolder(key: DeliveryKey, kind: ReminderKind, now: Date): Promise<boolean>;
  /** Retries a place whose last attempt failed or could not be delivered. */
  reclaimFailed(key: DeliveryKey, kind: ReminderKind, now: Date): Promise<boolean>;
  recordPosted(
    key: DeliveryKey,
    kind: ReminderKind,
    posted: PostedMessage,
    contentHash: string,
    now: Date,
  ): Promise<void>;
  /** The message after an update: its pages may have changed (see ChatSurface.updateMessage). */
  recordUpdated(
    key: DeliveryKey,
    kind: ReminderKind,
    posted: PostedMessage,
    contentHash: string,
    now: Date,
  ): Promise<void>;
  recordProblem(key: DeliveryKey, status: 'failed' | 'unreachable', problem: string): Promise<void>;
  /** Every delivery of a board's period, e.g. to update them after an import. */
  forPeriod(
    boardCode: string,
    period: IdentificationPeriod,
  ): Promise<(DeliveryRecord & { key: DeliveryKey })[]>;
}
