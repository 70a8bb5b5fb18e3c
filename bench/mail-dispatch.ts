/**
 * `npm run bench` (mail part): a dispatch of 2,000 § 31 mails through
 * Trafiklys's outbox and sender (each mail claimed, sent with its fixed
 * Message-ID, recorded) to a local SMTP server in a worker thread, beside a
 * bare nodemailer loop with the same pool settings to the same server in the
 * same run: mails per second of each and the ratio (target ≥ 0.8).
 *
 *   --mails 2000          mails on each side (default 2000)
 *   --connections 5       the pool's connections, both sides (default the config's 5)
 *   --engines pglite,postgresql   where the outbox lives (default both; PostgreSQL is DATABASE_URL or
 *                         the local default, and is skipped with a note when it cannot be reached)
 *   --quick               200 mails: a smoke run
 *   --json                print every figure as JSON instead of the report
 *
 * Progress goes to stderr, the report to stdout; every figure also goes to
 * bench/out/mail-dispatch-report.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import { createLogger } from '../src/logging/logger.js';
import { outboxSending } from '../src/mail/outbox-sending.js';
import { smtpConfigSchema } from '../src/mail/smtp-config.js';
import type { SmtpSettings } from '../src/mail/smtp-settings.js';
import type { AtRiskMailDraft } from '../src/procedures/at-risk/dispatch/outbox-mail.js';
import { type Database, openDatabase } from '../src/storage/database.js';
import { PrismaMailOutbox } from '../src/storage/prisma-mail-outbox.js';
import { connectPostgresServer, defaultServerUrl } from './postgres-server.js';
import { SmtpSinkThread } from './smtp-sink-thread.js';

const outFolder = fileURLToPath(new URL('../../bench/out/', import.meta.url));
const reportFile = `${outFolder}mail-dispatch-report.json`;
const target = 0.8;
const engines = ['pglite', 'postgresql'] as const;
type Engine = (typeof engines)[number];
/** Mails each side sends first, unmeasured: connections, JIT and the database warmed alike. */
const warmUpMails = 50;

const options = benchOptions(process.argv.slice(2));
const sink = await SmtpSinkThread.start();
try {
  const run = async (database: Database, engine: string) => {
    progress(`queuing ${options.mails} mails in the outbox (${engine}), and ${warmUpMails} to warm up`);
    const warmUpCycleId = await queueDispatch(database, warmUpMails, { term: 'autumn', year: 2025 });
    const cycleId = await queueDispatch(database, options.mails, { term: 'spring', year: 2026 });
    const smtp = smtpSettings(sink.port);
    const config = smtpConfigSchema.parse({ maxConnections: options.connections, rateLimit: null });
    const sending = outboxSending({
      prisma: database.prisma,
      holder: await benchInstance(database),
      smtp,
      config,
      logger: createLogger({ level: 'warn', destination: process.stderr }),
      now: () => new Date(),
    });
    const bare = nodemailer.createTransport({
      pool: true,
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      maxConnections: options.connections,
      maxMessages: config.maxMessagesPerConnection,
      logger: false,
    });
    try {
      progress('warming up both senders');
      await bareLoop(bare, warmUpMails);
      await sending.drain({ cycleId: warmUpCycleId });
      progress(`sending ${options.mails} mails with a bare nodemailer loop`);
      const bareMs = await timed(() => bareLoop(bare, options.mails));
      progress(`sending ${options.mails} mails through the outbox`);
      const tally = { sent: 0 };
      const outboxMs = await timed(async () => {
        tally.sent = (await sending.drain({ cycleId })).sent;
      });
      if (tally.sent !== options.mails) throw new Error(`the outbox sent ${tally.sent} of ${options.mails}`);
      return { engine, bareMs, outboxMs };
    } finally {
      bare.close();
      await sending.close();
    }
  };

  const results: EngineResult[] = [];
  const skipped: string[] = [];
  for (const engine of options.engines) {
    const opened = await openOutboxDatabase(engine);
    if (typeof opened === 'string') {
      skipped.push(opened);
      progress(opened);
      continue;
    }
    const measured = await run(opened.database, opened.label).finally(() => opened.close());
    results.push({
      database: measured.engine,
      bare: { ms: round(measured.bareMs), mailsPerSecond: round(rate(measured.bareMs)) },
      outbox: { ms: round(measured.outboxMs), mailsPerSecond: round(rate(measured.outboxMs)) },
      ratio: round(rate(measured.outboxMs) / rate(measured.bareMs), 3),
    });
  }
  const report = {
    startedAt: new Date().toISOString(),
    mails: options.mails,
    connections: options.connections,
    target,
    results,
    skipped,
    serverReceived: (await sink.count()).received,
  };
  await mkdir(outFolder, { recursive: true });
  const json = JSON.stringify(report, null, 2);
  await writeFile(reportFile, `${json}\n`);
  process.stdout.write(options.json ? `${json}\n` : formatReport(report));
} finally {
  await sink.stop();
}

