/**
 * The transport edge: hands one mail to a mail server and says what the
 * server answered. No outbox, no retries: those are the drain's
 * (src/mail/drain-outbox.ts).
 */

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** `<uuid@domain>`; the same on every attempt, so a resend is recognisably the same mail. */
  readonly messageId: string;
  /** The Date header, fixed with the mail, so a resend carries the same bytes. */
  readonly date: Date;
}

/** What the server made of one mail. */
export type SendOutcome =
  /** Accepted (250 after DATA): it is the server's now. */
  | { readonly kind: 'accepted'; readonly response: string }
  /** A 4xx reply to this mail: try it again later. */
  | { readonly kind: 'deferred'; readonly reply: string }
  /** A 5xx reply to this mail (an unknown mailbox, a refused sender): it will never go. */
  | { readonly kind: 'rejected'; readonly reply: string }
  /**
   * No answer about this mail: the server could not be reached, refused our
   * login or TLS, timed out, or said it is shutting down (421). Every mail
   * would fare the same just now; try later.
   */
  | { readonly kind: 'unavailable'; readonly problem: string };

export interface MailSender {
  /** How many mails it carries at once (its connections): the drain keeps that many in flight. */
  readonly parallel: number;
  /**
   * Sends one mail (waiting for the send rate first). Never throws for what
   * the server said; rejects only when `signal` aborts the wait before the
   * mail was handed over.
   */
  send(mail: OutgoingMail, signal?: AbortSignal): Promise<SendOutcome>;
  /** Closes the connections once the mails in flight are done. */
  close(): Promise<void>;
}
