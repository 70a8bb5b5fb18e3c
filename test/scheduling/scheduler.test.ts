import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScheduledJob } from '../../src/scheduling/scheduled-job.js';
import { startScheduler } from '../../src/scheduling/scheduler.js';
import type { Database } from '../../src/storage/database.js';
import { PrismaJobRunLedger } from '../../src/storage/prisma-job-run-ledger.js';
import { capturedLogger } from '../support/captured-logger.js';
import { openTestDatabase, testDatabaseEngine } from '../support/test-database.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

function countingJob(name: string, work: () => Promise<void> = async () => {}) {
  let runs = 0;
  const job: ScheduledJob = {
    name,
    cron: '0 9 * 4,10 1#1',
    timeZone: 'Europe/Copenhagen',
    async run() {
      runs += 1;
      await work();
      return { runs };
    },
  };
  return { job, runs: () => runs };
}

describe(`the scheduler (${testDatabaseEngine()})`, () => {
  it('two instances sharing the database run a scheduled time once', async () => {
    const { job, runs } = countingJob(
      'exactly-once',
      () => new Promise((resolve) => setTimeout(resolve, 50)),
    );
    const ledger = new PrismaJobRunLedger(database.prisma);
    const first = startScheduler({ jobs: [], ledger, logger: capturedLogger().logger });
    const second = startScheduler({ jobs: [], ledger, logger: capturedLogger().logger });
    const slot = new Date('2026-04-06T07:00:00Z');
    const outcomes = await Promise.all([
      first.runNow(job, slot),
      second.runNow(job, slot),
      first.runNow(job, slot),
    ]);
    expect(outcomes.filter((outcome) => outcome === 'ran')).toHaveLength(1);
    expect(runs()).toBe(1);
    const recorded = await database.prisma.jobRun.findMany({ where: { jobName: 'exactly-once' } });
    expect(recorded).toMatchObject([{ outcome: 'succeeded', summary: { runs: 1 } }]);
    await Promise.all([first.stop(), second.stop()]);
  });

  it('a failing job is recorded as failed and logged, and the scheduler goes on', async () => {
    const { job } = countingJob('always-fails', async () => {
      throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    });
    const log = capturedLogger();
    const scheduler = startScheduler({
      jobs: [],
      ledger: new PrismaJobRunLedger(database.prisma),
      logger: log.logger,
    });
    await expect(scheduler.runNow(job, new Date('2026-04-06T07:00:00Z'))).resolves.toBe('ran');
    const [run] = await database.prisma.jobRun.findMany({ where: { jobName: 'always-fails' } });
    expect(run).toMatchObject({ outcome: 'failed', summary: { error: 'ENOSPC' } });
    expect(log.lines().some((line) => line.msg === 'job failed' && line.job === 'always-fails')).toBe(true);
    await scheduler.stop();
  });

  it('a job is scheduled by its cron expression in its time zone: the first Monday of April at 09:00 in Copenhagen', async () => {
    const { job } = countingJob('spring-run');
    const scheduler = startScheduler({
      jobs: [job],
      ledger: new PrismaJobRunLedger(database.prisma),
      logger: capturedLogger().logger,
    });
    const next = scheduler.nextRun('spring-run');
    await scheduler.stop();
    expect(next).not.toBeNull();
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Copenhagen',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
    }).format(next!);
    expect(local).toMatch(/^Monday [1-7] (April|October) at 09:00$/);
  });
});
