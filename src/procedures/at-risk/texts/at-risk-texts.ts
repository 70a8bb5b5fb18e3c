import type { Inline, RichText } from '../../../messages/message-model.js';
import type { CalendarDate } from '../../../shared/calendar-date.js';
import type { SurfaceName } from '../../../surfaces/chat-surface.js';
import type { IdentificationPeriod, Term } from '../identification-period.js';
import type { ExportProblem } from '../progress-export/export-problem.js';
import type { Category, TrafficLight } from '../traffic-light.js';
import type { BoardMeetingTexts, JournalTexts } from './board-meeting-texts.js';
import type { DispatchReminderTexts } from './dispatch-reminder-texts.js';
import type { DispatchTexts } from './dispatch-texts.js';
import type { ExclusionTexts } from './exclusion-texts.js';
import type { ReviewTexts } from './review-texts.js';

/**
 * What became of one place of a reminder (a board's channel, a manager's
 * copy): posted now, updated, already there, being posted by another
 * instance, or failed (and tried again).
 */
export type PlaceOutcome = 'posted' | 'updated' | 'unchanged' | 'inProgress' | 'failed';

/** What a person may be refused. */
export type ProtectedAction = 'remind_now' | 'review_students' | 'import_export';

/**
 * The at-risk procedure's catalogue section (§ 31): every text it shows, in
 * one language. The bot's catalogue (`src/i18n/catalogue/catalogue.ts`) is
 * its core texts joined with this section, listed in
 * `src/i18n/catalogue/procedure-texts.ts`; readers keep reaching them as
 * `t.reminder…`, `t.review…`. The groups `commands`, `bot` and `errors` are
 * shared with the core: the keys here join the core's in the same group.
 * Messages take one object of named parameters, as in the core catalogue.
 */
export interface AtRiskTexts {
  /** Labels, capitalised: `Rød`, `Uden for målgruppen`. */
  readonly category: Readonly<Record<Category, string>>;

  readonly period: {
    /** `forår`, `efterår` */
    readonly term: Readonly<Record<Term, string>>;
    /** `forår 2026` */
    name(period: IdentificationPeriod): string;
  };

  /** The exam-period reminder posted in a study board's channel. */
  readonly reminder: {
    /** `Identifikation af frafaldstruede studerende – forår 2026 – Studienævn for Datalogi` */
    heading(params: { readonly period: IdentificationPeriod; readonly boardName: string }): string;
    /** Addresses the chair and the secretary, given as mentions (or plain names where they cannot be mentioned). */
    intro(params: {
      readonly chair: Inline;
      readonly secretary: Inline;
      readonly period: IdentificationPeriod;
    }): RichText;
    readonly countsHeading: string;
    /** `12 (+3 siden efteråret 2025)`; `change` is current − previous. */
    countWithChange(params: {
      readonly count: number;
      readonly change: number;
      readonly since: IdentificationPeriod;
    }): string;
    readonly noPreviousCycle: string;
    newlyRed(count: number): string;
    leftRed(count: number): string;
    /** Side-subject students this board identified and forwarded to their side subjects' boards. */
    forwardedOut(count: number): string;
    /** Side-subject students other boards forwarded to this board. */
    forwardedIn(count: number): string;
    /** § 31 cross-check: delayed more than `months` months and not contacted by this procedure. */
    uncontactedOverdue(params: { readonly count: number; readonly months: number }): string;
    noEmail(count: number): string;
    /** People the surface could not resolve by e-mail, by display name; at least one. */
    couldNotNotify(names: readonly string[]): string;
    /** Asks the chair to review and decide; sits above the review button. */
    readonly reviewRequest: string;
    readonly reviewButton: string;
    /** No export imported for the period yet: asks for one in the channel. */
    exportMissing(period: IdentificationPeriod): string;
  };

  /** Told to a board's secretary when the reminder could not be sent, after every retry. */
  readonly reminderFailure: {
    heading(params: { readonly boardName: string; readonly period: IdentificationPeriod }): string;
    /** The places that failed, already worded (see `place`); empty when the run failed before any. */
    body(params: {
      readonly places: readonly string[];
      readonly attempts: number;
      /** How to send it again on this platform, e.g. `/trafiklys remind now`. */
      readonly remindCommand: string;
    }): string;
    /** One place: the board's channel (`recipient` null) or a person's copy; `problem` is the platform's own code. */
    place(params: {
      readonly surface: SurfaceName;
      readonly recipient: string | null;
      readonly problem: string | null;
    }): string;
  };

  /** The list the chair reviews (src/procedures/at-risk/review). */
  readonly review: ReviewTexts;
  /** The chair's dispatch of the § 31 mails (src/procedures/at-risk/dispatch). */
  readonly dispatch: DispatchTexts;
  /** The chair's exclusion controls in the review list (procedure step 3). */
  readonly exclusions: ExclusionTexts;

