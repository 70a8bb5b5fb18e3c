import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpJournal } from '../../../../src/procedures/at-risk/journal/adapters/http-journal.js';
import { journalAdapterFor } from '../../../../src/procedures/at-risk/journal/adapters/journal-adapter-for.js';
import type { JournalAdapter } from '../../../../src/procedures/at-risk/journal/journal-case.js';
import { journaliseCycle } from '../../../../src/procedures/at-risk/journal/journalise-cycle.js';
import type { Database } from '../../../../src/storage/database.js';
import { InstanceLease } from '../../../../src/storage/instance-lease.js';
import { PrismaJournalCases } from '../../../../src/storage/prisma-journal-cases.js';
import { capturedLogger } from '../../../support/captured-logger.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';
import {
  cipher,
  cprOf,
  cprShaped,
  material,
  storedCycle,
  titledCpr,
  unmaskedLogger,
} from './journal-material.js';
import { startRecordsSystem } from './records-system-double.js';

let database: Database;
let lease: InstanceLease;
let recordsSystem: Awaited<ReturnType<typeof startRecordsSystem>>;
beforeAll(async () => {
  database = await openTestDatabase();
  lease = await InstanceLease.start({
    prisma: database.prisma,
    lengthMs: 60_000,
    logger: capturedLogger().logger,
    soleUser: false,
  });
});
afterAll(async () => {
  await lease?.stop();
  await database?.close();
});
beforeEach(async () => {
  recordsSystem = await startRecordsSystem();
  await database.prisma.identificationCycle.deleteMany();
});
afterEach(async () => {
  await recordsSystem.close();
});

/** The adapter as the configuration makes it, with retries a few milliseconds apart. */
function adapter(options: { token?: string; attempts?: number; timeoutMs?: number; url?: string } = {}) {
  return httpJournal({
    url: options.url ?? recordsSystem.url,
    token: options.token ?? null,
    timeoutMs: options.timeoutMs ?? 5_000,
    attempts: options.attempts ?? 4,
    backoffMs: () => 5,
  });
}

async function journalise(cycleId: string, journal: JournalAdapter) {
  const log = unmaskedLogger();
  const tally = await journaliseCycle({
    ...material(cycleId),
    adapter: journal,
    cipher,
    store: new PrismaJournalCases(database.prisma, lease.id),
    now: () => new Date('2026-04-08T09:00:00Z'),
    logger: log.logger,
  });
  return { tally, log: log.text() };
}

interface PostedCase {
  title: string;
  kind: string;
  caseKey: string;
  studentNumber?: string;
  documents: { fileName: string; mediaType: string; encoding: string; content: string; sha256: string }[];
}

const posted = () => recordsSystem.requests.map((request) => JSON.parse(request.body) as PostedCase);
const keyOf = (cycleId: string, caseKey: string) =>
  createHash('sha256').update(`${cycleId}\n${caseKey}`).digest('hex');

