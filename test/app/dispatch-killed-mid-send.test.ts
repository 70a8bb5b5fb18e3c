import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.js';
import { PrismaMailOutbox } from '../../src/storage/prisma-mail-outbox.js';
import { databaseEnv } from '../support/cli-runner.js';
import { aCycleWithStudents, mailDraftsFor } from '../support/outbox-fixtures.js';
import { type ReceivedMail, SmtpServerDouble } from '../support/smtp-server-double.js';
import { createTestDatabaseTarget, testDatabaseEngine } from '../support/test-database.js';

// A dispatch of 500 mails, sent by a real process (the built `trafiklys
// outbox send`) that is SIGKILLed at random moments, at least ten times, and
// started again, until every mail is sent; on PostgreSQL the last part is two
// processes at once, one of them killed, the other taking over its claims
// when its lease runs out. Every mail must arrive; a mail may arrive twice
// only when a kill fell between the server's "250" and the record of it, and
// then both copies carry the same Message-ID.
const mailCount = 500;
const kills = 12;
const cli = join(import.meta.dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');
/**
 * Mails a killed process may have had accepted without recording: its
 * connections' last replies not yet read, and those read whose write had not
 * committed (a few milliseconds' worth, more on a busy machine).
 */
const lastInstantMails = 30;
const seed = Number(process.env.TRAFIKLYS_CRASH_SEED ?? Date.now() % 1_000_000);

interface SenderProcess {
  readonly name: string;
  readonly child: ChildProcess;
  output(): string;
  /** The exit code, or null when killed. */
  readonly exited: Promise<number | null>;
  kill(): Promise<void>;
}

const running: SenderProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(running.map((process) => process.kill()));
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A small seeded generator (mulberry32): a failing run can be repeated with TRAFIKLYS_CRASH_SEED. */
function randomFrom(start: number): (below: number) => number {
  let state = start >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * below);
  };
}

