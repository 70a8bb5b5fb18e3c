import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../../../logging/logger.js';

const codedError = z.object({ code: z.string().min(1) });

/**
 * Logs a failed request under a short reference the user is given in the
 * reply, so support can find the line without the user quoting anything
 * personal. The error's stable code is a field of its own, to count and
 * alert on.
 */
export function logFailure(logger: Logger, error: unknown, what: string): string {
  const reference = randomBytes(4).toString('hex');
  logger.error({ err: error, code: errorCode(error), reference }, `Teams: ${what} failed`);
  return reference;
}

/** `teams.connector_failed`, `teams.token_failed`…; `unexpected` for an error without a code. */
export function errorCode(error: unknown): string {
  const parsed = codedError.safeParse(error);
  return parsed.success ? parsed.data.code : 'unexpected';
}