interface EngineResult {
  readonly database: string;
  readonly bare: { readonly ms: number; readonly mailsPerSecond: number };
  readonly outbox: { readonly ms: number; readonly mailsPerSecond: number };
  readonly ratio: number;
}

function formatReport(report: {
  readonly mails: number;
  readonly connections: number;
  readonly results: readonly EngineResult[];
  readonly skipped: readonly string[];
}): string {
  const lines = [
    `Mail dispatch: ${report.mails} mails over ${report.connections} connections to a local SMTP server`,
    '(the outbox claims, sends with its Message-ID and records each mail; the bare loop only sends)',
  ];
  for (const result of report.results) {
    lines.push(
      '',
      `  outbox on ${result.database}`,
      `    bare nodemailer loop   ${result.bare.mailsPerSecond} mails/s`,
      `    Trafiklys outbox       ${result.outbox.mailsPerSecond} mails/s`,
      `    ratio                  ${result.ratio} (target ≥ ${target}: ${result.ratio >= target ? 'met' : 'NOT met'})`,
    );
  }
  for (const reason of report.skipped) lines.push('', `  ${reason}`);
  lines.push('', `All figures: ${reportFile}`, '');
  return lines.join('\n');
}

function rate(ms: number): number {
  return options.mails / (ms / 1000);
}

function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** The mail a bare loop sends: the same size and shape as the outbox's. */
function bareLoop(transport: ReturnType<typeof nodemailer.createTransport>, count: number): Promise<unknown> {
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      transport.sendMail({
        from: { name: 'Trafiklys', address: 'trafiklys@bench.example' },
        to: `bare${index}@student.example`,
        ...mailContent(index),
      }),
    ),
  );
}

function mailContent(index: number) {
  const paragraph =
    'Du er mere end 12 måneder forsinket i dit studieforløb. Studienævnet tilbyder dig derfor en individuel samtale (§ 31 stk. 2) om, hvordan du kommer videre. ';
  return {
    subject: `Tilbud om en samtale om dit studieforløb (${index})`,
    text: `Kære studerende,\n\n${paragraph.repeat(8)}\n\nVenlig hilsen\nStudienævnet\n`,
    html: `<p>Kære studerende,</p>${`<p>${paragraph}</p>`.repeat(8)}<p>Venlig hilsen<br>Studienævnet</p>`,
  };
}

function smtpSettings(port: number): SmtpSettings {
  return {
    server: { host: '127.0.0.1', port, implicitTls: false, auth: null },
    from: { name: 'Trafiklys', address: 'trafiklys@bench.example', domain: 'bench.example' },
  };
}

/** A fresh database of the engine, or why there is none (PostgreSQL not reachable). */
async function openOutboxDatabase(engine: Engine): Promise<
  | string
  | {
      readonly database: Database;
      readonly label: string;
      close(): Promise<void>;
    }
