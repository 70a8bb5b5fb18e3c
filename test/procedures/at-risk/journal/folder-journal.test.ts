import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { folderJournal } from '../../../../src/procedures/at-risk/journal/adapters/folder-journal.js';
import { journaliseCycle } from '../../../../src/procedures/at-risk/journal/journalise-cycle.js';
import { createCprCipher } from '../../../../src/security/cpr-cipher.js';
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
  student,
  threeStudents,
  titledCpr,
  unmaskedLogger,
} from './journal-material.js';

let database: Database;
let lease: InstanceLease;
let folder: string;
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
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-journal-'));
  await database.prisma.identificationCycle.deleteMany();
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const cycleFolder = () => join(folder, 'SN-DAT-2026-spring');

async function journalise(cycleId: string, students = threeStudents()) {
  const log = unmaskedLogger();
  const tally = await journaliseCycle({
    ...material(cycleId, students),
    adapter: folderJournal({ folder }),
    cipher,
    store: new PrismaJournalCases(database.prisma, lease.id),
    now: () => new Date('2026-04-08T09:00:00Z'),
    logger: log.logger,
  });
  return { tally, log: log.text() };
}

/** Every file under the journal folder, by its path relative to it. */
async function filesUnder(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(relative(root, path), await readFile(path));
    }
  }
  return files;
}

const caseJson = async (caseKey: string) =>
  JSON.parse(await readFile(join(cycleFolder(), caseKey, 'case.json'), 'utf8')) as Record<string, unknown>;

