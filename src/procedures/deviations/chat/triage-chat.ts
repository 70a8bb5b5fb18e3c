import type { DeviationDependencies } from '../deviation-dependencies.js';
import type { DeviationChatPart } from './deviation-chat-part.js';

/** The triage part of the deviations procedure's chat side (being built). */
export function triageChat(_dependencies: DeviationDependencies): DeviationChatPart {
  return {};
}