function startSender(name: string, env: NodeJS.ProcessEnv, cwd: string): SenderProcess {
  const child = spawn(process.execPath, [cli, 'outbox', 'send'], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const handle: SenderProcess = {
    name,
    child,
    output: () => output,
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  running.push(handle);
  return handle;
}

/** Resolves once the server has `count` mails, or the process has ended (true: it got there). */
async function mailsOrExit(server: SmtpServerDouble, count: number, sender: SenderProcess): Promise<boolean> {
  let ended = false;
  void sender.exited.then(() => {
    ended = true;
  });
  while (!ended) {
    if (server.received.length >= count) return true;
    await sleep(2);
  }
  return server.received.length >= count;
}

describe(`a dispatch whose sending process is killed again and again (${testDatabaseEngine()})`, () => {
  it('delivers every mail; a mail that arrives twice carries the same Message-ID both times', async () => {
    const random = randomFrom(seed);
    const target = await createTestDatabaseTarget();
    cleanups.push(() => target.dispose());
    const folder = await mkdtemp(join(tmpdir(), 'trafiklys-crash-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    await writeFile(
      join(folder, 'trafiklys.config.yaml'),
      [
        'institution: { name: Crash University, language: en }',
        'faculties: [{ code: FAC, name: Faculty }]',
        'boards:',
        '  - { code: SN-KILL, name: Board, faculty: FAC, chair: chair@kill.example, secretary: sec@kill.example }',
        'smtp: { maxConnections: 5, rateLimit: null, retryMinutes: [0.01, 0.01, 0.01] }',
      ].join('\n'),
    );
    // The dispatch as the chair's confirmation leaves it: 500 mails queued, none sent.
    const setup = await openDatabase(target.options);
    const messageIds = new Map<string, string>();
    try {
      const cycle = await aCycleWithStudents(setup.prisma, { count: mailCount, boardCode: 'SN-KILL' });
      await new PrismaMailOutbox(setup.prisma, 'setup').enqueue(mailDraftsFor(cycle), {
        messageIdDomain: 'kill.example',
        now: new Date(),
      });
      for (const mail of await setup.prisma.mailOutbox.findMany())
        messageIds.set(mail.recipient, mail.messageId);
    } finally {
      await setup.close();
    }
    // A server that takes a few milliseconds over each mail, so a kill finds
    // mails in every stage; the mail is its own only once all of it arrived.
    const server = await SmtpServerDouble.start({ beforeRecipient: () => sleep(10 + random(30)) });
    cleanups.push(() => server.close());
    const env = {
      PATH: process.env.PATH,
      ...databaseEnv(target),
      SMTP_URL: server.url(),
      SMTP_FROM: 'Trafiklys <trafiklys@kill.example>',
      TRAFIKLYS_LEASE_SECONDS: '2',
      LOG_LEVEL: 'warn',
    };
    const onPostgres = target.options.databaseUrl !== undefined;
    const story: string[] = [];
    const fail = (reason: string): never => {
      throw new Error(
        `${reason} (seed ${seed})\n${story.join('\n')}\n\nlast output:\n${running.at(-1)?.output() ?? ''}`,
      );
    };

    /** How many mails the server had when each killed process was gone. */
    const receivedAtKills: number[] = [];
    let killed = 0;
    let round = 0;
    while (killed < kills) {
      round += 1;
      const sender = startSender(`run ${round}`, env, folder);
      // Most kills come while mails go out (after a random number of them, at a
      // random instant); some during start-up, before or while claiming.
      const duringStartUp = random(4) === 0;
      if (duringStartUp) {
        await Promise.race([sleep(100 + random(700)), sender.exited]);
      } else if (!(await mailsOrExit(server, server.received.length + 5 + random(30), sender))) {
        fail(`run ${round} ended before it could be killed`);
      }
      await sleep(random(15));
      if (sender.child.exitCode !== null) fail(`run ${round} finished before ${kills} kills`);
      await sender.kill();
      killed += 1;
      receivedAtKills.push(server.received.length);
      story.push(
        `run ${round}: killed ${duringStartUp ? 'at start-up' : 'while sending'}, ${server.received.length} mails received`,
      );
    }
    let finisher: SenderProcess;
    if (onPostgres) {
      // Two at once on the shared database: the first killed while it holds mails.
      const doomed = startSender('doomed', env, folder);
      finisher = startSender('finisher', env, folder);
      await mailsOrExit(server, server.received.length + 20, doomed);
      await doomed.kill();
      receivedAtKills.push(server.received.length);
      story.push(`two processes: one killed, ${server.received.length} mails received`);
    } else {
      finisher = startSender('finisher', env, folder);
    }
    const code = await Promise.race([finisher.exited, sleep(120_000).then(() => 'timeout' as const)]);
    story.push(`the last run ended with ${code}, ${server.received.length} mails received`);
    if (code !== 0) fail(`the last run did not finish every mail`);

    const byRecipient = Map.groupBy(server.received, (mail) => mail.to[0] ?? '');
    const twice = [...byRecipient.values()].filter((copies) => copies.length > 1);
    process.stdout.write(
      `${mailCount} mails, ${receivedAtKills.length} kills (seed ${seed}): ${byRecipient.size} recipients reached, ` +
        `${twice.length} mails arrived twice (expected 0 but for kills in the instant between a server's 250 and its record)\n`,
    );
    expect([...byRecipient.keys()].sort()).toEqual([...messageIds.keys()].sort());
    for (const copies of byRecipient.values()) {
      expect(copies[0]?.messageId).toBe(messageIds.get(copies[0]?.to[0] ?? ''));
    }
    for (const copies of twice) {
      expectSameMail(copies, messageIds);
      // The first copy is one of the last the server accepted before a kill: the window, nothing older.
      const first = server.received.indexOf(copies[0] as ReceivedMail);
      expect(
        receivedAtKills.some((count) => first < count && first >= count - lastInstantMails),
        `mail ${first} went twice, but no kill came right after it (${receivedAtKills.join(', ')})\n${story.join('\n')}`,
      ).toBe(true);
    }
    // Someone took over what a killed process held, and said so.
    const tookOver = running.filter((sender) =>
      sender.output().includes('took over mails an instance that died'),
    );
    expect(tookOver.length, story.join('\n')).toBeGreaterThan(0);
    if (onPostgres) expect(finisher.output()).toContain('took over mails an instance that died');

    const check = await openDatabase(target.options);
    try {
      const states = await check.prisma.mailOutbox.groupBy({ by: ['status'], _count: true });
      expect(states).toEqual([{ status: 'sent', _count: mailCount }]);
    } finally {
      await check.close();
    }
  }, 300_000);
});

/** Both copies of a mail that went twice are the same mail: its Message-ID, its bytes. */
function expectSameMail(copies: readonly ReceivedMail[], messageIds: ReadonlyMap<string, string>): void {
  const [first, ...others] = copies;
  expect(first?.messageId).toBe(messageIds.get(first?.to[0] ?? ''));
  for (const copy of others) {
    expect(copy.messageId).toBe(first?.messageId);
    expect(copy.raw.equals(first?.raw ?? Buffer.alloc(0))).toBe(true);
  }
}
