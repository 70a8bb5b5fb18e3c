import type { ManagerRole } from '../../config/institution-config.js';
import type { Inline, RichText } from '../../messages/message-model.js';
import type { LocaleFormat } from '../locale-format.js';
import type { ProcedureTexts } from './procedure-texts.js';

/**
 * Every text the bot shows, in one language: the core's own texts joined
 * with every procedure's catalogue section (`procedure-texts.ts`). Each
 * language's file (`catalogue/da.ts`, `catalogue/en.ts`) and each procedure's
 * (`src/procedures/at-risk/texts/da.ts`…) implements its part, so a missing
 * or misspelt key is a compile error. Numbers inside messages are
 * formatted by the language's own LocaleFormat; callers pass plain values.
 *
 * Messages with parameters are functions taking one object (named parameters
 * cannot be swapped by mistake). A message that must hold a mention returns
 * RichText and takes the mention as an `Inline`: the caller passes
 * `{ kind: 'mention', person }` and each surface renders it its own way.
 */
export type Catalogue = CoreCatalogue & ProcedureTexts;

/**
 * The texts of the bot itself, which knows no procedure: the router's help
 * and answers, the surfaces' own sentences, the errors every path may give.
 * A procedure's keys in the shared groups (`commands.description`, `bot`,
 * `errors`) are declared in its own section and joined in.
 */
export interface CoreCatalogue {
  /** `/trafiklys …`; the caller writes the command as its platform spells it. */
  readonly commands: {
    readonly helpHeading: string;
    readonly description: {
      readonly help: string;
    };
    /** `helpCommand` is how to ask for help on this platform, e.g. `/trafiklys help`. */
    unknown(params: { readonly text: string; readonly helpCommand: string }): string;
  };

  /** The bot's answers of its own, whatever procedure is asked. */
  readonly bot: {
    /** A shared file no procedure takes; `kinds` lists the kinds the bot does take. */
    fileNotTaken(params: { readonly fileName: string; readonly kinds: string }): string;
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
  };
}

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
  /**
   * This language's name in itself (`Dansk`, `Norsk (bokmål)`), as the page's
   * language menu offers it to every reader: a person finds her own language
   * by its own name, whatever language the page is in.
   */
  readonly languageName: string;
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
