import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstitutionConfig } from '../../src/config/institution-config.js';
import { importFolderJob, importFolderState } from '../../src/procedures/at-risk/jobs/import-folder-job.js';
import { createCprCipher } from '../../src/security/cpr-cipher.js';
import type { Database } from '../../src/storage/database.js';
import { mirrorInstitution } from '../../src/storage/institution-mirror.js';
import { PrismaIdentificationStorage } from '../../src/storage/prisma-identification-storage.js';
import { capturedLogger } from '../support/captured-logger.js';
import { anInstitutionConfig } from '../support/institution-config-builder.js';
import { progressExportCsv } from '../support/progress-export-builder.js';
import { openTestDatabase, testDatabaseEngine } from '../support/test-database.js';

const config = anInstitutionConfig(['SN-HIS']);
let database: Database;
let folder: string;

beforeAll(async () => {
  database = await openTestDatabase();
  await mirrorInstitution(database.prisma, config);
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-inbox-'));
});
afterAll(async () => {
  await database?.close();
  await rm(folder, { recursive: true, force: true });
});

describe(`the import folder (${testDatabaseEngine()})`, () => {
  it('imports each export dropped there, moves it to imported/, and moves a rejected one to rejected/ with its problems', async () => {
    const active = { lastPassedOn: '2026-01-20', boardCode: 'SN-HIS' };
    await writeFile(
      join(folder, 'spring.csv'),
      progressExportCsv([{ ...active, nationalId: '010190-1234' }]),
    );
    await writeFile(
      join(folder, 'broken.csv'),
      progressExportCsv([{ ...active, name: 'Karen Blixen', rawCells: { ects_passed: 'fifteen' } }]),
    );
    await writeFile(join(folder, 'notes.txt'), 'not an export');
    const log = capturedLogger();
    const job = importFolderJob({
      folder,
      config,
      storage: new PrismaIdentificationStorage(database.prisma),
      cipher: createCprCipher(randomBytes(32)),
      now: () => new Date('2026-04-06T08:00:00Z'),
    });

    const summary = await runOnce(job, log.logger);

    expect(summary).toEqual({ files: 2, imported: 1, rejected: 1 });
    expect((await readdir(folder)).sort()).toEqual(['imported', 'notes.txt', 'rejected']);
    expect(await readdir(join(folder, 'imported'))).toEqual(['2026-04-06_spring.csv']);
    expect((await readdir(join(folder, 'rejected'))).sort()).toEqual([
      '2026-04-06_broken.csv',
      '2026-04-06_broken.csv.problems.txt',
    ]);
    // The institution's language (Danish unless configured otherwise): no one reader is known.
    expect(await readFile(join(folder, 'rejected', '2026-04-06_broken.csv.problems.txt'), 'utf8')).toBe(
      'Filen broken.csv kan ikke bruges:\nlinje 2, kolonne ects_passed: »fifteen« er ikke et tal\n',
    );
    const cycles = await database.prisma.identificationCycle.findMany();
    expect(cycles.map((cycle) => [cycle.boardCode, cycle.term, cycle.year, cycle.sourceFileName])).toEqual([
      ['SN-HIS', 'spring', 2026, 'spring.csv'],
    ]);
    // The log names files and counts; never a cell value, a name or a CPR number.
    const logged = log.text();
    expect(logged).toContain('broken.csv');
    for (const secret of ['fifteen', 'Karen', '010190-1234', '0101901234'])
      expect(logged).not.toContain(secret);
  });

  it('an institution that works in English gets the problems in English', async () => {
    const english: InstitutionConfig = { ...config, institution: { ...config.institution, language: 'en' } };
    await writeFile(
      join(folder, 'autumn.csv'),
      progressExportCsv([{ boardCode: 'SN-HIS', rawCells: { ects_passed: 'fifteen' } }]),
    );
    const job = importFolderJob({
      folder,
      config: english,
      storage: new PrismaIdentificationStorage(database.prisma),
      cipher: null,
      now: () => new Date('2026-04-07T08:00:00Z'),
    });

    expect(await runOnce(job)).toMatchObject({
      rejected: 1,
    });
    expect(await readFile(join(folder, 'rejected', '2026-04-07_autumn.csv.problems.txt'), 'utf8')).toBe(
      'autumn.csv cannot be used:\nline 2, column ects_passed: "fifteen" is not a number\n',
    );
  });

  it('the same file dropped again the same day is moved aside under a numbered name, never overwriting the first', async () => {
    await writeFile(
      join(folder, 'spring.csv'),
      progressExportCsv([{ lastPassedOn: '2026-01-20', boardCode: 'SN-HIS' }]),
    );
    const job = importFolderJob({
      folder,
      config,
      storage: new PrismaIdentificationStorage(database.prisma),
      cipher: null,
      now: () => new Date('2026-04-06T09:00:00Z'),
    });
    expect(await runOnce(job)).toMatchObject({
      imported: 1,
    });
    expect((await readdir(join(folder, 'imported'))).sort()).toEqual([
      '2026-04-06_2_spring.csv',
      '2026-04-06_spring.csv',
    ]);
  });

  it('an empty folder is a quiet run', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'trafiklys-empty-inbox-'));
    const job = importFolderJob({
      folder: empty,
      config,
      storage: new PrismaIdentificationStorage(database.prisma),
      cipher: null,
    });
    expect(await runOnce(job)).toEqual({ files: 0, imported: 0, rejected: 0 });
    await rm(empty, { recursive: true, force: true });
  });

  it('a folder that is not there, or a file in its place, is not an empty folder: the run fails and says why', async () => {
    const notThere = join(folder, 'does-not-exist');
    const aFile = join(folder, 'a-file-not-a-folder');
    await writeFile(aFile, 'x');
    for (const [path, problem] of [
      [notThere, 'does not exist'],
      [aFile, 'is a file, not a folder'],
    ] as const) {
      expect(await importFolderState(path)).not.toBe('ok');
      const job = importFolderJob({
        folder: path,
        config,
        storage: new PrismaIdentificationStorage(database.prisma),
        cipher: null,
      });
      await expect(runOnce(job)).rejects.toMatchObject({
        code: 'import_folder.unusable',
        message: expect.stringContaining(`the import folder ${path} ${problem}`),
      });
    }
  });
});

/** One run of the job, as the scheduler starts it; its stored summary. */
async function runOnce(job: ReturnType<typeof importFolderJob>, logger = capturedLogger().logger) {
  const result = await job.run({ scheduledFor: new Date(), params: null, attempt: 1, logger });
  return result.summary;
}
