import type { Logger } from '../logging/logger.js';

/** Counts and codes only: a job summary is stored and logged, so it never holds personal data. */
export type JobSummary = Readonly<Record<string, string | number | boolean | null>>;

/**
 * A job: its schedule, what it does, and what happens when it fails. It loads
 * fresh data when it runs and is safe to run twice; the scheduler makes sure
 * it runs once per scheduled time even with several instances.
 */
export interface ScheduledJob {
  readonly name: string;
  /** node-cron syntax */
  readonly cron: string;
  /** IANA zone the cron expression is read in */
  readonly timeZone: string;
  run(context: { readonly scheduledFor: Date; readonly logger: Logger }): Promise<JobSummary>;
}

/** Where runs are claimed and recorded (the job_run table). */
export interface JobRunLedger {
  /** The run's id when this instance got it; null when another instance already has it. */
  claim(jobName: string, scheduledFor: Date, instance: string): Promise<bigint | null>;
  finish(runId: bigint, outcome: 'succeeded' | 'failed', summary: JobSummary): Promise<void>;
}
