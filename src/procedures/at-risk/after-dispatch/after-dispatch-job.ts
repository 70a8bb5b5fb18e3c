import { z } from 'zod';
import type { Job, JobResult, RetryPolicy } from '../../../scheduling/scheduled-job.js';
import type { RunOutcome } from '../../../scheduling/scheduler.js';
import { type AfterDispatchDependencies, type AfterDispatchReport, afterDispatch } from './after-dispatch.js';

export const afterDispatchJobName = 'after-dispatch';

/**
 * A run waits for the cycle's mails to settle by failing and being tried
 * again: a mail the server refused for now (4xx) is retried by the outbox
 * for hours (config `smtp.retryMinutes`), so polling inside one run would
 * hold a job open that long. After a minute, 2, 5, 10, 30 minutes, then
 * hourly up to a day; a post or a case that failed is tried again on the
 * same schedule.
 */
export const afterDispatchRetry: RetryPolicy = {
  delaysMs: [1, 2, 5, 10, 30, ...Array.from({ length: 24 }, () => 60)].map((minutes) => minutes * 60_000),
};

/** A run is asked for by the cycle's id only: no personal data in the run ledger. */
export const afterDispatchParams = z.object({ cycleId: z.uuid() });
export type AfterDispatchRequest = z.output<typeof afterDispatchParams>;

/**
 * The work after a dispatch as a requested job: the at-risk module lists it
 * with its jobs; `request(cycleId)` runs it now as a recorded run (another
 * instance finishes it if this one dies) and the scheduler retries it until
 * the outbox has settled and every post and case is done.
 */
export function afterDispatchJob(
  dependencies: AfterDispatchDependencies,
  options: {
    readonly requestRun: <Params, Value>(
      job: Job<Params, Value>,
      params: Params,
    ) => Promise<RunOutcome<Value>>;
    readonly retry?: RetryPolicy;
  },
): {
  readonly job: Job<AfterDispatchRequest, AfterDispatchReport>;
  /** Call right after `confirmDispatch` (and its drain): resolves when the first attempt ended. */
  request(cycleId: string): Promise<RunOutcome<AfterDispatchReport>>;
} {
  const retry = options.retry ?? afterDispatchRetry;
  const job: Job<AfterDispatchRequest, AfterDispatchReport> = {
    name: afterDispatchJobName,
    params: afterDispatchParams,
    retry,
    async run({ params, attempt }) {
      const lastAttempt = attempt > retry.delaysMs.length;
      return resultOf(await afterDispatch(dependencies, { cycleId: params.cycleId, lastAttempt }));
    },
    async onGaveUp({ params, attempt, problem }) {
      dependencies.logger.error(
        { cycleId: params.cycleId, attempts: attempt, problem },
        'the work after a dispatch gave up: see the journal cases and after_dispatch_post rows of the cycle',
      );
    },
  };
  return { job, request: (cycleId) => options.requestRun(job, { cycleId }) };
}

function resultOf(report: AfterDispatchReport): JobResult<AfterDispatchReport> {
  switch (report.kind) {
    case 'skipped':
      return { summary: { outcome: 'skipped', reason: report.reason }, value: report };
    case 'waiting':
      return {
        summary: { outcome: 'waiting', pendingMails: report.pendingMails },
        value: report,
        incomplete: { code: 'outbox_not_settled' },
      };
    case 'done': {
      const count = (outcome: string) => report.posts.filter((post) => post.outcome === outcome).length;
      const failedPosts = count('failed');
      const unfinishedPosts = failedPosts + count('in_progress_elsewhere');
      const summary = {
        outcome: 'done',
        journalised: report.journal !== null,
        casesFiled: report.journal ? report.journal.filed.student + report.journal.filed.collective : 0,
        casesUnfinished: report.journalUnfinished,
        posted: count('posted'),
        alreadyPosted: count('already_posted'),
        failedPosts,
      };
      if (report.journalUnfinished > 0)
        return { summary, value: report, incomplete: { code: 'journal_unfinished' } };
      if (unfinishedPosts > 0) return { summary, value: report, incomplete: { code: 'posts_unfinished' } };
      return { summary, value: report };
    }
  }
}
