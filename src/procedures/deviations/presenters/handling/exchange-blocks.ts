import type { Translator } from '../../../../i18n/translator.js';
import type { Block, Inline } from '../../../../messages/message-model.js';
import { parseIsoDate } from '../../../../shared/calendar-date.js';
import type { Exchange } from '../../storage/deviation-store.js';
import { instantText } from '../instant-text.js';
import type { PeopleNames } from './people-names.js';

/**
 * One exchange of a case in its view: who asked whom and when (a request for
 * comments with its due date), the words asked, and the answer or that there
 * is none yet.
 */
export function exchangeBlock(
  reader: Translator,
  exchange: Exchange,
  context: { readonly timeZone: string; readonly names: PeopleNames },
): Block {
  const texts = reader.t.deviations.handling.view;
  const at = instantText(reader, exchange.askedAt, context.timeZone);
  const askedBy = context.names.of(exchange.askedByEmail);
  if (exchange.kind === 'reply') {
    const heading = texts.preliminaryReply({
      handler: askedBy,
      reporter: context.names.of(exchange.addressee),
      at,
    });
    return { type: 'text', content: [{ kind: 'styled', text: heading, bold: true }, `\n${exchange.text}`] };
  }
  const heading =
    exchange.kind === 'question'
      ? texts.question({ askedBy, reporter: context.names.of(exchange.addressee), at })
      : texts.commentRequest({
          askedBy,
          colleague: context.names.of(exchange.addressee),
          at,
          due: dueText(reader, exchange.dueDate),
        });
  const answer: Inline[] =
    exchange.answer === null || exchange.answeredAt === null
      ? [{ kind: 'styled', text: texts.notAnswered, italic: true }]
      : [
          {
            kind: 'styled',
            text: texts.answer({ at: instantText(reader, exchange.answeredAt, context.timeZone) }),
            italic: true,
          },
          `\n${exchange.answer}`,
        ];
  return {
    type: 'text',
    content: [{ kind: 'styled', text: heading, bold: true }, `\n${exchange.text}\n\n`, ...answer],
  };
}

/** A labelled quote in a message: the question and the answer, the request and the comment. */
export function quoteBlock(label: string, text: string): Block {
  return { type: 'text', content: [{ kind: 'styled', text: label, bold: true }, `\n${text}`] };
}

/** A due date (YYYY-MM-DD in the institution's calendar) the reader's way. */
export function dueText(reader: Translator, dueDate: string | null): string {
  const date = parseIsoDate(dueDate ?? '');
  return date === null ? '–' : reader.formatDate(date);
}
