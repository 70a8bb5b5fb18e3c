import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDates } from '../../../src/procedures/deviations/deadlines.js';
import type { NewReport } from '../../../src/procedures/deviations/storage/deviation-store.js';
import { PrismaDeviationStore } from '../../../src/procedures/deviations/storage/prisma-deviation-store.js';
import { UnitDirectory } from '../../../src/procedures/deviations/unit-directory.js';
import { isCodedError } from '../../../src/shared/coded-error.js';
import type { Database } from '../../../src/storage/database.js';
import { InstanceLease } from '../../../src/storage/instance-lease.js';
import { capturedLogger } from '../../support/captured-logger.js';
import { deviationsInstitution, people } from '../../support/deviations-fixture.js';
import { openTestDatabase, testDatabaseEngine } from '../../support/test-database.js';

const config = deviationsInstitution();
const section = config.deviations;
if (section === null) throw new Error('no deviations section');
const units = new UnitDirectory(config, section);
const course = units.unit({ kind: 'course', code: 'TDT4100' });
if (course === null) throw new Error('TDT4100 is not reportable');

const receivedAt = new Date('2026-10-13T12:30:00Z');
let submission = 0;
function aReport(overrides: Partial<NewReport> = {}): NewReport {
  submission += 1;
  return {
    submissionKey: `form-${submission}`,
    category: 'timetabling',
    unit: course as NonNullable<typeof course>,
    whereWhen: 'Lecture hall R7, Mondays',
    description: 'Two mandatory lectures are scheduled at the same time.',
    reporter: {
      email: people.student,
      name: 'Stina Student',
      role: 'student',
      surface: 'slack',
      language: 'en',
    },
    receivedAt,
    dates: caseDates(receivedAt, { timeZone: 'Europe/Oslo', deadlineDays: 28, reminderDays: 21 }),
    ...overrides,
  };
}

const owner = { email: people.ownerIe1, name: 'Olav Owner' };
const handler = { email: people.handler, name: 'Hanne Handler' };

