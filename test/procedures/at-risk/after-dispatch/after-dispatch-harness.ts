import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type InstitutionConfig, parseInstitutionConfig } from '../../../../src/config/institution-config.js';
import { type HttpServer, startHttpServer } from '../../../../src/http/http-server.js';
import type { OutboxSending } from '../../../../src/mail/outbox-sending.js';
import { afterDispatchJob } from '../../../../src/procedures/at-risk/after-dispatch/after-dispatch-job.js';
import { defaultIdentificationRules } from '../../../../src/procedures/at-risk/identification-rules.js';
import { importIdentification } from '../../../../src/procedures/at-risk/import-identification.js';
import { folderJournal } from '../../../../src/procedures/at-risk/journal/adapters/folder-journal.js';
import { readProgressExport } from '../../../../src/procedures/at-risk/progress-export/read-progress-export.js';
import type { RunOutcome } from '../../../../src/scheduling/scheduler.js';
import { type CprCipher, createCprCipher } from '../../../../src/security/cpr-cipher.js';
import type { Database } from '../../../../src/storage/database.js';
import { mirrorInstitution } from '../../../../src/storage/institution-mirror.js';
import {
  PrismaAfterDispatchPosts,
  PrismaAfterDispatchReading,
} from '../../../../src/storage/prisma-after-dispatch.js';
import { PrismaExclusions } from '../../../../src/storage/prisma-exclusions.js';
import { PrismaIdentificationStorage } from '../../../../src/storage/prisma-identification-storage.js';
import { PrismaJournalCases } from '../../../../src/storage/prisma-journal-cases.js';
import type { ChatSurface } from '../../../../src/surfaces/chat-surface.js';
import { ConsoleSurface } from '../../../../src/surfaces/console/console-surface.js';
import { HostedFiles, hostedFilesPrefix } from '../../../../src/surfaces/hosted-files/hosted-files.js';
import { HostedImages } from '../../../../src/surfaces/hosted-images/hosted-images.js';
import { createSlackOutbound } from '../../../../src/surfaces/slack/slack-outbound.js';
import { anInstanceSending } from '../../../mail/outbox-harness.js';
import { capturedLogger } from '../../../support/captured-logger.js';
import { seedInstance } from '../../../support/instances.js';
import { progressExportCsv } from '../../../support/progress-export-builder.js';
import { dateOf } from '../../../support/progress-row-builder.js';
import { SlackApiDouble } from '../../../support/slack-api-double.js';
import { SmtpServerDouble } from '../../../support/smtp-server-double.js';
import { boardChannel, seedTeam, teamInstall } from '../../../surfaces/teams/support/teams-activities.js';
import { startTeamsHarness, type TeamsHarness } from '../../../surfaces/teams/support/teams-harness.js';

export const slackChannel = 'C0SNDAT01';
export const consoleChannel = 'sn-dat';
/** The CPR numbers of the export: they may appear in the journal's student case titles and nowhere else. */
export const cprNumbers = ['010190-1234', '020291-2345', '030392-3456', '040493-4567', '050594-5678'];

const active = {
  lastPassedOn: '2026-01-20',
  boardCode: 'SN-DAT',
  programmeCode: 'DAT',
  programmeName: 'Datalogi',
};
/** Red with § 31 stk. 2 (behind 80 ECTS, 16 months), red, two yellow (one without e-mail), one green. */
const exportRows = [
  {
    ...active,
    studentId: 'S1',
    name: 'Rasmus Rød',
    nationalId: cprNumbers[0],
    ectsExpected: 120,
    ectsPassed: 40,
  },
  {
    ...active,
    studentId: 'S2',
    name: 'Rikke Rød',
    nationalId: cprNumbers[1],
    ectsExpected: 60,
    ectsPassed: 25,
  },
  {
    ...active,
    studentId: 'S3',
    name: 'Gitte Gul',
    nationalId: cprNumbers[2],
    ectsExpected: 60,
    ectsPassed: 50,
  },
  {
    ...active,
    studentId: 'S4',
    name: 'Gustav Gul',
    nationalId: cprNumbers[3],
    ectsExpected: 60,
    ectsPassed: 50,
    email: null,
  },
  {
    ...active,
    studentId: 'S5',
    name: 'Grethe Grøn',
    nationalId: cprNumbers[4],
    ectsExpected: 60,
    ectsPassed: 60,
  },
];

