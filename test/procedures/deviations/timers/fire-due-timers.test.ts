import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../../src/messages/message-model.js';
import { caseDates } from '../../../../src/procedures/deviations/deadlines.js';
import type { DeviationCase } from '../../../../src/procedures/deviations/deviation-case.js';
import type { DeviationDependencies } from '../../../../src/procedures/deviations/deviation-dependencies.js';
import { deviationTimersJob } from '../../../../src/procedures/deviations/jobs/deviation-timers-job.js';
import { UnitDirectory } from '../../../../src/procedures/deviations/unit-directory.js';
import { fireDueTimers } from '../../../../src/procedures/deviations/use-cases/timers/fire-due-timers.js';
import type { Database } from '../../../../src/storage/database.js';
import { InstanceLease } from '../../../../src/storage/instance-lease.js';
import { capturedLogger } from '../../../support/captured-logger.js';
import {
  deviationDependencies,
  deviationsInstitution,
  people,
  TestClock,
} from '../../../support/deviations-fixture.js';
import { RecordingSurface } from '../../../support/recording-surface.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';

const config = deviationsInstitution();
const section =
  config.deviations ??
  (() => {
    throw new Error('no deviations');
  })();
const units = new UnitDirectory(config, section);
const rules = { timeZone: 'Europe/Oslo', deadlineDays: 28, reminderDays: 21 };
// Received Tuesday 13 October 2026, 14:30 in Oslo.
const receivedAt = new Date('2026-10-13T12:30:00Z');
const dates = caseDates(receivedAt, rules);

function directory() {
  return new Map<string, { displayName: string; locale?: string }>([
    [people.handler, { displayName: 'Hanne Handler', locale: 'en-GB' }],
    [people.ownerIe1, { displayName: 'Olav Owner', locale: 'da-DK' }],
    [people.ownerIe2, { displayName: 'Oda Owner', locale: 'en-US' }],
    [people.headIdi, { displayName: 'Hege Head', locale: 'en-GB' }],
    [people.deanNv, { displayName: 'Dag Dean', locale: 'en-GB' }],
    [people.ownerNv, { displayName: 'Nils Owner', locale: 'en-GB' }],
    [people.student, { displayName: 'Stina Student', locale: 'en-GB' }],
  ]);
}

const textOf = (message: Message) =>
  message.blocks
    .map((block) =>
      'text' in block
        ? block.text
        : 'content' in block
          ? block.content
              .map((piece) => (typeof piece === 'string' ? piece : 'text' in piece ? piece.text : ''))
              .join('')
          : '',
    )
    .join('\n');

let submission = 0;
async function aCase(
  dependencies: DeviationDependencies,
  options: { readonly course?: string; readonly handled?: boolean } = {},
): Promise<DeviationCase> {
  const unit = units.unit({ kind: 'course', code: options.course ?? 'TDT4100' });
  if (unit === null) throw new Error('unknown course');
  submission += 1;
  const { deviation } = await dependencies.store.file({
    submissionKey: `timers-${submission}-${Math.random()}`,
    category: 'timetabling',
    unit,
    whereWhen: 'R7',
    description: 'Two lectures at once.',
    reporter: {
      email: people.student,
      name: 'Stina Student',
      role: 'student',
      surface: 'slack',
      language: 'en',
    },
    receivedAt,
    dates,
  });
  if (options.handled === false) return deviation;
  const { deviation: accepted } = await dependencies.store.step(
    deviation.id,
    'accept',
    { email: people.ownerIe1, name: 'Olav Owner' },
    { handler: { email: people.handler, name: 'Hanne Handler' } },
  );
  return accepted;
}

const postsTo = (surface: RecordingSurface, email: string) =>
  surface.posts.filter((post) => post.destination.kind === 'direct' && post.destination.email === email);

