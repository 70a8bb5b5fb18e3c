import type { DeviationDependencies } from '../deviation-dependencies.js';
import type { DeviationChatPart } from './deviation-chat-part.js';

/** The timers part of the deviations procedure's chat side (being built). */
export function timersChat(_dependencies: DeviationDependencies): DeviationChatPart {
  return {};
}