describe(`journalising a cycle over HTTP (${testDatabaseEngine()})`, () => {
  it('POSTs each case as JSON with its title, metadata and documents, an Idempotency-Key and the token from JOURNAL_TOKEN', async () => {
    const cycleId = await storedCycle(database.prisma);
    const configured = journalAdapterFor(
      { kind: 'http', url: recordsSystem.url, timeoutSeconds: 5, attempts: 3 },
      { JOURNAL_TOKEN: 'journal-secret-token' },
    );

    const { tally } = await journalise(cycleId, configured);

    expect(tally).toMatchObject({ filed: { student: 2, collective: 2 }, failed: [] });
    expect(recordsSystem.requests.map((request) => [request.method, request.path])).toEqual(
      Array(4).fill(['POST', '/cases']),
    );
    for (const request of recordsSystem.requests) {
      expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(request.headers.authorization).toBe('Bearer journal-secret-token');
      const { caseKey } = JSON.parse(request.body) as PostedCase;
      expect(request.headers['idempotency-key']).toBe(keyOf(cycleId, caseKey));
    }
    const studentCase = posted().find((body) => body.caseKey === 'student-S1001');
    expect(studentCase).toMatchObject({
      title: `${titledCpr(cprOf(1))}, Frafaldstruet, Datalogi`,
      kind: 'student',
      studentNumber: 'S1001',
      cycleId,
      programme: { code: 'DAT-BSC', name: 'Datalogi' },
      documents: [{ fileName: 'mail-1.eml', mediaType: 'message/rfc822', encoding: 'base64' }],
    });
    const mail = await simpleParser(Buffer.from(studentCase?.documents[0]?.content ?? '', 'base64'));
    expect(mail.messageId).toBe('<s1001.spring-2026@trafiklys.uni.example>');
    expect(mail.subject).toBe('Tilbud om en samtale om dine studier');

    const collective = posted().find((body) => body.caseKey === 'collective-DAT-BSC');
    expect(collective?.title).toBe('Identifikation af frafaldstruede forår 2026 for Datalogi');
    const identification = collective?.documents.find(
      (document) => document.fileName === 'identifikation.csv',
    );
    expect(identification).toMatchObject({ mediaType: 'text/csv; charset=utf-8', encoding: 'utf-8' });
    expect(identification?.content.split('\r\n')[1]).toBe('S1001;Åse Ørum Ærø 1;Rød;65;13;Ja;Ja');
  });

  it('sends no Authorization header when no token is set', async () => {
    const cycleId = await storedCycle(database.prisma);
    await journalise(
      cycleId,
      journalAdapterFor({ kind: 'http', url: recordsSystem.url, timeoutSeconds: 5, attempts: 1 }, {}),
    );
    expect(recordsSystem.requests).toHaveLength(4);
    expect(recordsSystem.requests.every((request) => request.headers.authorization === undefined)).toBe(true);
  });

  it('tries a case again after 503 and 429 (Retry-After honoured), with the same key and the very same body', async () => {
    const cycleId = await storedCycle(database.prisma);
    recordsSystem.script({ status: 503 }, { status: 429, headers: { 'retry-after': '1' } });

    const { tally } = await journalise(cycleId, adapter());

    expect(tally).toMatchObject({ filed: { student: 2, collective: 2 }, failed: [] });
    const [first, second, third] = recordsSystem.requests;
    expect(recordsSystem.requests).toHaveLength(6);
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
    expect(third?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
    expect(second?.body).toBe(first?.body);
    expect(third?.body).toBe(first?.body);
    // The back-off is 5 ms here; the server asked for a second.
    expect((third?.at ?? 0) - (second?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeLessThan(500);
  });

  it('a refusal (400) fails that case with the server’s reason, CPR numbers masked, and is not tried again; the others are filed', async () => {
    const cycleId = await storedCycle(database.prisma);
    // The first case POSTed is the Datalogi collective case; the server quotes a student case's title back.
    recordsSystem.script({
      status: 400,
      body: `{"error":"title ${titledCpr(cprOf(1))}, Frafaldstruet, Datalogi is not allowed"}`,
    });

    const { tally, log } = await journalise(cycleId, adapter());

    expect(recordsSystem.requests).toHaveLength(4);
    expect(tally.filed).toEqual({ student: 2, collective: 1 });
    expect(tally.failed).toEqual([
      {
        caseKey: 'collective-DAT-BSC',
        kind: 'collective',
        problem: 'refused',
        message:
          'the records system refused the case collective-DAT-BSC: HTTP 400: {"error":"title ******-****, Frafaldstruet, Datalogi is not allowed"}',
      },
    ]);
    expect(log).not.toMatch(cprShaped);
    const [row] = await database.prisma.journalCase.findMany({ where: { caseKey: 'collective-DAT-BSC' } });
    expect(row).toMatchObject({ status: 'failed', problemCode: 'refused', holder: null, attempts: 1 });
    expect(row?.problem).not.toMatch(cprShaped);
  });

  it('a case the server keeps answering 500 fails as unreachable after the configured tries', async () => {
    const cycleId = await storedCycle(database.prisma);
    recordsSystem.script({ status: 500 }, { status: 502 }, { status: 500, body: 'down for maintenance' });

    const { tally } = await journalise(cycleId, adapter({ attempts: 3 }));

    expect(tally.failed).toEqual([
      {
        caseKey: 'collective-DAT-BSC',
        kind: 'collective',
        problem: 'unreachable',
        message:
          'the records system did not take the case collective-DAT-BSC after 3 tries: HTTP 500: down for maintenance',
      },
    ]);
    expect(tally.filed).toEqual({ student: 2, collective: 1 });
  });

  it('no server listening, or one that does not answer in time, fails the cases as unreachable', async () => {
    const cycleId = await storedCycle(database.prisma);
    const closedPort = await freePort();

    const { tally } = await journalise(
      cycleId,
      adapter({ url: `http://127.0.0.1:${closedPort}/cases`, attempts: 2 }),
    );

    expect(tally.failed).toHaveLength(4);
    expect(tally.failed[0]).toMatchObject({
      problem: 'unreachable',
      message:
        'the records system did not take the case collective-DAT-BSC after 2 tries: the connection failed ECONNREFUSED',
    });

    recordsSystem.script({ status: 201, delayMs: 1_000 }, { status: 201, delayMs: 1_000 });
    const slow = await journalise(cycleId, adapter({ timeoutMs: 100, attempts: 2 }));
    expect(slow.tally.failed).toEqual([
      expect.objectContaining({
        caseKey: 'collective-DAT-BSC',
        message:
          'the records system did not take the case collective-DAT-BSC after 2 tries: no answer within 100 ms',
      }),
    ]);
    expect(slow.tally.filed).toEqual({ student: 2, collective: 1 });
  });

  it('a redirect is refused: a case goes to the configured address or nowhere', async () => {
    const cycleId = await storedCycle(database.prisma);
    recordsSystem.script({ status: 307, headers: { location: 'https://elsewhere.example/cases' } });

    const { tally } = await journalise(cycleId, adapter());

    expect(tally.failed[0]?.message).toBe(
      'the records system refused the case collective-DAT-BSC: HTTP 307: a redirect; configure the address it points to',
    );
    expect(recordsSystem.requests).toHaveLength(4);
  });

  it('run again after a crash that lost the records, sends each case with the same key and body; run again after success, sends nothing', async () => {
    const cycleId = await storedCycle(database.prisma);
    await journalise(cycleId, adapter());
    const first = recordsSystem.requests.map((request) => [request.headers['idempotency-key'], request.body]);

    const again = await journalise(cycleId, adapter());
    expect(again.tally).toMatchObject({ filed: { student: 0, collective: 0 }, alreadyFiled: 4 });
    expect(recordsSystem.requests).toHaveLength(4);

    // Killed after the server took the cases, before the database recorded it.
    await database.prisma.journalCase.updateMany({ data: { status: 'pending', filedAt: null } });
    await journalise(cycleId, adapter());
    const resent = recordsSystem.requests
      .slice(4)
      .map((request) => [request.headers['idempotency-key'], request.body]);
    expect(resent).toEqual(first);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
