import type { Translator } from '../../../../i18n/translator.js';
import type { Message } from '../../../../messages/message-model.js';
import type { SurfaceName } from '../../../../surfaces/chat-surface.js';
import type { DeviationCase } from '../../deviation-case.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';
import { type TellOutcome, tellPerson } from '../../tell-person.js';

/**
 * Writes to the case's handler (an answer, a comment came in) in her own
 * platform language. The case knows no surface of hers: the one the answer
 * came from is tried first (where the conversation about the case goes on;
 * the console, which the bot lists first, would otherwise take every
 * message for a handler it knows), then every surface that knows her.
 */
export async function tellHandler(
  dependencies: DeviationDependencies,
  deviation: DeviationCase,
  preferredSurface: SurfaceName,
  compose: (reader: Translator) => Message,
): Promise<TellOutcome> {
  if (deviation.handler === null) return { kind: 'unreachable' };
  return tellPerson(dependencies.surfaces, dependencies.config.institution.language, {
    email: deviation.handler.email,
    preferredSurface,
    language: null,
    compose,
  });
}
