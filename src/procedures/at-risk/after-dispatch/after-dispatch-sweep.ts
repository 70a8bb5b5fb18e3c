import { z } from 'zod';
import type { PrismaClient } from '../../../generated/prisma/client.js';
import type { ScheduledJob } from '../../../scheduling/scheduled-job.js';
import { afterDispatchJobName } from './after-dispatch-job.js';

/** Every quarter of an hour: how soon the journal follows a dispatch made where no bot could ask for it. */
export const afterDispatchSweepCron = '*/15 * * * *';
/** Dispatches older than this are left alone (their work ran, or gave up and was logged). */
const lookBackDays = 14;

/**
 * Asks for the after-dispatch work of every recently dispatched cycle that
 * has none: a dispatch confirmed on the command line (`trafiklys dispatch`),
 * or by an instance that died before it could ask. The work itself waits for
 * the cycle's mails and does each post and each case once, so asking again
 * is harmless; a cycle whose work is running, retrying or done is skipped.
 */
export function afterDispatchSweepJob(options: {
  readonly prisma: PrismaClient;
  readonly timeZone: string;
  readonly request: (cycleId: string) => Promise<unknown>;
}): ScheduledJob<{ readonly requested: number }> {
  return {
    name: 'after-dispatch-sweep',
    cron: afterDispatchSweepCron,
    timeZone: options.timeZone,
    params: z.null(),
    missedRun: (at) => at,
    async run() {
      const cycles = await options.prisma.$queryRaw<{ id: string }[]>`
        SELECT c.id::text AS id FROM identification_cycle c
        WHERE c.status = 'dispatched'
          AND c.mails_sent_at > clock_timestamp() - make_interval(days => ${lookBackDays})
          AND NOT EXISTS (
            SELECT 1 FROM job_run r
            WHERE r.job_name = ${afterDispatchJobName} AND r.params->>'cycleId' = c.id::text
              AND (r.outcome IS NULL OR r.outcome = 'succeeded' OR r.next_attempt_at IS NOT NULL))`;
      for (const cycle of cycles) await options.request(cycle.id);
      return { summary: { requested: cycles.length }, value: { requested: cycles.length } };
    },
  };
}
