import { z } from 'zod';
import type { RetryPolicy, ScheduledJob } from '../../../scheduling/scheduled-job.js';
import type { DeviationDependencies } from '../deviation-dependencies.js';
import { fireDueTimers, type TimersReport } from '../use-cases/timers/fire-due-timers.js';
import { removeExpiredTexts } from '../use-cases/timers/remove-expired-texts.js';

export const deviationTimersJobName = 'deviation-timers';

/**
 * Every five minutes: timers are due at 08:00 in the institution's time zone
 * and go out within minutes. A run takes whatever is due, so a run missed
 * while no instance ran is made up by the next one, and by a run at start-up.
 */
export const deviationTimersCron = '*/5 * * * *';

/** A message a platform refused is tried again at the next run anyway; one quick retry covers a blip. */
const retry: RetryPolicy = { delaysMs: [60_000] };

export function deviationTimersJob(
  dependencies: DeviationDependencies,
): ScheduledJob<TimersReport & { readonly textsRemoved: number }> {
  return {
    name: deviationTimersJobName,
    cron: deviationTimersCron,
    timeZone: dependencies.config.institution.timeZone,
    params: z.null(),
    retry,
    // 288 runs a day: a week of them is plenty to see what happened.
    keepRunsDays: 7,
    // At start-up, at once: timers that fell due while no instance ran go out now, not at the next tick.
    missedRun: (now) => now,
    async run() {
      const report = await fireDueTimers(dependencies);
      const textsRemoved = await removeExpiredTexts(dependencies);
      const value = { ...report, textsRemoved };
      return {
        summary: { ...value },
        value,
        ...(report.failed > 0 ? { incomplete: { code: 'messages_failed' } } : {}),
      };
    },
  };
}
