import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Job, JobContext, JobRunLedger, ScheduledJob } from '../../src/scheduling/scheduled-job.js';
import { createScheduler, type Scheduler } from '../../src/scheduling/scheduler.js';
import type { Database } from '../../src/storage/database.js';
import { PrismaJobRunLedger } from '../../src/storage/prisma-job-run-ledger.js';
import { capturedLogger } from '../support/captured-logger.js';
import { seedInstance } from '../support/instances.js';
import { openTestDatabase, testDatabaseEngine } from '../support/test-database.js';

let database: Database;
let ledger: PrismaJobRunLedger;
const schedulers: Scheduler[] = [];
beforeAll(async () => {
  database = await openTestDatabase();
  ledger = new PrismaJobRunLedger(database.prisma);
});
afterAll(async () => {
  await Promise.all(schedulers.map((scheduler) => scheduler.stop()));
  await database?.close();
});
beforeEach(async () => {
  await database.prisma.jobRun.deleteMany();
  await database.prisma.instance.deleteMany();
});

/** An instance as the `instance` table knows it, alive or dead (see seedInstance). */
const instance = (id: string, state: 'alive' | 'dead') => seedInstance(database.prisma, id, state);

function schedulerAs(
  holder: string,
  jobs: Parameters<typeof createScheduler>[0]['jobs'],
  options: { ledger?: JobRunLedger; logger?: ReturnType<typeof capturedLogger>['logger'] } = {},
): Scheduler {
  const scheduler = createScheduler({
    jobs,
    ledger: options.ledger ?? ledger,
    holder: { id: holder, recoverEveryMs: 60_000 },
    logger: options.logger ?? capturedLogger().logger,
  });
  schedulers.push(scheduler);
  return scheduler;
}

/** A scheduled job that counts its runs; `work` decides how each attempt goes. */
function countingJob(
  name: string,
  work: (context: JobContext<null>) => Promise<'done' | 'incomplete'> = async () => 'done',
  extra: Partial<ScheduledJob<number>> = {},
) {
  const runs: JobContext<null>[] = [];
  const gaveUp: (JobContext<null> & { problem: string })[] = [];
  const job: ScheduledJob<number> = {
    name,
    cron: '0 9 * 4,10 1#1',
    timeZone: 'Europe/Copenhagen',
    params: z.null(),
    async run(context) {
      runs.push(context);
      const outcome = await work(context);
      return {
        summary: { runs: runs.length },
        value: runs.length,
        ...(outcome === 'incomplete' ? { incomplete: { code: 'some_failed' } } : {}),
      };
    },
    async onGaveUp(context) {
      gaveUp.push(context);
    },
    ...extra,
  };
  return { job, runs, gaveUp };
}

