/**
 * What posting the reminders must put into Slack, and the least time Slack's
 * limits allow for it. Expected posts come from the configuration (every
 * board's channel, a direct message to each manager who gets a copy) and the
 * messages the composer wrote, rendered into pages by the product's pure Block
 * Kit renderer; a reminder with charts is followed by one post sharing them.
 */
import type { InstitutionConfig } from '../src/config/institution-config.js';
import type { Message } from '../src/messages/message-model.js';
import { recipientsOf } from '../src/procedures/at-risk/reminder/reminder-recipients.js';
import { renderSlackMessage } from '../src/surfaces/slack/block-kit/index.js';
import {
  type AcceptedPost,
  directChannelOf,
  type SlackLimits,
  type SlackUser,
  slackMethodTiers,
} from './slack-double.js';

export type PostMethod = AcceptedPost['method'];

export interface ExpectedPost {
  readonly method: PostMethod;
  readonly content: string;
  /** The reminder the post belongs to (reminderKey): its posts come one after another in its channel. */
  readonly reminder: string;
}

/** A composed reminder: the board's channel message (`recipient` "channel") or a manager's copy. */
export interface ComposedReminder {
  readonly boardCode: string;
  readonly recipient: string;
  readonly message: Message;
}

export interface ReminderWorkload {
  readonly boards: number;
  readonly reminders: number;
  readonly charts: number;
  /** Charts with different bytes: a copy in the channel's language shows the channel's charts. */
  readonly distinctCharts: number;
  /** Every channel's posts, reminder by reminder in board order (the procedure may interleave boards). */
  readonly postsByChannel: ReadonlyMap<string, readonly ExpectedPost[]>;
  /** The tiered calls the posting needs at the least: each person looked up once, each DM opened once. */
  readonly neededCalls: ReadonlyMap<string, number>;
}

export function reminderWorkload(
  config: InstitutionConfig,
  users: readonly SlackUser[],
  composed: readonly ComposedReminder[],
): ReminderWorkload {
  const userIdOf = new Map(users.map((user) => [user.email.toLowerCase(), user.id]));
  const messageOf = new Map(composed.map((reminder) => [reminderKey(reminder), reminder.message]));
  const postsByChannel = new Map<string, ExpectedPost[]>();
  const lookedUp = new Set<string>();
  const directChannels = new Set<string>();
  let reminders = 0;
  let charts = 0;
  let shares = 0;
  const distinctCharts = new Set<string>();
  const expect = (channel: string, boardCode: string, recipient: string) => {
    const reminder = reminderKey({ boardCode, recipient });
    const message = messageOf.get(reminder);
    const posts = postsByChannel.get(channel) ?? [];
    postsByChannel.set(channel, posts);
    reminders += 1;
    if (!message) {
      posts.push({ method: 'chat.postMessage', content: `(${reminder}: never composed)`, reminder });
      return;
    }
    const pages = renderSlackMessage(message, {
      mentionFor: (person) => userIdOf.get(person.email.toLowerCase()) ?? null,
      imageUrlFor: () => null,
    });
    for (const page of pages) posts.push({ method: 'chat.postMessage', content: page.text, reminder });
    const images = chartFileNames(message);
    if (images.length > 0) {
      posts.push({ method: 'files.completeUploadExternal', content: images.join(' '), reminder });
      charts += images.length;
      for (const image of images) distinctCharts.add(image);
      shares += 1;
    }
  };

  for (const board of config.boards) {
    const channel = board.channels.slack;
    if (!channel) continue;
    const recipients = recipientsOf(board, config);
    for (const person of [recipients.chair, recipients.secretary, ...recipients.copies]) {
      lookedUp.add(person.email.toLowerCase());
    }
    expect(channel, board.code, 'channel');
    for (const copy of recipients.copies) {
      const userId = userIdOf.get(copy.email.toLowerCase());
      if (!userId) continue;
      directChannels.add(userId);
      expect(directChannelOf(userId), board.code, copy.email);
    }
  }
  return {
    boards: config.boards.length,
    reminders,
    charts,
    distinctCharts: distinctCharts.size,
    postsByChannel,
    neededCalls: new Map([
      ['users.lookupByEmail', lookedUp.size],
      ['conversations.open', directChannels.size],
      ['files.getUploadURLExternal', charts],
      ['files.completeUploadExternal', shares],
    ]),
  };
}

export function reminderKey(reminder: Pick<ComposedReminder, 'boardCode' | 'recipient'>): string {
  return `${reminder.boardCode} ${reminder.recipient}`;
}

export function totalPosts(workload: ReminderWorkload): number {
  let total = 0;
  for (const posts of workload.postsByChannel.values()) total += posts.length;
  return total;
}

// The surface's name for a chart's upload (slack-surface.ts shareImages): what Slack shows under the message.
function chartFileNames(message: Message): string[] {
  return message.blocks.flatMap((block) =>
    block.type === 'image' ? [`trafiklys-chart-${block.image.id.slice(0, 12)}.png`] : [],
  );
}

export interface Bound {
  readonly label: string;
  readonly ms: number;
}

export const minimumDurationFormula =
  'T_min = max( max over channels (posts − 1) × interval, ' +
  'max over tiered methods (⌈calls ÷ tier calls⌉ − 1) × tier window )';

/**
 * The least time from the first call to the last that the limits allow,
 * whatever the order and parallelism: a channel's N posts need (N − 1)
 * intervals; a method's n calls, at most L in any window W, need
 * (⌈n/L⌉ − 1) windows. Calls and posts the workload needs, not the ones an
 * implementation happens to make. Every bound, largest first.
 */