export function afterDispatchConfig(journalFolder: string): InstitutionConfig {
  const parsed = parseInstitutionConfig({
    institution: { name: 'Test University', language: 'da' },
    faculties: [{ code: 'FAC', name: 'Faculty' }],
    boards: [
      {
        code: 'SN-DAT',
        name: { da: 'Studienævn for Datalogi', en: 'Study Board of Computer Science' },
        faculty: 'FAC',
        chair: 'chair.dat@test.example',
        secretary: 'secretary.dat@test.example',
        channels: { slack: slackChannel, teams: boardChannel.id, console: consoleChannel },
      },
    ],
    managers: [{ role: 'dean', email: 'dean@test.example', scope: { faculty: 'FAC' } }],
    journal: { kind: 'folder', folder: journalFolder },
  });
  if (!parsed.success) throw new Error(`test config is invalid: ${parsed.error.message}`);
  return parsed.data;
}

export interface AfterDispatchWorld {
  readonly config: InstitutionConfig;
  readonly cipher: CprCipher;
  readonly journalFolder: string;
  readonly cycleId: string;
  readonly smtp: SmtpServerDouble;
  readonly mail: OutboxSending;
  readonly slack: SlackApiDouble;
  readonly teams: TeamsHarness;
  readonly files: HostedFiles;
  readonly fileServerUrl: string;
  /** The three surfaces as the bot has them (Teams and the console keep files in HostedFiles). */
  readonly surfaces: readonly ChatSurface[];
  /** The after-dispatch job of one instance (by its lease id). */
  instance(holder: string): {
    request(cycleId: string): Promise<RunOutcome<unknown>>;
    run(attempt?: number): ReturnType<ReturnType<typeof afterDispatchJob>['job']['run']>;
  };
  /** Queues one mail per yellow and red student with an address (the excluded one left out) and marks the cycle dispatched. */
  dispatch(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A board's imported cycle with one exclusion, the real outbox and SMTP
 * sender to a loopback server, the folder journal, and the board's channel
 * on Slack (API double), Teams (Bot Framework double) and the console.
 */
export async function anAfterDispatchWorld(database: Database): Promise<AfterDispatchWorld> {
  const { prisma } = database;
  await prisma.$executeRaw`TRUNCATE after_dispatch_post, journal_case, mail_outbox, exclusion, student_result, identification_cycle, student, audit_event, console_message, hosted_file CASCADE`;
  const journalFolder = await mkdtemp(join(tmpdir(), 'trafiklys-after-dispatch-'));
  const config = afterDispatchConfig(journalFolder);
  const cipher = createCprCipher(randomBytes(32));
  await mirrorInstitution(prisma, config);
  const storage = new PrismaIdentificationStorage(prisma);
  await importIdentification(storage, {
    progressExport: await readProgressExport(progressExportCsv(exportRows), { fileName: 'export.csv' }),
    asOf: dateOf('2026-04-06'),
    rules: defaultIdentificationRules,
    knownBoards: new Set(['SN-DAT']),
    actor: 'test',
    cipher,
  });
  const cycle = await storage.findCycle('SN-DAT', { term: 'spring', year: 2026 });
  if (!cycle) throw new Error('the import made no cycle');
  // Gitte Gul has an agreed study plan: she gets no mail.
  await prisma.exclusion.create({
    data: {
      boardCode: 'SN-DAT',
      term: 'spring',
      year: 2026,
      studentNumber: 'S3',
      reason: 'agreed_study_plan',
      note: null,
      snapshot: {
        name: 'Gitte Gul',
        programmeCode: 'DAT',
        programmeName: 'Datalogi',
        category: 'yellow',
        ectsBehind: 10,
        delayMonths: 2,
        specialGuidance: false,
        mandatoryContact: false,
      },
      excludedBy: 'chair.dat@test.example',
    },
  });

  const smtp = await SmtpServerDouble.start();
  const mail = await anInstanceSending(prisma, { url: smtp.url(), holder: 'sender' });
  const slack = await SlackApiDouble.start({ users: [] });
  const slackOutbound = createSlackOutbound({
    botToken: slack.botToken,
    apiUrl: slack.apiUrl,
    logger: capturedLogger().logger,
    metrics: { increment: () => {} },
    policy: { channelIntervalMs: 0, maxConcurrentCalls: 4 },
  });
  const files = new HostedFiles(prisma, null);
  const fileServer: HttpServer = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    routes: new Map(),
    prefixRoutes: new Map([[hostedFilesPrefix, files.route()]]),
    logger: capturedLogger().logger,
  });
  files.useServerUrlUnlessPublic(fileServer.url);
  const teams = await startTeamsHarness({ fileUrlFor: (file) => files.urlFor(file) });
  seedTeam(teams.double);
  await teams.post(teamInstall(teams.double));
  teams.double.calls.length = 0;
  const images = new HostedImages(prisma, null);
  const surfaces: ChatSurface[] = [
    slackOutbound.surface,
    files.around(teams.bot.surface),
    new ConsoleSurface(prisma, config, images, files),
  ];