describe(`the deviation store (${testDatabaseEngine()})`, () => {
  let database: Database;
  let store: PrismaDeviationStore;

  beforeAll(async () => {
    database = await openTestDatabase();
    store = new PrismaDeviationStore(database.prisma, 'test-instance');
  });
  afterAll(async () => database.close());

  it('files a report as received at the unit’s faculty, with a running case number, two timers and a “filed” event', async () => {
    const { deviation, created } = await store.file(aReport());
    expect(created).toBe(true);
    expect(deviation).toMatchObject({
      state: 'received',
      facultyCode: 'IE',
      number: '2026-0001',
      version: 0,
    });
    expect((await store.file(aReport())).deviation.number).toBe('2026-0002');
    expect((await store.timers(deviation.id)).map((timer) => [timer.kind, timer.status])).toEqual([
      ['preliminary_reminder', 'pending'],
      ['overdue_escalation', 'pending'],
    ]);
    expect((await store.history(deviation.id)).map((event) => [event.kind, event.actor.email])).toEqual([
      ['filed', people.student],
    ]);
  });

  it('a report received just after midnight on New Year’s Day in Oslo is numbered in the new year', async () => {
    const oslo = new PrismaDeviationStore(database.prisma, 'test-instance', 'Europe/Oslo');
    // 00:30 on 1 January 2027 in Oslo is still 2026 in UTC.
    const newYear = new Date('2026-12-31T23:30:00Z');
    const { deviation } = await oslo.file(aReport({ receivedAt: newYear }));
    expect(deviation.number).toBe('2027-0001');
  });

  it('the same submission filed twice (a double click) files one case', async () => {
    const report = aReport();
    const [first, second] = await Promise.all([store.file(report), store.file(report)]);
    expect(first.deviation.id).toBe(second.deviation.id);
    expect([first.created, second.created].sort()).toEqual([false, true]);
  });

  it('accepting assigns the handler and records “accepted” and “assigned”; a second accept is refused and changes nothing', async () => {
    const { deviation } = await store.file(aReport());
    const accepted = await store.step(deviation.id, 'accept', owner, {
      handler,
      alsoRecord: ['assigned'],
      details: { handler: handler.email },
    });
    expect(accepted.deviation).toMatchObject({ state: 'in_handling', handler, version: 1 });
    expect(accepted.previous.state).toBe('received');

    const again = await store
      .step(deviation.id, 'accept', owner, { handler: owner })
      .catch((error: unknown) => error);
    expect(isCodedError(again) && again.code).toBe('deviation.step_refused');
    expect((await store.find(deviation.id))?.handler).toEqual(handler);
    expect((await store.history(deviation.id)).map((event) => event.kind)).toEqual([
      'filed',
      'accepted',
      'assigned',
    ]);
  });

  it('a step’s audit events carry the procedure’s clock when it is given, every event of the step the same instant', async () => {
    const { deviation } = await store.file(aReport());
    const at = new Date('2026-10-14T09:15:00Z');
    await store.step(deviation.id, 'accept', owner, { handler, alsoRecord: ['assigned'], occurredAt: at });
    expect((await store.history(deviation.id)).map((event) => [event.kind, event.occurredAt])).toEqual([
      ['filed', receivedAt],
      ['accepted', at],
      ['assigned', at],
    ]);
  });

  it('closing stops the timers; a stale form (old version) is refused', async () => {
    const { deviation } = await store.file(aReport());
    await store.step(deviation.id, 'accept', owner, { handler });
    const stale = await store
      .step(deviation.id, 'close', handler, { outcome: 'Fixed', closedAt: receivedAt, expectedVersion: 0 })
      .catch((error: unknown) => error);
    expect(isCodedError(stale) && stale.code).toBe('deviation.stale');
    await store.step(deviation.id, 'close', handler, {
      outcome: 'Fixed',
      closedAt: receivedAt,
      expectedVersion: 1,
    });
    expect((await store.timers(deviation.id)).map((timer) => timer.status)).toEqual([
      'cancelled',
      'cancelled',
    ]);
  });

  it('a question and its answer are stored with their steps; a second answer is refused', async () => {
    const { deviation } = await store.file(aReport());
    await store.step(deviation.id, 'accept', owner, { handler });
    const asked = await store.step(deviation.id, 'ask', handler, {
      newExchange: {
        kind: 'question',
        askedByEmail: handler.email,
        addressee: people.student,
        text: 'Which lectures?',
        dueDate: null,
        askedAt: receivedAt,
      },
    });
    const exchangeId = asked.exchangeId ?? '';
    const answer = { exchangeId, answer: 'TDT4100 and TMA4100', answeredAt: receivedAt };
    await store.step(deviation.id, 'answer', { email: people.student, name: 'Stina' }, { answer });
    const twice = await store
      .step(deviation.id, 'answer', { email: people.student, name: 'Stina' }, { answer })
      .catch((error: unknown) => error);
    expect(isCodedError(twice) && twice.code).toBe('deviation.step_refused');
    expect(await store.exchanges(deviation.id)).toMatchObject([
      { text: 'Which lectures?', answer: 'TDT4100 and TMA4100' },
    ]);
  });

  it('the database refuses a state that lacks what it requires, whatever path writes it', async () => {
    const { deviation } = await store.file(aReport());
    await expect(
      database.prisma
        .$executeRaw`UPDATE deviation_case SET state = 'in_handling' WHERE id = ${deviation.id}::uuid`,
    ).rejects.toThrow(/deviation_case_in_handling_has_handler_check/);
    await expect(
      database.prisma
        .$executeRaw`UPDATE deviation_case SET state = 'rejected', closed_at = now() WHERE id = ${deviation.id}::uuid`,
    ).rejects.toThrow(/deviation_case_rejection_has_reason_check/);
    await expect(
      database.prisma
        .$executeRaw`UPDATE deviation_case SET state = 'archived' WHERE id = ${deviation.id}::uuid`,
    ).rejects.toThrow(/deviation_state/);
    expect((await store.find(deviation.id))?.state).toBe('received');
  });

  it('a due timer is claimed by one instance only, and fires once', async () => {
    const { logger } = capturedLogger();
    const leases = await Promise.all(
      [0, 1].map(() =>
        InstanceLease.start({ prisma: database.prisma, lengthMs: 60_000, logger, soleUser: false }),
      ),
    );
    try {
      const [first, second] = leases.map((lease) => new PrismaDeviationStore(database.prisma, lease.id));
      const { deviation } = await store.file(aReport());
      const timer = { caseId: deviation.id, kind: 'preliminary_reminder' as const };
      const later = new Date(receivedAt.getTime() + 22 * 86_400_000);
      expect((await first?.dueTimers(later, 100))?.some((due) => due.caseId === deviation.id)).toBe(true);
      expect(await first?.claimTimer(timer, later)).toBe(true);
      expect(await second?.claimTimer(timer, later)).toBe(false);
      await first?.timerFired(timer, later);
      expect(await second?.claimTimer(timer, later)).toBe(false);
      expect(
        (await store.timers(deviation.id)).find((entry) => entry.kind === 'preliminary_reminder')?.status,
      ).toBe('fired');
    } finally {
      for (const lease of leases) await lease.stop();
    }
  });
});
