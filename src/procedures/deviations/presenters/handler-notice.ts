import type { Translator } from '../../../i18n/translator.js';
import type { Message } from '../../../messages/message-model.js';
import type { DeviationCase } from '../deviation-case.js';
import type { UnitDirectory } from '../unit-directory.js';
import { caseFactBlocks } from './case-facts.js';

/** The handling part's button that opens the case for its handler (case id as value). */
export const openCaseActionId = 'deviations.handling.open';

/**
 * What the handler receives when a report owner assigns her a case: the
 * case and a button to open it. The handling part owns the button's view.
 */
export function assignedToHandlerMessage(
  reader: Translator,
  deviation: DeviationCase,
  options: { readonly units: UnitDirectory; readonly timeZone: string },
): Message {
  const title = reader.t.deviations.caseTitle({ number: deviation.number });
  return {
    fallbackText: title,
    blocks: [
      { type: 'heading', text: title },
      ...caseFactBlocks(reader, deviation, { ...options, mayReadText: true, showReporter: true }),
    ],
  };
}
