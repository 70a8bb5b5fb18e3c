import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { postSigned } from '../../support/slack-request-signer.js';
import { anne, eventually, type SlackHarness, settle, startSlackHarness } from './slack-harness.js';
import { boardChannel, eventCallback, fileShareMessage, reviewReady } from './slack-payloads.js';

let slack: SlackHarness;

beforeEach(async () => {
  slack = await startSlackHarness();
});

afterEach(async () => {
  await slack.close();
  slack.double.assertNoUnexpectedCalls();
});

describe('an event', () => {
  test('a CSV shared in a board channel is downloaded with the bot token and given to the core; the reply goes into its thread', async () => {
    const bytes = new TextEncoder().encode('student_id;board\nS1;SN-DAT\n');
    const file = slack.double.addSharedFile('spring.csv', bytes, 'text/csv');
    slack.bot.fileReply = () => ({ kind: 'message', visibility: 'conversation', message: reviewReady });
    const shared = fileShareMessage({ userId: anne.id, channelId: boardChannel, file });

    expect((await postSigned(slack.eventsUrl, slack.signer.event(eventCallback(shared)))).status).toBe(200);

    const [reply] = await eventually(() => {
      expect(slack.double.acceptedPosts(boardChannel)).toHaveLength(1);
      return slack.double.acceptedPosts(boardChannel);
    });
    expect(slack.bot.requests).toMatchObject([
      { kind: 'fileShared', actor: { userId: anne.id }, conversation: { conversationId: boardChannel } },
    ]);
    const request = slack.bot.requests[0];
    expect(request?.kind === 'fileShared' && Buffer.from(request.file.bytes).toString()).toBe(
      Buffer.from(bytes).toString(),
    );
    expect(request?.kind === 'fileShared' && request.file.name).toBe('spring.csv');
    expect(reply?.args.thread_ts).toBe(shared.ts);
  });

  test('Slack retries (x-slack-retry-num: 1) reach the core once', async () => {
    const file = slack.double.addSharedFile('spring.csv', new TextEncoder().encode('a;b\n'), 'text/csv');
    const delivery = eventCallback(
      fileShareMessage({ userId: anne.id, channelId: boardChannel, file }),
      'Ev0RETRY',
    );

    await postSigned(slack.eventsUrl, slack.signer.event(delivery));
    await eventually(() => expect(slack.bot.requests).toHaveLength(1));
    const retry = await postSigned(
      slack.eventsUrl,
      slack.signer.event(delivery, { retryNum: 1, retryReason: 'http_timeout', timestampOffsetSeconds: 1 }),
    );

    expect(retry.status).toBe(200);
    await settle();
    expect(slack.bot.requests).toHaveLength(1);
  });

  test('url_verification is answered with its challenge', async () => {
    const request = slack.signer.event({ token: 'x', challenge: 'c-123', type: 'url_verification' });

    const response = await postSigned(slack.eventsUrl, request);

    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ challenge: 'c-123' });
  });
});
