import type { CalendarDate } from '../../../shared/calendar-date.js';
import type { ExclusionReason } from '../exclusions/exclusion.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { JournalProblemCode } from '../journal/journal-case.js';

/**
 * The board-meeting pack (procedure step 7): the summary posted in the
 * board's channel after dispatch, and the PDF beside it, which uses the same
 * texts. Counts only: the pack names no student.
 */
export interface BoardMeetingTexts {
  /** `Til studienævnsmødet: frafaldstruede studerende – forår 2026 – Studienævn for Datalogi` */
  heading(params: { readonly period: IdentificationPeriod; readonly boardName: string }): string;
  /** When the mails went out, and what this is for. */
  intro(params: { readonly period: IdentificationPeriod; readonly dispatchedOn: CalendarDate }): string;
  readonly mailsHeading: string;
  readonly mailsSent: string;
  readonly mailsFailed: string;
  /** In-scope yellow and red students the mails could not reach: followed up by hand. */
  readonly withoutEmail: string;
  readonly exclusionsHeading: string;
  /** Why a student was sorted out, as a label. */
  readonly exclusionReason: Readonly<Record<ExclusionReason, string>>;
  readonly noExclusions: string;
  /** `I alt` */
  readonly total: string;
  readonly section31Heading: string;
  /** § 31 stk. 1: delayed more than `months` months, a right to special guidance. */
  specialGuidance(params: { readonly count: number; readonly months: number }): string;
  /** § 31 stk. 2: delayed more than `months` months, the university must offer a meeting. */
  mandatoryContact(params: { readonly count: number; readonly months: number }): string;
  /** § 31 stk. 2 students the chair excluded, having confirmed it at dispatch. */
  mandatoryContactExcluded(count: number): string;
  /** Beside the message: the same material as a PDF. */
  readonly pdfAttached: string;
  /** The PDF's table headers. */
  readonly column: {
    readonly category: string;
    readonly students: string;
    /** `Ændring siden efteråret 2025` */
    change(since: IdentificationPeriod): string;
    readonly reason: string;
    /** The mails table's first column: sent, not delivered, without an address. */
    readonly mailStatus: string;
    /** How many (mails or students). */
    readonly number: string;
  };
  /** The PDF's footer: `Udarbejdet af Trafiklys 7. april 2026, side 1 af 2`. */
  footer(params: { readonly madeOn: CalendarDate; readonly page: number; readonly pages: number }): string;
}

/** Told in the board's channel once a cycle is journalised (procedure step 6). Counts only. */
export interface JournalTexts {
  heading(params: { readonly period: IdentificationPeriod; readonly boardName: string }): string;
  /** Cases filed in this run: one student case per sent mail, one collective case per programme. */
  filed(params: { readonly studentCases: number; readonly collectiveCases: number }): string;
  /** Cases an earlier run had already filed. */
  alreadyFiled(count: number): string;
  /** Cases another instance is filing right now. */
  inProgress(count: number): string;
  /** Cases that could not be filed; one line per cause follows. */
  failed(count: number): string;
  /** One cause and how many cases it stopped. */
  problem(params: { readonly problem: JournalProblemCode; readonly count: number }): string;
  /** What happens to the failed ones. */
  readonly retryNote: string;
}