export function minimumDuration(workload: ReminderWorkload, limits: SlackLimits): Bound[] {
  const bounds: Bound[] = [];
  let busiest: { channel: string; posts: number } | null = null;
  for (const [channel, posts] of workload.postsByChannel) {
    if (!busiest || posts.length > busiest.posts) busiest = { channel, posts: posts.length };
  }
  if (busiest) {
    bounds.push({
      label: `busiest channel ${busiest.channel}: (${busiest.posts} posts − 1) × ${limits.channelIntervalMs} ms`,
      ms: (busiest.posts - 1) * limits.channelIntervalMs,
    });
  }
  for (const [method, calls] of workload.neededCalls) {
    const tier = slackMethodTiers[method];
    if (tier === undefined || calls === 0) continue;
    const limit = limits.tiers[tier];
    const windows = Math.ceil(calls / limit.calls) - 1;
    bounds.push({
      label: `${method} (${tier}): (⌈${calls} ÷ ${limit.calls}⌉ − 1) × ${formatWindow(limit.perMs)}`,
      ms: windows * limit.perMs,
    });
  }
  return bounds.sort((a, b) => b.ms - a.ms);
}

function formatWindow(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

export interface ChannelCheck {
  readonly expected: number;
  readonly recorded: number;
  /** Expected posts that never arrived. */
  readonly lost: number;
  /** Posts that arrived more often than expected, or were not expected at all. */
  readonly extra: number;
  /** Channels where a reminder's posts were split up or came in another order than the reminder's. */
  readonly channelsOutOfOrder: number;
  /** A few channels with a problem, for the report. */
  readonly examples: readonly string[];
}

/**
 * Every expected post present exactly once and in order, channel by channel:
 * each reminder's posts one after another in the order it makes them (pages,
 * then its charts). Reminders for different boards may reach a shared channel
 * (a manager's DM) in any order, since the procedure reminds boards in parallel.
 */
export function checkDeliveries(workload: ReminderWorkload, posts: readonly AcceptedPost[]): ChannelCheck {
  const recordedByChannel = new Map<string, string[]>();
  for (const post of posts) {
    const list = recordedByChannel.get(post.channel) ?? [];
    list.push(postKey(post));
    recordedByChannel.set(post.channel, list);
  }
  let expected = 0;
  let lost = 0;
  let extra = 0;
  let channelsOutOfOrder = 0;
  const examples: string[] = [];
  const channels = new Set([...workload.postsByChannel.keys(), ...recordedByChannel.keys()]);
  for (const channel of channels) {
    const got = recordedByChannel.get(channel) ?? [];
    const expectedPosts = workload.postsByChannel.get(channel) ?? [];
    const wanted = inArrivalOrder(expectedPosts, got).map(postKey);
    expected += wanted.length;
    const remaining = new Map<string, number>();
    for (const key of wanted) remaining.set(key, (remaining.get(key) ?? 0) + 1);
    const kept: string[] = [];
    let channelExtra = 0;
    for (const key of got) {
      const left = remaining.get(key) ?? 0;
      if (left > 0) {
        remaining.set(key, left - 1);
        kept.push(key);
      } else channelExtra += 1;
    }
    let channelLost = 0;
    for (const left of remaining.values()) channelLost += left;
    const arrivedInOrder = sameSequence(kept, withoutLost(wanted, remaining));
    lost += channelLost;
    extra += channelExtra;
    if (!arrivedInOrder) channelsOutOfOrder += 1;
    if ((channelLost > 0 || channelExtra > 0 || !arrivedInOrder) && examples.length < 5) {
      examples.push(
        `${channel}: ${wanted.length} expected, ${got.length} arrived, ${channelLost} lost, ${channelExtra} extra` +
          (arrivedInOrder ? '' : ', out of order'),
      );
    }
  }
  return { expected, recorded: posts.length, lost, extra, channelsOutOfOrder, examples };
}

/** The expected posts, reminder by reminder, in the order each reminder's first post arrived (never: last). */
function inArrivalOrder(expected: readonly ExpectedPost[], arrived: readonly string[]): ExpectedPost[] {
  const reminders = new Map<string, ExpectedPost[]>();
  for (const post of expected) reminders.set(post.reminder, [...(reminders.get(post.reminder) ?? []), post]);
  const arrival = (posts: readonly ExpectedPost[]) => {
    const index = posts[0] ? arrived.indexOf(postKey(posts[0])) : -1;
    return index === -1 ? Number.POSITIVE_INFINITY : index;
  };
  const ordered = [...reminders.values()].map((posts) => ({ posts, at: arrival(posts) }));
  return ordered
    .sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? -1 : 1))
    .flatMap((reminder) => reminder.posts);
}

function postKey(post: Pick<AcceptedPost, 'method' | 'content'>): string {
  return `${post.method} ${post.content}`;
}

/** `wanted` without the posts that never arrived (the last occurrences of each, where a key repeats). */
function withoutLost(wanted: readonly string[], lostCounts: ReadonlyMap<string, number>): string[] {
  const toDrop = new Map(lostCounts);
  const result: string[] = [];
  for (let index = wanted.length - 1; index >= 0; index -= 1) {
    const key = wanted[index]!;
    const drop = toDrop.get(key) ?? 0;
    if (drop > 0) toDrop.set(key, drop - 1);
    else result.push(key);
  }
  return result.reverse();
}

function sameSequence(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}
