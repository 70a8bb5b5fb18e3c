/**
 * The Slack reminder benchmark's figures, the targets they are held against,
 * and the report as people read it. A missed target is reported, never fatal.
 */
import type { PostTiming, Spread } from './slack-profile.js';
import type { Bound, ChannelCheck } from './slack-workload.js';
import { formatCount, formatMs, formatSeconds } from './units.js';

export const slackTargets = {
  /** Achieved posts per second over the most the limits allow for the same workload. */
  minFractionOfMaximum: 0.9,
  maxLostPosts: 0,
};

export interface MethodCalls {
  readonly method: string;
  /** Accepted by the double. */
  readonly accepted: number;
  /** Answered 429. */
  readonly rateLimited: number;
  /** What the workload needs at the least (each person looked up once, each DM opened once); null: untiered. */
  readonly needed: number | null;
  /** The first and the last accepted call's arrival, after sendExamPeriodReminders was called. */
  readonly firstAcceptedMs: number | null;
  readonly lastAcceptedMs: number | null;
}

export interface SlackBenchReport {
  readonly startedAt: string;
  readonly environment: { readonly node: string; readonly cpu: string; readonly cpus: number };
  readonly options: {
    readonly boards: number;
    readonly studentsPerBoard: number;
    readonly channelIntervalMs: number;
    readonly tierSpeedup: number;
    readonly latencyMs: number;
    readonly maxConcurrentCalls: number;
    /** null: one sendExamPeriodReminders call for every board, as the product makes it. */
    readonly boardsAtOnce: number | null;
  };
  readonly limits: {
    readonly channelIntervalMs: number;
    readonly tier3: { readonly calls: number; readonly perMs: number };
    readonly tier4: { readonly calls: number; readonly perMs: number };
  };
  readonly workload: {
    readonly boards: number;
    readonly reminders: number;
    readonly posts: number;
    readonly charts: number;
    readonly distinctCharts: number;
    readonly channels: number;
    readonly directMessageChannels: number;
    readonly busiestChannelPosts: number;
  };
  readonly setupMs: number;
  /** sendExamPeriodReminders, from its call to its answer. */
  readonly elapsedMs: number;
  readonly theoretical: {
    readonly formula: string;
    readonly minimumMs: number;
    readonly bounds: readonly Bound[];
    readonly maxPostsPerSecond: number;
    /** The same workload under Slack's own tier windows (a minute), for comparison. */
    readonly withSlackTierWindows: { readonly minimumMs: number; readonly binding: string };
  };
  readonly achieved: {
    readonly posts: number;
    readonly postsPerSecond: number;
    /** achieved ÷ theoretical maximum */
    readonly fraction: number;
  };
  readonly rateLimits: {
    readonly received429: number;
    /** The surface's slack_retries counter. */
    readonly retried: number;
    /** The surface's slack_failures counter. */
    readonly failedCalls: number;
  };
  readonly deliveries: {
    readonly outcomes: Readonly<Record<string, number>>;
    readonly check: ChannelCheck;
  };
  readonly calls: readonly MethodCalls[];
  readonly profile: {
    /** Time inside each step of the procedure, summed over its calls (overlapping calls once). */
    readonly phasesMs: Readonly<Record<string, number>>;
    readonly posts: PostTiming;
  };
  readonly violations: readonly string[];
  readonly targets: readonly { readonly target: string; readonly figure: string; readonly met: boolean }[];
}

export function checkSlackTargets(
  report: Pick<SlackBenchReport, 'achieved' | 'deliveries'>,
): SlackBenchReport['targets'] {
  const { fraction } = report.achieved;
  const { lost, extra, channelsOutOfOrder } = report.deliveries.check;
  return [
    {
      target: `achieved rate ≥ ${slackTargets.minFractionOfMaximum} of the theoretical maximum`,
      figure: fraction.toFixed(3),
      met: fraction >= slackTargets.minFractionOfMaximum,
    },
    {
      target: `${slackTargets.maxLostPosts} lost (every post present exactly once, in order)`,
      figure: `${lost} lost, ${extra} extra, ${channelsOutOfOrder} channel(s) out of order`,
      met: lost <= slackTargets.maxLostPosts && extra === 0 && channelsOutOfOrder === 0,
    },
  ];
}

