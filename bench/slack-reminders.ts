/**
 * `npm run bench` (second part): posting the exam-period reminders for 150
 * study boards through the real Slack surface to a local Slack double that
 * enforces Slack's limits (bench/slack-double.ts), and the achieved rate as a
 * fraction of the most those limits allow for the same workload.
 *
 *   --boards 150          study boards, each with its own channel (default 150, at most 160)
 *   --tier-speedup 10     Tier 3/4 windows are Slack's minute divided by this (default 10; 1: Slack's own)
 *   --interval-ms 1000    the per-channel pace (default Slack's 1,000 ms)
 *   --latency-ms 0        the double answers each request this much later (a network round trip to Slack)
 *   --concurrent-calls 8  the surface's policy maxConcurrentCalls (default the product's)
 *   --boards-at-once N    what-if: one sendExamPeriodReminders call per board, N calls at a time
 *                         (another concurrency than the procedure's own); default one call for
 *                         every board, as src/app/start-bot.ts makes it
 *   --quick               15 boards: a smoke run
 *   --json                print every figure as JSON instead of the report
 *
 * Progress goes to stderr, the report to stdout; every figure also goes to
 * bench/out/slack-reminders-report.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { InstitutionConfig } from '../src/config/institution-config.js';
import { demoExportFor } from '../src/demo/demo-export.js';
import { createLogger } from '../src/logging/logger.js';
import { importIdentification } from '../src/procedures/at-risk/import-identification.js';
import { readProgressExport } from '../src/procedures/at-risk/progress-export/read-progress-export.js';
import { ReminderMessageComposer } from '../src/procedures/at-risk/reminder/presenters/reminder-message.js';
import {
  type DeliveryReport,
  type ReminderDependencies,
  sendExamPeriodReminders,
} from '../src/procedures/at-risk/reminder/send-exam-period-reminders.js';
import { createCprCipher } from '../src/security/cpr-cipher.js';
import { type CalendarDate, parseIsoDate } from '../src/shared/calendar-date.js';
import { openDatabase } from '../src/storage/database.js';
import { mirrorInstitution } from '../src/storage/institution-mirror.js';
import { PrismaIdentificationStorage } from '../src/storage/prisma-identification-storage.js';
import { PrismaReminderDeliveries } from '../src/storage/prisma-reminder-deliveries.js';
import { defaultSlackCallPolicy } from '../src/surfaces/slack/outbound/slack-call-policy.js';
import type { SlackCounterName, SlackMetrics } from '../src/surfaces/slack/slack-metrics.js';
import { createSlackOutbound } from '../src/surfaces/slack/slack-outbound.js';
import { PhaseClock, timedStorage } from './phase-clock.js';
import { type SlackLimits, slackLimits } from './slack-double.js';
import { type SlackDoubleRecord, SlackDoubleThread } from './slack-double-thread.js';
import { maxSlackBenchBoards, slackBenchInstitution } from './slack-institution.js';
import { postTiming, RecordingComposer, timedDeliveries, timedSurface } from './slack-profile.js';
import { checkSlackTargets, formatSlackReport, type SlackBenchReport } from './slack-report.js';
import {
  checkDeliveries,
  minimumDuration,
  minimumDurationFormula,
  type ReminderWorkload,
  reminderWorkload,
  totalPosts,
} from './slack-workload.js';

const outFolder = fileURLToPath(new URL('../../bench/out/', import.meta.url));
const reportFile = `${outFolder}slack-reminders-report.json`;
const studentsPerBoard = 40;
/** The reminders are the spring 2026 run's; autumn 2025 gives each board a previous cycle and a trend chart. */
const imports = [
  { asOf: isoDate('2025-10-01'), seed: 20251001 },
  { asOf: isoDate('2026-04-01'), seed: 20260401 },
] as const;
const period = { term: 'spring', year: 2026 } as const;
const runDate = new Date('2026-04-06T07:00:00Z');

interface BenchOptions {
  readonly boards: number;
  readonly tierSpeedup: number;
  readonly channelIntervalMs: number;
  readonly latencyMs: number;
  readonly maxConcurrentCalls: number;
  /** null: one call for every board (the product's way; the procedure sets its own concurrency). */
  readonly boardsAtOnce: number | null;
  readonly json: boolean;
}

class CountingMetrics implements SlackMetrics {
  readonly counts = new Map<SlackCounterName, number>();
  increment(name: SlackCounterName): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }
}

const options = benchOptions(process.argv.slice(2));
const startedAt = new Date();
const setupStarted = performance.now();
const { config, users } = slackBenchInstitution(options.boards);
const limits = slackLimits({
  channelIntervalMs: options.channelIntervalMs,
  tierSpeedup: options.tierSpeedup,
});