describe(`the deviation timers (${testDatabaseEngine()})`, () => {
  let database: Database;
  let slack: RecordingSurface;
  let clock: TestClock;
  let dependencies: ReturnType<typeof deviationDependencies>;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());
  beforeEach(async () => {
    // Each test sees only its own cases' timers.
    await database.prisma.deviationCase.deleteMany({});
    slack = new RecordingSurface('slack', directory());
    clock = new TestClock(receivedAt);
    dependencies = deviationDependencies({ database, surfaces: [slack], clock, config });
  });

  it('the handler is reminded once, on the morning of day 21 in Oslo, to send a preliminary reply', async () => {
    const deviation = await aCase(dependencies);
    clock.set(new Date(dates.reminderDueAt.getTime() - 60_000));
    expect((await fireDueTimers(dependencies)).reminded).toBe(0);
    expect(slack.posts).toHaveLength(0);

    clock.set(dates.reminderDueAt);
    expect(await fireDueTimers(dependencies)).toMatchObject({ reminded: 1, escalated: 0 });
    const [reminder] = postsTo(slack, people.handler);
    expect(reminder && textOf(reminder.message)).toContain('Reminder: deviation 2026-');
    expect(reminder && textOf(reminder.message)).toContain('10 November 2026 (7 days left)');
    expect(reminder?.message.blocks.at(-1)).toMatchObject({
      type: 'actions',
      elements: [{ actionId: 'deviations.handling.open', value: deviation.id }],
    });

    clock.advanceDays(1);
    expect((await fireDueTimers(dependencies)).reminded).toBe(0);
    expect(slack.posts).toHaveLength(1);
    expect(
      (await dependencies.store.history(deviation.id)).map((event) => [event.kind, event.actor.email]),
    ).toContainEqual(['reminded', 'trafiklys']);
  });

  it('a preliminary reply sent before day 21 means no reminder', async () => {
    const deviation = await aCase(dependencies);
    await dependencies.store.step(
      deviation.id,
      'preliminaryReply',
      { email: people.handler, name: 'Hanne Handler' },
      { preliminaryReplyAt: receivedAt, cancelTimers: ['preliminary_reminder'] },
    );
    clock.set(dates.reminderDueAt);
    expect((await fireDueTimers(dependencies)).reminded).toBe(0);
    expect(slack.posts).toHaveLength(0);
  });

  it('with nobody assigned at day 21, both report owners are reminded, each in their own language', async () => {
    await aCase(dependencies, { handled: false });
    clock.set(dates.reminderDueAt);
    expect((await fireDueTimers(dependencies)).reminded).toBe(1);
    const [danish] = postsTo(slack, people.ownerIe1);
    const [english] = postsTo(slack, people.ownerIe2);
    expect(danish && textOf(danish.message)).toContain('Der er endnu ingen sagsbehandler på sagen.');
    expect(english && textOf(english.message)).toContain('Nobody has been assigned to the case yet.');
  });

  it('once overdue, the head of the course’s department is told the next morning; a course in a department without a head goes to the dean', async () => {
    const idiCase = await aCase(dependencies);
    const imfCase = await aCase(dependencies, { course: 'MA1101' });
    clock.set(new Date(dates.escalationDueAt.getTime() - 60_000));
    await fireDueTimers(dependencies);
    expect(postsTo(slack, people.headIdi)).toHaveLength(0);

    clock.set(dates.escalationDueAt);
    expect((await fireDueTimers(dependencies)).escalated).toBe(2);
    const [head] = postsTo(slack, people.headIdi);
    expect(head && textOf(head.message)).toContain(`Deviation ${idiCase.number} is past its deadline`);
    expect(head && textOf(head.message)).toContain('Hanne Handler is responsible for it');
    const [dean] = postsTo(slack, people.deanNv);
    expect(dean && textOf(dean.message)).toContain(`Deviation ${imfCase.number} is past its deadline`);
    await fireDueTimers(dependencies);
    expect(postsTo(slack, people.headIdi)).toHaveLength(1);
  });

  it('a closed case is neither reminded nor escalated', async () => {
    const deviation = await aCase(dependencies);
    await dependencies.store.step(
      deviation.id,
      'close',
      { email: people.handler, name: 'Hanne Handler' },
      { outcome: 'Timetable changed', closedAt: receivedAt },
    );
    clock.set(new Date(dates.escalationDueAt.getTime() + 86_400_000));
    expect(await fireDueTimers(dependencies)).toMatchObject({ reminded: 0, escalated: 0 });
    expect(slack.posts).toHaveLength(0);
  });

  it('after a restart (a new instance, a new store) a fired timer does not fire again', async () => {
    await aCase(dependencies);
    clock.set(dates.reminderDueAt);
    await fireDueTimers(dependencies);
    const restartedSurface = new RecordingSurface('slack', directory());
    const restarted = deviationDependencies({
      database,
      surfaces: [restartedSurface],
      clock,
      config,
      instanceId: 'restarted-instance',
    });
    expect(
      (
        await deviationTimersJob(restarted).run({
          scheduledFor: clock.now(),
          params: null,
          attempt: 1,
          logger: capturedLogger().logger,
        })
      ).value,
    ).toMatchObject({
      reminded: 0,
    });
    expect(restartedSurface.posts).toHaveLength(0);
  });

  it('an instance that died holding a timer is taken over, and only the recipients it had not reached are written to', async () => {
    await aCase(dependencies, { handled: false });
    clock.set(dates.reminderDueAt);
    // The first owner's post goes through, the second fails: the timer is given back.
    slack.failNextPost = null;
    const failing = new RecordingSurface('slack', directory());
    const original = failing.postMessage.bind(failing);
    let posts = 0;
    failing.postMessage = async (destination, message) => {
      posts += 1;
      if (posts === 2) throw new Error('platform down');
      return original(destination, message);
    };
    const first = deviationDependencies({ database, surfaces: [failing], clock, config });
    expect((await fireDueTimers(first)).failed).toBe(1);
    expect(failing.posts).toHaveLength(1);

    const second = deviationDependencies({
      database,
      surfaces: [slack],
      clock,
      config,
      instanceId: 'second',
    });
    expect((await fireDueTimers(second)).reminded).toBe(1);
    const reachedFirst = failing.posts[0]?.destination;
    expect(slack.posts.map((post) => post.destination)).toEqual([
      reachedFirst?.kind === 'direct' && reachedFirst.email === people.ownerIe1
        ? { kind: 'direct', email: people.ownerIe2 }
        : { kind: 'direct', email: people.ownerIe1 },
    ]);
  });

  it('the text of a report redirected to whistleblowing is removed when its retention ends; the case stays', async () => {
    const { deviation } = await dependencies.store.file({
      submissionKey: `redirect-${Math.random()}`,
      category: 'other',
      unit:
        units.units()[0] ??
        (() => {
          throw new Error('no unit');
        })(),
      whereWhen: 'Office',
      description: 'A serious matter.',
      reporter: {
        email: people.student,
        name: 'Stina Student',
        role: 'student',
        surface: 'slack',
        language: 'en',
      },
      receivedAt,
      dates,
    });
    await dependencies.store.step(
      deviation.id,
      'redirect',
      { email: people.ownerIe1, name: 'Olav Owner' },
      {
        reason: 'A whistleblowing matter',
        occurredAt: receivedAt,
        closedAt: receivedAt,
        textPurgeAfter: new Date(receivedAt.getTime() + 30 * 86_400_000),
      },
    );
    const job = deviationTimersJob(dependencies);
    const run = () =>
      job.run({ scheduledFor: clock.now(), params: null, attempt: 1, logger: capturedLogger().logger });
    clock.set(new Date(receivedAt.getTime() + 29 * 86_400_000));
    expect((await run()).value.textsRemoved).toBe(0);
    clock.set(new Date(receivedAt.getTime() + 30 * 86_400_000));
    expect((await run()).value.textsRemoved).toBe(1);
    const kept = await dependencies.store.find(deviation.id);
    expect(kept).toMatchObject({
      state: 'redirected',
      description: null,
      whereWhen: null,
      category: 'other',
    });
    expect((await dependencies.store.history(deviation.id)).map((event) => event.kind)).toEqual([
      'filed',
      'redirected',
      'text_removed',
    ]);
  });
});

