import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxSending } from '../../src/mail/outbox-sending.js';
import type { Database } from '../../src/storage/database.js';
import { aCycleWithStudents, mailDraftsFor } from '../support/outbox-fixtures.js';
import { type SelfSignedCertificate, selfSignedCertificate } from '../support/self-signed-certificate.js';
import { SmtpServerDouble } from '../support/smtp-server-double.js';
import { openTestDatabase, testDatabaseEngine } from '../support/test-database.js';
import { anInstanceSending } from './outbox-harness.js';

let database: Database;
let certificate: SelfSignedCertificate;
const closing: (() => Promise<void>)[] = [];
beforeAll(async () => {
  database = await openTestDatabase();
  certificate = selfSignedCertificate();
});
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});
afterAll(async () => {
  await database?.close();
});

let boards = 0;
async function queuedCycle(count: number, sending: OutboxSending) {
  const cycle = await aCycleWithStudents(database.prisma, { count, boardCode: `SN-C${++boards}` });
  await sending.outbox.enqueue(mailDraftsFor(cycle), {
    messageIdDomain: sending.messageIdDomain,
    now: new Date(),
  });
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

describe(`the SMTP connection (${testDatabaseEngine()})`, () => {
  it('uses STARTTLS when the server offers it, and logs in with the user and password of SMTP_URL', async () => {
    const password = 'p@ss:w/rd %20';
    const server = await started({ certificate, auth: { user: 'trafiklys@uni.example', password } });
    const sending = await instance({
      url: server.url({ user: 'trafiklys@uni.example', password }),
      certificate,
    });
    const cycle = await queuedCycle(2, sending);

    const tally = await sending.drain({ cycleId: cycle.cycleId });

    expect(tally.sent).toBe(2);
    expect(server.received.map((mail) => [mail.secure, mail.user])).toEqual([
      [true, 'trafiklys@uni.example'],
      [true, 'trafiklys@uni.example'],
    ]);
    expect(server.logins).toContainEqual({ user: 'trafiklys@uni.example', password });
  });

  it('speaks TLS from the first byte with smtps://', async () => {
    const server = await started({ certificate, implicitTls: true });
    const sending = await instance({ url: server.url({ implicitTls: true }), certificate });
    const cycle = await queuedCycle(1, sending);

    await sending.drain({ cycleId: cycle.cycleId });

    expect(server.received.map((mail) => mail.secure)).toEqual([true]);
  });

  it('a refused login is the server’s problem, not the mails’: none is failed, the drain says why', async () => {
    const server = await started({ certificate, auth: { user: 'trafiklys', password: 'right' } });
    const sending = await instance({
      url: server.url({ user: 'trafiklys', password: 'wrong' }),
      certificate,
      config: { maxConnections: 1 },
    });
    const cycle = await queuedCycle(3, sending);

    const tally = await sending.drain({ cycleId: cycle.cycleId });

    expect(tally.unavailable).toMatch(/^the server refused the login: 535 5\.7\.8/);
    expect(tally).toMatchObject({ sent: 0, failed: 0, retried: 1, backlog: { pending: 3 } });
    expect(server.received).toHaveLength(0);
  });

  it('a certificate the bot cannot trust stops the mails rather than send them in the clear', async () => {
    const server = await started({ certificate });
    const sending = await instance({ url: server.url(), config: { maxConnections: 1 } });
    const cycle = await queuedCycle(1, sending);

    const tally = await sending.drain({ cycleId: cycle.cycleId });

    expect(tally.unavailable).toMatch(/certificate/i);
    expect(server.received).toHaveLength(0);
  });

  it('keeps to the pool: never more connections at once than configured, each carrying at most its share', async () => {
    const server = await started();
    const sending = await instance({
      url: server.url(),
      config: { maxConnections: 2, maxMessagesPerConnection: 3 },
    });
    const cycle = await queuedCycle(12, sending);

    const tally = await sending.drain({ cycleId: cycle.cycleId });

    expect(tally.sent).toBe(12);
    expect(server.connections.mostAtOnce).toBeLessThanOrEqual(2);
    const perConnection = Map.groupBy(server.received, (mail) => mail.connection);
    expect([...perConnection.values()].every((mails) => mails.length <= 3)).toBe(true);
    expect(perConnection.size).toBeGreaterThanOrEqual(4);
    // Oldest first: the outbox's order is the order of the queue.
    expect(
      server.received
        .map((mail) => mail.to[0])
        .slice(0, 2)
        .sort(),
    ).toEqual(cycle.students.slice(0, 2).map((student) => student.email));
  });

  it('keeps to the send rate: with 2 mails an hour allowed, 2 go and the rest wait, given back when the drain stops', async () => {
    const server = await started();
    const sending = await instance({
      url: server.url(),
      config: { rateLimit: { messages: 2, perSeconds: 3600 } },
    });
    const cycle = await queuedCycle(5, sending);
    const stopping = new AbortController();

    const draining = sending.drain({ cycleId: cycle.cycleId, signal: stopping.signal });
    await server.waitForMails(2);
    // Ample time for a third to arrive, were the rate not kept.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const receivedBeforeStop = server.received.length;
    stopping.abort();
    const tally = await draining;

    expect(receivedBeforeStop).toBe(2);
    expect(tally).toMatchObject({ sent: 2, backlog: { pending: 3, sendingElsewhere: 0 } });
    const rows = await database.prisma.mailOutbox.findMany({
      where: { cycleId: cycle.cycleId, status: 'pending' },
    });
    expect(rows.map((row) => [row.attempts, row.holder])).toEqual([
      [0, null],
      [0, null],
      [0, null],
    ]);
  });
});
