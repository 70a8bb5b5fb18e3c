import { createTask, type ScheduledTask } from 'node-cron';
import type { Logger } from '../logging/logger.js';
import {
  type AnyJob,
  type ClaimedRun,
  isScheduledJob,
  type Job,
  type JobResult,
  type JobRunLedger,
  type JobSummary,
  type ScheduledJob,
} from './scheduled-job.js';

/** What became of asking for a run. */
export type RunOutcome<Value> =
  | { readonly kind: 'ran'; readonly result: JobResult<Value> }
  | { readonly kind: 'failed'; readonly problem: string }
  /** Another instance has this run, or it is done. */
  | { readonly kind: 'skipped' };

export interface Scheduler {
  /** Runs a scheduled job for one of its times, through the same claim as the cron tick (start-up catch-up, tests). */
  runNow<Value>(job: ScheduledJob<Value>, scheduledFor: Date): Promise<RunOutcome<Value>>;
  /**
   * Runs a job someone asked for now ("remind now"), recorded like a
   * scheduled run: if this instance dies during it, another one finishes it.
   */
  request<Params, Value>(job: Job<Params, Value>, params: Params): Promise<RunOutcome<Value>>;
  /** Starts the cron tasks and the periodic look for runs to take over. */
  start(): void;
  /** Takes over the runs left by dead instances and the failed runs whose retry is due. */
  recover(): Promise<void>;
  nextRun(jobName: string): Date | null;
  stop(): Promise<void>;
}

/** This process, as named in the ledger; its lease decides when its runs may be taken over. */
export interface SchedulerHolder {
  readonly id: string;
  /** How often to look for runs to take over or retry. */
  readonly recoverEveryMs: number;
}

/**
 * The scheduler: once started, a node-cron task per scheduled job (each time
 * claimed in the ledger before it runs), and a look for runs to take over
 * (their instance died) or to retry (they failed) every `recoverEveryMs`.
 * `jobs` are every job the ledger may name, scheduled or requested; requested
 * runs work before `start()`.
 */
