import type { PrismaClient } from '../generated/prisma/client.js';
import type { JobRunLedger } from '../scheduling/scheduled-job.js';

/** The job_run table as the scheduler's ledger: the unique key decides who runs. */
export class PrismaJobRunLedger implements JobRunLedger {
  constructor(private readonly prisma: PrismaClient) {}

  async claim(jobName: string, scheduledFor: Date, instance: string): Promise<bigint | null> {
    const rows = await this.prisma.$queryRaw<{ id: bigint }[]>`
      INSERT INTO job_run (job_name, scheduled_for, instance)
      VALUES (${jobName}, ${scheduledFor}, ${instance})
      ON CONFLICT (job_name, scheduled_for) DO NOTHING
      RETURNING id`;
    return rows[0]?.id ?? null;
  }

  async finish(
    runId: bigint,
    outcome: 'succeeded' | 'failed',
    summary: Record<string, unknown>,
  ): Promise<void> {
    await this.prisma.jobRun.update({
      where: { id: runId },
      data: { outcome, finishedAt: new Date(), summary: JSON.parse(JSON.stringify(summary)) },
    });
  }
}
