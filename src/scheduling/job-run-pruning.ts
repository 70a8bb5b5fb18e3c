import { z } from 'zod';
import { type AnyJob, defaultKeepRunsDays, type JobRunLedger, type ScheduledJob } from './scheduled-job.js';

/** Once a night, when little else runs. */
export const jobRunPruningCron = '30 3 * * *';
const dayMs = 86_400_000;

/**
 * Keeps job_run from growing without end (the outbox job alone records a run
 * a minute): each job's finished runs older than it keeps them are deleted.
 * A run still running or waiting for its retry is never touched.
 */
export function jobRunPruningJob(options: {
  readonly jobs: readonly AnyJob[];
  readonly ledger: Pick<JobRunLedger, 'pruneFinished'>;
  readonly timeZone: string;
  readonly now: () => Date;
}): ScheduledJob<{ readonly deleted: number }> {
  return {
    name: 'job-run-pruning',
    cron: jobRunPruningCron,
    timeZone: options.timeZone,
    params: z.null(),
    async run() {
      let deleted = 0;
      const now = options.now().getTime();
      for (const job of [...options.jobs, { name: 'job-run-pruning', keepRunsDays: defaultKeepRunsDays }]) {
        const keepDays = job.keepRunsDays ?? defaultKeepRunsDays;
        deleted += await options.ledger.pruneFinished(job.name, new Date(now - keepDays * dayMs));
      }
      return { summary: { deleted }, value: { deleted } };
    },
  };
}
