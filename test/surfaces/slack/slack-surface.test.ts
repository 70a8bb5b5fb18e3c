import { afterEach, describe, expect, test } from 'vitest';
import type { Message } from '../../../src/messages/message-model.js';
import { createSlackOutbound, type SlackOutbound } from '../../../src/surfaces/slack/slack-outbound.js';
import { capturedLogger } from '../../support/captured-logger.js';
import { SlackApiDouble, type SlackApiDoubleOptions } from '../../support/slack-api-double.js';
import { anne, bo, RecordingMetrics, testPaceMs } from './slack-harness.js';

let double: SlackApiDouble;
let slack: SlackOutbound;
let metrics: RecordingMetrics;

async function start(options: SlackApiDoubleOptions = {}, paceMs = testPaceMs): Promise<void> {
  double = await SlackApiDouble.start({ users: [anne, bo], postIntervalMs: paceMs, ...options });
  metrics = new RecordingMetrics();
  slack = createSlackOutbound({
    botToken: double.botToken,
    apiUrl: double.apiUrl,
    logger: capturedLogger().logger,
    metrics,
    policy: { channelIntervalMs: paceMs, maxConcurrentCalls: 4 },
  });
}

afterEach(async () => {
  await double.close();
  double.assertNoUnexpectedCalls();
});

const reminder: Message = {
  fallbackText: 'Exam-period reminder for SN-DAT',
  blocks: [
    { type: 'heading', text: 'Exam-period reminder' },
    {
      type: 'text',
      content: [
        '3 students are ',
        { kind: 'styled', text: 'red', bold: true },
        ', ask ',
        { kind: 'mention', person: { email: 'Anne.Chair@uni.example', displayName: 'Anne Chair' } },
      ],
    },
    {
      type: 'actions',
      elements: [
        { type: 'button', actionId: 'at-risk.review', label: 'Review', value: 'cycle-7', style: 'primary' },
      ],
    },
  ],
};

describe('posting', () => {
  test('a message to a channel arrives as exactly this Block Kit, the mention resolved to the Slack user', async () => {
    await start();

    const posted = await slack.surface.postMessage({ kind: 'channel', channelId: 'C0SNDAT' }, reminder);

    expect(double.acceptedPosts().map((call) => call.args)).toEqual([
      {
        channel: 'C0SNDAT',
        text: 'Exam-period reminder for SN-DAT',
        unfurl_links: 'false',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: 'Exam-period reminder' } },
          { type: 'section', text: { type: 'mrkdwn', text: '3 students are *red*, ask <@U0ANNE>' } },
          {
            type: 'actions',
            elements: [
              {
                type: 'button',
                action_id: 'at-risk.review',
                text: { type: 'plain_text', text: 'Review' },
                value: 'cycle-7',
                style: 'primary',
              },
            ],
          },
        ],
      },
    ]);
    expect(posted).toEqual({
      surface: 'slack',
      conversationId: 'C0SNDAT',
      messageIds: [double.messagesIn('C0SNDAT')[0]?.ts],
    });
    expect(metrics.count('slack_posts')).toBe(1);
  });

  test('a direct message goes to the conversation conversations.open gives for the person found by e-mail', async () => {
    await start();

    const posted = await slack.surface.postMessage({ kind: 'direct', email: bo.email }, reminder);

    expect(double.callsOf('users.lookupByEmail')[0]?.args).toMatchObject({ email: bo.email });
    expect(double.callsOf('conversations.open')[0]?.args).toMatchObject({ users: bo.id });
    expect(posted.conversationId).toBe('D0BO');
    expect(double.messagesIn('D0BO')).toHaveLength(1);
  });

  test('a direct message to an address Slack does not know fails with slack.user_not_found', async () => {
    await start();

    await expect(
      slack.surface.postMessage({ kind: 'direct', email: 'nobody@uni.example' }, reminder),
    ).rejects.toMatchObject({
      code: 'slack.user_not_found',
    });
    expect(double.callsOf('chat.postMessage')).toEqual([]);
  });

  test('a chart shows its caption in the message and is shared as a PNG file in the channel right after it', async () => {
    await start();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const withChart: Message = {
      fallbackText: 'Trend',
      blocks: [
        {
          type: 'image',
          image: { id: 'a'.repeat(64), png, width: 600, height: 300 },
          altText: 'Red students per term',
          title: 'Trend',
        },
      ],
    };

    await slack.surface.postMessage({ kind: 'channel', channelId: 'C0SNDAT' }, withChart);

    expect(double.acceptedPosts()[0]?.args.blocks).toEqual([
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Trend: Red students per term' }] },
    ]);
    const [upload] = double.uploads.values();
    expect(upload).toMatchObject({ filename: 'trafiklys-chart-aaaaaaaaaaaa.png', completed: true });
    expect([...(upload?.bytes ?? [])]).toEqual([...png]);
    expect(double.calls.map((call) => call.method)).toEqual([
      'chat.postMessage',
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
    ]);
    expect(double.callsOf('files.completeUploadExternal')[0]?.args).toMatchObject({ channel_id: 'C0SNDAT' });
  });
});

