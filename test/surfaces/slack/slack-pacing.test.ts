import { afterEach, expect, test } from 'vitest';
import type { Message } from '../../../src/messages/message-model.js';
import type { SlackCallPolicy } from '../../../src/surfaces/slack/outbound/slack-call-policy.js';
import { createSlackOutbound, type SlackOutbound } from '../../../src/surfaces/slack/slack-outbound.js';
import { capturedLogger } from '../../support/captured-logger.js';
import { blocksOf, SlackApiDouble, type SlackApiDoubleOptions } from '../../support/slack-api-double.js';
import { anne, bo, RecordingMetrics, testPaceMs } from './slack-harness.js';

let double: SlackApiDouble;
let slack: SlackOutbound;
let metrics: RecordingMetrics;

async function start(options: SlackApiDoubleOptions, policy: Partial<SlackCallPolicy>): Promise<void> {
  double = await SlackApiDouble.start({ users: [anne, bo], ...options });
  metrics = new RecordingMetrics();
  slack = createSlackOutbound({
    botToken: double.botToken,
    apiUrl: double.apiUrl,
    logger: capturedLogger().logger,
    metrics,
    policy,
  });
}

afterEach(async () => {
  await double.close();
  double.assertNoUnexpectedCalls();
});

const numbered = (channel: string, number: number): Message => ({
  fallbackText: `${channel} message ${number}`,
  blocks: [{ type: 'text', content: [`${channel} message ${number}`] }],
});

test('a board of 2,000 students’ review table posts as pages, each within Slack’s limits, every row once', async () => {
  await start({ postIntervalMs: testPaceMs }, { channelIntervalMs: testPaceMs });
  const rows = Array.from({ length: 2_000 }, (_, index) => [
    `S${String(index + 1).padStart(6, '0')}`,
    index % 4 === 0 ? 'red' : 'yellow',
    String(5 + (index % 30)),
    String(((5 + (index % 30)) / 5).toFixed(1)),
  ]);
  const reviewList: Message = {
    fallbackText: 'SN-DAT: 2,000 students to review',
    blocks: [
      { type: 'heading', text: 'SN-DAT: students to review' },
      { type: 'text', content: ['Most urgent first.'] },
      {
        type: 'table',
        columns: [
          { header: 'Student' },
          { header: 'Light' },
          { header: 'ECTS behind', align: 'right' },
          { header: 'Months', align: 'right' },
        ],
        rows,
      },
      {
        type: 'actions',
        elements: [{ type: 'button', actionId: 'at-risk.review-done', label: 'Review done' }],
      },
    ],
  };

  const posted = await slack.surface.postMessage({ kind: 'channel', channelId: 'C0SNDAT' }, reviewList);

  const posts = double.acceptedPosts('C0SNDAT');
  expect(posts.length).toBeGreaterThan(1);
  expect(posted.messageIds).toHaveLength(posts.length);
  for (const post of posts) {
    const blocks = blocksOf(post.args);
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const block of blocks) expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3_000);
  }
  const shown = posts.flatMap((post) =>
    blocksOf(post.args).flatMap((block) => block.text?.text.match(/S\d{6}/g) ?? []),
  );
  expect(shown).toEqual(rows.map((row) => row[0]));
});

test('with Slack answering 429 to every third post, 20 messages to 3 channels arrive once each, in order, paced, and the retries are counted', async () => {
  await start(
    { postIntervalMs: testPaceMs, rateLimit: { everyNth: 3, retryAfterSeconds: 1 } },
    { channelIntervalMs: testPaceMs },
  );
  const channels = ['C0SNDAT', 'C0SNHIS', 'C0SNMAT'];
  const sent = Array.from({ length: 20 }, (_, index) => ({
    channel: channels[index % 3]!,
    number: index + 1,
  }));

  await Promise.all(
    sent.map(({ channel, number }) =>
      slack.surface.postMessage({ kind: 'channel', channelId: channel }, numbered(channel, number)),
    ),
  );

  for (const channel of channels) {
    const expected = sent
      .filter((message) => message.channel === channel)
      .map((message) => `${channel} message ${message.number}`);
    expect(double.messagesIn(channel).map((message) => message.text)).toEqual(expected);
  }
  const rateLimited = double.callsOf('chat.postMessage').filter((call) => call.outcome === 'ratelimited');
  expect(rateLimited.length).toBeGreaterThanOrEqual(6);
  expect(metrics.count('slack_retries')).toBe(rateLimited.length);
  expect(metrics.count('slack_retries{chat.postMessage}')).toBe(rateLimited.length);
  expect(metrics.count('slack_posts')).toBe(20);
  expect(metrics.count('slack_failures')).toBe(0);
  // The double records any post sooner than the pace or before Retry-After: afterEach fails on them.
});

