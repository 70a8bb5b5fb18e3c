import type { DeviationDependencies } from '../deviation-dependencies.js';
import type { DeviationChatPart } from './deviation-chat-part.js';

/** The intake part of the deviations procedure's chat side (being built). */
export function intakeChat(_dependencies: DeviationDependencies): DeviationChatPart {
  return {};
}
