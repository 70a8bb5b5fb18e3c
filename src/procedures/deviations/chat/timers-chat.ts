import type { DeviationDependencies } from '../deviation-dependencies.js';
import { deviationTimersJob } from '../jobs/deviation-timers-job.js';
import type { DeviationChatPart } from './deviation-chat-part.js';

/** The timers have no chat of their own: their job writes to people, their buttons are the handling part's. */
export function timersChat(dependencies: DeviationDependencies): DeviationChatPart {
  return { jobs: [deviationTimersJob(dependencies)] };
}
