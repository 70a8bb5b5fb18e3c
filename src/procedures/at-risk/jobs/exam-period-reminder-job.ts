import { z } from 'zod';
import type { InstitutionConfig } from '../../../config/institution-config.js';
import { nextScheduledRuns } from '../../../config/schedule-runs.js';
import type { Job, JobResult, RetryPolicy, ScheduledJob } from '../../../scheduling/scheduled-job.js';
import { todayIn } from '../../../shared/calendar-date.js';
import type { IdentificationPeriod } from '../identification-period.js';
import { describePeriod, periodOf } from '../identification-period.js';
import type { DeliveryReport } from '../reminder/send-exam-period-reminders.js';

export const examPeriodReminderJobName = 'exam-period-reminder';
export const reminderRequestJobName = 'reminder-request';

/** How far back a run missed while the bot was down is still caught up at start-up. */
const catchUpWindowDays = 35;

/**
 * A reminder that could not be posted everywhere is tried again after a
 * minute, five, fifteen, an hour and four hours (a platform's outage, a
 * channel the bot was removed from and is invited back to); then the
 * secretaries are told.
 */
export const reminderRetry: RetryPolicy = {
  delaysMs: [1, 5, 15, 60, 240].map((minutes) => minutes * 60_000),
};

export interface ReminderJobsDependencies {
  readonly config: InstitutionConfig;
  /** Posts (or updates) the period's reminders for these boards on every surface, each place once. */
  readonly send: (boardCodes: readonly string[], period: IdentificationPeriod) => Promise<DeliveryReport[]>;
  /** Tells the boards' secretaries that their reminder could not be sent (after the last retry). */
  readonly tellSecretaries: (failure: {
    readonly boardCodes: readonly string[];
    readonly period: IdentificationPeriod;
    readonly attempts: number;
    readonly problem: string;
  }) => Promise<void>;
  readonly retry?: RetryPolicy;
}

/** What a requested reminder run was asked to do: board codes and a period, no personal data. */
export const reminderRequestParams = z.object({
  boardCodes: z.array(z.string().min(1)).min(1),
  period: z.object({ term: z.enum(['spring', 'autumn']), year: z.number().int() }),
});
export type ReminderRequest = z.output<typeof reminderRequestParams>;

/**
 * The exam-period reminder on the configured schedule (default: the first
 * Monday of April and October, 09:00 Copenhagen) for every board, and the
 * same reminder when someone asks for it (`remind now`, after an import) for
 * some boards. Each place is posted once (see deliverOnce), so a retry or a
 * run taken over from a dead instance only does what is left.
 */
export function reminderJobs(dependencies: ReminderJobsDependencies): {
  readonly scheduled: ScheduledJob<DeliveryReport[]>;
  readonly requested: Job<ReminderRequest, DeliveryReport[]>;
} {
  const { config } = dependencies;
  const retry = dependencies.retry ?? reminderRetry;
  const allBoards = config.boards.map((board) => board.code);
  const periodAt = (scheduledFor: Date) => periodOf(todayIn(config.schedule.timeZone, scheduledFor));

  const remind = async (
    boardCodes: readonly string[],
    period: IdentificationPeriod,
  ): Promise<JobResult<DeliveryReport[]>> => {
    const reports = await dependencies.send(boardCodes, period);
    const count = (outcome: DeliveryReport['outcome']) =>
      reports.filter((report) => report.outcome === outcome).length;
    const failed = count('failed');
    return {
      summary: {
        period: describePeriod(period),
        boards: boardCodes.length,
        posted: count('posted'),
        updated: count('updated'),
        unchanged: count('unchanged'),
        inProgressElsewhere: count('already_claimed'),
        failed,
        unreachable: count('unreachable'),
      },
      value: reports,
      ...(failed > 0 ? { incomplete: { code: 'deliveries_failed' } } : {}),
    };
  };

  return {
    scheduled: {
      name: examPeriodReminderJobName,
      cron: config.schedule.cron,
      timeZone: config.schedule.timeZone,
      params: z.null(),
      retry,
      run: ({ scheduledFor }) => remind(allBoards, periodAt(scheduledFor)),
      missedRun: (now) => missedScheduledRun(config, now),
      onGaveUp: ({ scheduledFor, attempt, problem }) =>
        dependencies.tellSecretaries({
          boardCodes: allBoards,
          period: periodAt(scheduledFor),
          attempts: attempt,
          problem,
        }),
    },
    requested: {
      name: reminderRequestJobName,
      params: reminderRequestParams,
      retry,
      // A board removed from the configuration since the request is left out.
      run: ({ params }) => remind(known(params.boardCodes), params.period),
      onGaveUp: ({ params, attempt, problem }) =>
        dependencies.tellSecretaries({
          boardCodes: known(params.boardCodes),
          period: params.period,
          attempts: attempt,
          problem,
        }),
    },
  };

  function known(boardCodes: readonly string[]): string[] {
    return boardCodes.filter((code) => allBoards.includes(code));
  }
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
