import { mainCommandName } from '../../../bot/main-command.js';
import type { ActivityEnvelope } from './activity-schemas.js';
import { mentionsOf } from './activity-schemas.js';
import { conversationKindOf } from './teams-turn.js';

// `@Trafiklys help` is what Teams users are told to type; typed without picking
// the bot from the mention list, it arrives as plain text. A procedure's own
// command (`/avvik …`) is for the bot too, and keeps its name for the core.
function commandPrefix(name: string): RegExp {
  return new RegExp(`^[/@]?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\s+|$)`, 'i');
}

const entities: Readonly<Record<string, string>> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/**
 * The command in a message, as the core's `command()` wants it (`remind now`
 * for `/trafiklys remind now`), or null when the message is not for the bot.
 *
 * For the bot: `/trafiklys …`, `@trafiklys …` or `trafiklys …` anywhere; an @mention of the bot
 * followed by the command (how channels reach a bot at all); and any text in
 * the 1:1 chat with the bot.
 */
export function commandTextOf(
  envelope: ActivityEnvelope,
  message: { readonly text?: string | undefined; readonly entities?: readonly unknown[] | undefined },
  commandNames: readonly string[] = [mainCommandName],
): string | null {
  let text = message.text ?? '';
  let mentionsBot = false;
  for (const mention of mentionsOf(message.entities)) {
    if (mention.mentioned.id !== envelope.recipient.id) continue;
    mentionsBot = true;
    if (mention.text) text = text.split(mention.text).join(' ');
  }
  const plain = text
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(?:nbsp|amp|lt|gt|quot|#39);/g, (entity) => entities[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
  const main = commandPrefix(mainCommandName);
  if (main.test(plain)) return plain.replace(main, '').trim();
  if (commandNames.some((name) => commandPrefix(name).test(plain))) return plain;
  if (mentionsBot || conversationKindOf(envelope) === 'personal') return plain;
  return null;
}
