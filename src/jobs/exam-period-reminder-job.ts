import type { InstitutionConfig } from '../config/institution-config.js';
import { nextScheduledRuns } from '../config/schedule-runs.js';
import type { IdentificationPeriod } from '../procedures/at-risk/identification-period.js';
import { periodOf } from '../procedures/at-risk/identification-period.js';
import type { DeliveryReport } from '../procedures/at-risk/reminder/send-exam-period-reminders.js';
import type { ScheduledJob } from '../scheduling/scheduled-job.js';
import { todayIn } from '../shared/calendar-date.js';

export const examPeriodReminderJobName = 'exam-period-reminder';

/** How far back a run missed while the bot was down is still caught up at start-up. */
const catchUpWindowDays = 35;

/**
 * The exam-period reminder on the configured schedule (default: the first
 * Monday of April and October, 09:00 Copenhagen). Every board, every surface;
 * each place is posted once (see deliverOnce), so running twice is harmless.
 */
export function examPeriodReminderJob(options: {
  readonly config: InstitutionConfig;
  readonly remind: (boardCodes: readonly string[], period: IdentificationPeriod) => Promise<DeliveryReport[]>;
}): ScheduledJob {
  const { config } = options;
  return {
    name: examPeriodReminderJobName,
    cron: config.schedule.cron,
    timeZone: config.schedule.timeZone,
    async run({ scheduledFor }) {
      const period = periodOf(todayIn(config.schedule.timeZone, scheduledFor));
      const reports = await options.remind(
        config.boards.map((board) => board.code),
        period,
      );
      const count = (outcome: DeliveryReport['outcome']) =>
        reports.filter((report) => report.outcome === outcome).length;
      return {
        period: `${period.term} ${period.year}`,
        boards: config.boards.length,
        posted: count('posted'),
        updated: count('updated'),
        unchanged: count('unchanged') + count('already_claimed'),
        failed: count('failed'),
        unreachable: count('unreachable'),
      };
    },
  };
}

/**
 * The scheduled time the bot should have run last, if it lies within the
 * catch-up window: at start-up the scheduler runs it (once: the run ledger
 * knows whether it already ran).
 */
export function missedScheduledRun(config: InstitutionConfig, now: Date): Date | null {
  const windowStart = new Date(now.getTime() - catchUpWindowDays * 24 * 60 * 60 * 1000);
  const runs = nextScheduledRuns(config.schedule, windowStart, 64).filter((run) => run <= now);
  return runs.at(-1) ?? null;
}
