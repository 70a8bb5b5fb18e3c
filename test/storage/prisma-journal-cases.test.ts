import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { InstanceLease } from '../../src/storage/instance-lease.js';
import { PrismaJournalCases } from '../../src/storage/prisma-journal-cases.js';
import { storedCycle } from '../procedures/at-risk/journal/journal-material.js';
import { capturedLogger } from '../support/captured-logger.js';
import { openSharedTestDatabase, testDatabaseEngine } from '../support/test-database.js';

let shared: Awaited<ReturnType<typeof openSharedTestDatabase>>;
let first: Database;
let second: Database;
beforeAll(async () => {
  shared = await openSharedTestDatabase();
  [first, second] = shared.instances;
});
afterAll(async () => {
  await shared?.close();
});
beforeEach(async () => {
  await first.prisma.identificationCycle.deleteMany();
  await first.prisma.instance.deleteMany();
});

const lease = (database: Database) =>
  InstanceLease.start({
    prisma: database.prisma,
    lengthMs: 60_000,
    logger: capturedLogger().logger,
    soleUser: false,
  });

const at = (iso: string) => new Date(iso);
const cases = [
  { caseKey: 'collective-DAT-BSC', kind: 'collective' as const },
  { caseKey: 'student-S1001', kind: 'student' as const },
];

describe(`the journal case ledger (${testDatabaseEngine()})`, () => {
  it('registers a cycle’s cases once: registering again keeps their state and their creation time', async () => {
    const cycleId = await storedCycle(first.prisma);
    const store = new PrismaJournalCases(first.prisma, 'host:1:aaa');

    const created = await store.register(cycleId, cases, at('2026-04-08T09:00:00Z'));
    await store.recordFiled(cycleId, 'student-S1001', at('2026-04-08T09:01:00Z'));
    const again = await store.register(
      cycleId,
      [...cases, { caseKey: 'student-S1002', kind: 'student' }],
      at('2026-04-09T09:00:00Z'),
    );

    expect([...created]).toEqual([
      ['collective-DAT-BSC', at('2026-04-08T09:00:00Z')],
      ['student-S1001', at('2026-04-08T09:00:00Z')],
    ]);
    expect(again.get('student-S1001')).toEqual(at('2026-04-08T09:00:00Z'));
    expect(again.get('student-S1002')).toEqual(at('2026-04-09T09:00:00Z'));
    expect((await store.forCycle(cycleId)).map((record) => [record.caseKey, record.status])).toEqual([
      ['collective-DAT-BSC', 'pending'],
      ['student-S1001', 'filed'],
      ['student-S1002', 'pending'],
    ]);
  });

  it('a case one living instance is filing is held for every other; once that instance is gone, another takes it over', async () => {
    const cycleId = await storedCycle(first.prisma);
    const [one, two] = await Promise.all([lease(first), lease(second)]);
    const storeOne = new PrismaJournalCases(first.prisma, one.id);
    const storeTwo = new PrismaJournalCases(second.prisma, two.id);
    await storeOne.register(cycleId, cases, at('2026-04-08T09:00:00Z'));

    expect(await storeOne.claim(cycleId, 'student-S1001', at('2026-04-08T09:00:01Z'))).toBe('claimed');
    expect(await storeTwo.claim(cycleId, 'student-S1001', at('2026-04-08T09:00:02Z'))).toBe('held');
    expect(await storeOne.claim(cycleId, 'student-S1001', at('2026-04-08T09:00:03Z'))).toBe('held');

    await one.stop(); // the instance died while filing
    expect(await storeTwo.claim(cycleId, 'student-S1001', at('2026-04-08T09:00:04Z'))).toBe('claimed');
    const [row] = await first.prisma.journalCase.findMany({ where: { caseKey: 'student-S1001' } });
    expect(row).toMatchObject({ holder: two.id, attempts: 2, status: 'pending' });
    await two.stop();
  });

  it('a filed case is never claimed again; a failed one is, with its problem kept until it is filed', async () => {
    const cycleId = await storedCycle(first.prisma);
    const one = await lease(first);
    const store = new PrismaJournalCases(first.prisma, one.id);
    await store.register(cycleId, cases, at('2026-04-08T09:00:00Z'));

    await store.claim(cycleId, 'collective-DAT-BSC', at('2026-04-08T09:00:01Z'));
    await store.recordFiled(cycleId, 'collective-DAT-BSC', at('2026-04-08T09:00:02Z'));
    await store.claim(cycleId, 'student-S1001', at('2026-04-08T09:00:01Z'));
    await store.recordFailed(cycleId, 'student-S1001', { code: 'unreachable', message: 'HTTP 503' });

    expect(await store.claim(cycleId, 'collective-DAT-BSC', at('2026-04-08T10:00:00Z'))).toBe('filed');
    expect(await store.forCycle(cycleId)).toEqual([
      expect.objectContaining({
        caseKey: 'collective-DAT-BSC',
        status: 'filed',
        attempts: 1,
        filedAt: at('2026-04-08T09:00:02Z'),
        problem: null,
      }),
      expect.objectContaining({
        caseKey: 'student-S1001',
        kind: 'student',
        status: 'failed',
        attempts: 1,
        filedAt: null,
        problem: { code: 'unreachable', message: 'HTTP 503' },
      }),
    ]);

    expect(await store.claim(cycleId, 'student-S1001', at('2026-04-08T10:00:00Z'))).toBe('claimed');
    await store.recordFiled(cycleId, 'student-S1001', at('2026-04-08T10:00:01Z'));
    expect((await store.forCycle(cycleId))[1]).toMatchObject({ status: 'filed', attempts: 2, problem: null });
    await one.stop();
  });

  it('a failure recorded late does not undo a case another instance filed meanwhile', async () => {
    const cycleId = await storedCycle(first.prisma);
    const store = new PrismaJournalCases(first.prisma, 'host:1:aaa');
    await store.register(cycleId, cases, at('2026-04-08T09:00:00Z'));
    await store.recordFiled(cycleId, 'student-S1001', at('2026-04-08T09:00:02Z'));

    await store.recordFailed(cycleId, 'student-S1001', { code: 'unreachable', message: 'timed out' });

    expect((await store.forCycle(cycleId))[1]).toMatchObject({ status: 'filed', problem: null });
  });

  it('goes with its cycle', async () => {
    const cycleId = await storedCycle(first.prisma);
    await new PrismaJournalCases(first.prisma, 'host:1:aaa').register(
      cycleId,
      cases,
      at('2026-04-08T09:00:00Z'),
    );

    await first.prisma.identificationCycle.delete({ where: { id: cycleId } });

    expect(await first.prisma.journalCase.count()).toBe(0);
  });
});
