import type { Translator } from '../../../../i18n/translator.js';
import type { Block, Form, Message } from '../../../../messages/message-model.js';
import type { DeviationCase } from '../../deviation-case.js';
import type { UnitDirectory } from '../../unit-directory.js';
import { caseFactBlocks } from '../case-facts.js';
import { dayText } from '../instant-text.js';
import { intakeFormIds } from './intake-form-ids.js';

export interface ReceiptContext {
  readonly units: UnitDirectory;
  readonly timeZone: string;
  /** `/avvik status` as the reporter types it. */
  readonly statusCommand: string;
}

/**
 * The reporter's receipt: the case number, what happens next, the date she
 * should have an answer by (forvaltningsloven § 11a: without undue delay,
 * 4 weeks by default), her report as filed, and how to follow it.
 */
export function receiptBlocks(
  reader: Translator,
  deviation: DeviationCase,
  context: ReceiptContext,
): Block[] {
  const texts = reader.t.deviations.intake.receipt;
  // The deadline instant is the end of its day: the day before it is the last day.
  const deadline = dayText(reader, new Date(deviation.deadlineAt.getTime() - 1), context.timeZone);
  return [
    { type: 'heading', text: texts.heading({ number: deviation.number }) },
    { type: 'text', content: [texts.next({ deadline })] },
    ...caseFactBlocks(reader, deviation, {
      units: context.units,
      timeZone: context.timeZone,
      mayReadText: true,
      showReporter: false,
    }),
    { type: 'context', content: [texts.status({ command: context.statusCommand })] },
  ];
}

/** The receipt as a direct message she keeps. */
export function receiptMessage(
  reader: Translator,
  deviation: DeviationCase,
  context: ReceiptContext,
): Message {
  return {
    fallbackText: reader.t.deviations.intake.receipt.heading({ number: deviation.number }),
    blocks: receiptBlocks(reader, deviation, context),
  };
}

/** The receipt in place of the submitted form, right away (also the answer to the same form sent twice). */
export function receiptForm(reader: Translator, deviation: DeviationCase, context: ReceiptContext): Form {
  const texts = reader.t.deviations.intake;
  return {
    formId: intakeFormIds.done,
    title: texts.receipt.title,
    submitLabel: texts.okLabel,
    cancelLabel: texts.closeLabel,
    blocks: receiptBlocks(reader, deviation, context),
    fields: [],
  };
}
