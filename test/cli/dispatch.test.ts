import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DispatchProgress } from '../../src/cli/format/dispatch-progress.js';
import { loadConfig } from '../../src/config/load-config.js';
import { excludeStudents } from '../../src/procedures/at-risk/exclusions/exclude-students.js';
import { generateCprKey } from '../../src/security/cpr-cipher.js';
import { type Database, openDatabase } from '../../src/storage/database.js';
import { PrismaDispatch } from '../../src/storage/prisma-dispatch.js';
import { PrismaExclusions } from '../../src/storage/prisma-exclusions.js';
import { PrismaIdentificationStorage } from '../../src/storage/prisma-identification-storage.js';
import { databaseEnv, runTrafiklys } from '../support/cli-runner.js';
import { type ProgressRowInput, progressExportCsv } from '../support/progress-export-builder.js';
import { SmtpServerDouble } from '../support/smtp-server-double.js';
import {
  createTestDatabaseTarget,
  type TestDatabaseTarget,
  testDatabaseEngine,
} from '../support/test-database.js';

let folder: string;
let target: TestDatabaseTarget;
let server: SmtpServerDouble;
let cprKey: string;

const config = [
  'institution: { name: Test University }',
  'faculties: [{ code: HUM, name: Humanities }]',
  'boards:',
  '  - { code: SN-HIS, name: History, faculty: HUM, chair: chair@x.example, secretary: sec@x.example }',
  '  - { code: SN-PHI, name: Philosophy, faculty: HUM, chair: chair2@x.example, secretary: sec2@x.example }',
  'smtp: { rateLimit: null }',
].join('\n');

const cpr = '010190-1234';
const student = (id: string, ectsPassed: number, extra: ProgressRowInput = {}): ProgressRowInput => ({
  studentId: id,
  name: `Student ${id}`,
  email: `${id.toLowerCase()}@student.example`,
  boardCode: 'SN-HIS',
  enrolledOn: '2024-09-01',
  lastPassedOn: '2026-01-20',
  ectsExpected: 120,
  ectsPassed,
  ...extra,
});

// ECTS 120 expected; 5 ECTS a month: 10 behind yellow, 30 behind red (6 months), 80 behind red and § 31 stk. 2 (16 months).
const history = [
  student('H1', 110, { nationalId: cpr }),
  student('H2', 110, { teachingLanguage: 'en' }),
  student('H3', 90),
  student('H4', 40, { teachingLanguage: 'en' }),
  student('H5', 90, { email: null }),
  student('H6', 120),
  student('H7', 90),
];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-dispatch-'));
  await writeFile(join(folder, 'trafiklys.config.yaml'), config);
  target = await createTestDatabaseTarget();
  server = await SmtpServerDouble.start({
    refuseRecipient: (address) =>
      address === 'h2@student.example' ? { code: 550, message: '5.1.1 No such user' } : null,
  });
  cprKey = generateCprKey();
  await writeFile(join(folder, 'autumn.csv'), progressExportCsv([student('H1', 110)]));
  await writeFile(join(folder, 'spring.csv'), progressExportCsv(history));
  const philosophy = Array.from({ length: 120 }, (_, index) =>
    student(`P${index + 1}`, 110, { boardCode: 'SN-PHI' }),
  );
  await writeFile(join(folder, 'philosophy.csv'), progressExportCsv(philosophy));
});
afterAll(async () => {
  await server?.close();
  await target?.dispose();
  await rm(folder, { recursive: true, force: true });
});

const env = (withSmtp = true) => ({
  ...databaseEnv(target),
  TRAFIKLYS_CPR_KEY: cprKey,
  USER: 'tester',
  // A mail refused for good is logged as a warning; the output says it already.
  LOG_LEVEL: 'error',
  ...(withSmtp ? { SMTP_URL: server.url(), SMTP_FROM: 'Trafiklys <trafiklys@x.example>' } : {}),
});
const trafiklys = (...argv: string[]) =>
  runTrafiklys(argv, { cwd: folder, env: env(), now: new Date('2026-04-13T08:00:00Z') });

/** The database as the commands find it; closed again, so the embedded one's lock is free for them. */
async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(target.options);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function cycleStatus(boardCode: string): Promise<string | undefined> {
  return withDatabase(async ({ prisma }) => {
    const cycle = await prisma.identificationCycle.findUnique({
      where: { boardCode_term_year: { boardCode, term: 'spring', year: 2026 } },
    });
    return cycle?.status;
  });
}

