import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CycleMailCounts } from '../../src/mail/mail-outbox.js';
import type { OutboxSending } from '../../src/mail/outbox-sending.js';
import type { Database } from '../../src/storage/database.js';
import { seedInstance } from '../support/instances.js';
import { aCycleWithStudents, mailDraftsFor } from '../support/outbox-fixtures.js';
import { SmtpServerDouble } from '../support/smtp-server-double.js';
import { openTestDatabase, testDatabaseEngine } from '../support/test-database.js';
import { anInstanceSending } from './outbox-harness.js';

let database: Database;
const closing: (() => Promise<void>)[] = [];
beforeAll(async () => {
  database = await openTestDatabase();
});
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});
afterAll(async () => {
  await database?.close();
});

let boards = 0;
/** A cycle of its own per test (the outbox is shared), its mails queued. */
async function queuedCycle(count: number, sending: OutboxSending, now = new Date()) {
  const cycle = await aCycleWithStudents(database.prisma, { count, boardCode: `SN-D${++boards}` });
  const added = await sending.outbox.enqueue(mailDraftsFor(cycle), {
    messageIdDomain: sending.messageIdDomain,
    now,
  });
  expect(added).toBe(count);
  return cycle;
}

async function started(options: Parameters<typeof SmtpServerDouble.start>[0] = {}) {
  const server = await SmtpServerDouble.start(options);
  closing.push(() => server.close());
  return server;
}

async function instance(options: Parameters<typeof anInstanceSending>[1]) {
  const sending = await anInstanceSending(database.prisma, options);
  closing.push(() => sending.close());
  return sending;
}

