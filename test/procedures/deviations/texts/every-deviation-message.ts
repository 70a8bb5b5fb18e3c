import type { Catalogue } from '../../../../src/i18n/catalogue/catalogue.js';
import type { RichText } from '../../../../src/messages/message-model.js';
import { catalogueMessages } from './catalogue-messages.js';
import { handlingMessages } from './handling-messages.js';
import { intakeMessages } from './intake-messages.js';
import { statsMessages } from './stats-messages.js';
import { timersMessages } from './timers-messages.js';
import { triageMessages } from './triage-messages.js';

/**
 * Every message function of the deviations procedure's catalogue section,
 * called with typical values (the catalogue's completeness test checks that
 * each is exercised and gives a whole text). One file per part.
 */
export function everyDeviationMessage(t: Catalogue): Record<string, string | RichText> {
  return {
    'deviations.caseTitle': t.deviations.caseTitle({ number: '2026-0042' }),
    'deviations.stepRefused': t.deviations.stepRefused({
      number: '2026-0042',
      state: t.deviations.state.closed,
    }),
    ...intakeMessages(t),
    ...triageMessages(t),
    ...handlingMessages(t),
    ...timersMessages(t),
    ...statsMessages(t),
    ...catalogueMessages(t),
  };
}
