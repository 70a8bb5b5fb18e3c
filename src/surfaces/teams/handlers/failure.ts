import { randomBytes } from 'node:crypto';
import type { Logger } from '../../../logging/logger.js';

/**
 * Logs a failed request under a short reference the user is given in the
 * reply, so support can find the line without the user quoting anything
 * personal.
 */
export function logFailure(logger: Logger, error: unknown, what: string): string {
  const reference = randomBytes(4).toString('hex');
  logger.error({ err: error, reference }, `Teams: ${what} failed`);
  return reference;
}