describe(`the mail outbox sent over SMTP (${testDatabaseEngine()})`, () => {
  it('delivers each mail with its fixed Message-ID, From and To, and records it sent with the server’s reply', async () => {
    const server = await started();
    const sending = await instance({ url: server.url() });
    const cycle = await queuedCycle(3, sending);
    const progress: CycleMailCounts[] = [];

    const tally = await sending.drain({
      cycleId: cycle.cycleId,
      onProgress: (counts) => progress.push(counts),
    });

    expect(tally).toMatchObject({ sent: 3, failed: 0, retried: 0, tookOver: 0, unavailable: null });
    expect(tally.cycles).toEqual([{ cycleId: cycle.cycleId, sent: 3, failed: 0, pending: 0 }]);
    expect(progress[0]).toEqual({ cycleId: cycle.cycleId, sent: 0, failed: 0, pending: 3 });
    expect(progress.at(-1)).toEqual({ cycleId: cycle.cycleId, sent: 3, failed: 0, pending: 0 });
    const rows = await database.prisma.mailOutbox.findMany({
      where: { cycleId: cycle.cycleId },
      orderBy: { id: 'asc' },
    });
    for (const [index, row] of rows.entries()) {
      const student = cycle.students[index];
      expect(row).toMatchObject({ status: 'sent', holder: null, attempts: 1, recipient: student?.email });
      expect(row.messageId).toMatch(/^<[0-9a-f-]{36}@uni\.example>$/);
      expect(row.smtpResponse).toMatch(/^250 2\.0\.0 Ok: queued as \d+$/);
      const [mail] = server.mailsTo(row.recipient);
      expect(mail?.messageId).toBe(row.messageId);
      expect(mail?.from).toBe('trafiklys@uni.example');
      const parsed = await mail?.parsed();
      expect(parsed?.from?.value).toEqual([{ name: 'Trafiklys', address: 'trafiklys@uni.example' }]);
      expect(parsed?.to && !Array.isArray(parsed.to) ? parsed.to.value : []).toEqual([
        { name: '', address: row.recipient },
      ]);
      expect(parsed?.subject).toBe(row.subject);
      expect(parsed?.text).toBe(row.textBody);
      expect(parsed?.html).toBe(row.htmlBody);
      expect(parsed?.date?.getTime()).toBe(Math.floor(row.createdAt.getTime() / 1000) * 1000);
    }
    expect(server.received).toHaveLength(3);
  });

  it('queuing the same mails again (a second confirmation) adds nothing, and a second drain sends nothing', async () => {
    const server = await started();
    const sending = await instance({ url: server.url() });
    const cycle = await queuedCycle(4, sending);
    const firstIds = await database.prisma.mailOutbox.findMany({
      where: { cycleId: cycle.cycleId },
      select: { messageId: true },
    });

    const addedAgain = await sending.outbox.enqueue(mailDraftsFor(cycle), {
      messageIdDomain: sending.messageIdDomain,
      now: new Date(),
    });
    await sending.drain({ cycleId: cycle.cycleId });
    const again = await sending.drain({ cycleId: cycle.cycleId });

    expect(addedAgain).toBe(0);
    expect(again).toMatchObject({ sent: 0, failed: 0, retried: 0 });
    expect(server.received).toHaveLength(4);
    const ids = await database.prisma.mailOutbox.findMany({
      where: { cycleId: cycle.cycleId },
      select: { messageId: true },
    });
    expect(ids).toEqual(firstIds);
  });

  it('a 4xx reply puts the mail back for later with the reply; once due it is sent, the same Message-ID', async () => {
    let clock = new Date('2026-04-13T08:00:00Z');
    const server = await started({
      refuseRecipient: (address, attempt) =>
        address.endsWith('0001@student.example') && attempt === 1
          ? { code: 451, message: '4.7.1 Greylisted, try again later' }
          : null,
    });
    const sending = await instance({ url: server.url(), now: () => clock, config: { retryMinutes: [1, 5] } });
    const cycle = await queuedCycle(2, sending, clock);
    const refused = cycle.students[0]?.email ?? '';

    const first = await sending.drain({ cycleId: cycle.cycleId });
    const waiting = await database.prisma.mailOutbox.findFirstOrThrow({ where: { recipient: refused } });
    const tooSoon = await sending.drain({ cycleId: cycle.cycleId });
    clock = new Date(clock.getTime() + 60_000);
    const due = await sending.drain({ cycleId: cycle.cycleId });

    expect(first).toMatchObject({ sent: 1, retried: 1, failed: 0 });
    expect(first.backlog).toMatchObject({ pending: 1, nextAttemptAt: new Date('2026-04-13T08:01:00Z') });
    expect(waiting).toMatchObject({
      status: 'pending',
      attempts: 1,
      problem: '451 4.7.1 Greylisted, try again later',
    });
    expect(tooSoon).toMatchObject({ sent: 0, retried: 0 });
    expect(due).toMatchObject({ sent: 1, retried: 0 });
    const [mail] = server.mailsTo(refused);
    expect(server.mailsTo(refused)).toHaveLength(1);
    expect(mail?.messageId).toBe(waiting.messageId);
    expect(
      await database.prisma.mailOutbox.findFirstOrThrow({ where: { recipient: refused } }),
    ).toMatchObject({
      status: 'sent',
      attempts: 2,
      problem: null,
    });
  });

  it('a 5xx reply fails the mail with the server’s reason, and it is never tried again', async () => {
    const server = await started({
      refuseRecipient: (address) =>
        address.endsWith('0002@student.example')
          ? { code: 550, message: '5.1.1 <unknown@student.example>: Recipient address rejected' }
          : null,
    });
    const sending = await instance({ url: server.url() });
    const cycle = await queuedCycle(3, sending);
    const refused = cycle.students[1]?.email ?? '';

    const tally = await sending.drain({ cycleId: cycle.cycleId });
    const again = await sending.drain({ cycleId: cycle.cycleId, untilSettled: true });

    expect(tally).toMatchObject({ sent: 2, failed: 1, retried: 0 });
    expect(tally.cycles).toEqual([{ cycleId: cycle.cycleId, sent: 2, failed: 1, pending: 0 }]);
    expect(again).toMatchObject({ sent: 0, failed: 0 });
    expect(
      await database.prisma.mailOutbox.findFirstOrThrow({ where: { recipient: refused } }),
    ).toMatchObject({
      status: 'failed',
      attempts: 1,
      holder: null,
      problem: '550 5.1.1 <unknown@student.example>: Recipient address rejected',
    });
    expect(server.refusals).toHaveLength(1);
    expect(server.mailsTo(refused)).toHaveLength(0);
    expect(sending.log.lines()).toContainEqual(
      expect.objectContaining({ msg: 'a mail failed for good', reply: '550 5.1.1' }),
    );
    expect(sending.log.text()).not.toContain(refused);
  });

  it('a mail still refused for now after its last retry is failed, saying so and quoting the reply', async () => {
    let clock = new Date('2026-04-13T08:00:00Z');
    const server = await started({
      refuseRecipient: () => ({ code: 452, message: '4.2.2 Mailbox full' }),
    });
    const sending = await instance({ url: server.url(), now: () => clock, config: { retryMinutes: [1] } });
    const cycle = await queuedCycle(1, sending, clock);

    await sending.drain({ cycleId: cycle.cycleId });
    clock = new Date(clock.getTime() + 60_000);
    const last = await sending.drain({ cycleId: cycle.cycleId });

    expect(last).toMatchObject({ failed: 1, retried: 0 });
    expect(
      await database.prisma.mailOutbox.findFirstOrThrow({ where: { cycleId: cycle.cycleId } }),
    ).toMatchObject({
      status: 'failed',
      attempts: 2,
      problem: 'still not accepted after 2 attempts: 452 4.2.2 Mailbox full',
    });
    expect(server.received).toHaveLength(0);
  });

  it('a server that cannot be reached leaves every mail pending for its retry and says why', async () => {
    const server = await started();
    const url = server.url();
    await server.close();
    const clock = new Date('2026-04-13T08:00:00Z');
    const sending = await instance({ url, now: () => clock, config: { maxConnections: 1 } });
    const cycle = await queuedCycle(6, sending, clock);

    const tally = await sending.drain({ cycleId: cycle.cycleId });

    expect(tally.unavailable).toMatch(/^ECONNECTION|^ESOCKET/);
    expect(tally).toMatchObject({ sent: 0, failed: 0, retried: 1 });
    const rows = await database.prisma.mailOutbox.findMany({
      where: { cycleId: cycle.cycleId },
      orderBy: { id: 'asc' },
    });
    // The one that tried waits a minute; the others were given back untried, due at once.
    expect(rows.map((row) => [row.status, row.attempts, row.holder])).toEqual([
      ['pending', 1, null],
      ...Array.from({ length: 5 }, () => ['pending', 0, null]),
    ]);
    expect(rows[0]?.nextAttemptAt).toEqual(new Date('2026-04-13T08:01:00Z'));
  });

  it('takes up again a mail this instance still holds but let go of (a write that failed), once it is stranded, never one in hand', async () => {
    const server = await started();
    const clock = new Date('2026-04-13T09:00:00Z');
    const sending = await instance({ url: server.url(), holder: 'instance-stranding', now: () => clock });
    const cycle = await queuedCycle(3, sending, clock);
    const [inHand, stranded, recent] = cycle.students.map((student) => student.email);
    const claimedAt = (minutesAgo: number) => new Date(clock.getTime() - minutesAgo * 60_000);
    // In hand: claimed by this process and not yet settled (another drain of it is sending it).
    const [held] = await sending.outbox.claimDue({ cycleId: cycle.cycleId }, 1, claimedAt(0));
    await database.prisma.mailOutbox.updateMany({
      where: { recipient: inHand },
      data: { claimedAt: claimedAt(60) },
    });
    // Let go of: claimed by this instance, its record never written.
    await database.prisma.mailOutbox.updateMany({
      where: { recipient: { in: [stranded ?? '', recent ?? ''] } },
      data: { status: 'sending', holder: 'instance-stranding', attempts: 1 },
    });
    await database.prisma.mailOutbox.updateMany({
      where: { recipient: stranded },
      data: { claimedAt: claimedAt(16) },
    });
    await database.prisma.mailOutbox.updateMany({
      where: { recipient: recent },
      data: { claimedAt: claimedAt(5) },
    });

    const tally = await sending.drain({ cycleId: cycle.cycleId });

    expect(held?.recipient).toBe(inHand);
    expect(tally).toMatchObject({ sent: 1, tookOver: 1 });
    expect(server.received.map((mail) => mail.to[0])).toEqual([stranded]);
    await sending.outbox.release(held ? [held.id] : []);
  });

  it('takes over a mail whose sender died holding it and sends it again: the same Message-ID, the same bytes', async () => {
    const server = await started();
    const sending = await instance({ url: server.url() });
    const cycle = await queuedCycle(2, sending);
    await sending.drain({ cycleId: cycle.cycleId });
    // The one window no SMTP client can close: the server said 250, and the
    // instance died before it could record it. The mail is as it left it.
    const dead = await seedInstance(database.prisma, 'instance-that-died', 'dead');
    const victim = cycle.students[1]?.email ?? '';
    await database.prisma.mailOutbox.updateMany({
      where: { recipient: victim },
      data: { status: 'sending', holder: dead, sentAt: null, smtpResponse: null },
    });
    // A mail another living instance holds is left alone.
    const other = await seedInstance(database.prisma, 'instance-alive', 'alive');
    await database.prisma.mailOutbox.updateMany({
      where: { recipient: cycle.students[0]?.email ?? '' },
      data: { status: 'sending', holder: other },
    });

    const tally = await sending.drain({ cycleId: cycle.cycleId });

    expect(tally).toMatchObject({ sent: 1, tookOver: 1 });
    expect(tally.backlog).toMatchObject({ pending: 0, sendingElsewhere: 1 });
    const copies = server.mailsTo(victim);
    expect(copies).toHaveLength(2);
    expect(copies[1]?.messageId).toBe(copies[0]?.messageId);
    expect(copies[1]?.raw.equals(copies[0]?.raw ?? Buffer.alloc(0))).toBe(true);
    expect(server.mailsTo(cycle.students[0]?.email ?? '')).toHaveLength(1);
    expect(sending.log.lines()).toContainEqual(expect.objectContaining({ level: 40, mails: 1 }));
  });
});
