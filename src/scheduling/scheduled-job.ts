import type { z } from 'zod';
import type { Logger } from '../logging/logger.js';

/** Counts and codes only: a job summary is stored and logged, so it never holds personal data. */
export type JobSummary = Readonly<Record<string, string | number | boolean | null>>;

/** How a failed run is tried again: after each delay in turn, then given up. */
export interface RetryPolicy {
  /** Milliseconds before the 2nd, 3rd, … attempt; its length is the number of retries. */
  readonly delaysMs: readonly number[];
}

export interface JobContext<Params> {
  readonly scheduledFor: Date;
  readonly params: Params;
  /** 1 for the first attempt, more for a retry or a run taken over from a dead instance. */
  readonly attempt: number;
  readonly logger: Logger;
}

/** What a run did: the summary that is stored, and what the caller of a requested run gets back. */
export interface JobResult<Value> {
  readonly summary: JobSummary;
  readonly value: Value;
  /**
   * Part of the work failed (say a platform refused a post): the run is
   * recorded as failed and tried again by the retry policy. What succeeded is
   * not done twice (each piece of work keeps its own record).
   */
  readonly incomplete?: { readonly code: string };
}

/**
 * A job: what it does, its retry policy and what happens when it gives up. It
 * loads fresh data when it runs and is safe to run twice; the scheduler makes
 * sure each run happens once even with several instances, and that another
 * instance finishes a run whose instance died.
 */
export interface Job<Params, Value> {
  readonly name: string;
  /**
   * Reads the parameters of a run from the database (a run taken over from
   * another instance, or retried). Jobs without parameters use `z.null()`.
   */
  readonly params: z.ZodType<Params>;
  readonly retry?: RetryPolicy;
  /**
   * How long its finished runs stay in job_run (days; default
   * `defaultKeepRunsDays`). A job that runs every minute keeps a week, not a
   * season; a job whose history others read (a catch-up, a sweep) keeps
   * longer than they look back.
   */
  readonly keepRunsDays?: number;
  run(context: JobContext<Params>): Promise<JobResult<Value>>;
  /**
   * The failure hook, called once when the last attempt failed: tell the
   * people who expected the work. `problem` is a code, never personal data.
   */
  onGaveUp?(context: JobContext<Params> & { readonly problem: string }): Promise<void>;
}

/** A job that also runs on a schedule. */
export interface ScheduledJob<Value = unknown> extends Job<null, Value> {
  /** node-cron syntax */
  readonly cron: string;
  /** IANA zone the cron expression is read in */
  readonly timeZone: string;
  /**
   * The scheduled time to run at start-up, if one was missed while no
   * instance ran (null: none). It runs once: the ledger knows whether it ran.
   */
  missedRun?(now: Date): Date | null;
}

/** Whether a job also runs on a schedule (it has a cron expression). */
export function isScheduledJob(job: AnyJob): job is ScheduledJob & AnyJob {
  return 'cron' in job && typeof job.cron === 'string';
}

/** Any job, as the scheduler's registry holds them. */
// biome-ignore lint/suspicious/noExplicitAny: each job reads its own params; the registry only routes by name.
export type AnyJob = Job<any, unknown>;

/** A run the ledger holds: what to run again when taking it over. */
export interface RecordedRun {
  readonly jobName: string;
  readonly scheduledFor: Date;
  /** As stored; the job parses it. */
  readonly params: unknown;
}

export interface ClaimedRun {
  readonly id: bigint;
  readonly attempt: number;
  readonly params: unknown;
}

/** Where runs are claimed and recorded (the job_run table). */
export interface JobRunLedger {
  /**
   * Claims a run for `holder`: a new one, one whose holder is gone (died
   * mid-run), or a failed one whose retry is due. null: another instance has
   * it, or it is done.
   */
  claim(run: RecordedRun, holder: string): Promise<ClaimedRun | null>;
  finish(
    runId: bigint,
    outcome:
      | { readonly kind: 'succeeded'; readonly summary: JobSummary }
      /** `retryInMs` null: given up (or no retry policy). */
      | { readonly kind: 'failed'; readonly summary: JobSummary; readonly retryInMs: number | null },
  ): Promise<void>;
  /** Runs waiting for an instance: their holder is gone, or their retry is due. */
  takeable(): Promise<RecordedRun[]>;
  /** Deletes the job's finished runs (succeeded, or failed for good) that ended before `before`; how many. */
  pruneFinished(jobName: string, before: Date): Promise<number>;
}

/** Finished runs are kept this long unless the job says otherwise: longer than any catch-up window (five weeks). */
export const defaultKeepRunsDays = 90;