export function formatSlackReport(report: SlackBenchReport): string {
  const { workload, theoretical, achieved, limits, options } = report;
  const { check } = report.deliveries;
  const timing = report.profile.posts;
  const tier = (t: { calls: number; perMs: number }) => `${t.calls}/${formatSeconds(t.perMs)}`;
  const lines = [
    `Trafiklys Slack reminder benchmark — Node ${report.environment.node}, ${report.environment.cpu} ` +
      `(${report.environment.cpus} CPUs)`,
    `sendExamPeriodReminders for ${formatCount(workload.boards)} boards through the real SlackSurface ` +
      '(createSlackOutbound) and ReminderMessageComposer, against the bench Slack double on loopback',
    `limits the double enforces (and the surface's policy is given): 1 post per ${formatMs(limits.channelIntervalMs)} ` +
      `per channel (Slack's own); Tier 3 ${tier(limits.tier3)}, Tier 4 ${tier(limits.tier4)} ` +
      (options.tierSpeedup === 1
        ? "(Slack's own minute)"
        : `(Slack's minute ÷ ${options.tierSpeedup}, so the run fits; --tier-speedup 1 for Slack's own)`) +
      (options.latencyMs > 0 ? `; every answer ${formatMs(options.latencyMs)} after its request` : ''),
    `the surface's policy: the same tiers and pace, at most ${options.maxConcurrentCalls} calls in flight`,
    options.boardsAtOnce === null
      ? 'one sendExamPeriodReminders call for all boards, as src/app/start-bot.ts makes it'
      : `WHAT-IF: one sendExamPeriodReminders call per board, ${options.boardsAtOnce} calls at a time ` +
        '(not how the product calls it)',
    '',
    'Workload',
    `  ${formatCount(workload.reminders)} reminders (${formatCount(workload.boards)} board channels + ` +
      `${formatCount(workload.reminders - workload.boards)} copies to heads of department as DMs), ` +
      `${formatCount(workload.posts)} posts (pages + one chart share per reminder), ` +
      `${formatCount(workload.charts)} charts (${formatCount(workload.distinctCharts)} different images)`,
    `  ${formatCount(workload.channels)} channels (${formatCount(workload.directMessageChannels)} DMs), ` +
      `busiest ${formatCount(workload.busiestChannelPosts)} posts; ${options.studentsPerBoard} students per board, ` +
      'two periods imported (autumn 2025, spring 2026) into PGlite in memory',
    '',
    'Theoretical maximum',
    `  ${theoretical.formula}`,
    ...theoretical.bounds.map((bound) => `    ${bound.label} = ${formatSeconds(bound.ms)}`),
    `  T_min = ${formatSeconds(theoretical.minimumMs)}; max rate = posts ÷ T_min = ` +
      `${formatCount(workload.posts)} ÷ ${formatSeconds(theoretical.minimumMs)} = ${theoretical.maxPostsPerSecond.toFixed(2)} posts/s`,
    `  with Slack's own tier windows the same workload needs at least ` +
      `${formatSeconds(theoretical.withSlackTierWindows.minimumMs)} (${theoretical.withSlackTierWindows.binding})`,
    '',
    'Achieved',
    `  elapsed ${formatSeconds(report.elapsedMs)} (setup, not timed: ${formatSeconds(report.setupMs)}); ` +
      `${formatCount(achieved.posts)} posts accepted → ${achieved.postsPerSecond.toFixed(2)} posts/s`,
    `  fraction = achieved ÷ maximum = ${achieved.postsPerSecond.toFixed(2)} ÷ ${theoretical.maxPostsPerSecond.toFixed(2)} ` +
      `= ${achieved.fraction.toFixed(3)}`,
    `  429s received ${report.rateLimits.received429}, retried ${report.rateLimits.retried}, ` +
      `calls failed ${report.rateLimits.failedCalls}`,
    `  deliveries: ${Object.entries(report.deliveries.outcomes)
      .map(([outcome, count]) => `${outcome} ${count}`)
      .join(', ')}`,
    `  posts: ${formatCount(check.expected)} expected, ${formatCount(check.recorded)} recorded, ${check.lost} lost, ` +
      `${check.extra} extra, ${check.channelsOutOfOrder} channel(s) out of order`,
    ...check.examples.map((example) => `    ${example}`),
    '',
    'Calls by method (accepted / answered 429 / needed at the least / first and last accepted, after the start)',
    ...table(
      ['method', 'accepted', '429', 'needed', 'first', 'last'],
      report.calls.map((calls) => [
        calls.method,
        formatCount(calls.accepted),
        formatCount(calls.rateLimited),
        calls.needed === null ? '–' : formatCount(calls.needed),
        calls.firstAcceptedMs === null ? '–' : formatSeconds(calls.firstAcceptedMs),
        calls.lastAcceptedMs === null ? '–' : formatSeconds(calls.lastAcceptedMs),
      ]),
    ).map((line) => `  ${line}`),
    '',
    'Where the time goes',
    `  inside each step (summed; they add up to the elapsed time only when the procedure does one thing at a time):`,
    `    ${Object.entries(report.profile.phasesMs)
      .map(([phase, ms]) => `${phase} ${formatSeconds(ms)}`)
      .join(', ')}`,
    `  page → chart share in one channel: ${formatSpread(timing.pageToChartShare)}; ` +
      `at most ${timing.paceWaitsAtOnce} such wait(s) at once; together ${formatSeconds(timing.paceWaitTotalMs)} ` +
      `= ${percent(timing.paceWaitTotalMs, report.elapsedMs)} of the elapsed time`,
    `  consecutive posts in one channel: ${formatSpread(timing.consecutivePosts)}; ` +
      `first to last post ${formatSeconds(timing.spanMs)}`,
  ];
  if (report.violations.length > 0) {
    lines.push('', `The double saw ${report.violations.length} problem(s):`);
    lines.push(...report.violations.slice(0, 10).map((violation) => `  ${violation}`));
  }
  lines.push('', 'Targets');
  for (const target of report.targets) {
    lines.push(`  ${target.met ? 'met   ' : 'MISSED'} ${target.target}: ${target.figure}`);
  }
  return lines.join('\n');
}

function formatSpread(spread: Spread | null): string {
  if (!spread) return 'none';
  return `median ${formatMs(spread.medianMs)} (min ${formatMs(spread.minMs)}, max ${formatMs(spread.maxMs)}, n=${spread.count})`;
}

function percent(part: number, whole: number): string {
  return whole > 0 ? `${((part / whole) * 100).toFixed(0)} %` : '–';
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
