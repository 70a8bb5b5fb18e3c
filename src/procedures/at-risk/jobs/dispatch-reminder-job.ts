import { z } from 'zod';
import type { InstitutionConfig } from '../../../config/institution-config.js';
import type { RetryPolicy, ScheduledJob } from '../../../scheduling/scheduled-job.js';
import {
  type DispatchReminderReport,
  type RemindToDispatchDependencies,
  remindToDispatch,
} from '../dispatch/remind-to-dispatch.js';

export const dispatchReminderJobName = 'dispatch-reminder';

/** Every morning at 10:00 in the institution's time zone (after the 09:00 exam-period reminder). */
export const dispatchReminderCron = '0 10 * * *';

/** A message a platform refused is tried again after 15 minutes and an hour; the next day's run tries once more. */
const dispatchReminderRetry: RetryPolicy = { delaysMs: [15, 60].map((minutes) => minutes * 60_000) };

/**
 * The chair's dispatch reminder as a daily job: it reads the cycles afresh
 * each run and is safe to run twice (each message is claimed once).
 */
export function dispatchReminderJob(
  dependencies: RemindToDispatchDependencies & { readonly config: InstitutionConfig },
): ScheduledJob<DispatchReminderReport> {
  return {
    name: dispatchReminderJobName,
    cron: dispatchReminderCron,
    timeZone: dependencies.config.schedule.timeZone,
    params: z.null(),
    retry: dispatchReminderRetry,
    async run() {
      const report = await remindToDispatch(dependencies);
      return {
        summary: { ...report },
        value: report,
        ...(report.failed > 0 ? { incomplete: { code: 'messages_failed' } } : {}),
      };
    },
  };
}