describe('updating', () => {
  const chart = (id: string) => ({
    type: 'image' as const,
    image: { id: id.repeat(64), png: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), width: 600, height: 300 },
    altText: 'Students per category',
  });
  const summary = (text: string, ...charts: ReturnType<typeof chart>[]): Message => ({
    fallbackText: text,
    blocks: [{ type: 'text', content: [text] }, ...charts],
  });

  test('shares only the charts the message did not have, in its thread, even from another instance', async () => {
    await start();
    const posted = await slack.surface.postMessage(
      { kind: 'channel', channelId: 'C0SNDAT' },
      summary('12 red', chart('a')),
    );
    expect(posted.separateImageIds).toEqual(['a'.repeat(64)]);
    // Another instance (or this one after a restart) knows the message only from what was recorded.
    const otherInstance = createSlackOutbound({
      botToken: double.botToken,
      apiUrl: double.apiUrl,
      logger: capturedLogger().logger,
      policy: { channelIntervalMs: testPaceMs },
    });

    const sameChart = await otherInstance.surface.updateMessage(
      posted,
      summary('12 red, 1 unreachable', chart('a')),
    );
    expect(double.callsOf('files.completeUploadExternal')).toHaveLength(1);

    await otherInstance.surface.updateMessage(sameChart, summary('13 red', chart('a'), chart('b')));
    const shares = double.callsOf('files.completeUploadExternal');
    expect(shares).toHaveLength(2);
    expect(shares[1]?.args).toMatchObject({ channel_id: 'C0SNDAT', thread_ts: posted.messageIds[0] });
    expect(JSON.stringify(shares[1]?.args.files)).not.toContain('aaaaaaaaaaaa');
  });

  const pages = (count: number): Message => ({
    fallbackText: 'List',
    blocks: Array.from({ length: count * 50 }, (_, index) => ({
      type: 'text' as const,
      content: [`Line ${index + 1}`],
    })),
  });

  test('replaces each page in place with chat.update', async () => {
    await start();
    const posted = await slack.surface.postMessage({ kind: 'channel', channelId: 'C0SNDAT' }, pages(2));

    await slack.surface.updateMessage(posted, {
      fallbackText: 'List',
      blocks: pages(2).blocks.map(() => ({ type: 'divider' as const })),
    });

    expect(double.callsOf('chat.update').map((call) => call.args.ts)).toEqual(posted.messageIds);
    expect(double.messagesIn('C0SNDAT').map((message) => message.blocks.length)).toEqual([50, 50]);
    expect(double.messagesIn('C0SNDAT')[0]?.blocks[0]).toEqual({ type: 'divider' });
  });

  test('posts the pages beyond the original count as replies in the first page’s thread', async () => {
    await start();
    const posted = await slack.surface.postMessage({ kind: 'channel', channelId: 'C0SNDAT' }, pages(1));

    await slack.surface.updateMessage(posted, pages(3));

    expect(double.callsOf('chat.update')).toHaveLength(1);
    const replies = double.messagesIn('C0SNDAT').filter((message) => message.threadTs !== null);
    expect(replies.map((message) => message.threadTs)).toEqual([posted.messageIds[0], posted.messageIds[0]]);
  });

  test('returns the message with its new pages, so the next update edits the replies instead of posting them again', async () => {
    await start();
    const posted = await slack.surface.postMessage({ kind: 'channel', channelId: 'C0SNDAT' }, pages(1));

    const grown = await slack.surface.updateMessage(posted, pages(3));
    await slack.surface.updateMessage(grown, pages(3));

    expect(grown.messageIds).toHaveLength(3);
    expect(grown.messageIds[0]).toBe(posted.messageIds[0]);
    expect(double.messagesIn('C0SNDAT')).toHaveLength(3);
    expect(double.callsOf('chat.update').map((call) => call.args.ts)).toEqual([
      posted.messageIds[0],
      ...grown.messageIds,
    ]);
  });

  test('deletes the pages a shorter message no longer needs', async () => {
    await start();
    const posted = await slack.surface.postMessage({ kind: 'channel', channelId: 'C0SNDAT' }, pages(3));

    await slack.surface.updateMessage(posted, pages(1));

    expect(double.messagesIn('C0SNDAT').map((message) => message.ts)).toEqual([posted.messageIds[0]]);
    expect(double.callsOf('chat.delete').map((call) => call.args.ts)).toEqual(posted.messageIds.slice(1));
  });
});