describe(`journalising a cycle into a folder (${testDatabaseEngine()})`, () => {
  it('files a student case per sent mail and a collective case per programme, each in a directory of its own', async () => {
    const cycleId = await storedCycle(database.prisma);

    const { tally } = await journalise(cycleId);

    expect(tally).toEqual({
      cycleId,
      filed: { student: 2, collective: 2 },
      alreadyFiled: 0,
      inProgress: 0,
      failed: [],
    });
    expect((await readdir(cycleFolder())).sort()).toEqual([
      'collective-DAT-BSC',
      'collective-SW-BSC',
      'student-S1001',
      'student-S1002',
    ]);
    expect(await caseJson('student-S1001')).toMatchObject({
      title: `${titledCpr(cprOf(1))}, Frafaldstruet, Datalogi`,
      kind: 'student',
      cycleId,
      board: { code: 'SN-DAT', name: 'Studienævn for Datalogi' },
      programme: { code: 'DAT-BSC', name: 'Datalogi' },
      period: { term: 'spring', year: 2026, name: 'forår 2026' },
      studentNumber: 'S1001',
      createdAt: '2026-04-08T09:00:00.000Z',
      documents: [{ fileName: 'mail-1.eml', mediaType: 'message/rfc822' }],
    });
    expect(await caseJson('collective-SW-BSC')).toMatchObject({
      title: 'Identifikation af frafaldstruede forår 2026 for Software',
      kind: 'collective',
      programme: { code: 'SW-BSC', name: 'Software' },
      documents: [
        { fileName: 'identifikation.csv', mediaType: 'text/csv; charset=utf-8' },
        { fileName: 'frasorterede.csv' },
        { fileName: 'sendte-mails.csv' },
      ],
    });
    expect(await caseJson('collective-DAT-BSC')).not.toHaveProperty('studentNumber');
  });

  it('keeps each mail as the RFC 822 message the student got: sender, recipient, subject, both parts, Message-ID and date', async () => {
    const cycleId = await storedCycle(database.prisma);
    await journalise(cycleId);

    const eml = await readFile(join(cycleFolder(), 'student-S1002', 'mail-1.eml'));
    const mail = await simpleParser(eml);

    expect(mail.from?.value).toEqual([{ name: 'Studienævn for Datalogi', address: 'sn-dat@uni.example' }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : null).toBe('s1002@student.uni.example');
    expect(mail.subject).toBe('Guidance for your studies');
    expect(mail.text?.trim()).toBe('Dear student, you have a right to special guidance (§ 31, stk. 1).');
    expect(mail.html).toBe('<p>Dear student, you have a right to special guidance (§ 31, stk. 1).</p>');
    expect(mail.messageId).toBe('<s1002.spring-2026@trafiklys.uni.example>');
    expect(mail.date?.toISOString()).toBe('2026-04-07T08:15:00.000Z');
  });

  it('writes the lists as Danish Excel opens them: UTF-8 with a BOM, semicolons, decimal commas, formulas defused', async () => {
    const cycleId = await storedCycle(database.prisma);
    await journalise(cycleId);

    const identification = await readFile(join(cycleFolder(), 'collective-DAT-BSC', 'identifikation.csv'));
    expect([...identification.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(identification.toString('utf8').slice(1).split('\r\n')).toEqual([
      'Studienummer;Navn;Kategori;ECTS bagud;Forsinkelse (måneder);Ret til særlig vejledning (§ 31, stk. 1);Skal tilbydes samtale (§ 31, stk. 2)',
      'S1001;Åse Ørum Ærø 1;Rød;65;13;Ja;Ja',
      // A name that would run as a formula in Excel is kept as text; its quotes doubled.
      `S1003;"'=HYPERLINK(""http://evil.example"")";Rød;65;13;Ja;Ja`,
      '',
    ]);
    const software = await readFile(join(cycleFolder(), 'collective-SW-BSC', 'identifikation.csv'), 'utf8');
    expect(software).toContain('S1002;Åse Ørum Ærø 2;Gul;35;7;Ja;Nej\r\n');

    const exclusions = await readFile(join(cycleFolder(), 'collective-DAT-BSC', 'frasorterede.csv'), 'utf8');
    expect(exclusions.slice(1).split('\r\n')).toEqual([
      'Studienummer;Navn;Kategori;Forsinkelse (måneder);Skal tilbydes samtale (§ 31, stk. 2);Begrundelse;Uddybning;Frasorteret af;Frasorteret',
      `S1003;"'=HYPERLINK(""http://evil.example"")";Rød;13;Ja;Anden begrundelse;"Aftalt med studievejledningen; ny plan";chair@uni.example;2026-04-06 14:00`,
      '',
    ]);
    const mails = await readFile(join(cycleFolder(), 'collective-DAT-BSC', 'sendte-mails.csv'), 'utf8');
    expect(mails.slice(1).split('\r\n')).toEqual([
      'Studienummer;Navn;Modtager;Skabelon;Sprog;Emne;Message-ID;Sendt',
      'S1001;Åse Ørum Ærø 1;s1001@student.uni.example;red;da;Tilbud om en samtale om dine studier;<s1001.spring-2026@trafiklys.uni.example>;2026-04-07 10:15',
      '',
    ]);
  });

  it('writes a CPR number nowhere but in the student cases’ titles: no directory or file name, no list, no mail, no log line', async () => {
    const cycleId = await storedCycle(database.prisma);
    const { log } = await journalise(cycleId);

    const files = await filesUnder(folder);
    expect(files.size).toBe(2 * 2 + 2 * 4);
    for (const [path, content] of files) {
      expect(path).not.toMatch(cprShaped);
      const text = content.toString('utf8');
      if (path.endsWith('case.json')) {
        const { title, ...rest } = JSON.parse(text) as { title: string };
        expect(JSON.stringify(rest), path).not.toMatch(cprShaped);
        if (path.includes('student-')) expect(title).toMatch(cprShaped);
        else expect(title).not.toMatch(cprShaped);
      } else {
        expect(text, path).not.toMatch(cprShaped);
      }
    }
    expect(log).toContain('journalised the cycle');
    expect(log).not.toMatch(cprShaped);
  });

  it('run again, files nothing twice: every case is already filed and the folder is unchanged', async () => {
    const cycleId = await storedCycle(database.prisma);
    await journalise(cycleId);
    const before = await filesUnder(folder);

    const { tally } = await journalise(cycleId);

    expect(tally).toMatchObject({ filed: { student: 0, collective: 0 }, alreadyFiled: 4, failed: [] });
    expect(await filesUnder(folder)).toEqual(before);
  });

  it('a case whose directory an interrupted run already wrote (but did not record) is not written again', async () => {
    const cycleId = await storedCycle(database.prisma);
    await journalise(cycleId);
    const written = await stat(join(cycleFolder(), 'student-S1001', 'case.json'));
    // The run was killed after the rename and before the database heard of it.
    await database.prisma.journalCase.updateMany({ data: { status: 'pending', filedAt: null } });

    const { tally } = await journalise(cycleId);

    expect(tally).toMatchObject({ filed: { student: 2, collective: 2 }, alreadyFiled: 0, failed: [] });
    expect((await stat(join(cycleFolder(), 'student-S1001', 'case.json'))).mtimeMs).toBe(written.mtimeMs);
  });

  it('a half-written case left by a crash never shows under a case’s name, and is cleared when the case is filed', async () => {
    const cycleId = await storedCycle(database.prisma);
    const abandoned = join(cycleFolder(), '.partial-student-S1001-dead0001');
    await mkdir(abandoned, { recursive: true });
    await writeFile(join(abandoned, 'mail-1.eml'), 'From: half a mail');

    await journalise(cycleId);

    const names = await readdir(cycleFolder());
    expect(names.filter((name) => name.startsWith('.'))).toEqual([]);
    expect(names).toContain('student-S1001');
  });

  it('a student without a stored CPR number fails her case with the reason; the others are filed', async () => {
    const cycleId = await storedCycle(database.prisma);
    const [, yellow, excluded] = threeStudents();
    const withoutCpr = student(1, { cpr: null });

    const { tally, log } = await journalise(cycleId, [withoutCpr, yellow, excluded]);

    expect(tally.filed).toEqual({ student: 1, collective: 2 });
    expect(tally.failed).toEqual([
      {
        caseKey: 'student-S1001',
        kind: 'student',
        problem: 'cpr_missing',
        message:
          'no CPR number is stored for this student (the export had none), so the student case cannot be titled',
      },
    ]);
    expect(await readdir(cycleFolder())).not.toContain('student-S1001');
    expect(log).toContain('"caseKey":"student-S1001"');
    expect(log).toContain('"problem":"cpr_missing"');
  });

  it('a CPR number sealed under another key, or no key at all, fails the student cases as unreadable', async () => {
    const cycleId = await storedCycle(database.prisma);
    const input = {
      ...material(cycleId),
      adapter: folderJournal({ folder }),
      store: new PrismaJournalCases(database.prisma, lease.id),
      now: () => new Date('2026-04-08T09:00:00Z'),
      logger: unmaskedLogger().logger,
    };

    const otherKey = await journaliseCycle({ ...input, cipher: createCprCipher(new Uint8Array(32).fill(1)) });
    const noKey = await journaliseCycle({ ...input, cipher: null });

    expect(otherKey.failed.map((failure) => [failure.caseKey, failure.problem])).toEqual([
      ['student-S1001', 'cpr_unreadable'],
      ['student-S1002', 'cpr_unreadable'],
    ]);
    expect(otherKey.filed).toEqual({ student: 0, collective: 2 });
    expect(noKey.failed[0]?.message).toBe(
      'the CPR number is stored encrypted, but TRAFIKLYS_CPR_KEY is not set, so the student case cannot be titled',
    );
  });

  it('a case another living instance is filing right now is left to it, and counted as in progress', async () => {
    const cycleId = await storedCycle(database.prisma);
    const other = await InstanceLease.start({
      prisma: database.prisma,
      lengthMs: 60_000,
      logger: capturedLogger().logger,
      soleUser: false,
    });
    const otherStore = new PrismaJournalCases(database.prisma, other.id);
    await otherStore.register(cycleId, [{ caseKey: 'student-S1001', kind: 'student' }], new Date());
    await otherStore.claim(cycleId, 'student-S1001', new Date());

    const { tally } = await journalise(cycleId);

    expect(tally).toMatchObject({ filed: { student: 1, collective: 2 }, inProgress: 1, failed: [] });
    expect(await readdir(cycleFolder())).not.toContain('student-S1001');
    await other.stop();
  });

  it('a sent mail of a student who is not on the identification list is refused before anything is filed', async () => {
    const cycleId = await storedCycle(database.prisma);
    const [red, yellow] = threeStudents();
    const journal = journaliseCycle({
      ...material(cycleId, [red, yellow, student(3)]),
      students: [red, yellow],
      adapter: folderJournal({ folder }),
      cipher,
      store: new PrismaJournalCases(database.prisma, lease.id),
      now: () => new Date('2026-04-08T09:00:00Z'),
      logger: unmaskedLogger().logger,
    });

    await expect(journal).rejects.toMatchObject({
      code: 'journal.material_invalid',
      message:
        "1 sent mail(s) or exclusion(s) name a student who is not on the cycle's identification list (e.g. student number S1003)",
    });
    expect(await readdir(folder)).toEqual([]);
    expect(await database.prisma.journalCase.count()).toBe(0);
  });

  it('a folder that cannot be written fails the cases with the reason, and a later run files them', async () => {
    const cycleId = await storedCycle(database.prisma);
    const blocked = join(folder, 'not-a-folder');
    await writeFile(blocked, 'a file where the folder should be');
    const store = new PrismaJournalCases(database.prisma, lease.id);
    const input = {
      ...material(cycleId),
      cipher,
      store,
      now: () => new Date('2026-04-08T09:00:00Z'),
      logger: unmaskedLogger().logger,
    };

    const failing = await journaliseCycle({ ...input, adapter: folderJournal({ folder: blocked }) });

    expect(failing.failed).toHaveLength(4);
    expect(failing.failed[0]).toMatchObject({ problem: 'write_failed' });
    expect(failing.failed[0]?.message).toMatch(/could not be written to .*not-a-folder: (ENOTDIR|EEXIST)/);

    const later = await journaliseCycle({ ...input, adapter: folderJournal({ folder }) });
    expect(later).toMatchObject({ filed: { student: 2, collective: 2 }, failed: [] });
    expect(
      (await store.forCycle(cycleId)).map((record) => [record.caseKey, record.status, record.attempts]),
    ).toEqual([
      ['collective-DAT-BSC', 'filed', 2],
      ['collective-SW-BSC', 'filed', 2],
      ['student-S1001', 'filed', 2],
      ['student-S1002', 'filed', 2],
    ]);
  });
});