> {
  if (engine === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, label: 'PGlite', close: () => database.close() };
  }
  const connection = await connectPostgresServer(process.env.DATABASE_URL ?? defaultServerUrl);
  if (!connection.reachable)
    return `PostgreSQL skipped: ${connection.location} not reachable (${connection.reason})`;
  // A fresh database for the run, dropped once it is closed.
  let release: () => void = () => {};
  let opened: (database: Database) => void = () => {};
  const ready = new Promise<Database>((resolve) => {
    opened = resolve;
  });
  const done = connection.server.withFreshDatabase(async (databaseUrl) => {
    const database = await openDatabase({ databaseUrl, dataDir: 'unused' });
    opened(database);
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    await database.close();
  });
  const database = await Promise.race([ready, done.then(() => Promise.reject(new Error('no database')))]);
  return {
    database,
    label: `PostgreSQL ${connection.server.version}`,
    async close() {
      release();
      await done;
    },
  };
}

/** A board, a cycle and `count` students with their rendered mails queued, as a confirmed dispatch leaves them. */
async function queueDispatch(
  database: Database,
  count: number,
  period: { readonly term: 'spring' | 'autumn'; readonly year: number },
): Promise<string> {
  const { prisma } = database;
  await prisma.faculty.upsert({
    where: { code: 'FAC' },
    create: { code: 'FAC', name: 'Faculty' },
    update: {},
  });
  await prisma.studyBoard.upsert({
    where: { code: 'SN-BENCH' },
    update: {},
    create: {
      code: 'SN-BENCH',
      name: 'Bench board',
      facultyCode: 'FAC',
      chairEmail: 'chair@bench.example',
      secretaryEmail: 'secretary@bench.example',
      delegateEmails: [],
      consoleChannel: 'sn-bench',
    },
  });
  const cycle = await prisma.identificationCycle.create({
    data: {
      boardCode: 'SN-BENCH',
      term: period.term,
      year: period.year,
      referenceDate: new Date(`${period.year}-${period.term === 'spring' ? '04' : '10'}-06T00:00:00Z`),
      sourceFileName: 'bench.csv',
      sourceFileHash: '0'.repeat(64),
      status: 'dispatched',
      greenCount: 0,
      yellowCount: 0,
      redCount: count,
      blueCount: 0,
      outOfScopeCount: 0,
      forwardedOutCount: 0,
      forwardedInCount: 0,
      noEmailCount: 0,
      uncontactedOverdueCount: 0,
    },
  });
  const students = Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    studentNumber: `B${period.year}${period.term}${String(index).padStart(6, '0')}`,
    name: `Student ${index}`,
    email: `student${index}.${period.term}${period.year}@student.example`,
    programmeCode: 'PRG',
    programmeName: 'Programme',
    language: 'da' as const,
  }));
  await prisma.student.createMany({ data: students });
  const drafts: AtRiskMailDraft[] = students.map((student, index) => ({
    cycleId: cycle.id,
    studentId: student.id,
    template: 'red',
    recipient: student.email,
    language: 'da',
    ...mailContent(index),
  }));
  await new PrismaMailOutbox(prisma, 'bench').enqueue(drafts, {
    messageIdDomain: 'bench.example',
    now: new Date(),
  });
  return cycle.id;
}

async function benchInstance(database: Database): Promise<string> {
  const id = 'bench-instance';
  await database.prisma.$executeRaw`
    INSERT INTO instance (id, expires_at) VALUES (${id}, clock_timestamp() + interval '1 hour')`;
  return id;
}

function progress(message: string): void {
  process.stderr.write(`mail-dispatch: ${message}\n`);
}

interface BenchOptions {
  readonly mails: number;
  readonly connections: number;
  readonly engines: readonly Engine[];
  readonly json: boolean;
}

function benchOptions(args: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      mails: { type: 'string' },
      connections: { type: 'string' },
      engines: { type: 'string', default: engines.join(',') },
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const whole = (value: string | undefined, fallback: number, name: string) => {
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} takes a whole number ≥ 1`);
    return parsed;
  };
  return {
    mails: values.quick ? 200 : whole(values.mails, 2000, '--mails'),
    connections: whole(values.connections, 5, '--connections'),
    engines: values.engines.split(',').map((name) => {
      const engine = engines.find((known) => known === name.trim());
      if (!engine) throw new Error(`--engines takes ${engines.join(' and/or ')}`);
      return engine;
    }),
    json: values.json,
  };
}
