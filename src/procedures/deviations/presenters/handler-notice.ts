import type { Translator } from '../../../i18n/translator.js';
import type { Message } from '../../../messages/message-model.js';
import type { DeviationCase } from '../deviation-case.js';
import type { UnitDirectory } from '../unit-directory.js';
import { caseFactBlocks } from './case-facts.js';
import { dayText } from './instant-text.js';

/** The handling part's button that opens the case for its handler (case id as value). */
export const openCaseActionId = 'deviations.handling.open';

/**
 * What the handler receives when a report owner assigns her a case: that it
 * is hers and by when (forvaltningsloven § 11a), the case, and a button that
 * opens the case view, where she asks the reporter, sends the case for
 * comments, replies and closes it. The handling part owns the button's view.
 */
export function assignedToHandlerMessage(
  reader: Translator,
  deviation: DeviationCase,
  options: { readonly units: UnitDirectory; readonly timeZone: string },
): Message {
  const title = reader.t.deviations.caseTitle({ number: deviation.number });
  const texts = reader.t.deviations.handling;
  // The deadline is the end of its day (the instant it is overdue from): its day is the one before.
  const deadline = dayText(reader, new Date(deviation.deadlineAt.getTime() - 1), options.timeZone);
  const intro = texts.messages.assigned({ deadline });
  return {
    fallbackText: `${title}: ${intro}`,
    blocks: [
      { type: 'heading', text: title },
      { type: 'text', content: [intro] },
      ...caseFactBlocks(reader, deviation, { ...options, mayReadText: true, showReporter: true }),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            actionId: openCaseActionId,
            label: texts.actions.openCase,
            value: deviation.id,
            style: 'primary',
            opensForm: true,
          },
        ],
      },
      { type: 'context', content: [texts.messages.assignedNote] },
    ],
  };
}