export function createScheduler(options: {
  readonly jobs: readonly AnyJob[];
  readonly ledger: JobRunLedger;
  readonly holder: SchedulerHolder;
  readonly logger: Logger;
}): Scheduler {
  const { ledger, logger, holder } = options;
  const jobsByName = new Map(options.jobs.map((job) => [job.name, job]));
  const tasks = new Map<string, ScheduledTask>();
  const running = new Set<Promise<unknown>>();
  let stopped = false;

  async function claimAndRun(job: AnyJob, scheduledFor: Date, params: unknown): Promise<RunOutcome<unknown>> {
    const claimed = await ledger.claim({ jobName: job.name, scheduledFor, params }, holder.id);
    const jobLogger = logger.child({ job: job.name, scheduledFor: scheduledFor.toISOString() });
    if (claimed === null) {
      jobLogger.debug('another instance has this run, or it is done');
      return { kind: 'skipped' };
    }
    const work = execute(job, claimed, scheduledFor, jobLogger);
    running.add(work);
    try {
      return await work;
    } finally {
      running.delete(work);
    }
  }

  async function execute(
    job: AnyJob,
    claimed: ClaimedRun,
    scheduledFor: Date,
    jobLogger: Logger,
  ): Promise<RunOutcome<unknown>> {
    const parsed = job.params.safeParse(claimed.params);
    if (!parsed.success) {
      // A run recorded by an older version, or by hand: nothing sensible to do with it.
      await record(
        claimed,
        { kind: 'failed', summary: { error: 'unreadable_params' }, retryInMs: null },
        jobLogger,
      );
      jobLogger.error('a recorded run has parameters this job cannot read; given up');
      return { kind: 'failed', problem: 'unreadable_params' };
    }
    const context = { scheduledFor, params: parsed.data, attempt: claimed.attempt, logger: jobLogger };
    let result: JobResult<unknown> | null = null;
    let problem: string;
    try {
      result = await job.run(context);
      if (!result.incomplete) {
        await record(claimed, { kind: 'succeeded', summary: result.summary }, jobLogger);
        jobLogger.info({ summary: result.summary, attempt: claimed.attempt }, 'job succeeded');
        return { kind: 'ran', result };
      }
      problem = result.incomplete.code;
    } catch (error) {
      problem = error instanceof Error && 'code' in error ? String(error.code) : 'unexpected';
      jobLogger.error({ err: error, attempt: claimed.attempt }, 'job failed');
    }
    // The failure hook: retry after the policy's next delay, or give up and tell people.
    const retryInMs = job.retry?.delaysMs[claimed.attempt - 1] ?? null;
    const summary: JobSummary = { ...result?.summary, error: problem };
    await record(claimed, { kind: 'failed', summary, retryInMs }, jobLogger);
    const fields = { summary, attempt: claimed.attempt };
    if (retryInMs !== null) {
      jobLogger.warn({ ...fields, retryInMs }, 'job failed; it will be tried again');
    } else if (job.retry) {
      jobLogger.error(fields, 'job failed and is given up');
      await job.onGaveUp?.({ ...context, problem }).catch((error: unknown) => {
        jobLogger.error({ err: error }, 'the failure hook failed');
      });
    } else if (result) {
      // No retry policy: a scheduled job's next time tries again.
      jobLogger.error(fields, 'job did not finish its work');
    }
    return result ? { kind: 'ran', result } : { kind: 'failed', problem };
  }

  /** Records how a run ended; a failure to record it is logged (the lease still ends the claim). */
  async function record(
    claimed: ClaimedRun,
    outcome: Parameters<JobRunLedger['finish']>[1],
    jobLogger: Logger,
  ): Promise<void> {
    try {
      await ledger.finish(claimed.id, outcome);
    } catch (error) {
      jobLogger.error(
        { err: error, outcome: outcome.kind },
        'the end of a job run could not be recorded; another instance may run it again',
      );
    }
  }

  async function recover(): Promise<void> {
    if (stopped) return;
    const runs = await ledger.takeable();
    for (const run of runs) {
      const job = jobsByName.get(run.jobName);
      if (!job) {
        logger.warn({ job: run.jobName }, 'a recorded run belongs to no job this instance knows; left alone');
        continue;
      }
      const outcome = await claimAndRun(job, run.scheduledFor, run.params);
      if (outcome.kind !== 'skipped') {
        logger.info({ job: run.jobName, scheduledFor: run.scheduledFor.toISOString() }, 'took over a run');
      }
    }
  }

  let recovery: NodeJS.Timeout | null = null;

  function start(): void {
    if (recovery || stopped) return;
    for (const job of options.jobs) {
      if (!isScheduledJob(job)) continue;
      const task = createTask(job.cron, (context) => claimAndRun(job, startOfMinute(context.date), null), {
        name: job.name,
        timezone: job.timeZone,
        noOverlap: true,
      });
      void task.start();
      tasks.set(job.name, task);
    }
    recovery = setInterval(() => {
      recover().catch((error: unknown) =>
        logger.error({ err: error }, 'looking for runs to take over failed'),
      );
    }, holder.recoverEveryMs);
    recovery.unref();
  }

  return {
    start,
    // The job object is the one that produced the value, so its type holds.
    runNow: async <Value>(job: ScheduledJob<Value>, scheduledFor: Date) =>
      (await claimAndRun(job, startOfMinute(scheduledFor), null)) as RunOutcome<Value>,
    async request<Params, Value>(job: Job<Params, Value>, params: Params) {
      // Taken over by another instance, it must find the job by its name.
      if (jobsByName.get(job.name) !== job) throw new Error(`${job.name} is not one of the scheduler's jobs`);
      // Requested runs are told apart by their exact time; two in the same
      // millisecond take the next free one.
      for (let offset = 0; ; offset++) {
        const outcome = await claimAndRun(job, new Date(Date.now() + offset), params);
        if (outcome.kind !== 'skipped') return outcome as RunOutcome<Value>;
      }
    },
    recover,
    nextRun: (jobName) => tasks.get(jobName)?.getNextRun() ?? null,
    async stop() {
      stopped = true;
      if (recovery) clearInterval(recovery);
      await Promise.all([...tasks.values()].map((task) => task.destroy()));
      // Runs in progress finish (and record how they ended) before the database closes.
      await Promise.allSettled([...running]);
    },
  };
}

function startOfMinute(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 60_000) * 60_000);
}
