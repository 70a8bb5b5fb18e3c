import type {
  BotActor,
  BotReply,
  BotRequests,
  ConversationRef,
  FormAction,
  FormOutcome,
} from '../../src/bot/bot-requests.js';
import type { FormValues, Message } from '../../src/messages/message-model.js';

export type RecordedRequest =
  | {
      readonly kind: 'command';
      readonly actor: BotActor;
      readonly conversation: ConversationRef;
      readonly text: string;
      /** The slash command's name as the surface received it; null where the platform has none. */
      readonly commandName: string | null;
    }
  | {
      readonly kind: 'action';
      readonly actor: BotActor;
      readonly conversation: ConversationRef;
      readonly action: { readonly actionId: string; readonly value: string | null };
    }
  | {
      readonly kind: 'submitForm';
      readonly actor: BotActor;
      readonly submission: {
        readonly formId: string;
        readonly state: string | null;
        readonly values: FormValues;
      };
    }
  | { readonly kind: 'formAction'; readonly actor: BotActor; readonly action: FormAction }
  | {
      readonly kind: 'fileShared';
      readonly actor: BotActor;
      readonly conversation: ConversationRef;
      readonly file: { readonly name: string; readonly bytes: Uint8Array };
    };

export function textMessage(text: string): Message {
  return { fallbackText: text, blocks: [{ type: 'text', content: [text] }] };
}

type Answer<T> = T | Promise<T>;

/**
 * The core's inbound side as far as a surface can tell: records every request
 * and answers what the test scripts (nothing, unless a test or harness says).
 */
export class RecordingBotRequests implements BotRequests {
  readonly requests: RecordedRequest[] = [];
  commandReply: (text: string) => Answer<BotReply> = () => ({ kind: 'none' });
  actionReply: (action: { actionId: string; value: string | null }) => Answer<BotReply> = () => ({
    kind: 'none',
  });
  submitOutcome: (values: FormValues) => Answer<FormOutcome> = () => ({ kind: 'close' });
  formActionOutcome: (action: FormAction) => Answer<FormOutcome> = () => ({ kind: 'close' });
  fileReply: (name: string) => Answer<BotReply> = () => ({ kind: 'none' });

  /** The slash commands the core answers; a test adds a procedure's own to see surfaces pick it up. */
  slashCommands: string[] = ['trafiklys'];

  commandNames(): readonly string[] {
    return this.slashCommands;
  }

  async command(
    actor: BotActor,
    conversation: ConversationRef,
    text: string,
    commandName: string | null = null,
  ): Promise<BotReply> {
    this.requests.push({ kind: 'command', actor, conversation, text, commandName });
    return this.commandReply(text);
  }

  async action(
    actor: BotActor,
    conversation: ConversationRef,
    action: { readonly actionId: string; readonly value: string | null },
  ): Promise<BotReply> {
    this.requests.push({ kind: 'action', actor, conversation, action });
    return this.actionReply(action);
  }

  async submitForm(
    actor: BotActor,
    submission: { readonly formId: string; readonly state: string | null; readonly values: FormValues },
  ): Promise<FormOutcome> {
    this.requests.push({ kind: 'submitForm', actor, submission });
    return this.submitOutcome(submission.values);
  }

  async formAction(actor: BotActor, action: FormAction): Promise<FormOutcome> {
    this.requests.push({ kind: 'formAction', actor, action });
    return this.formActionOutcome(action);
  }

  async fileShared(
    actor: BotActor,
    conversation: ConversationRef,
    file: { readonly name: string; readonly bytes: Uint8Array },
  ): Promise<BotReply> {
    this.requests.push({ kind: 'fileShared', actor, conversation, file });
    return this.fileReply(file.name);
  }
}
