import type { Message, RichText } from '../messages/message-model.js';
import { plainTextOf } from '../messages/plain-text.js';
import type { BotReply } from './bot-requests.js';

/** A reply only the person who asked sees (Slack ephemeral, Teams 1:1, console private line). */
export function privately(message: Message): BotReply {
  return { kind: 'message', message, visibility: 'only_actor' };
}

/** A reply everyone in the conversation sees. */
export function inConversation(message: Message): BotReply {
  return { kind: 'message', message, visibility: 'conversation' };
}

/** A message of one paragraph. */
export function plain(text: string | RichText): Message {
  const content = typeof text === 'string' ? [text] : text;
  return { fallbackText: plainTextOf(content), blocks: [{ type: 'text', content }] };
}