describe('resolving people by e-mail', () => {
  test('a known address gives the Slack user; an unknown one gives null; both are asked once', async () => {
    await start();

    const found = await slack.surface.resolveUser('Bo.Secretary@uni.example');
    const missing = await slack.surface.resolveUser('nobody@uni.example');
    await slack.surface.resolveUser(bo.email);
    await slack.surface.resolveUser('nobody@uni.example');

    expect(found).toEqual({
      surface: 'slack',
      userId: bo.id,
      email: bo.email,
      displayName: 'Bo Secretary',
      locale: null,
    });
    expect(missing).toBeNull();
    expect(double.callsOf('users.lookupByEmail').map((call) => call.args.email)).toEqual([
      'bo.secretary@uni.example',
      'nobody@uni.example',
    ]);
  });

  test('asked for the locale, it reads it with users.info (once per person); without, it does not ask', async () => {
    await start();

    expect(await slack.surface.resolveUser(anne.email)).toMatchObject({ locale: null });
    expect(double.callsOf('users.info')).toEqual([]);

    expect(await slack.surface.resolveUser(bo.email, { locale: true })).toMatchObject({
      userId: bo.id,
      locale: 'en-GB',
    });
    await slack.surface.resolveUser(bo.email, { locale: true });
    expect(double.callsOf('users.info').map((call) => call.args.user)).toEqual([bo.id]);
    expect(await slack.surface.resolveUser('nobody@uni.example', { locale: true })).toBeNull();
  });

  test('a cached answer expires: after the time-to-live Slack is asked again', async () => {
    double = await SlackApiDouble.start({ users: [anne, bo] });
    let now = 0;
    slack = createSlackOutbound({
      botToken: double.botToken,
      apiUrl: double.apiUrl,
      logger: capturedLogger().logger,
      users: { foundTtlMs: 1_000, notFoundTtlMs: 100, now: () => now },
    });

    await slack.surface.resolveUser(bo.email);
    await slack.surface.resolveUser('nobody@uni.example');
    now = 500;
    await slack.surface.resolveUser(bo.email);
    await slack.surface.resolveUser('nobody@uni.example');

    expect(double.callsOf('users.lookupByEmail').map((call) => call.args.email)).toEqual([
      bo.email,
      'nobody@uni.example',
      'nobody@uni.example',
    ]);
  });
});

describe('a file posted with a message', () => {
  test('is uploaded under its own name and title and shared in the channel right after the pages, once', async () => {
    await start();
    const bytes = new TextEncoder().encode('%PDF-1.7\n% the pack\n%%EOF\n');
    const file = {
      id: 'f'.repeat(43),
      fileName: 'board-meeting-SN-DAT-2026-spring-da.pdf',
      mediaType: 'application/pdf',
      title: 'Til studienævnsmødet – forår 2026',
      bytes,
    };
    const pack = (text: string): Message => ({
      fallbackText: 'Til studienævnsmødet',
      blocks: [
        { type: 'text', content: [text] },
        { type: 'file', file },
      ],
    });

    const posted = await slack.surface.postMessage(
      { kind: 'channel', channelId: 'C0SNDAT' },
      pack('52 sent'),
    );

    expect(double.acceptedPosts()[0]?.args.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '52 sent' } },
    ]);
    const [upload] = double.uploads.values();
    expect(upload).toMatchObject({ filename: 'board-meeting-SN-DAT-2026-spring-da.pdf', completed: true });
    expect([...(upload?.bytes ?? [])]).toEqual([...bytes]);
    expect(double.callsOf('files.completeUploadExternal')[0]?.args).toMatchObject({
      channel_id: 'C0SNDAT',
      files: [{ title: 'Til studienævnsmødet – forår 2026' }],
    });
    expect(posted.separateImageIds).toEqual([file.id]);

    // An update of the message shares the file no second time.
    await slack.surface.updateMessage(posted, pack('53 sent'));
    expect(double.callsOf('files.completeUploadExternal')).toHaveLength(1);
  });
});
