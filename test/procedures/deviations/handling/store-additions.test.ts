import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDates } from '../../../../src/procedures/deviations/deadlines.js';
import { PrismaDeviationStore } from '../../../../src/procedures/deviations/storage/prisma-deviation-store.js';
import { UnitDirectory } from '../../../../src/procedures/deviations/unit-directory.js';
import { isCodedError } from '../../../../src/shared/coded-error.js';
import type { Database } from '../../../../src/storage/database.js';
import { deviationsInstitution, people } from '../../../support/deviations-fixture.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';

const config = deviationsInstitution();
const section = config.deviations;
if (section === null) throw new Error('no deviations section');
const course = new UnitDirectory(config, section).unit({ kind: 'course', code: 'TDT4100' });
if (course === null) throw new Error('TDT4100 is not reportable');
const receivedAt = new Date('2026-10-13T12:30:00Z');
const handler = { email: people.handler, name: 'Hanne Handler' };

describe(`the store’s additions for handling (${testDatabaseEngine()})`, () => {
  let database: Database;
  let store: PrismaDeviationStore;
  let caseId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    store = new PrismaDeviationStore(database.prisma, 'test-instance');
    const { deviation } = await store.file({
      submissionKey: 'several-exchanges',
      category: 'timetabling',
      unit: course,
      whereWhen: 'R7',
      description: 'Two lectures at once.',
      reporter: { email: people.student, name: 'Stina', role: 'student', surface: 'slack', language: 'en' },
      receivedAt,
      dates: caseDates(receivedAt, { timeZone: 'Europe/Oslo', deadlineDays: 28, reminderDays: 21 }),
    });
    caseId = deviation.id;
    await store.step(caseId, 'accept', { email: people.ownerIe1, name: 'Olav' }, { handler });
  });
  afterAll(async () => database.close());

  const request = (addressee: string) => ({
    kind: 'comments' as const,
    askedByEmail: handler.email,
    addressee,
    text: 'Was the room booked twice?',
    dueDate: '2026-10-20',
    askedAt: receivedAt,
  });

  it('stores one request per colleague with the one step, and names them all in the result', async () => {
    const sent = await store.step(caseId, 'sendForComments', handler, {
      newExchanges: [request(people.colleague), request(people.employee)],
    });
    expect(sent.exchangeIds).toHaveLength(2);
    expect(sent.exchangeId).toBe(sent.exchangeIds[0]);
    const stored = await store.exchanges(caseId);
    expect(stored.map((exchange) => [exchange.id, exchange.addressee, exchange.dueDate]).sort()).toEqual(
      [
        [sent.exchangeIds[0], people.colleague, '2026-10-20'],
        [sent.exchangeIds[1], people.employee, '2026-10-20'],
      ].sort(),
    );
    const events = await store.history(caseId);
    expect(events.filter((event) => event.kind === 'sent_for_comments')).toHaveLength(1);
  });

  it('stores none of them when the step is refused', async () => {
    const before = (await store.exchanges(caseId)).length;
    const refused = await store
      .step(caseId, 'sendForComments', handler, {
        newExchanges: [request(people.colleague)],
        expectedVersion: 0,
      })
      .catch((error: unknown) => error);
    expect(isCodedError(refused) && refused.code).toBe('deviation.stale');
    expect(await store.exchanges(caseId)).toHaveLength(before);
  });

  it('a step without new exchanges names none', async () => {
    const recorded = await store.step(caseId, 'recordCauses', handler, { causes: 'Double booking' });
    expect(recorded.exchangeIds).toEqual([]);
    expect(recorded.exchangeId).toBeNull();
  });

  it('a step’s audit events carry the time the caller’s clock gives, not the database’s', async () => {
    const at = new Date('2026-10-20T07:45:00Z');
    await store.step(caseId, 'recordCauses', handler, { measures: 'Move one lecture', occurredAt: at });
    const recorded = (await store.history(caseId)).filter((event) => event.kind === 'causes_recorded');
    // The earlier recording took the database's clock; this one the time given.
    expect(recorded.map((event) => event.occurredAt)).toContainEqual(at);
    expect(recorded.filter((event) => event.occurredAt.getTime() === at.getTime())).toHaveLength(1);
  });
});