test('a post Slack refuses fails alone: the next message in the channel is still posted, and the failure counted', async () => {
  await start({ postIntervalMs: testPaceMs }, { channelIntervalMs: testPaceMs });
  double.failNext('chat.postMessage', 'is_archived');

  const [refused, next] = await Promise.allSettled([
    slack.surface.postMessage({ kind: 'channel', channelId: 'C0SNDAT' }, numbered('C0SNDAT', 1)),
    slack.surface.postMessage({ kind: 'channel', channelId: 'C0SNDAT' }, numbered('C0SNDAT', 2)),
  ]);

  expect(refused).toMatchObject({
    status: 'rejected',
    reason: { code: 'slack.api_error', detail: 'is_archived' },
  });
  expect(next.status).toBe('fulfilled');
  expect(double.messagesIn('C0SNDAT').map((message) => message.text)).toEqual(['C0SNDAT message 2']);
  expect(metrics.count('slack_failures{chat.postMessage}')).toBe(1);
});

test('channels proceed in parallel: each channel’s first post comes before another channel has finished', async () => {
  await start({ postIntervalMs: 50 }, { channelIntervalMs: 50 });
  const channels = ['C0SNDAT', 'C0SNHIS', 'C0SNMAT'];

  await Promise.all(
    channels.flatMap((channel) =>
      [1, 2, 3, 4].map((number) =>
        slack.surface.postMessage({ kind: 'channel', channelId: channel }, numbered(channel, number)),
      ),
    ),
  );

  const arrivals = (channel: string) => double.acceptedPosts(channel).map((call) => call.at);
  const lastOfFirstChannel = Math.max(...arrivals('C0SNDAT'));
  for (const channel of channels) expect(Math.min(...arrivals(channel))).toBeLessThan(lastOfFirstChannel);
});

test('Slack’s real pace: three messages to one channel arrive at least a second apart', async () => {
  await start({ postIntervalMs: 1_000 }, {});

  await Promise.all(
    [1, 2, 3].map((number) =>
      slack.surface.postMessage({ kind: 'channel', channelId: 'C0SNDAT' }, numbered('C0SNDAT', number)),
    ),
  );

  const arrivals = double.acceptedPosts('C0SNDAT').map((call) => call.at);
  expect(arrivals).toHaveLength(3);
  expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(1_000);
  expect(arrivals[2]! - arrivals[1]!).toBeGreaterThanOrEqual(1_000);
});

test('a method’s window holds: with two lookups per 200 ms, the third starts only when the first leaves the window', async () => {
  await start({}, { methodLimits: { 'users.lookupByEmail': { calls: 2, perMs: 200 } } });

  await Promise.all(['a', 'b', 'c'].map((name) => slack.surface.resolveUser(`${name}@uni.example`)));

  const arrivals = double.callsOf('users.lookupByEmail').map((call) => call.at);
  expect(arrivals).toHaveLength(3);
  // Arrival times include connection set-up and a loaded machine's scheduling:
  // the margins tell "held back for the window" (≥ 150 ms) from "sent at once" (a few ms).
  expect(arrivals[1]! - arrivals[0]!).toBeLessThan(100);
  expect(arrivals[2]! - arrivals[0]!).toBeGreaterThanOrEqual(150);
});
