/**
 * Where the reminder run's time goes, without touching the code under test:
 * the composer, the delivery ledger and the Slack surface are wrapped and
 * their calls timed on a PhaseClock (a phase's time is the union of its calls,
 * so overlapping calls count once), and the double's arrival times tell how
 * the posts were spread over the channels.
 */
import type { ReminderDeliveries } from '../src/procedures/at-risk/reminder/reminder-deliveries.js';
import type {
  ReminderComposer,
  ReminderContent,
} from '../src/procedures/at-risk/reminder/send-exam-period-reminders.js';
import type { ChatSurface } from '../src/surfaces/chat-surface.js';
import type { PhaseClock } from './phase-clock.js';
import type { AcceptedPost } from './slack-double.js';
import type { ComposedReminder } from './slack-workload.js';

/** The product's composer, timed, keeping what it wrote for the delivery check. */
export class RecordingComposer implements ReminderComposer {
  readonly composed: ComposedReminder[] = [];

  constructor(
    private readonly composer: ReminderComposer,
    private readonly clock: PhaseClock,
  ) {}

  async compose(content: ReminderContent) {
    const message = await this.clock.time('compose (charts included)', () => this.composer.compose(content));
    this.composed.push({
      boardCode: content.board.code,
      recipient: content.copyFor?.email ?? 'channel',
      message,
    });
    return message;
  }
}

export function timedSurface(surface: ChatSurface, clock: PhaseClock): ChatSurface {
  return {
    name: surface.name,
    postMessage: (destination, message) =>
      clock.time(destination.kind === 'channel' ? 'post in channel' : 'post direct message', () =>
        surface.postMessage(destination, message),
      ),
    updateMessage: (posted, message) => clock.time('update', () => surface.updateMessage(posted, message)),
    resolveUser: (email, options) => clock.time('resolve user', () => surface.resolveUser(email, options)),
  };
}

export function timedDeliveries(deliveries: ReminderDeliveries, clock: PhaseClock): ReminderDeliveries {
  const ledger = <T>(work: () => Promise<T>) => clock.time('delivery ledger', work);
  return {
    claim: (key, kind, now) => ledger(() => deliveries.claim(key, kind, now)),
    reclaimFromGoneHolder: (key, kind, now) => ledger(() => deliveries.reclaimFromGoneHolder(key, kind, now)),
    reclaimFailed: (key, kind, now) => ledger(() => deliveries.reclaimFailed(key, kind, now)),
    recordPosted: (key, kind, posted, contentHash, now) =>
      ledger(() => deliveries.recordPosted(key, kind, posted, contentHash, now)),
    recordUpdated: (key, kind, posted, contentHash, now) =>
      ledger(() => deliveries.recordUpdated(key, kind, posted, contentHash, now)),
    recordProblem: (key, status, problem) => ledger(() => deliveries.recordProblem(key, status, problem)),
    forPeriod: (boardCode, period) => ledger(() => deliveries.forPeriod(boardCode, period)),
  };
}

export interface Spread {
  readonly count: number;
  readonly minMs: number;
  readonly medianMs: number;
  readonly maxMs: number;
}

export interface PostTiming {
  /** From a reminder's last page to the post sharing its charts, in the same channel: the pace's wait. */
  readonly pageToChartShare: Spread | null;
  /** Between any two consecutive posts in one channel. */
  readonly consecutivePosts: Spread | null;
  /** The most page-to-share waits in progress at one moment, over all channels. */
  readonly paceWaitsAtOnce: number;
  /** The sum of the page-to-share waits: time the run spent waiting out a channel's pace. */
  readonly paceWaitTotalMs: number;
  /** First to last accepted post. */
  readonly spanMs: number;
}

export function postTiming(posts: readonly AcceptedPost[]): PostTiming {
  const lastInChannel = new Map<string, AcceptedPost>();
  const consecutive: number[] = [];
  const waits: { from: number; to: number }[] = [];
  for (const post of posts) {
    const previous = lastInChannel.get(post.channel);
    if (previous) {
      consecutive.push(post.at - previous.at);
      if (post.method === 'files.completeUploadExternal' && previous.method === 'chat.postMessage') {
        waits.push({ from: previous.at, to: post.at });
      }
    }
    lastInChannel.set(post.channel, post);
  }
  const first = posts[0]?.at ?? 0;
  const last = posts.at(-1)?.at ?? 0;
  return {
    pageToChartShare: spread(waits.map((wait) => wait.to - wait.from)),
    consecutivePosts: spread(consecutive),
    paceWaitsAtOnce: mostAtOnce(waits),
    paceWaitTotalMs: waits.reduce((sum, wait) => sum + wait.to - wait.from, 0),
    spanMs: last - first,
  };
}

function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    minMs: sorted[0]!,
    medianMs: sorted[Math.floor(sorted.length / 2)]!,
    maxMs: sorted.at(-1)!,
  };
}

function mostAtOnce(intervals: readonly { from: number; to: number }[]): number {
  // Ends sort before starts at the same instant: touching intervals do not overlap.
  const events = intervals
    .flatMap((interval) => [
      { at: interval.from, change: 1 },
      { at: interval.to, change: -1 },
    ])
    .sort((a, b) => a.at - b.at || a.change - b.change);
  let open = 0;
  let most = 0;
  for (const event of events) {
    open += event.change;
    most = Math.max(most, open);
  }
  return most;
}