const slot = new Date('2026-04-06T07:00:00Z');
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`the scheduler (${testDatabaseEngine()})`, () => {
  it('two instances sharing the database run a scheduled time once', async () => {
    const { job, runs } = countingJob('exactly-once', () => wait(50).then(() => 'done'));
    const first = schedulerAs(await instance('first', 'alive'), [job]);
    const second = schedulerAs(await instance('second', 'alive'), [job]);
    const outcomes = await Promise.all([
      first.runNow(job, slot),
      second.runNow(job, slot),
      first.runNow(job, slot),
    ]);
    expect(outcomes.filter((outcome) => outcome.kind === 'ran')).toHaveLength(1);
    expect(runs).toHaveLength(1);
    const recorded = await database.prisma.jobRun.findMany({ where: { jobName: 'exactly-once' } });
    expect(recorded).toMatchObject([{ outcome: 'succeeded', attempts: 1, summary: { runs: 1 } }]);
  });

  it('a run whose instance died mid-run is taken over by another instance, once, and runs to its end', async () => {
    const { job, runs } = countingJob('left-behind');
    await ledger.claim(
      { jobName: job.name, scheduledFor: slot, params: null },
      await instance('killed', 'dead'),
    );
    const survivor = schedulerAs(await instance('survivor', 'alive'), [job]);
    const other = schedulerAs(await instance('other', 'alive'), [job]);

    await Promise.all([survivor.recover(), other.recover()]);
    await survivor.recover();

    expect(runs.map((run) => run.attempt)).toEqual([2]);
    expect(await database.prisma.jobRun.findFirstOrThrow()).toMatchObject({
      outcome: 'succeeded',
      attempts: 2,
      instance: expect.stringMatching(/^(survivor|other)$/),
    });
  });

  it('a run held by a living instance is left to it', async () => {
    const { job, runs } = countingJob('still-running');
    await ledger.claim(
      { jobName: job.name, scheduledFor: slot, params: null },
      await instance('busy', 'alive'),
    );
    const other = schedulerAs(await instance('other', 'alive'), [job]);

    await other.recover();
    expect(await other.runNow(job, slot)).toEqual({ kind: 'skipped' });
    expect(runs).toHaveLength(0);
  });

  it('a failed run is tried again after each delay of its policy, then given up, and the failure hook runs once', async () => {
    const { job, runs, gaveUp } = countingJob('keeps-failing', async () => 'incomplete', {
      retry: { delaysMs: [20, 20] },
    });
    const scheduler = schedulerAs(await instance('only', 'alive'), [job]);

    const first = await scheduler.runNow(job, slot);
    await scheduler.recover(); // not due yet
    expect(runs).toHaveLength(1);
    for (let attempt = 2; attempt <= 3; attempt++) {
      await wait(40);
      await scheduler.recover();
    }
    await wait(40);
    await scheduler.recover(); // nothing left to retry

    // The first attempt's value still reached its caller.
    expect(first).toMatchObject({ kind: 'ran', result: { value: 1, incomplete: { code: 'some_failed' } } });
    expect(runs.map((run) => run.attempt)).toEqual([1, 2, 3]);
    expect(gaveUp).toMatchObject([{ attempt: 3, problem: 'some_failed' }]);
    expect(await database.prisma.jobRun.findFirstOrThrow()).toMatchObject({
      outcome: 'failed',
      attempts: 3,
      nextAttemptAt: null,
      summary: { runs: 3, error: 'some_failed' },
    });
  });

  it('a retry that succeeds ends the failure: no more attempts, no failure hook', async () => {
    const { job, runs, gaveUp } = countingJob(
      'fails-once',
      async ({ attempt }) =>
        attempt === 1 ? Promise.reject(Object.assign(new Error('x'), { code: 'EAI_AGAIN' })) : 'done',
      { retry: { delaysMs: [10, 10, 10] } },
    );
    const log = capturedLogger();
    const scheduler = schedulerAs(await instance('only', 'alive'), [job], { logger: log.logger });

    expect(await scheduler.runNow(job, slot)).toEqual({ kind: 'failed', problem: 'EAI_AGAIN' });
    await wait(30);
    await scheduler.recover();
    await wait(30);
    await scheduler.recover();

    expect(runs.map((run) => run.attempt)).toEqual([1, 2]);
    expect(gaveUp).toHaveLength(0);
    expect(await database.prisma.jobRun.findFirstOrThrow()).toMatchObject({
      outcome: 'succeeded',
      attempts: 2,
    });
    expect(log.lines().map((line) => line.msg)).toEqual(
      expect.arrayContaining(['job failed', 'job failed; it will be tried again', 'job succeeded']),
    );
  });

  it('a job without a retry policy records its failure and waits for its next time', async () => {
    const { job, runs } = countingJob('always-fails', async () => {
      throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    });
    const log = capturedLogger();
    const scheduler = schedulerAs(await instance('only', 'alive'), [job], { logger: log.logger });

    await expect(scheduler.runNow(job, slot)).resolves.toEqual({ kind: 'failed', problem: 'ENOSPC' });
    await scheduler.recover();

    expect(runs).toHaveLength(1);
    expect(await database.prisma.jobRun.findFirstOrThrow()).toMatchObject({
      outcome: 'failed',
      nextAttemptAt: null,
      summary: { error: 'ENOSPC' },
    });
    expect(log.lines().some((line) => line.msg === 'job failed' && line.job === 'always-fails')).toBe(true);
  });

  it('a requested run keeps its parameters: an instance taking it over runs it with the same ones', async () => {
    const seen: { boards: string[] }[] = [];
    const requested: Job<{ boards: string[] }, number> = {
      name: 'remind-some',
      params: z.object({ boards: z.array(z.string()) }),
      async run({ params }) {
        seen.push(params);
        return { summary: { boards: params.boards.length }, value: params.boards.length };
      },
    };
    const asking = schedulerAs(await instance('asking', 'alive'), [requested]);

    const outcome = await asking.request(requested, { boards: ['SN-A', 'SN-B'] });
    expect(outcome).toMatchObject({ kind: 'ran', result: { value: 2 } });
    // The same request left behind by a dead instance.
    await ledger.claim({ jobName: 'remind-some', scheduledFor: slot, params: { boards: ['SN-C'] } }, 'gone');
    await schedulerAs(await instance('survivor', 'alive'), [requested]).recover();

    expect(seen).toEqual([{ boards: ['SN-A', 'SN-B'] }, { boards: ['SN-C'] }]);
  });

  it('the end of a run that cannot be recorded is logged, not dropped', async () => {
    const { job } = countingJob('unrecorded');
    const failingLedger: JobRunLedger = {
      claim: (run, holder) => ledger.claim(run, holder),
      takeable: () => ledger.takeable(),
      pruneFinished: (name, before) => ledger.pruneFinished(name, before),
      finish: async () => {
        throw new Error('connection terminated');
      },
    };
    const log = capturedLogger();
    const scheduler = schedulerAs(await instance('only', 'alive'), [job], {
      ledger: failingLedger,
      logger: log.logger,
    });

    await scheduler.runNow(job, slot);

    expect(log.lines()).toContainEqual(
      expect.objectContaining({
        level: 50,
        msg: 'the end of a job run could not be recorded; another instance may run it again',
        err: expect.objectContaining({ message: 'connection terminated' }),
      }),
    );
  });

  it('a job is scheduled by its cron expression in its time zone: the first Monday of April at 09:00 in Copenhagen', async () => {
    const { job } = countingJob('spring-run');
    const scheduler = schedulerAs(await instance('only', 'alive'), [job]);
    scheduler.start();
    const next = scheduler.nextRun('spring-run');
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
