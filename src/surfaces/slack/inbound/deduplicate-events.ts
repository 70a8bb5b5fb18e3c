import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../../logging/logger.js';
import type { ReplayGuard } from './replay-guard.js';

/** Slack retries an event three times within about an hour; remember its id for longer than that. */
const eventIdTtlMs = 2 * 60 * 60 * 1000;

/**
 * Global middleware: an Events API delivery whose `event_id` has been seen
 * before (a retry with `x-slack-retry-num`, or Socket Mode's `retry_attempt`)
 * goes no further. Bolt has already acknowledged it, so Slack stops retrying.
 */
export function deduplicateEvents(replayGuard: ReplayGuard, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : null;
    if (eventId !== null && !(await replayGuard.firstTime(`slack:event:${eventId}`, eventIdTtlMs))) {
      logger.info({ eventId, retryNum: context.retryNum }, 'Slack event delivered again; ignored');
      return;
    }
    await next();
  };
}
