import type { Translator } from '../../../i18n/translator.js';
import type { Message } from '../../../messages/message-model.js';
import type { DeviationCase } from '../deviation-case.js';
import type { DeviationDependencies } from '../deviation-dependencies.js';
import { type TellOutcome, tellPerson } from '../tell-person.js';

/**
 * Writes to the reporter about her case: on the surface she filed from, in
 * the language she filed in (the guideline: the reporter is kept informed at
 * each status change).
 */
export function tellReporter(
  dependencies: DeviationDependencies,
  deviation: DeviationCase,
  compose: (reader: Translator) => Message,
): Promise<TellOutcome> {
  return tellPerson(dependencies.surfaces, dependencies.config.institution.language, {
    email: deviation.reporter.email,
    preferredSurface: deviation.reporter.surface,
    language: deviation.reporter.language,
    compose,
  });
}
