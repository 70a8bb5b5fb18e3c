import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstitutionConfig } from '../../../../src/config/institution-config.js';
import type { Message } from '../../../../src/messages/message-model.js';
import { reminderJobs } from '../../../../src/procedures/at-risk/jobs/exam-period-reminder-job.js';
import { ReminderMessageComposer } from '../../../../src/procedures/at-risk/reminder/presenters/reminder-message.js';
import { sendExamPeriodReminders } from '../../../../src/procedures/at-risk/reminder/send-exam-period-reminders.js';
import { tellSecretariesReminderFailed } from '../../../../src/procedures/at-risk/reminder/tell-secretaries.js';
import { createScheduler } from '../../../../src/scheduling/scheduler.js';
import type { Database } from '../../../../src/storage/database.js';
import { mirrorInstitution } from '../../../../src/storage/institution-mirror.js';
import { PrismaIdentificationStorage } from '../../../../src/storage/prisma-identification-storage.js';
import { PrismaJobRunLedger } from '../../../../src/storage/prisma-job-run-ledger.js';
import { PrismaReminderDeliveries } from '../../../../src/storage/prisma-reminder-deliveries.js';
import type { Destination, PostedMessage } from '../../../../src/surfaces/chat-surface.js';
import { capturedLogger } from '../../../support/captured-logger.js';
import { seedInstance } from '../../../support/instances.js';
import { RecordingSurface } from '../../../support/recording-surface.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';

const parsed = parseInstitutionConfig({
  institution: { name: 'Test University', language: 'en' },
  faculties: [{ code: 'HUM', name: 'Humanities' }],
  boards: [
    {
      code: 'SN-HIS',
      name: { da: 'Historie', en: 'History' },
      faculty: 'HUM',
      chair: 'chair@x.example',
      secretary: 'secretary@x.example',
      channels: { slack: 'C0HISTORY', console: 'sn-his' },
    },
    {
      code: 'SN-PHI',
      name: 'Philosophy',
      faculty: 'HUM',
      chair: 'phi@x.example',
      secretary: 'phisec@x.example',
      channels: { slack: 'C0PHILOSOPHY', console: 'sn-phi' },
    },
  ],
});
if (!parsed.success) throw new Error(parsed.error.message);
const config = parsed.data;

/** Slack as it is when the bot was removed from History's channel: that channel refuses every post. */
class ChannelRefusingSurface extends RecordingSurface {
  override async postMessage(destination: Destination, message: Message): Promise<PostedMessage> {
    if (destination.kind === 'channel' && destination.channelId === 'C0HISTORY') {
      throw new Error('An API error occurred: not_in_channel');
    }
    return super.postMessage(destination, message);
  }
}

const people = (secretaryLocale?: string) =>
  new Map([
    ['chair@x.example', { displayName: 'Chair' }],
    [
      'secretary@x.example',
      { displayName: 'Secretary', ...(secretaryLocale ? { locale: secretaryLocale } : {}) },
    ],
    ['phi@x.example', { displayName: 'Phi' }],
    ['phisec@x.example', { displayName: 'Phisec' }],
  ]);

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await mirrorInstitution(database.prisma, config);
  await seedInstance(database.prisma, 'this-instance', 'alive');
});
afterAll(async () => {
  await database?.close();
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`a reminder that cannot be sent (${testDatabaseEngine()})`, () => {
  it('is tried again, and after the last retry the secretary of each affected board is told where and how to send it, on every platform, in her language', async () => {
    const slack = new ChannelRefusingSurface('slack', people('da-DK'));
    const teams = new RecordingSurface('teams', people('en-GB'));
    const consoleSurface = new RecordingSurface('console', people('nb-NO'));
    const surfaces = [slack, teams, consoleSurface];
    const deliveries = new PrismaReminderDeliveries(database.prisma, 'this-instance');
    const jobs = reminderJobs({
      config,
      retry: { delaysMs: [10, 10] },
      send: (boardCodes, period) =>
        sendExamPeriodReminders(
          {
            config,
            storage: new PrismaIdentificationStorage(database.prisma),
            deliveries,
            surfaces,
            composer: new ReminderMessageComposer('en', 12),
            now: () => new Date('2026-04-06T07:00:00Z'),
          },
          { period, boardCodes },
        ),
      tellSecretaries: (failure) => tellSecretariesReminderFailed({ config, deliveries, surfaces }, failure),
    });
    const scheduler = createScheduler({
      jobs: [jobs.scheduled, jobs.requested],
      ledger: new PrismaJobRunLedger(database.prisma),
      holder: { id: 'this-instance', recoverEveryMs: 60_000 },
      logger: capturedLogger().logger,
    });

    await scheduler.runNow(jobs.scheduled, new Date('2026-04-06T07:00:00Z'));
    for (let retry = 0; retry < 3; retry++) {
      await wait(30);
      await scheduler.recover();
    }
    await scheduler.stop();

    const told = (surface: RecordingSurface) =>
      surface.posts.filter(
        (post) => post.destination.kind === 'direct' && post.message.blocks[0]?.type === 'heading',
      );
    const noticeText = (surface: RecordingSurface) =>
      JSON.stringify(told(surface).map((post) => post.message));
    // Told once on each platform, and only History's secretary.
    for (const surface of surfaces) {
      expect(told(surface).map((post) => post.destination)).toEqual([
        { kind: 'direct', email: 'secretary@x.example' },
      ]);
    }
    expect(noticeText(slack)).toContain(
      'Påmindelsen om eksamensperioden for Historie (forår 2026) kunne ikke sendes',
    );
    expect(noticeText(slack)).toContain(
      'Trafiklys kunne ikke sende den til studienævnets kanal på Slack (An API error occurred: not_in_channel).',
    );
    expect(noticeText(slack)).toContain('Trafiklys har prøvet 3 gange og er holdt op med at prøve.');
    expect(noticeText(slack)).toContain('/trafiklys remind now');
    expect(noticeText(teams)).toContain(
      'The exam-period reminder for History (spring 2026) could not be sent',
    );
    expect(noticeText(teams)).toContain(
      "the board's channel on Slack (An API error occurred: not_in_channel)",
    );
    expect(noticeText(teams)).toContain('@Trafiklys remind now');
    // In Bokmål, with the Norwegian words of the command to send it again; the board has no
    // Norwegian name, so she reads the institution's (English) one.
    expect(noticeText(consoleSurface)).toContain(
      'Påminnelsen om eksamensperioden for History (vår 2026) kunne ikke sendes',
    );
    expect(noticeText(consoleSurface)).toContain('Trafiklys har prøvd 3 ganger og har sluttet å prøve.');
    expect(noticeText(consoleSurface)).toContain('/trafiklys påminn nå i studieutvalgets kanal');
    // Every other place was posted once, not again at each retry.
    expect(consoleSurface.posts.filter((post) => post.destination.kind === 'channel')).toHaveLength(2);
    expect(slack.posts.filter((post) => post.destination.kind === 'channel')).toHaveLength(1);
    expect(await database.prisma.jobRun.findFirstOrThrow()).toMatchObject({
      jobName: 'exam-period-reminder',
      outcome: 'failed',
      attempts: 3,
      nextAttemptAt: null,
      summary: { failed: 1, error: 'deliveries_failed' },
    });
  });
});