progress(`importing ${formatBoards(options.boards)}' exports into PGlite`);
const database = await openDatabase({ dataDir: 'memory://' });
const double = await SlackDoubleThread.start({ limits, users, latencyMs: options.latencyMs });
try {
  await mirrorInstitution(database.prisma, config);
  const storage = new PrismaIdentificationStorage(database.prisma);
  await importPeriods(storage, config);

  const clock = new PhaseClock();
  const metrics = new CountingMetrics();
  const slack = createSlackOutbound({
    botToken: double.botToken,
    apiUrl: double.apiUrl,
    logger: createLogger({ level: 'warn', destination: process.stderr }),
    metrics,
    policy: {
      channelIntervalMs: limits.channelIntervalMs,
      methodLimits: policyMethodLimits(options.tierSpeedup),
      maxConcurrentCalls: options.maxConcurrentCalls,
    },
  });
  const composer = new RecordingComposer(
    new ReminderMessageComposer(config.institution.language, config.thresholds.mandatoryContactMonths),
    clock,
  );
  const setupMs = performance.now() - setupStarted;

  const dependencies: ReminderDependencies = {
    config,
    storage: timedStorage(storage, clock),
    deliveries: timedDeliveries(new PrismaReminderDeliveries(database.prisma, 'bench'), clock),
    surfaces: [timedSurface(slack.surface, clock)],
    composer,
    now: () => runDate,
  };
  progress(`posting the reminders for ${formatBoards(options.boards)}`);
  const started = performance.now();
  const deliveries =
    options.boardsAtOnce === null
      ? await sendExamPeriodReminders(dependencies, { period })
      : await boardByBoard(dependencies, options.boardsAtOnce);
  const elapsedMs = performance.now() - started;
  // The double's clock: epoch milliseconds at sub-millisecond resolution.
  const runStartedAt = performance.timeOrigin + started;

  const workload = reminderWorkload(config, users, composer.composed);
  const report = benchReport({
    record: await double.finish(),
    runStartedAt,
    workload,
    limits,
    elapsedMs,
    setupMs,
    outcomes: deliveries.map((delivery) => delivery.outcome),
    metrics,
    clock,
  });
  await mkdir(outFolder, { recursive: true });
  const json = JSON.stringify(report, null, 2);
  await writeFile(reportFile, `${json}\n`);
  process.stdout.write(
    `${options.json ? json : `${formatSlackReport(report)}\nAll figures: ${reportFile}`}\n`,
  );
} finally {
  await double.stop();
  await database.close();
}

/** What-if: each board its own call, `atOnce` calls in flight; the reports in board order. */
async function boardByBoard(dependencies: ReminderDependencies, atOnce: number): Promise<DeliveryReport[]> {
  const boards = dependencies.config.boards;
  const reports: DeliveryReport[][] = [];
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < boards.length; index = next++) {
      reports[index] = await sendExamPeriodReminders(dependencies, {
        period,
        boardCodes: [boards[index]!.code],
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, boards.length) }, worker));
  return reports.flat();
}

async function importPeriods(storage: PrismaIdentificationStorage, config: InstitutionConfig): Promise<void> {
  const cipher = createCprCipher(randomBytes(32));
  for (const { asOf, seed } of imports) {
    const bytes = demoExportFor(config, {
      referenceDate: asOf,
      count: studentsPerBoard * config.boards.length,
      seed,
    });
    await importIdentification(storage, {
      progressExport: await readProgressExport(bytes, { fileName: `progress-${asOf}.csv` }),
      asOf,
      rules: config.thresholds,
      knownBoards: new Set(config.boards.map((board) => board.code)),
      actor: 'bench',
      cipher,
    });
  }
}

