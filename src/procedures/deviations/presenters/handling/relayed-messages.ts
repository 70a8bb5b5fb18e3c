import type { Translator } from '../../../../i18n/translator.js';
import type { Block, Message } from '../../../../messages/message-model.js';
import type { DeviationCase } from '../../deviation-case.js';
import type { Exchange } from '../../storage/deviation-store.js';
import type { UnitDirectory } from '../../unit-directory.js';
import { caseFactBlocks } from '../case-facts.js';
import { quoteBlock } from './exchange-blocks.js';
import { handlingActions } from './handling-ids.js';

/**
 * What the bot relays during handling: the handler's question and her
 * preliminary reply and outcome to the reporter, a request for comments to a
 * colleague, and the answers and comments back to the handler, each with
 * the words quoted so the thread reads on its own.
 */
export function questionToReporter(
  reader: Translator,
  deviation: DeviationCase,
  exchange: Exchange,
  handler: string,
): Message {
  const texts = reader.t.deviations.handling;
  const intro = texts.messages.question({ handler, number: deviation.number });
  return message(reader, deviation, intro, [
    quoteBlock(texts.messages.theQuestion, exchange.text),
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          actionId: handlingActions.answer,
          label: texts.actions.answer,
          value: exchange.id,
          style: 'primary',
          opensForm: true,
        },
      ],
    },
    { type: 'context', content: [texts.messages.questionNote] },
  ]);
}

export function answerToHandler(
  reader: Translator,
  deviation: DeviationCase,
  exchange: Exchange,
  answer: string,
): Message {
  const texts = reader.t.deviations.handling;
  const intro = texts.messages.answered({ reporter: deviation.reporter.name, number: deviation.number });
  return message(reader, deviation, intro, [
    quoteBlock(texts.messages.theQuestion, exchange.text),
    quoteBlock(texts.messages.theAnswer, answer),
    openCaseButton(reader, deviation),
  ]);
}

/**
 * A colleague named for internal comments gets the case's facts, not the
 * reporter's name: her comments are about the matter, and the guideline
 * keeps the reporter known to those who handle the case. A sensitive case's
 * text only when the handler ticked that the colleagues may read it.
 */
export function commentRequestToColleague(
  reader: Translator,
  deviation: DeviationCase,
  exchange: Exchange,
  context: {
    readonly handler: string;
    readonly due: string;
    readonly units: UnitDirectory;
    readonly timeZone: string;
    readonly shareText: boolean;
  },
): Message {
  const texts = reader.t.deviations.handling;
  const title = texts.messages.commentRequestTitle({ number: deviation.number });
  const intro = texts.messages.commentRequest({ handler: context.handler, due: context.due });
  return {
    fallbackText: `${title}: ${intro}`,
    blocks: [
      { type: 'heading', text: title },
      { type: 'text', content: [intro] },
      quoteBlock(texts.messages.theRequest, exchange.text),
      ...caseFactBlocks(reader, deviation, {
        units: context.units,
        timeZone: context.timeZone,
        mayReadText: !deviation.sensitive || context.shareText,
        showReporter: false,
      }),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            actionId: handlingActions.comment,
            label: texts.actions.comment,
            value: exchange.id,
            style: 'primary',
            opensForm: true,
          },
        ],
      },
      { type: 'context', content: [texts.messages.commentRequestNote] },
    ],
  };
}

export function commentToHandler(
  reader: Translator,
  deviation: DeviationCase,
  exchange: Exchange,
  comment: { readonly colleague: string; readonly text: string },
): Message {
  const texts = reader.t.deviations.handling;
  const intro = texts.messages.commented({ colleague: comment.colleague, number: deviation.number });
  return message(reader, deviation, intro, [
    quoteBlock(texts.messages.theRequest, exchange.text),
    quoteBlock(texts.messages.theComment, comment.text),
    openCaseButton(reader, deviation),
  ]);
}

/** Forvaltningsloven § 11a: the reporter is told the case takes longer, in the handler's words. */
export function preliminaryReplyToReporter(
  reader: Translator,
  deviation: DeviationCase,
  reply: string,
): Message {
  const texts = reader.t.deviations.handling.messages;
  return message(reader, deviation, texts.preliminaryReply({ number: deviation.number }), [
    { type: 'text', content: [reply] },
    { type: 'context', content: [texts.preliminaryReplyNote] },
  ]);
}

export function outcomeToReporter(reader: Translator, deviation: DeviationCase, outcome: string): Message {
  const texts = reader.t.deviations.handling.messages;
  return message(reader, deviation, texts.closed({ number: deviation.number }), [
    { type: 'text', content: [outcome] },
    { type: 'context', content: [texts.closedNote] },
  ]);
}

/** To a colleague asked for comments when the case closed before she answered: her Comment button is moot. */
export function commentRequestWithdrawn(
  reader: Translator,
  deviation: DeviationCase,
  handler: string,
): Message {
  const text = reader.t.deviations.handling.messages.commentRequestWithdrawn({
    number: deviation.number,
    handler,
  });
  return { fallbackText: text, blocks: [{ type: 'text', content: [text] }] };
}

/** The handler's way back into the case from a message: opens the case view. */
export function openCaseButton(reader: Translator, deviation: DeviationCase): Block {
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        actionId: handlingActions.openCase,
        label: reader.t.deviations.handling.actions.openCase,
        value: deviation.id,
        opensForm: true,
      },
    ],
  };
}

function message(
  reader: Translator,
  deviation: DeviationCase,
  intro: string,
  blocks: readonly Block[],
): Message {
  const title = reader.t.deviations.caseTitle({ number: deviation.number });
  return {
    fallbackText: `${title}: ${intro}`,
    blocks: [{ type: 'heading', text: title }, { type: 'text', content: [intro] }, ...blocks],
  };
}
