import type { BotReply, FormAction, FormOutcome } from '../../../bot/bot-requests.js';
import type {
  FormSubmission,
  ModuleAction,
  ModuleFormRequest,
  ModuleRequest,
} from '../../../bot/procedure-module.js';
import type { Translator } from '../../../i18n/translator.js';
import type { AnyJob } from '../../../scheduling/scheduled-job.js';
import type { DeviationTextLanguage } from '../texts/text-languages.js';

/**
 * One part of the deviations procedure's chat side (intake, triage,
 * handling, timers, statistics). The module (module.ts) asks each part in
 * turn; a part answers null for what is not its own. Action and form ids
 * all start with `deviations.`; each part uses its own second word
 * (`deviations.triage.accept`).
 */
export interface DeviationChatPart {
  /** Words after `/avvik` that this part answers (`status`, `statistikk`), in any language. */
  readonly subcommands?: readonly DeviationSubcommand[];
  /**
   * The command with no subcommand's words (`/avvik`, or `/avvik the projector
   * in R7…`): the intake's, which opens the report form. One part has it.
   */
  bareCommand?(request: ModuleRequest, text: string): Promise<BotReply>;
  action?(request: ModuleRequest, action: ModuleAction): Promise<BotReply | null>;
  submitForm?(request: ModuleFormRequest, submission: FormSubmission): Promise<FormOutcome | null>;
  formAction?(request: ModuleFormRequest, action: FormAction): Promise<FormOutcome | null>;
  readonly jobs?: readonly AnyJob[];
}

export interface DeviationSubcommand {
  readonly words: Readonly<Record<DeviationTextLanguage, string>>;
  describe(reader: Translator): string;
  /** `rest` is what follows the words, trimmed. */
  run(request: ModuleRequest, rest: string): Promise<BotReply>;
}

/** Action and form ids of the procedure start with this. */
export const deviationsPrefix = 'deviations.';