describe(`two instances on one database (${testDatabaseEngine()})`, () => {
  it('run at the same moment, they remind and escalate each case once', async () => {
    const { openSharedTestDatabase } = await import('../../../support/test-database.js');
    const shared = await openSharedTestDatabase();
    const { logger } = capturedLogger();
    const leases = await Promise.all(
      shared.instances.map((instance) =>
        InstanceLease.start({ prisma: instance.prisma, lengthMs: 60_000, logger, soleUser: false }),
      ),
    );
    try {
      const clock = new TestClock(receivedAt);
      const surfaces = [
        new RecordingSurface('slack', directory()),
        new RecordingSurface('slack', directory()),
      ];
      const instances = shared.instances.map((instance, index) =>
        deviationDependencies({
          database: instance,
          surfaces: [surfaces[index] as RecordingSurface],
          clock,
          config,
          instanceId: leases[index]?.id ?? 'none',
        }),
      );
      const [one] = instances;
      if (one === undefined) throw new Error('no instance');
      for (let count = 0; count < 10; count += 1) await aCase(one, { handled: count % 2 === 0 });
      clock.set(dates.escalationDueAt);
      const reports = await Promise.all(instances.map((instance) => fireDueTimers(instance)));
      expect(reports.reduce((sum, report) => sum + report.reminded, 0)).toBe(10);
      expect(reports.reduce((sum, report) => sum + report.escalated, 0)).toBe(10);
      const allPosts = surfaces.flatMap((surface) => surface.posts);
      // 5 handled cases remind the handler, 5 unhandled remind both IE owners, 10 escalations to the head of IDI.
      expect(allPosts).toHaveLength(5 + 10 + 10);
      const keys = allPosts.map(
        (post) =>
          `${post.destination.kind === 'direct' ? post.destination.email : ''}|${textOf(post.message).slice(0, 40)}`,
      );
      // Nobody got the same case's reminder or escalation twice.
      expect(new Set(keys).size).toBe(keys.length);
      await Promise.all(instances.map((instance) => fireDueTimers(instance)));
      expect(surfaces.flatMap((surface) => surface.posts)).toHaveLength(25);
    } finally {
      for (const lease of leases) await lease.stop();
      await shared.close();
    }
  });
});
