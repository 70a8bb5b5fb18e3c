import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type InstitutionConfig, parseInstitutionConfig } from '../../../../src/config/institution-config.js';
import { createLogger } from '../../../../src/logging/logger.js';
import { dispatchReminderJob } from '../../../../src/procedures/at-risk/jobs/dispatch-reminder-job.js';
import type { Database } from '../../../../src/storage/database.js';
import { PrismaDispatchReminders } from '../../../../src/storage/prisma-dispatch-reminders.js';
import { seedInstance } from '../../../support/instances.js';
import { aCycleWithStudents } from '../../../support/outbox-fixtures.js';
import { RecordingSurface } from '../../../support/recording-surface.js';
import { openTestDatabase } from '../../../support/test-database.js';

let database: Database;

const chair = 'chair.sn-his@uni.example';
const headOfStudies = 'head.hum@uni.example';
const otherHead = 'head.tek@uni.example';
const remindedAt = new Date('2026-04-06T07:00:00Z');
const daysAfter = (days: number, hours = 3) =>
  new Date(remindedAt.getTime() + (days * 24 + hours) * 3_600_000);

function configWith(dispatch: object = {}): InstitutionConfig {
  const parsed = parseInstitutionConfig({
    institution: { name: 'Test University', language: 'da' },
    faculties: [
      { code: 'FAC', name: 'Humanities' },
      { code: 'TEK', name: 'Engineering' },
    ],
    boards: [
      {
        code: 'SN-HIS',
        name: { da: 'Historie', en: 'History' },
        faculty: 'FAC',
        chair,
        secretary: 'sec@uni.example',
      },
      {
        code: 'SN-PHI',
        name: 'Filosofi',
        faculty: 'FAC',
        chair: 'chair.sn-phi@uni.example',
        secretary: 'sec@uni.example',
      },
    ],
    managers: [
      { role: 'head_of_studies', email: headOfStudies, scope: { faculty: 'FAC' } },
      { role: 'head_of_studies', email: otherHead, scope: { faculty: 'TEK' } },
      { role: 'dean', email: 'dean@uni.example', scope: 'institution' },
    ],
    dispatch,
  });
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.data;
}

let history: { cycleId: string };
let slack: RecordingSurface;
let teams: RecordingSurface;
let clock: Date;

/** The job as the at-risk module builds it, with this test's clock and surfaces, on a live instance's lease. */
async function runJob(holder = 'instance-a', config = configWith()) {
  await seedInstance(database.prisma, holder, 'alive');
  const job = dispatchReminderJob({
    config,
    reminders: new PrismaDispatchReminders(database.prisma, holder),
    surfaces: [slack, teams],
    now: () => clock,
  });
  return job.run({
    scheduledFor: clock,
    params: null,
    attempt: 1,
    logger: createLogger({ level: 'silent' }),
  });
}

async function channelReminderPosted(boardCode: string, status = 'posted') {
  await database.prisma.reminderDelivery.create({
    data: {
      boardCode,
      term: 'spring',
      year: 2026,
      surface: 'slack',
      recipient: 'channel',
      kind: 'summary',
      status,
      messageIds: ['m1'],
      separateImageIds: [],
      postedAt: status === 'posted' ? remindedAt : null,
    },
  });
}

const dmsTo = (surface: RecordingSurface, email: string) =>
  surface.posts.filter(({ destination }) => destination.kind === 'direct' && destination.email === email);