  const instance = (holder: string) => {
    const work = afterDispatchJob(
      {
        config,
        storage,
        reading: new PrismaAfterDispatchReading(prisma),
        exclusions: new PrismaExclusions(prisma, storage),
        outbox: mail.outbox,
        journal: {
          adapter: folderJournal({ folder: journalFolder }),
          store: new PrismaJournalCases(prisma, holder),
        },
        cipher,
        mailFrom: mail.from,
        posts: new PrismaAfterDispatchPosts(prisma, holder),
        surfaces,
        now: () => new Date('2026-04-08T08:00:00Z'),
        logger: capturedLogger().logger,
      },
      {
        // The scheduler's recorded run, reduced to its call: these tests are about the work, not the ledger.
        requestRun: async (job, params) => ({
          kind: 'ran',
          result: await job.run({
            params,
            attempt: 1,
            scheduledFor: new Date(),
            logger: capturedLogger().logger,
          }),
        }),
      },
    );
    return {
      request: (cycleId: string) => work.request(cycleId),
      run: (attempt = 1) =>
        work.job.run({
          params: { cycleId: cycle.id },
          attempt,
          scheduledFor: new Date(),
          logger: capturedLogger().logger,
        }),
    };
  };

  return {
    config,
    cipher,
    journalFolder,
    cycleId: cycle.id,
    smtp,
    mail,
    slack,
    teams,
    files,
    fileServerUrl: fileServer.url,
    surfaces,
    instance: (holder) => {
      void seedInstance(prisma, holder, 'alive');
      return instance(holder);
    },
    async dispatch() {
      const students = await prisma.studentResult.findMany({
        where: { cycleId: cycle.id, category: { in: ['yellow', 'red'] }, student: { email: { not: null } } },
        include: { student: true },
      });
      const drafts = students
        .filter(({ student }) => student.studentNumber !== 'S3')
        .map(({ student, category }) => ({
          cycleId: cycle.id,
          studentId: student.id,
          template: category === 'red' ? ('red' as const) : ('yellow' as const),
          recipient: student.email ?? '',
          language: student.language,
          subject: 'Tilbud om en samtale om dit studieforløb',
          text: `Kære ${student.name}\n\nVi tilbyder dig en samtale (§ 31 stk. 2).\n`,
          html: `<p>Kære ${student.name}</p><p>Vi tilbyder dig en samtale (§ 31 stk. 2).</p>`,
        }));
      await mail.outbox.enqueue(drafts, { messageIdDomain: mail.messageIdDomain, now: new Date() });
      await prisma.identificationCycle.update({
        where: { id: cycle.id },
        data: { status: 'dispatched', mailsSentAt: new Date('2026-04-07T09:00:00Z') },
      });
    },
    async close() {
      await teams.close();
      await slack.close();
      await fileServer.close();
      await mail.close();
      await smtp.close();
      await rm(journalFolder, { recursive: true, force: true });
    },
  };
}
