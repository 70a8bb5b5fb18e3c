import type { Translator } from '../../../../i18n/translator.js';
import type { Message } from '../../../../messages/message-model.js';
import type { DeviationCase } from '../../deviation-case.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';
import { type TellOutcome, tellPerson } from '../../tell-person.js';

/**
 * Writes to the case's handler (an answer, a comment came in) in her own
 * platform language. The case knows no surface of hers: every surface that
 * knows her address may reach her.
 */
export async function tellHandler(
  dependencies: DeviationDependencies,
  deviation: DeviationCase,
  compose: (reader: Translator) => Message,
): Promise<TellOutcome> {
  if (deviation.handler === null) return { kind: 'unreachable' };
  return tellPerson(dependencies.surfaces, dependencies.config.institution.language, {
    email: deviation.handler.email,
    preferredSurface: null,
    language: null,
    compose,
  });
}
