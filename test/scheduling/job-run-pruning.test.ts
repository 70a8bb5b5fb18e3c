import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jobRunPruningJob } from '../../src/scheduling/job-run-pruning.js';
import type { AnyJob } from '../../src/scheduling/scheduled-job.js';
import type { Database } from '../../src/storage/database.js';
import { PrismaJobRunLedger } from '../../src/storage/prisma-job-run-ledger.js';
import { capturedLogger } from '../support/captured-logger.js';
import { openTestDatabase, testDatabaseEngine } from '../support/test-database.js';

const now = new Date('2026-06-01T03:30:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

function aJob(name: string, keepRunsDays?: number): AnyJob {
  return {
    name,
    params: z.null(),
    ...(keepRunsDays === undefined ? {} : { keepRunsDays }),
    run: async () => ({ summary: {}, value: null }),
  };
}

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function run(
  jobName: string,
  endedDaysAgo: number,
  ending: 'succeeded' | 'gave up' | 'retrying' | 'running',
) {
  await database.prisma.jobRun.create({
    data: {
      jobName,
      scheduledFor: daysAgo(endedDaysAgo + Math.random()),
      instance: 'gone',
      startedAt: daysAgo(endedDaysAgo),
      finishedAt: ending === 'running' ? null : daysAgo(endedDaysAgo),
      outcome: ending === 'succeeded' ? 'succeeded' : ending === 'running' ? null : 'failed',
      nextAttemptAt: ending === 'retrying' ? now : null,
    },
  });
}

describe(`pruning job_run (${testDatabaseEngine()})`, () => {
  it('deletes each job’s finished runs older than it keeps them, and never a run that is running, retrying, or of a job it does not know', async () => {
    await run('mail-outbox', 8, 'succeeded');
    await run('mail-outbox', 2, 'succeeded');
    await run('exam-period-reminder', 100, 'succeeded');
    await run('exam-period-reminder', 100, 'gave up');
    await run('exam-period-reminder', 100, 'retrying');
    await run('exam-period-reminder', 100, 'running');
    await run('exam-period-reminder', 30, 'succeeded');
    await run('a-job-no-longer-there', 400, 'succeeded');

    const job = jobRunPruningJob({
      jobs: [aJob('mail-outbox', 7), aJob('exam-period-reminder')],
      ledger: new PrismaJobRunLedger(database.prisma),
      timeZone: 'Europe/Copenhagen',
      now: () => now,
    });
    const result = await job.run({
      params: null,
      attempt: 1,
      scheduledFor: now,
      logger: capturedLogger().logger,
    });

    expect(result.summary).toEqual({ deleted: 3 });
    const left = await database.prisma.jobRun.findMany({
      orderBy: [{ jobName: 'asc' }, { startedAt: 'asc' }],
    });
    expect(
      left.map((row) => [row.jobName, row.outcome, row.nextAttemptAt === null ? 'no retry' : 'retry']),
    ).toEqual([
      ['a-job-no-longer-there', 'succeeded', 'no retry'],
      ['exam-period-reminder', 'failed', 'retry'],
      ['exam-period-reminder', null, 'no retry'],
      ['exam-period-reminder', 'succeeded', 'no retry'],
      ['mail-outbox', 'succeeded', 'no retry'],
    ]);
  });
});