describe(`trafiklys dispatch (${testDatabaseEngine()})`, () => {
  it('imports the exports and the chair’s exclusions it previews (setup through the real commands and stores)', async () => {
    expect((await trafiklys('import', 'autumn.csv', '--as-of', '2025-10-06')).exitCode).toBe(0);
    expect((await trafiklys('import', 'spring.csv', '--as-of', '2026-04-06')).exitCode).toBe(0);
    expect((await trafiklys('import', 'philosophy.csv', '--as-of', '2026-04-06')).exitCode).toBe(0);
    const { config: institution } = await loadConfig({ explicitPath: undefined, env: {}, cwd: folder });
    const board = institution.boards.find((candidate) => candidate.code === 'SN-HIS');
    if (!board) throw new Error('SN-HIS is configured above');
    await withDatabase(async ({ prisma }) => {
      const exclusions = new PrismaExclusions(prisma, new PrismaIdentificationStorage(prisma));
      const chair = { email: 'chair@x.example', actor: 'slack:U1' };
      const target = { board, period: { term: 'spring', year: 2026 } as const };
      const now = new Date('2026-04-10T10:00:00Z');
      const athlete = await excludeStudents(
        exclusions,
        chair,
        { ...target, studentNumbers: ['H4'] },
        { reason: 'elite_athlete', note: 'National rowing team' },
        now,
      );
      const personal = await excludeStudents(
        exclusions,
        chair,
        { ...target, studentNumbers: ['H7'] },
        { reason: 'personal_circumstances', note: null },
        now,
      );
      expect([athlete.kind, personal.kind]).toEqual(['excluded', 'excluded']);
    });
  });

  it('without --confirm prints the preview of the latest cycle: recipients per template and language, a sample of each, no e-mail, the excluded and (§ 31 stk. 2) the overdue excluded named again; nothing sent', async () => {
    const result = await trafiklys('dispatch', '--board', 'SN-HIS');

    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toContain('Dispatch of SN-HIS, spring 2026 (as of 2026-04-06');
    expect(result.stdout).toContain('Mails to send: 3.');
    expect(result.stdout).toMatch(/^red\s+Danish\s+1$/m);
    expect(result.stdout).toMatch(/^yellow\s+Danish\s+1$/m);
    expect(result.stdout).toMatch(/^yellow\s+English\s+1$/m);
    expect(result.stdout).toContain('Sample: red, Danish\n  Subject: ');
    expect(result.stdout).toContain('Sample: yellow, English\n  Subject: ');
    expect(result.stdout).toMatch(/Without e-mail \(1\)[\s\S]*^H5\s+Student H5\s+red/m);
    expect(result.stdout).toMatch(
      /Excluded \(2\): no mail\.[\s\S]*^H4\s+Student H4\s+red\s+16\s+elite athlete\s+National rowing team/m,
    );
    expect(result.stdout).toMatch(/^H7\s+Student H7\s+red\s+6\s+personal circumstances\s+–/m);
    expect(result.stdout).toMatch(
      /§ 31 stk\. 2: 1 excluded student is more than 12 months delayed[\s\S]*^H4\s/m,
    );
    expect(result.stdout).toContain(
      'To send: trafiklys dispatch --board SN-HIS --period spring-2026 --confirm --confirm-excluded-overdue',
    );
    expect(result.stdout).not.toContain('010190');
    expect(result.stdout).not.toContain('0101901234');
    expect(server.received).toHaveLength(0);
    expect(await cycleStatus('SN-HIS')).toBe('draft');
  });

  it('--period picks another cycle; a period in another form or an unknown board is a usage error', async () => {
    const autumn = await trafiklys('dispatch', '--board', 'SN-HIS', '--period', 'autumn-2025');
    expect(autumn.exitCode).toBe(0);
    expect(autumn.stdout).toContain('Dispatch of SN-HIS, autumn 2025');

    const badPeriod = await trafiklys('dispatch', '--board', 'SN-HIS', '--period', 'spring 26');
    expect(badPeriod.exitCode).toBe(2);
    expect(badPeriod.stderr).toContain('--period: "spring 26" is not a period like spring-2026');

    const badBoard = await trafiklys('dispatch', '--board', 'SN-XXX');
    expect(badBoard.exitCode).toBe(2);
    expect(badBoard.stderr).toContain('no study board "SN-XXX" in the configuration (SN-HIS, SN-PHI)');

    expect((await trafiklys('dispatch')).exitCode).toBe(2);
  });

  it('--confirm is refused with exit 2 while an excluded student more than 12 months delayed is not confirmed; nothing changes', async () => {
    const result = await trafiklys('dispatch', '--board', 'SN-HIS', '--confirm');

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      'error: not sent. § 31 stk. 2: 1 excluded student is more than 12 months delayed',
    );
    expect(result.stderr).toContain('--confirm-excluded-overdue');
    expect(result.stderr).toMatch(/^H4\s+Student H4/m);
    expect(server.received).toHaveLength(0);
    expect(await cycleStatus('SN-HIS')).toBe('draft');
  });

  it('--confirm without a mail server is a clear error, and the cycle is not marked dispatched', async () => {
    const result = await runTrafiklys(
      ['dispatch', '--board', 'SN-HIS', '--confirm', '--confirm-excluded-overdue'],
      { cwd: folder, env: env(false) },
    );

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('error: SMTP_URL and SMTP_FROM: not set');
    expect(await cycleStatus('SN-HIS')).toBe('draft');
  });

  it('--confirm --confirm-excluded-overdue sends every mail once, exits 0 with failures and their reasons and the students without e-mail; audited as the operator; no CPR anywhere', async () => {
    const result = await trafiklys(
      'dispatch',
      '--board',
      'SN-HIS',
      '--confirm',
      '--confirm-excluded-overdue',
    );

    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toContain(
      'Dispatching SN-HIS spring 2026: 3 mails queued; the cycle is now dispatched.',
    );
    expect(result.stdout).toContain('SN-HIS spring 2026: 2 sent, 1 failed, 0 pending.');
    expect(result.stdout).toMatch(
      /Failed \(1\)[\s\S]*^H2\s+Student H2\s+h2@student\.example\s+yellow\s+550 5\.1\.1 No such user$/m,
    );
    expect(result.stdout).toMatch(/Without e-mail \(1\)[\s\S]*^H5\s+Student H5\s+red/m);
    expect(result.stdout).not.toContain('010190');
    expect(server.received.map((mail) => mail.to).sort()).toEqual([
      ['h1@student.example'],
      ['h3@student.example'],
    ]);
    for (const mail of server.received) {
      expect(mail.raw.toString('utf8')).not.toContain('010190');
      expect(mail.messageId).toMatch(/^<[0-9a-f-]+@x\.example>$/);
    }
    const red = await server.mailsTo('h3@student.example')[0]?.parsed();
    expect(red?.text).toContain('Student H3');
    expect(await cycleStatus('SN-HIS')).toBe('dispatched');
    const audit = await withDatabase(({ prisma }) =>
      prisma.auditEvent.findFirst({ where: { action: 'dispatch.confirmed', boardCode: 'SN-HIS' } }),
    );
    expect(audit).toMatchObject({
      actor: 'cli:tester',
      details: expect.objectContaining({ mails: 3, mandatoryContactExcluded: 1 }),
    });
  });

  it('run again, it resumes: nothing is queued or sent twice, and the preview says the cycle is dispatched', async () => {
    const again = await trafiklys('dispatch', '--board', 'SN-HIS', '--confirm');

    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain(
      'Resuming the dispatch of SN-HIS spring 2026: 0 mails queued that were missing.',
    );
    expect(again.stdout).toContain('SN-HIS spring 2026: 2 sent, 1 failed, 0 pending.');
    expect(server.received).toHaveLength(2);

    const preview = await trafiklys('dispatch', '--board', 'SN-HIS');
    expect(preview.exitCode).toBe(0);
    expect(preview.stdout).toMatch(
      /SN-HIS spring 2026 was dispatched at .+ UTC: 2 sent, 1 failed, 0 pending\./,
    );
    expect(preview.stdout).not.toContain('Nothing is sent yet');
  });

  it('a dispatch that died after the cycle was marked, before its mails were queued, is resumed: every mail queued and sent, one progress line per hundred off a terminal', async () => {
    // What a confirmation killed between its two steps leaves behind.
    await withDatabase(async ({ prisma }) => {
      const storage = new PrismaIdentificationStorage(prisma);
      const dispatch = new PrismaDispatch(prisma, storage);
      const cycle = await dispatch.findCycle('SN-PHI', { term: 'spring', year: 2026 });
      if (!cycle) throw new Error('SN-PHI was imported above');
      const audit = {
        actor: 'cli:tester',
        action: 'dispatch.confirmed',
        boardCode: 'SN-PHI',
        cycleId: cycle.id,
        details: {},
      };
      expect(await dispatch.markDispatched(cycle.id, audit, new Date('2026-04-13T07:00:00Z'))).toBe(true);
    });
    const before = server.received.length;

    const result = await trafiklys('dispatch', '--board', 'SN-PHI', '--confirm');

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      'Resuming the dispatch of SN-PHI spring 2026: 120 mails queued that were missing.',
    );
    expect(result.stdout).toContain('SN-PHI spring 2026: 120 sent, 0 failed, 0 pending.');
    // Progress comes when the sender reports it: one line once the first hundred is passed.
    expect(result.stderr).toMatch(/^1\d\d mails done: 1\d\d sent, 0 failed, \d+ pending\n$/);
    expect(server.received.length - before).toBe(120);
  });
});

describe('the dispatch progress', () => {
  it('on a terminal is one bar redrawn in place, ended by a line break', () => {
    let written = '';
    const progress = new DispatchProgress({ isTTY: true, write: (text: string) => (written += text) }, 4);

    progress.show({ cycleId: 'c', sent: 1, failed: 0, pending: 3 });
    progress.show({ cycleId: 'c', sent: 3, failed: 1, pending: 0 });
    progress.end();

    expect(written).toBe(
      `\r[${'#'.repeat(8)}${'.'.repeat(22)}] 1/4 (1 sent, 0 failed)\u001b[K` +
        `\r[${'#'.repeat(30)}] 4/4 (3 sent, 1 failed)\u001b[K\n`,
    );
  });
});
