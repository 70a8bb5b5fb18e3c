import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mailOutboxJob } from '../../src/mail/mail-outbox-job.js';
import type { OutboxSending } from '../../src/mail/outbox-sending.js';
import { isScheduledJob } from '../../src/scheduling/scheduled-job.js';
import { createScheduler } from '../../src/scheduling/scheduler.js';
import type { Database } from '../../src/storage/database.js';
import { PrismaJobRunLedger } from '../../src/storage/prisma-job-run-ledger.js';
import { anInstanceSending } from '../mail/outbox-harness.js';
import { capturedLogger } from '../support/captured-logger.js';
import { aCycleWithStudents, mailDraftsFor } from '../support/outbox-fixtures.js';
import { SmtpServerDouble } from '../support/smtp-server-double.js';
import { openTestDatabase, testDatabaseEngine } from '../support/test-database.js';

let database: Database;
const closing: (() => Promise<void>)[] = [];
beforeAll(async () => {
  database = await openTestDatabase();
});
// The job sends every due mail, whoever queued it: each test starts with an empty outbox.
beforeEach(async () => {
  await database.prisma.mailOutbox.deleteMany();
});
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});
afterAll(async () => {
  await database?.close();
});

let boards = 0;
async function queued(count: number, sending: OutboxSending) {
  const cycle = await aCycleWithStudents(database.prisma, { count, boardCode: `SN-J${++boards}` });
  await sending.outbox.enqueue(mailDraftsFor(cycle), {
    messageIdDomain: sending.messageIdDomain,
    now: new Date(),
  });
  return cycle;
}

/** The job in a real scheduler on the job_run ledger, as start-up wires it. */
function scheduled(sending: OutboxSending) {
  const outboxJob = mailOutboxJob({
    drain: (options) => sending.drain(options),
    timeZone: 'Europe/Copenhagen',
  });
  const scheduler = createScheduler({
    jobs: [outboxJob.job],
    ledger: new PrismaJobRunLedger(database.prisma),
    holder: { id: 'instance-a', recoverEveryMs: 60_000 },
    logger: capturedLogger().logger,
  });
  closing.push(() => scheduler.stop());
  return { ...outboxJob, scheduler };
}

describe(`the mail outbox job (${testDatabaseEngine()})`, () => {
  it('runs every minute, and once at start-up: a restart resumes a dispatch at once', () => {
    const { job } = mailOutboxJob({
      drain: async () => Promise.reject(new Error('not run')),
      timeZone: 'UTC',
    });
    const now = new Date('2026-04-13T08:00:30Z');

    expect(isScheduledJob(job) && job.cron).toBe('* * * * *');
    expect(job.missedRun?.(now)).toEqual(now);
  });

  it('sends the due mails and records what it did', async () => {
    const server = await SmtpServerDouble.start();
    closing.push(() => server.close());
    const sending = await anInstanceSending(database.prisma, { url: server.url() });
    closing.push(() => sending.close());
    await queued(3, sending);
    const { job, scheduler } = scheduled(sending);
    const slot = new Date('2026-04-13T08:00:00Z');

    const outcome = await scheduler.runNow(job, slot);

    expect(outcome).toMatchObject({ kind: 'ran', result: { summary: { sent: 3, failed: 0, pending: 0 } } });
    expect(server.received).toHaveLength(3);
    expect(await database.prisma.jobRun.findFirstOrThrow({ where: { scheduledFor: slot } })).toMatchObject({
      jobName: 'mail-outbox',
      outcome: 'succeeded',
      summary: { sent: 3, failed: 0, retried: 0, tookOver: 0, pending: 0 },
    });
  });

  it('a mail server that cannot be reached makes the run incomplete; the mails wait', async () => {
    const server = await SmtpServerDouble.start();
    const url = server.url();
    await server.close();
    const sending = await anInstanceSending(database.prisma, { url, config: { maxConnections: 1 } });
    closing.push(() => sending.close());
    const cycle = await queued(2, sending);
    const { job, scheduler } = scheduled(sending);
    const slot = new Date('2026-04-13T08:01:00Z');

    await scheduler.runNow(job, slot);

    expect(await database.prisma.jobRun.findFirstOrThrow({ where: { scheduledFor: slot } })).toMatchObject({
      outcome: 'failed',
      summary: { error: 'smtp_unavailable', sent: 0 },
    });
    expect(
      await database.prisma.mailOutbox.count({ where: { cycleId: cycle.cycleId, status: 'pending' } }),
    ).toBe(2);
  });

  it('stop() ends a run under way after the mails in flight, giving the rest back', async () => {
    const server = await SmtpServerDouble.start();
    closing.push(() => server.close());
    const sending = await anInstanceSending(database.prisma, {
      url: server.url(),
      config: { rateLimit: { messages: 1, perSeconds: 3600 } },
    });
    closing.push(() => sending.close());
    const cycle = await queued(3, sending);
    const { job, scheduler, stop } = scheduled(sending);

    const running = scheduler.runNow(job, new Date('2026-04-13T08:02:00Z'));
    await server.waitForMails(1);
    stop();
    const outcome = await running;

    expect(outcome).toMatchObject({ kind: 'ran', result: { summary: { sent: 1 } } });
    const mails = await database.prisma.mailOutbox.findMany({ where: { cycleId: cycle.cycleId } });
    expect(mails.map((mail) => [mail.status, mail.holder]).sort()).toEqual([
      ['pending', null],
      ['pending', null],
      ['sent', null],
    ]);
  });
});
