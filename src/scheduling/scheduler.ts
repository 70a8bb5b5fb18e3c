import { hostname } from 'node:os';
import { createTask, type ScheduledTask } from 'node-cron';
import type { Logger } from '../logging/logger.js';
import type { JobRunLedger, JobSummary, ScheduledJob } from './scheduled-job.js';

export interface Scheduler {
  /** Runs a job now for the given slot, through the same claim as a scheduled run (start-up catch-up, tests). */
  runNow(job: ScheduledJob, scheduledFor: Date): Promise<'ran' | 'skipped'>;
  nextRun(jobName: string): Date | null;
  stop(): Promise<void>;
}

const instance = `${hostname()}:${process.pid}`;

/** Starts a node-cron task per job; each scheduled time is claimed in the ledger before it runs. */
export function startScheduler(options: {
  readonly jobs: readonly ScheduledJob[];
  readonly ledger: JobRunLedger;
  readonly logger: Logger;
}): Scheduler {
  const { ledger, logger } = options;
  const tasks = new Map<string, ScheduledTask>();

  async function runNow(job: ScheduledJob, scheduledFor: Date): Promise<'ran' | 'skipped'> {
    const slot = startOfMinute(scheduledFor);
    const runId = await ledger.claim(job.name, slot, instance);
    const jobLogger = logger.child({ job: job.name, scheduledFor: slot.toISOString() });
    if (runId === null) {
      jobLogger.debug('another instance has this run');
      return 'skipped';
    }
    let summary: JobSummary = {};
    try {
      summary = await job.run({ scheduledFor: slot, logger: jobLogger });
      await ledger.finish(runId, 'succeeded', summary);
      jobLogger.info({ summary }, 'job succeeded');
    } catch (error) {
      // The failure hook: record and log; the next scheduled time tries again.
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'unexpected';
      await ledger.finish(runId, 'failed', { ...summary, error: code }).catch(() => {});
      jobLogger.error({ err: error }, 'job failed');
    }
    return 'ran';
  }

  for (const job of options.jobs) {
    const task = createTask(job.cron, (context) => runNow(job, context.date), {
      name: job.name,
      timezone: job.timeZone,
      noOverlap: true,
    });
    void task.start();
    tasks.set(job.name, task);
  }

  return {
    runNow,
    nextRun: (jobName) => tasks.get(jobName)?.getNextRun() ?? null,
    async stop() {
      await Promise.all([...tasks.values()].map((task) => task.destroy()));
    },
  };
}

function startOfMinute(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 60_000) * 60_000);
}