beforeAll(async () => {
  database = await openTestDatabase();
  history = await aCycleWithStudents(database.prisma, { count: 3, boardCode: 'SN-HIS' });
  await database.prisma.identificationCycle.update({
    where: { id: history.cycleId },
    data: { status: 'draft', redCount: 3, yellowCount: 2 },
  });
  await channelReminderPosted('SN-HIS');
  // Philosophy dispatched already: its chair is never reminded.
  await aCycleWithStudents(database.prisma, { count: 1, boardCode: 'SN-PHI' });
  await channelReminderPosted('SN-PHI');
});
afterAll(async () => {
  await database?.close();
});
beforeEach(() => {
  // The chair is on Slack (in English) and not on Teams; the head of studies on both.
  slack = new RecordingSurface(
    'slack',
    new Map([
      [chair, { displayName: 'Chair', locale: 'en-GB' }],
      [headOfStudies, { displayName: 'Head' }],
      [otherHead, { displayName: 'Other head' }],
      ['chair.sn-phi@uni.example', { displayName: 'Phil' }],
    ]),
  );
  teams = new RecordingSurface('teams', new Map([[headOfStudies, { displayName: 'Head', locale: 'da-DK' }]]));
});

describe('the chair’s dispatch reminder', () => {
  it('by default the chair is reminded after 14 days and the head of studies told after 21; the head must come later', () => {
    expect(configWith().dispatch).toEqual({ remindChairAfterDays: 14, tellHeadOfStudiesAfterDays: 21 });
    const refused = parseInstitutionConfig({
      ...{ institution: { name: 'U' }, faculties: [{ code: 'F', name: 'F' }] },
      boards: [{ code: 'B', name: 'B', faculty: 'F', chair: 'c@u.example', secretary: 's@u.example' }],
      dispatch: { remindChairAfterDays: 14, tellHeadOfStudiesAfterDays: 14 },
    });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({
      path: ['dispatch', 'tellHeadOfStudiesAfterDays'],
      message: 'must be more than remindChairAfterDays (14)',
    });
  });

  it('13 days after the reminder was posted in the channel, nobody is messaged yet', async () => {
    clock = daysAfter(13);
    const result = await runJob();

    expect(slack.posts).toEqual([]);
    expect(teams.posts).toEqual([]);
    expect(result.summary).toMatchObject({ cycles: 0, posted: 0 });
  });

  it('after 14 days the chair of the undispatched cycle gets one direct message, on every surface she is known on, in her language', async () => {
    clock = daysAfter(14);
    const result = await runJob();

    expect(dmsTo(slack, chair)).toHaveLength(1);
    expect(teams.posts).toEqual([]);
    expect(slack.posts).toHaveLength(1);
    const message = dmsTo(slack, chair)[0]?.message;
    expect(message?.fallbackText).toBe(
      'Reminder: the mails to students at risk – spring 2026 – History – are not sent yet',
    );
    expect(JSON.stringify(message?.blocks)).toContain(
      'The exam-period reminder came 14 days ago, and the mails to 3 red and 2 yellow students have not been sent.',
    );
    expect(JSON.stringify(message?.blocks)).toContain(
      'npx trafiklys dispatch --board SN-HIS --period spring-2026',
    );
    expect(result.summary).toMatchObject({ cycles: 1, posted: 1, unknownOnSurface: 1, failed: 0 });
  });

  it('run again, the same day or the next, nothing is sent twice', async () => {
    clock = daysAfter(15);
    const result = await runJob('instance-b');

    expect(slack.posts).toEqual([]);
    expect(result.summary).toMatchObject({ posted: 0, alreadyDone: 1 });
  });

  it('after 21 days the head of studies covering the board is told on each surface, once; the other faculty’s head and the dean are not', async () => {
    clock = daysAfter(21);
    await runJob();
    await runJob('instance-b');

    expect(dmsTo(slack, headOfStudies)).toHaveLength(1);
    expect(dmsTo(teams, headOfStudies)).toHaveLength(1);
    expect(dmsTo(slack, otherHead)).toEqual([]);
    expect(dmsTo(slack, chair)).toEqual([]);
    expect(slack.posts).toHaveLength(1);
    // Her Teams locale is Danish; Slack does not say, so the institution's language (Danish).
    expect(dmsTo(teams, headOfStudies)[0]?.message.fallbackText).toBe(
      'Mails til frafaldstruede studerende – forår 2026 – Historie – er ikke sendt',
    );
    expect(JSON.stringify(dmsTo(slack, headOfStudies)[0]?.message.blocks)).toContain(
      `studienævnsformanden (${chair}) har trods en påmindelse endnu ikke sendt mails til 3 røde og 2 gule studerende`,
    );
  });

  it('a message a platform refused is tried again on the next run, and only that one', async () => {
    const lateCycle = await aCycleWithStudents(database.prisma, {
      count: 1,
      boardCode: 'SN-PHI',
      period: { term: 'autumn', year: 2025 },
    });
    await database.prisma.identificationCycle.update({
      where: { id: lateCycle.cycleId },
      data: { status: 'draft' },
    });
    await database.prisma.reminderDelivery.create({
      data: {
        boardCode: 'SN-PHI',
        term: 'autumn',
        year: 2025,
        surface: 'console',
        recipient: 'channel',
        kind: 'summary',
        status: 'posted',
        messageIds: ['m1'],
        separateImageIds: [],
        postedAt: remindedAt,
      },
    });
    clock = daysAfter(14);
    slack.failNextPost = new Error('channel_not_found');

    const failed = await runJob();
    expect(failed.incomplete).toEqual({ code: 'messages_failed' });
    expect(slack.posts).toEqual([]);

    const retried = await runJob();
    expect(retried.incomplete).toBeUndefined();
    expect(dmsTo(slack, 'chair.sn-phi@uni.example')).toHaveLength(1);
    expect(slack.posts).toHaveLength(1);
    const row = await database.prisma.dispatchReminder.findFirst({ where: { cycleId: lateCycle.cycleId } });
    expect(row).toMatchObject({ stage: 'chair', surface: 'slack', status: 'posted', problem: null });
  });

  it('two instances running at once send each message once', async () => {
    // Only this cycle is waiting: the earlier ones were dispatched meanwhile.
    await database.prisma.identificationCycle.updateMany({
      where: { status: 'draft' },
      data: { status: 'dispatched' },
    });
    const cycle = await aCycleWithStudents(database.prisma, {
      count: 1,
      boardCode: 'SN-HIS',
      period: { term: 'autumn', year: 2024 },
    });
    await database.prisma.identificationCycle.update({
      where: { id: cycle.cycleId },
      data: { status: 'draft' },
    });
    await database.prisma.reminderDelivery.create({
      data: {
        boardCode: 'SN-HIS',
        term: 'autumn',
        year: 2024,
        surface: 'slack',
        recipient: 'channel',
        kind: 'summary',
        status: 'posted',
        messageIds: ['m1'],
        separateImageIds: [],
        postedAt: remindedAt,
      },
    });
    clock = daysAfter(30);

    await Promise.all([runJob('instance-a'), runJob('instance-b')]);

    // Chair (Slack) and head of studies (Slack and Teams) for the autumn 2024 cycle, each once.
    expect(dmsTo(slack, chair)).toHaveLength(1);
    expect(dmsTo(slack, headOfStudies)).toHaveLength(1);
    expect(dmsTo(teams, headOfStudies)).toHaveLength(1);
    expect(slack.posts).toHaveLength(2);
  });

  it('a dispatched cycle, or one whose channel reminder was never posted, reminds nobody; a stage set to null is off', async () => {
    clock = daysAfter(60);
    await database.prisma.identificationCycle.updateMany({
      where: { status: 'draft' },
      data: { status: 'dispatched' },
    });
    const unposted = await aCycleWithStudents(database.prisma, {
      count: 1,
      boardCode: 'SN-HIS',
      period: { term: 'spring', year: 2025 },
    });
    await database.prisma.identificationCycle.update({
      where: { id: unposted.cycleId },
      data: { status: 'draft' },
    });

    const result = await runJob(
      'instance-a',
      configWith({ remindChairAfterDays: null, tellHeadOfStudiesAfterDays: null }),
    );
    await runJob();

    expect(result.summary).toMatchObject({ cycles: 0 });
    expect(slack.posts).toEqual([]);
    expect(teams.posts).toEqual([]);
  });
});
