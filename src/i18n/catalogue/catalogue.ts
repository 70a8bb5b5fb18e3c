import type { ManagerRole } from '../../config/institution-config.js';
import type { Inline, RichText } from '../../messages/message-model.js';
import type { IdentificationPeriod, Term } from '../../procedures/at-risk/identification-period.js';
import type { ExportProblem } from '../../procedures/at-risk/progress-export/export-problem.js';
import type { Category, TrafficLight } from '../../procedures/at-risk/traffic-light.js';
import type { CalendarDate } from '../../shared/calendar-date.js';
import type { SurfaceName } from '../../surfaces/chat-surface.js';
import type { LocaleFormat } from '../locale-format.js';
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

/**
 * Every text the bot shows, in one language. Each language's file
 * (`catalogue/da.ts`, `catalogue/en.ts`) implements this interface, so a
 * missing or misspelt key is a compile error. Numbers inside messages are
 * formatted by the language's own LocaleFormat; callers pass plain values.
 *
 * Messages with parameters are functions taking one object (named parameters
 * cannot be swapped by mistake). A message that must hold a mention returns
 * RichText and takes the mention as an `Inline`: the caller passes
 * `{ kind: 'mention', person }` and each surface renders it its own way.
 */
export interface Catalogue {
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

  /** `/trafiklys …`; the caller writes the command as its platform spells it. */
  readonly commands: {
    readonly helpHeading: string;
    readonly description: {
      readonly remindNow: string;
      readonly help: string;
      readonly status: string;
    };
    /** `helpCommand` is how to ask for help on this platform, e.g. `/trafiklys help`. */
    unknown(params: { readonly text: string; readonly helpCommand: string }): string;
  };

  /** The bot's answers to commands and shared files. */
  readonly bot: {
    /** An export shared in a channel that is no study board's. */
    readonly notABoardChannel: string;
    /** A shared file no procedure takes; `kinds` lists the kinds the bot does take. */
    fileNotTaken(params: { readonly fileName: string; readonly kinds: string }): string;
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

  /** What a platform's surface says on its own, when a request could not be read or handled. */
  readonly surfaces: {
    readonly slack: SlackTexts;
    readonly teams: TeamsTexts;
    readonly console: ConsoleTexts;
  };

  readonly errors: {
    /** `contact` is whom to turn to (a mention, a link or a name); `reference` an id to quote, if any. */
    somethingWentWrong(params: { readonly contact: Inline; readonly reference: string | null }): RichText;
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

/** What a person may be refused. */
export type ProtectedAction = 'remind_now' | 'review_students' | 'import_export';

/** A language's catalogue with the formats its messages use. */
export interface LanguagePack {
  readonly format: LocaleFormat;
  readonly messages: Catalogue;
}

/** The Slack surface's own sentences (src/surfaces/slack). */
export interface SlackTexts {
  /** The payload did not have the shape Trafiklys sent or expects (an old message, a changed client). */
  readonly unreadableRequest: string;
  /** The core or Slack failed; `reference` lets support find the log line. */
  failed(reference: string): string;
  /** Slack only opens a form within 3 s of a click or a command. */
  readonly formTooSlow: string;
  /** A reply wanted a form where Slack cannot open one (a shared file). */
  readonly formNeedsClick: string;
  /** A modal opened before a restart: its form is gone. */
  readonly formExpired: string;
  /** The form took longer than Slack waits; the modal closed and the outcome comes here. */
  formOutcomeLate(title: string): string;
  formSaved(title: string): string;
  formRejected(title: string, problems: readonly string[]): string;
  fileUnavailable(name: string): string;
  fileTooLarge(name: string, megabytes: number): string;
  /** The bot was asked to post in a channel it is not a member of. */
  readonly inviteBot: string;
}

/** The Teams surface's own sentences (src/surfaces/teams). */
export interface TeamsTexts {
  /** The payload did not have the shape the bot sent (an old card, a changed client). */
  readonly unreadableRequest: string;
  /** The core failed; `reference` lets support find the log line. */
  failed(reference: string): string;
  readonly done: string;
  readonly openForm: string;
  formIntro(title: string): string;
  /** The dialog was opened from a card posted before a restart, and its form is gone. */
  readonly formExpired: string;
  readonly formNotAvailable: string;
  readonly fileTooLarge: string;
  fileUnavailable(name: string): string;
  /** An answer meant for the actor only could not be sent to them privately. */
  readonly privateReplyFailed: string;
}

/** The console page's own words (src/surfaces/console); the messages it shows come from the rest. */
export interface ConsoleTexts {
  /** The page's labels, sent to the page as they are (texts only: the page's script cannot call a function). */
  readonly page: ConsolePageLabels;
  /** A person's place on a study board, in the "You are" menu: `chair of SN-DAT`. */
  boardRole(params: { readonly role: 'chair' | 'secretary' | 'delegate'; readonly board: string }): string;
  /** A manager's role as the configuration names it (`head_of_department`), in words. */
  readonly managerRole: Readonly<Record<ManagerRole, string>>;
  /** The page a sign-in link leads to when it is forged, expired or names someone no longer configured. */
  readonly signInRefused: string;
}

export interface ConsolePageLabels {
  /** The browser tab's title. */
  readonly title: string;
  /** The menu of people in local mode (anyone may pick anyone, so only on the bot's own machine). */
  readonly youAre: string;
  /** Before the signed-in person's address (protected mode). */
  readonly signedInAs: string;
  readonly signOut: string;
  readonly language: string;
  /** The list of channels and direct chats, for screen readers. */
  readonly conversations: string;
  readonly boardChannels: string;
  readonly directMessages: string;
  /** The command box, for screen readers. */
  readonly command: string;
  readonly send: string;
  readonly uploadExport: string;
  /** Above an answer meant only for the person who asked. */
  readonly onlyVisibleToYou: string;
  readonly noMessages: string;
  /** Followed by what went wrong. */
  readonly couldNotReach: string;
  /** The server refused a conversation the person may not see. */
  readonly notYours: string;
  /** Protected mode without a session: how to get in, followed by `signInCommand`. */
  readonly signInNeeded: string;
  /** The command that makes a sign-in link, with a placeholder for the address. */
  readonly signInCommand: string;
}
