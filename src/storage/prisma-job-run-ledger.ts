import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import type { ClaimedRun, JobRunLedger, RecordedRun } from '../scheduling/scheduled-job.js';
import { holderIsGone } from './instance-lease.js';

/** A run is free to take when it never finished and its holder is gone, or when its retry is due. */
const takeableRun = Prisma.sql`(
  (job_run.outcome IS NULL AND ${holderIsGone(Prisma.raw('job_run.instance'))})
  OR (job_run.outcome = 'failed' AND job_run.next_attempt_at <= clock_timestamp()))`;

/**
 * The job_run table as the scheduler's ledger: the unique (job, time) decides
 * who runs, and the instance lease decides when a run left behind by a dead
 * instance may be taken over.
 */
export class PrismaJobRunLedger implements JobRunLedger {
  constructor(private readonly prisma: PrismaClient) {}

  async claim(run: RecordedRun, holder: string): Promise<ClaimedRun | null> {
    const params = run.params === null ? Prisma.sql`NULL` : Prisma.sql`${JSON.stringify(run.params)}::jsonb`;
    const rows = await this.prisma.$queryRaw<{ id: bigint; attempts: number; params: unknown }[]>`
      INSERT INTO job_run (job_name, scheduled_for, instance, params)
      VALUES (${run.jobName}, ${run.scheduledFor}, ${holder}, ${params})
      ON CONFLICT (job_name, scheduled_for) DO UPDATE
        SET instance = EXCLUDED.instance, attempts = job_run.attempts + 1, started_at = clock_timestamp(),
            finished_at = NULL, outcome = NULL, next_attempt_at = NULL
        WHERE ${takeableRun}
      RETURNING id, attempts, params`;
    const row = rows[0];
    return row ? { id: row.id, attempt: row.attempts, params: row.params } : null;
  }

  async finish(runId: bigint, outcome: Parameters<JobRunLedger['finish']>[1]): Promise<void> {
    const retryInMs = outcome.kind === 'failed' ? outcome.retryInMs : null;
    const nextAttemptAt =
      retryInMs === null
        ? Prisma.sql`NULL`
        : Prisma.sql`clock_timestamp() + ${retryInMs}::int * interval '1 millisecond'`;
    await this.prisma.$executeRaw`
      UPDATE job_run
      SET outcome = ${outcome.kind}, finished_at = clock_timestamp(), next_attempt_at = ${nextAttemptAt},
          summary = ${JSON.stringify(outcome.summary)}::jsonb
      WHERE id = ${runId}`;
  }

  async pruneFinished(jobName: string, before: Date): Promise<number> {
    return this.prisma.$executeRaw`
      DELETE FROM job_run
      WHERE job_name = ${jobName} AND finished_at < ${before}
        AND (outcome = 'succeeded' OR (outcome = 'failed' AND next_attempt_at IS NULL))`;
  }

  async takeable(): Promise<RecordedRun[]> {
    const rows = await this.prisma.$queryRaw<{ job_name: string; scheduled_for: Date; params: unknown }[]>`
      SELECT job_name, scheduled_for, params FROM job_run WHERE ${takeableRun} ORDER BY scheduled_for`;
    return rows.map((row) => ({
      jobName: row.job_name,
      scheduledFor: row.scheduled_for,
      params: row.params,
    }));
  }
}
