import type { Form, FormValues, Message } from '../messages/message-model.js';
import type { SurfaceName } from '../surfaces/chat-surface.js';

/** Who is talking to the bot, as the surface identified them. */
export interface BotActor {
  readonly surface: SurfaceName;
  readonly userId: string;
  /** Resolved by the surface where it can (Slack users.info, Teams member); null when unknown. */
  readonly email: string | null;
  readonly displayName: string;
  /** BCP 47 (`da-DK`, `en-US`) from the platform: Slack user locale, Teams activity locale, console setting. */
  readonly locale: string | null;
}

/** Where the request came from. */
export interface ConversationRef {
  readonly surface: SurfaceName;
  readonly conversationId: string;
  readonly kind: 'channel' | 'direct';
}

/** What the surface shows in answer. */
export type BotReply =
  | {
      readonly kind: 'message';
      readonly message: Message;
      readonly visibility: 'only_actor' | 'conversation';
    }
  | { readonly kind: 'form'; readonly form: Form }
  | { readonly kind: 'none' };

export type FormOutcome =
  | { readonly kind: 'close' }
  /** Show the same form again with these errors next to the fields (Slack response_action: errors). */
  | { readonly kind: 'errors'; readonly errors: Readonly<Record<string, string>> }
  | { readonly kind: 'form'; readonly form: Form };

/** A click or a menu choice inside an open form, with the form's inputs as they are. */
export interface FormAction {
  readonly formId: string;
  readonly state: string | null;
  readonly actionId: string;
  /** The button's value, or the option chosen in a menu; null when there is none. */
  readonly value: string | null;
  readonly values: FormValues;
}

/**
 * The inbound side of the bot, platform-neutral. A surface's listeners parse
 * the platform payload (zod), turn it into one of these calls, and render the
 * reply. They hold no business logic.
 */
export interface BotRequests {
  /**
   * The slash-command names the bot answers, without the slash (`trafiklys`
   * first, then the procedures' own). Surfaces register or recognise exactly
   * these, so a new procedure needs no surface edit.
   */
  commandNames(): readonly string[];
  /**
   * A command: its text after the command name (`remind now` for
   * `/trafiklys remind now`) and the name the surface received (`trafiklys`,
   * `avvik`), or null where the platform has none (a Teams mention, a direct
   * message): then the bot's own command is meant, or a procedure's command
   * named by the first word.
   */
  command(
    actor: BotActor,
    conversation: ConversationRef,
    text: string,
    commandName?: string | null,
  ): Promise<BotReply>;
  /** A button click or a select change on a message. */
  action(
    actor: BotActor,
    conversation: ConversationRef,
    action: { readonly actionId: string; readonly value: string | null },
  ): Promise<BotReply>;
  submitForm(
    actor: BotActor,
    submission: { readonly formId: string; readonly state: string | null; readonly values: FormValues },
  ): Promise<FormOutcome>;
  /**
   * A button click or a menu choice inside an open form (an `actions` block of
   * `Form.blocks`). `values` are the form's inputs as they are at that moment;
   * the outcome `form` replaces the open form in place, `close` closes it
   * where the platform can (Slack cannot close a modal from a click: it stays
   * as it is), `errors` shows them under the fields.
   */
  formAction(actor: BotActor, action: FormAction): Promise<FormOutcome>;
  /** A file shared in a conversation the bot is in (an export to import). */
  fileShared(
    actor: BotActor,
    conversation: ConversationRef,
    file: { readonly name: string; readonly bytes: Uint8Array },
  ): Promise<BotReply>;
}
