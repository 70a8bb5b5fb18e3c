import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.js';
import { PrismaMailOutbox } from '../../src/storage/prisma-mail-outbox.js';
import { databaseEnv, runTrafiklys } from '../support/cli-runner.js';
import { aCycleWithStudents, type CycleWithStudents, mailDraftsFor } from '../support/outbox-fixtures.js';
import { SmtpServerDouble } from '../support/smtp-server-double.js';
import {
  createTestDatabaseTarget,
  type TestDatabaseTarget,
  testDatabaseEngine,
} from '../support/test-database.js';

let folder: string;
let target: TestDatabaseTarget;
let server: SmtpServerDouble;
let history: CycleWithStudents;
let philosophy: CycleWithStudents;

const config = [
  'institution: { name: Test University }',
  'faculties: [{ code: FAC, name: Faculty }]',
  'boards:',
  '  - { code: SN-HIS, name: History, faculty: FAC, chair: chair@x.example, secretary: sec@x.example }',
  '  - { code: SN-PHI, name: Philosophy, faculty: FAC, chair: chair2@x.example, secretary: sec2@x.example }',
  'smtp: { rateLimit: null }',
].join('\n');

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-outbox-'));
  await writeFile(join(folder, 'trafiklys.config.yaml'), config);
  target = await createTestDatabaseTarget();
  server = await SmtpServerDouble.start();
});
afterAll(async () => {
  await server?.close();
  await target?.dispose();
  await rm(folder, { recursive: true, force: true });
});

/** The database as the commands find it; closed again, so the embedded one's lock is free for them. */
async function withDatabase(
  work: (outbox: PrismaMailOutbox, database: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>,
) {
  const database = await openDatabase(target.options);
  try {
    await work(new PrismaMailOutbox(database.prisma, 'test-setup'), database);
  } finally {
    await database.close();
  }
}

const env = () => ({
  ...databaseEnv(target),
  SMTP_URL: server.url(),
  SMTP_FROM: 'Trafiklys <trafiklys@x.example>',
  LOG_LEVEL: 'warn',
});
const trafiklys = (...argv: string[]) =>
  runTrafiklys(argv, { cwd: folder, env: env(), now: new Date('2026-04-13T08:00:00Z') });

describe(`trafiklys outbox (${testDatabaseEngine()})`, () => {
  it('says so when no mail was ever queued', async () => {
    const result = await trafiklys('outbox');

    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toMatch(/^The mail outbox in .+ is empty\.$/m);
  });

  it('lists each cycle’s mails by state, then the failed and the pending ones with their reasons, no CPR', async () => {
    await withDatabase(async (outbox, { prisma }) => {
      history = await aCycleWithStudents(prisma, { count: 4, boardCode: 'SN-HIS' });
      philosophy = await aCycleWithStudents(prisma, { count: 1, boardCode: 'SN-PHI' });
      const now = new Date('2026-04-13T07:00:00Z');
      await outbox.enqueue([...mailDraftsFor(history), ...mailDraftsFor(philosophy, 'yellow')], {
        messageIdDomain: 'x.example',
        now,
      });
      const [sent, failed, retried] = history.students;
      await prisma.mailOutbox.updateMany({
        where: { recipient: sent?.email },
        data: { status: 'sent', attempts: 1, sentAt: now },
      });
      await prisma.mailOutbox.updateMany({
        where: { recipient: failed?.email },
        data: {
          status: 'failed',
          attempts: 1,
          problem: '550 5.1.1 <010190-1234@student.example>: no such user',
        },
      });
      await prisma.mailOutbox.updateMany({
        where: { recipient: retried?.email },
        data: {
          attempts: 1,
          problem: '451 4.7.1 Greylisted',
          nextAttemptAt: new Date('2026-04-13T08:05:00Z'),
        },
      });
    });

    const result = await trafiklys('outbox');

    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toMatch(/^SN-HIS\s+spring 2026\s+4\s+1\s+1\s+2\s+0$/m);
    expect(result.stdout).toMatch(/^SN-PHI\s+spring 2026\s+1\s+0\s+0\s+1\s+0$/m);
    expect(result.stdout).toContain('Failed (1): not sent, and not tried again.');
    expect(result.stdout).toMatch(
      new RegExp(
        `^SN-HIS\\s+spring 2026\\s+${history.students[1]?.studentNumber}\\s+${history.students[1]?.email}\\s+red\\s+1\\s+550 5\\.1\\.1 <\\*{6}-\\*{4}@student\\.example>: no such user$`,
        'm',
      ),
    );
    expect(result.stdout).toContain('Pending (3): still to be sent.');
    expect(result.stdout).toMatch(
      new RegExp(
        `^SN-HIS .+${history.students[2]?.email}\\s+red\\s+pending\\s+1\\s+2026-04-13 08:05\\s+451 4\\.7\\.1 Greylisted$`,
        'm',
      ),
    );
    expect(result.stdout).not.toContain('010190');
  });

  it('--board lists that board’s mails only', async () => {
    const result = await trafiklys('outbox', '--board', 'SN-PHI');

    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain('SN-HIS');
    expect(result.stdout).toMatch(/^SN-PHI\s+spring 2026\s+1\s+0\s+0\s+1\s+0$/m);
  });

  it('outbox send --board sends that board’s due mails and exits 0 once each is sent or failed', async () => {
    const result = await trafiklys('outbox', 'send', '--board', 'SN-PHI');

    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toContain('SN-PHI spring 2026: 1 sent, 0 failed, 0 pending');
    expect(result.stdout).toContain('This run: 1 sent, 0 failed, 0 to be tried again.');
    expect(server.received.map((mail) => mail.to)).toEqual([[philosophy.students[0]?.email]]);
  });

  it('outbox send without a mail server is refused, naming the variables to set', async () => {
    const result = await runTrafiklys(['outbox', 'send'], { cwd: folder, env: databaseEnv(target) });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('error: SMTP_URL and SMTP_FROM: not set');
  });
});
