import type { Message, PersonRef, RichText } from '../../../messages/message-model.js';

/** Everyone a message @mentions, once each (by e-mail, case-insensitive). */
export function mentionedPeople(message: Message): PersonRef[] {
  const people = new Map<string, PersonRef>();
  const visit = (content: RichText) => {
    for (const inline of content) {
      if (typeof inline !== 'string' && inline.kind === 'mention') {
        people.set(inline.person.email.toLowerCase(), inline.person);
      }
    }
  };
  for (const block of message.blocks) {
    switch (block.type) {
      case 'text':
      case 'context':
        visit(block.content);
        break;
      case 'facts':
        for (const fact of block.facts) visit(fact.value);
        break;
      default:
        break;
    }
  }
  return [...people.values()];
}
