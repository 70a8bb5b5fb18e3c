import type { RichText } from './message-model.js';

/** Rich text as plain words, for a message's notification and fallback text: no markers, names for mentions. */
export function plainTextOf(content: RichText): string {
  return content
    .map((inline) => {
      if (typeof inline === 'string') return inline;
      return inline.kind === 'mention' ? inline.person.displayName : inline.text;
    })
    .join('');
}
