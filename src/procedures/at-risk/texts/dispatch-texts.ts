import type { IdentificationPeriod } from '../identification-period.js';
import type { MailLanguage } from '../mail/mail-placeholders.js';

/** Which § 31 mail: yellow (stk. 1, guidance and rights) or red (stk. 2, the offer of a meeting). */
export type DispatchTemplate = 'yellow' | 'red';

/**
 * The chair's dispatch of the § 31 mails (src/procedures/at-risk/dispatch):
 * the preview, the test mail, the confirmation and the progress in the
 * board's channel. Never a CPR number; names only where the chair decides.
 */
export interface DispatchTexts {
  /** The view's own title, short (Slack: 24 characters): `Send the mails`. */
  readonly formTitle: string;
  /** `Mails to at-risk students – spring 2026 – History` */
  heading(params: { readonly period: IdentificationPeriod; readonly boardName: string }): string;
  /** The button on the reminder and the command that opens the preview. */
  readonly openButton: string;
  readonly commandDescription: string;
  readonly cancelButton: string;
  /** The submit button: `Send 42 mails`. */
  sendButton(mails: number): string;
  /**
   * `Red mail (§ 31 stk. 2), Danish`: the language is the mail's (the student's
   * teaching language, Danish or English), not the reader's.
   */
  templateName(params: { readonly template: DispatchTemplate; readonly language: MailLanguage }): string;
  readonly recipientsHeading: string;
  /** A fact's value: `12 students` */
  students(count: number): string;
  readonly noRecipients: string;
  /** `Without an e-mail address (2), follow them up yourself: Ida Holm, Bo Berg` */
  withoutEmail(params: { readonly count: number; readonly names: string }): string;
  readonly excludedHeading: string;
  /** `Ida Holm (2019123): agreed study plan, "note"` */
  excludedLine(params: {
    readonly name: string;
    readonly studentNumber: string;
    readonly reason: string;
    readonly note: string | null;
  }): string;
  readonly noExclusions: string;
  /** § 31 stk. 2 duty: excluded students more than 12 months delayed, named again. */
  mandatoryContactExcluded(params: { readonly count: number; readonly names: string }): string;
  readonly confirmMandatoryLabel: string;
  readonly confirmMandatoryRequired: string;
  readonly sampleHeading: string;
  /** `Subject: …` */
  sampleSubject(subject: string): string;
  /** `Send a test of this mail to me (chair@x.dk)` */
  testButton(params: { readonly template: DispatchTemplate; readonly language: MailLanguage }): string;
  testSent(params: {
    readonly template: DispatchTemplate;
    readonly language: MailLanguage;
    readonly address: string;
  }): string;
  testFailed(reason: string): string;
  readonly testNeedsAddress: string;
  readonly onlyDeciders: string;
  readonly noMailServer: string;
  /** The cycle was dispatched already: the preview is read-only. */
  alreadyDispatched(date: string): string;
  readonly noCycle: string;
  /** In the board's channel while the mails go out, updated in place. */
  progress(params: {
    readonly period: IdentificationPeriod;
    readonly boardName: string;
    readonly sent: number;
    readonly failed: number;
    readonly pending: number;
  }): string;
  /** The final tally's lines for manual follow-up. */
  failedLine(params: { readonly address: string; readonly problem: string }): string;
  readonly manualFollowUp: string;
  /** Who confirmed, in the channel: `Sent by Karen Blixen.` */
  confirmedBy(name: string): string;
  readonly exclusionReason: Readonly<
    Record<
      | 'personal_circumstances'
      | 'change_of_specialisation'
      | 'elite_athlete'
      | 'agreed_study_plan'
      | 'leave_being_registered'
      | 'other',
      string
    >
  >;
}
