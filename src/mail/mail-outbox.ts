/**
 * The mail outbox: the mails of a dispatch, each written once when it is
 * decided (rendered, with its Message-ID) and then sent by whichever instance
 * claims it. The port the sender drains; the table is `mail_outbox`
 * (src/storage/prisma-mail-outbox.ts).
 */

export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** A mail as it is queued: everything it will ever carry, rendered. */
export interface OutboxMailDraft<Template extends string = string> {
  /** The cycle whose dispatch it belongs to; the outbox holds one mail per (cycle, student, template). */
  readonly cycleId: string;
  readonly studentId: string;
  readonly template: Template;
  readonly recipient: string;
  readonly language: 'da' | 'en';
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** A mail this instance has claimed and is to hand to the SMTP server. */
export interface ClaimedMail {
  readonly id: bigint;
  readonly cycleId: string;
  readonly recipient: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** `<uuid@domain>`, fixed when the mail was queued: a resend carries the same one. */
  readonly messageId: string;
  /** Its Date header, also fixed: when it was queued. */
  readonly createdAt: Date;
  /** Including this one. */
  readonly attempts: number;
  /**
   * Claimed from an instance that died while it held it: the server may
   * already have accepted it (the one window no SMTP client can close).
   */
  readonly takenOver: boolean;
}

export interface SentMail {
  readonly id: bigint;
  /** The server's reply, e.g. "250 2.0.0 Ok: queued as 4Xq…". */
  readonly smtpResponse: string;
  readonly sentAt: Date;
}

/** A cycle's mails by state; `pending` counts the ones being sent too. */
export interface CycleMailCounts {
  readonly cycleId: string;
  readonly sent: number;
  readonly failed: number;
  readonly pending: number;
}

/** Which mails a drain is about: one cycle's, one board's (every cycle of it), or all. */
export interface OutboxScope {
  readonly cycleId?: string | undefined;
  readonly boardCode?: string | undefined;
}

/** What keeps a drain that waits for every mail from finishing yet. */
export interface OutboxBacklog {
  /** Pending mails; the earliest moment one of them may be sent (null: none pending). */
  readonly pending: number;
  readonly nextAttemptAt: Date | null;
  /** Mails another living instance is sending right now. */
  readonly sendingElsewhere: number;
}

export interface MailOutbox<Template extends string = string> {
  /**
   * Queues the mails in one transaction, each with a new Message-ID
   * `<uuid@messageIdDomain>`. A mail already queued for its (cycle, student,
   * template) is left as it is, so confirming a dispatch twice adds nothing.
   * Returns how many were new.
   */
  enqueue(
    drafts: readonly OutboxMailDraft<Template>[],
    options: { readonly messageIdDomain: string; readonly now: Date },
  ): Promise<number>;
  /**
   * Claims up to `limit` mails for this instance, oldest first: pending ones
   * due at `now`, and ones whose holder is gone (it died while sending).
   */
  claimDue(scope: OutboxScope, limit: number, now: Date): Promise<ClaimedMail[]>;
  /** Records accepted mails, several at once (their claims end). */
  recordSent(mails: readonly SentMail[]): Promise<void>;
  /** A temporary refusal: pending again from `nextAttemptAt`, with the reason. */
  recordRetry(id: bigint, problem: string, nextAttemptAt: Date): Promise<void>;
  /** Refused for good (or out of retries): failed, with the reason. */
  recordFailed(id: bigint, problem: string): Promise<void>;
  /** Gives claimed mails back unsent (a drain stopping): pending and due, as if never claimed. */
  release(ids: readonly bigint[]): Promise<void>;
  /** Each of these cycles' mails by state. */
  counts(cycleIds: readonly string[]): Promise<CycleMailCounts[]>;
  backlog(scope: OutboxScope): Promise<OutboxBacklog>;
}
