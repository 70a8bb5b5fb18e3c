import type { Catalogue } from '../../../../src/i18n/catalogue/catalogue.js';
import type { RichText } from '../../../../src/messages/message-model.js';

/** Calls every message function of the deviations intake texts with typical values, keyed by its path. */
export function intakeMessages(t: Catalogue): Record<string, string | RichText> {
  const intake = t.deviations.intake;
  return {
    'deviations.intake.problem.whereWhenTooLong': intake.problem.whereWhenTooLong({ max: 300, length: 312 }),
    'deviations.intake.problem.descriptionTooLong': intake.problem.descriptionTooLong({
      max: 3000,
      length: 3001,
    }),
    'deviations.intake.channels.why': intake.channels.why({ command: '/avvik' }),
    'deviations.intake.receipt.heading': intake.receipt.heading({ number: '2026-0042' }),
    'deviations.intake.receipt.next': intake.receipt.next({ deadline: '10 November 2026' }),
    'deviations.intake.receipt.status': intake.receipt.status({ command: '/avvik status' }),
    'deviations.intake.status.empty': intake.status.empty({ command: '/avvik' }),
    'deviations.intake.formOutdated': intake.formOutdated({ command: '/avvik' }),
  };
}