  /** Answers to an export shared in a channel. */
  readonly progressImport: {
    /** The kind of file an export is, as `fileNotTaken` lists it. */
    readonly fileKind: string;
    /** `Eksporten er indlæst: …` */
    imported(params: {
      readonly fileName: string;
      readonly asOf: CalendarDate;
      readonly students: number;
      readonly outOfScope: number;
    }): string;
    /** The board's draft cycle for the period was replaced by this file. */
    replacedDraft(period: IdentificationPeriod): string;
    /** The same file with the same reference date: nothing changed. */
    alreadyImported(params: { readonly fileName: string; readonly period: IdentificationPeriod }): string;
    /**
     * Mails were sent for the period, so the board's cycle cannot be replaced;
     * a file is imported whole, so nothing from it was stored, for any board.
     */
    cycleLocked(params: {
      readonly period: IdentificationPeriod;
      readonly boardName: string;
      readonly fileName: string;
    }): string;
    /** One board of several imported from a file shared in a direct chat. */
    boardImported(params: {
      readonly boardName: string;
      readonly students: number;
      readonly outcome: 'created' | 'replaced' | 'unchanged';
      readonly period: IdentificationPeriod;
    }): string;
    /**
     * The file holds CPR numbers, but no key to store them encrypted is set (TRAFIKLYS_CPR_KEY): nothing
     * stored. Rich text: the command that makes a key is code on every surface, not a Slack-only backtick.
     */
    cprKeyMissing(fileName: string): RichText;
    /** Boards the person imports for that the file holds no rows of; their own students are untouched. */
    boardsNotInFile(boardNames: readonly string[]): string;
    /** Rows of boards the import was not for, left out (counted, never named: they are students). */
    otherBoardsLeftOut(rows: number): string;
    /** A file shared in a board's channel without a row of that board: nothing stored. */
    noRowsForBoard(params: { readonly fileName: string; readonly boardName: string }): string;
    /** A file shared in a direct chat without a row of any board the person imports for: nothing stored. */
    noneOfYourBoards(params: { readonly fileName: string; readonly boardNames: readonly string[] }): string;
    /**
     * `Filen … kunne ikke bruges:` and one problem a line (already described,
     * see `problem`); `more` problems were left out of the list.
     */
    rejected(params: {
      readonly fileName: string;
      readonly problems: readonly string[];
      readonly more: number;
    }): string;
    /**
     * One problem, located and worded from its reason:
     * `linje 1234, kolonne Beståede ECTS: »femten« er ikke et tal`. Line
     * numbers are written as the spreadsheet shows them, without grouping.
     */
    problem(problem: ExportProblem): string;
    /**
     * A rejected file as plain text, for a terminal or a file beside the
     * export: `spring.csv cannot be used:`, one problem a line (already
     * described, see `problem`), then how many were left out.
     */
    rejectionReport(params: {
      readonly fileName: string;
      readonly problems: readonly string[];
      readonly more: number;
    }): string;
  };

  /** A copy of a board's reminder sent to a manager (head of department, dean). */
  readonly copyToManager: {
    intro(params: { readonly period: IdentificationPeriod; readonly boardName: string }): string;
  };

  /** Its commands, as `/trafiklys help` lists them (`dispatch` has its own in `dispatch`). */
  readonly commands: {
    readonly description: {
      readonly remindNow: string;
      readonly status: string;
    };
  };

  /** The procedure's answers to its commands and to exports shared with it. */
  readonly bot: {
    /** An export shared in a channel that is no study board's. */
    readonly notABoardChannel: string;
    /**
     * What `remind now` did for one board: in its channel, per outcome the
     * platforms; the managers' copies, per outcome how many; `unreachable`
     * are e-mail addresses.
     */
    remindResult(params: {
      readonly boardName: string;
      readonly period: IdentificationPeriod;
      readonly channel: Readonly<Record<PlaceOutcome, readonly SurfaceName[]>>;
      readonly copies: Readonly<Record<PlaceOutcome, number>>;
      readonly unreachable: readonly string[];
    }): string;
    /** The reminder run failed as a whole just now; it is tried again, and the secretary told if it never gets through. */
    readonly remindRetrying: string;
    readonly noCycles: string;
    readonly statusColumn: { readonly period: string; readonly status: string };
    readonly cycleStatus: Readonly<Record<'draft' | 'dispatched' | 'closed', string>>;
    /** A review button whose board is no longer in the configuration. */
    readonly unknownBoard: string;
  };

  readonly errors: {
    notAllowed(action: ProtectedAction): string;
  };

  /** The board-meeting pack after dispatch (procedure step 7). */
  readonly boardMeeting: BoardMeetingTexts;

  /** The cycle journalised in the records system (procedure step 6). */
  readonly journal: JournalTexts;

  /** The chair reminded to dispatch, then the head of studies told (direct messages). */
  readonly dispatchReminder: DispatchReminderTexts;

  readonly charts: {
    categoryTitle(period: IdentificationPeriod): string;
    readonly trendTitle: string;
    readonly studentsAxis: string;
    readonly periodAxis: string;
    /** The category chart's text alternative: every bar's figure. */
    categoryAltText(counts: Readonly<Record<TrafficLight, number>>): string;
    /** The trend chart's text alternative: its rows, category by category, oldest period first. */
    trendAltText(
      cycles: readonly { readonly label: string; readonly counts: Readonly<Record<TrafficLight, number>> }[],
    ): string;
  };
}
