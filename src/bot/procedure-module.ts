import type { InstitutionConfig } from '../config/institution-config.js';
import type { Language } from '../i18n/languages.js';
import type { Translator } from '../i18n/translator.js';
import type { FormValues } from '../messages/message-model.js';
import type { AnyJob } from '../scheduling/scheduled-job.js';
import type { BotActor, BotReply, ConversationRef, FormAction, FormOutcome } from './bot-requests.js';

/**
 * A procedure as the bot sees it: what it answers, nothing of how. The bot
 * (src/bot/bot-router.ts) routes commands, clicks, forms and shared files to
 * the module that declared them and knows no module by name; src/app lists
 * the modules once. Adding a procedure adds a module, never a branch in the
 * bot or a surface.
 */
export interface ProcedureModule {
  /** The procedure's name, also the first part of its action and form ids (`at-risk.review`). */
  readonly name: string;
  /** Commands under the bot's own command: `/trafiklys remind now`, `@Trafiklys status`. */
  readonly commands: readonly ModuleCommand[];
  /**
   * Slash commands of the procedure's own (`/avvik …`), by name per language
   * where the institution configures one; the whole text after the name goes
   * to `run`. Surfaces register every name the bot lists (see `commandNames`).
   */
  readonly ownCommands?: readonly OwnCommand[];
  /** Clicks whose action id starts with this prefix are the module's (`at-risk.`). */
  readonly actionPrefix: string;
  /** Forms whose id starts with this prefix are the module's. */
  readonly formPrefix: string;
  /** A click on one of its buttons; null for an action id it does not know (the bot says so). */
  action?(request: ModuleRequest, action: ModuleAction): Promise<BotReply | null>;
  /** A submitted form of its own; null for a form id it does not know (the form closes). */
  submitForm?(request: ModuleFormRequest, submission: FormSubmission): Promise<FormOutcome | null>;
  /** A click or menu choice inside one of its open forms; the answer may replace the form in place. */
  formAction?(request: ModuleFormRequest, action: FormAction): Promise<FormOutcome | null>;
  /** Files shared with the bot that this module takes (an export to import). */
  readonly sharedFiles?: SharedFileHandler;
  /** Its scheduled and requested jobs; the scheduler runs them once across instances. */
  readonly jobs: readonly AnyJob[];
  /** Parts of the module that can be unwell while the bot answers (shown by /healthz). */
  readonly healthChecks?: readonly HealthCheck[];
}

/** Who asks, where, and in which language the answer is written. */
export interface ModuleRequest {
  readonly actor: BotActor;
  readonly conversation: ConversationRef;
  readonly reader: Translator;
  readonly config: InstitutionConfig;
}

/** A form's submission carries no conversation: the form is its own context. */
export interface ModuleFormRequest {
  readonly actor: BotActor;
  readonly reader: Translator;
  readonly config: InstitutionConfig;
}

export interface ModuleAction {
  readonly actionId: string;
  readonly value: string | null;
}

export interface FormSubmission {
  readonly formId: string;
  readonly state: string | null;
  readonly values: FormValues;
}

export interface SharedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface ModuleCommand {
  /**
   * The words that name the command, per language. Any language's words are
   * understood; help shows the reader's.
   */
  readonly words: Readonly<Record<Language, string>>;
  describe(reader: Translator): string;
  /** `rest` is what follows the command's words, trimmed. */
  run(request: ModuleRequest, rest: string): Promise<BotReply>;
}

export interface OwnCommand {
  /** Slash-command names without the slash; one per language where they differ. */
  readonly names: Readonly<Partial<Record<Language, string>>>;
  describe(reader: Translator): string;
  run(request: ModuleRequest, text: string): Promise<BotReply>;
}

export interface SharedFileHandler {
  /**
   * Whether a shared file is for this module. When no module takes a file,
   * the bot says which kinds it knows.
   */
  accepts(file: { readonly name: string }): boolean;
  /** The kinds of file it takes, as the reader would call them (`CSV or Excel export`). */
  describe(reader: Translator): string;
  handle(request: ModuleRequest, file: SharedFile): Promise<BotReply>;
}

/** One line of /healthz: a key, what it reports, and whether the bot is degraded by it. */
export interface HealthCheck {
  readonly key: string;
  report(): Promise<{
    readonly degraded: boolean;
    readonly details: Readonly<Record<string, unknown>>;
    /** What is wrong, in words for the operator (logged at start-up); null when well. */
    readonly problem: string | null;
  }>;
}
