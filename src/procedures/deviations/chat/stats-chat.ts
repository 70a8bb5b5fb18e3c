import type { DeviationDependencies } from '../deviation-dependencies.js';
import type { DeviationChatPart } from './deviation-chat-part.js';

/** The stats part of the deviations procedure's chat side (being built). */
export function statsChat(_dependencies: DeviationDependencies): DeviationChatPart {
  return {};
}
