import { z } from 'zod';
import type { ScheduledJob } from '../scheduling/scheduled-job.js';
import type { DrainOptions, DrainTally } from './drain-outbox.js';

export const mailOutboxJobName = 'mail-outbox';

/** Every minute: the shortest retry delay, and how soon mails left by a restart or a dead instance go on. */
export const mailOutboxCron = '* * * * *';

/**
 * Sends what the mail outbox holds that is due: mails whose retry time has
 * come, and mails a dead instance (or this one, before a restart) left
 * unfinished. Also once at start-up, so a restart resumes a dispatch at once.
 * Safe on any number of instances: each mail is claimed before it is sent.
 *
 * `stop()` ends a run under way after the mails in flight (the scheduler
 * waits for a run to finish before the database closes); call it first.
 */
export function mailOutboxJob(options: {
  readonly drain: (options: DrainOptions) => Promise<DrainTally>;
  readonly timeZone: string;
}): { readonly job: ScheduledJob<DrainTally>; stop(): void } {
  const stopping = new AbortController();
  return {
    stop: () => stopping.abort(),
    job: {
      name: mailOutboxJobName,
      cron: mailOutboxCron,
      timeZone: options.timeZone,
      params: z.null(),
      // A run a minute; nothing reads their history: a week is plenty to look into a problem.
      keepRunsDays: 7,
      missedRun: (now) => now,
      async run() {
        const tally = await options.drain({ signal: stopping.signal });
        return {
          summary: {
            sent: tally.sent,
            failed: tally.failed,
            retried: tally.retried,
            tookOver: tally.tookOver,
            pending: tally.backlog.pending,
          },
          value: tally,
          // Recorded as failed (the log says so); the next minute's run tries again.
          ...(tally.unavailable === null ? {} : { incomplete: { code: 'smtp_unavailable' } }),
        };
      },
    },
  };
}