function benchReport(run: {
  readonly record: SlackDoubleRecord;
  /** When sendExamPeriodReminders was called, on the double's clock. */
  readonly runStartedAt: number;
  readonly workload: ReminderWorkload;
  readonly limits: SlackLimits;
  readonly elapsedMs: number;
  readonly setupMs: number;
  readonly outcomes: readonly string[];
  readonly metrics: CountingMetrics;
  readonly clock: PhaseClock;
}): SlackBenchReport {
  const { record, workload, elapsedMs } = run;
  const posts = totalPosts(workload);
  const bounds = minimumDuration(workload, run.limits);
  const minimumMs = bounds[0]?.ms ?? 0;
  const slackOwn = minimumDuration(
    workload,
    slackLimits({ channelIntervalMs: run.limits.channelIntervalMs, tierSpeedup: 1 }),
  );
  const maxPostsPerSecond = minimumMs > 0 ? posts / (minimumMs / 1000) : Number.POSITIVE_INFINITY;
  const accepted = record.posts.length;
  const postsPerSecond = accepted / (elapsedMs / 1000);
  const channels = [...workload.postsByChannel.keys()];
  const outcomes: Record<string, number> = {};
  for (const outcome of run.outcomes) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  const methods = [...record.methodCounts].sort(([a], [b]) => a.localeCompare(b));
  const partial = {
    achieved: { posts: accepted, postsPerSecond, fraction: postsPerSecond / maxPostsPerSecond },
    deliveries: {
      outcomes,
      check: checkDeliveries(workload, record.posts),
    },
  };
  return {
    startedAt: startedAt.toISOString(),
    environment: {
      node: process.version,
      cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
      cpus: cpus().length,
    },
    options: {
      boards: options.boards,
      studentsPerBoard,
      channelIntervalMs: options.channelIntervalMs,
      tierSpeedup: options.tierSpeedup,
      latencyMs: options.latencyMs,
      maxConcurrentCalls: options.maxConcurrentCalls,
      boardsAtOnce: options.boardsAtOnce,
    },
    limits: {
      channelIntervalMs: run.limits.channelIntervalMs,
      tier3: run.limits.tiers.tier3,
      tier4: run.limits.tiers.tier4,
    },
    workload: {
      boards: workload.boards,
      reminders: workload.reminders,
      posts,
      charts: workload.charts,
      distinctCharts: workload.distinctCharts,
      channels: channels.length,
      directMessageChannels: channels.filter((channel) => channel.startsWith('D')).length,
      busiestChannelPosts: Math.max(...[...workload.postsByChannel.values()].map((list) => list.length)),
    },
    setupMs: run.setupMs,
    elapsedMs,
    theoretical: {
      formula: minimumDurationFormula,
      minimumMs,
      bounds,
      maxPostsPerSecond,
      withSlackTierWindows: { minimumMs: slackOwn[0]?.ms ?? 0, binding: slackOwn[0]?.label ?? 'nothing' },
    },
    ...partial,
    rateLimits: {
      received429: record.rateLimitedCalls,
      retried: run.metrics.counts.get('slack_retries') ?? 0,
      failedCalls: run.metrics.counts.get('slack_failures') ?? 0,
    },
    calls: methods.map(([method, counts]) => ({
      method,
      accepted: counts.accepted,
      rateLimited: counts.rateLimited,
      needed: workload.neededCalls.get(method) ?? null,
      firstAcceptedMs: counts.firstAcceptedAt === null ? null : counts.firstAcceptedAt - run.runStartedAt,
      lastAcceptedMs: counts.lastAcceptedAt === null ? null : counts.lastAcceptedAt - run.runStartedAt,
    })),
    profile: {
      phasesMs: Object.fromEntries(
        [
          'resolve user',
          'compose (charts included)',
          'post in channel',
          'post direct message',
          'delivery ledger',
          'listCycles',
          'compareWithPrevious',
        ].map((phase) => [phase, run.clock.totalMs(phase)]),
      ),
      posts: postTiming(record.posts),
    },
    violations: record.violations,
    targets: checkSlackTargets(partial),
  };
}

/** The surface's default per-method limits with their windows shortened like the double's tiers. */
function policyMethodLimits(tierSpeedup: number) {
  return Object.fromEntries(
    Object.entries(defaultSlackCallPolicy.methodLimits).map(([method, limit]) => [
      method,
      { calls: limit.calls, perMs: limit.perMs / tierSpeedup },
    ]),
  );
}

function benchOptions(args: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      boards: { type: 'string', default: '150' },
      'tier-speedup': { type: 'string', default: '10' },
      'interval-ms': { type: 'string', default: '1000' },
      'latency-ms': { type: 'string', default: '0' },
      'concurrent-calls': { type: 'string', default: String(defaultSlackCallPolicy.maxConcurrentCalls) },
      'boards-at-once': { type: 'string' },
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const boards = values.quick ? 15 : wholeNumber(values.boards, '--boards', 1, maxSlackBenchBoards);
  return {
    boards,
    tierSpeedup: wholeNumber(values['tier-speedup'], '--tier-speedup', 1, 60),
    channelIntervalMs: wholeNumber(values['interval-ms'], '--interval-ms', 1, 60_000),
    latencyMs: wholeNumber(values['latency-ms'], '--latency-ms', 0, 10_000),
    maxConcurrentCalls: wholeNumber(values['concurrent-calls'], '--concurrent-calls', 1, 10_000),
    boardsAtOnce:
      values['boards-at-once'] === undefined
        ? null
        : wholeNumber(values['boards-at-once'], '--boards-at-once', 1, maxSlackBenchBoards),
    json: values.json,
  };
}

function wholeNumber(text: string, flag: string, least: number, most: number): number {
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < least || value > most) {
    usage(`${flag} takes a whole number from ${least} to ${most}`);
  }
  return value;
}

function isoDate(text: string): CalendarDate {
  const date = parseIsoDate(text);
  if (date === null) throw new Error(`bench: "${text}" is not a YYYY-MM-DD date`);
  return date;
}

function formatBoards(count: number): string {
  return `${count} board${count === 1 ? '' : 's'}`;
}

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}
