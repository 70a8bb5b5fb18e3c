import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterDispatchSweepJob } from '../../../../src/procedures/at-risk/after-dispatch/after-dispatch-sweep.js';
import { defaultIdentificationRules } from '../../../../src/procedures/at-risk/identification-rules.js';
import { importIdentification } from '../../../../src/procedures/at-risk/import-identification.js';
import { readProgressExport } from '../../../../src/procedures/at-risk/progress-export/read-progress-export.js';
import type { Database } from '../../../../src/storage/database.js';
import { mirrorInstitution } from '../../../../src/storage/institution-mirror.js';
import { PrismaIdentificationStorage } from '../../../../src/storage/prisma-identification-storage.js';
import { capturedLogger } from '../../../support/captured-logger.js';
import { anInstitutionConfig } from '../../../support/institution-config-builder.js';
import { progressExportCsv } from '../../../support/progress-export-builder.js';
import { dateOf } from '../../../support/progress-row-builder.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';

const config = anInstitutionConfig(['SN-A', 'SN-B', 'SN-C', 'SN-D']);
let database: Database;
const cycleOf = async (boardCode: string) =>
  (await database.prisma.identificationCycle.findFirstOrThrow({ where: { boardCode } })).id;

beforeAll(async () => {
  database = await openTestDatabase();
  const storage = new PrismaIdentificationStorage(database.prisma);
  await mirrorInstitution(database.prisma, config);
  await importIdentification(storage, {
    progressExport: await readProgressExport(
      progressExportCsv(
        ['SN-A', 'SN-B', 'SN-C', 'SN-D'].map((boardCode, index) => ({
          studentId: `S${index}`,
          boardCode,
          lastPassedOn: '2026-01-20',
        })),
      ),
      { fileName: 'spring.csv' },
    ),
    asOf: dateOf('2026-04-06'),
    rules: defaultIdentificationRules,
    knownBoards: new Set(['SN-A', 'SN-B', 'SN-C', 'SN-D']),
    actor: 'test',
    cipher: null,
  });
  const now = new Date();
  // A: dispatched on the command line, nothing asked yet. B: its work already done. C: still a draft.
  // D: dispatched a month ago.
  await database.prisma.identificationCycle.updateMany({
    where: { boardCode: { in: ['SN-A', 'SN-B'] } },
    data: { status: 'dispatched', mailsSentAt: now },
  });
  await database.prisma.identificationCycle.updateMany({
    where: { boardCode: 'SN-D' },
    data: { status: 'dispatched', mailsSentAt: new Date(now.getTime() - 30 * 86_400_000) },
  });
  await database.prisma.jobRun.create({
    data: {
      jobName: 'after-dispatch',
      scheduledFor: now,
      instance: 'gone',
      params: { cycleId: await cycleOf('SN-B') },
      outcome: 'succeeded',
      finishedAt: now,
    },
  });
});
afterAll(async () => {
  await database?.close();
});

describe(`the after-dispatch sweep (${testDatabaseEngine()})`, () => {
  it('asks for the journal and the meeting pack of a recent dispatch that has none, and of no other cycle', async () => {
    const requested: string[] = [];
    const job = afterDispatchSweepJob({
      prisma: database.prisma,
      timeZone: 'Europe/Copenhagen',
      request: async (cycleId) => {
        requested.push(cycleId);
      },
    });

    const result = await job.run({
      params: null,
      attempt: 1,
      scheduledFor: new Date(),
      logger: capturedLogger().logger,
    });

    expect(requested).toEqual([await cycleOf('SN-A')]);
    expect(result.summary).toEqual({ requested: 1 });
  });
});
