import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { postSigned } from '../../support/slack-request-signer.js';
import { anne, bo, eventually, type SlackHarness, settle, startSlackHarness } from './slack-harness.js';
import { boardChannel, deviationForm, reviewReady, slashCommand } from './slack-payloads.js';

let slack: SlackHarness;

beforeEach(async () => {
  slack = await startSlackHarness();
});

afterEach(async () => {
  await slack.close();
  slack.double.assertNoUnexpectedCalls();
});

function commandFrom(userId: string, text: string) {
  return slack.signer.command(
    slashCommand({ userId, channelId: boardChannel, text, responseUrl: slack.double.responseUrl() }),
  );
}

describe('a slash command', () => {
  test('reaches the core with the actor (e-mail and locale from users.info) and the text, and the answer only the actor sees comes by response_url', async () => {
    slack.bot.commandReply = () => ({ kind: 'message', visibility: 'only_actor', message: reviewReady });

    const response = await postSigned(slack.eventsUrl, commandFrom(anne.id, '  remind now '));

    expect(response.status).toBe(200);
    const [request] = await eventually(() => {
      expect(slack.double.responses).toHaveLength(1);
      return slack.bot.requests;
    });
    expect(request).toEqual({
      kind: 'command',
      actor: { surface: 'slack', userId: anne.id, email: anne.email, displayName: 'Anne', locale: 'da-DK' },
      conversation: { surface: 'slack', conversationId: boardChannel, kind: 'channel' },
      text: 'remind now',
      commandName: 'trafiklys',
    });
    expect(slack.double.responses[0]?.body).toEqual({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'The review list is ready',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'The review list is ready.' } }],
    });
    expect(slack.double.acceptedPosts()).toEqual([]);
  });

  test('an answer for the actor alone that carries a chart goes to her direct chat with the bot, the chart shared there (an ephemeral message cannot carry a file)', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    slack.bot.commandReply = () => ({
      kind: 'message',
      visibility: 'only_actor',
      message: {
        fallbackText: 'Statistics',
        blocks: [
          { type: 'text', content: ['12 deviations'] },
          {
            type: 'image',
            image: { id: 'b'.repeat(64), png, width: 600, height: 300 },
            altText: 'By category',
          },
        ],
      },
    });

    await postSigned(slack.eventsUrl, commandFrom(anne.id, 'stats'));

    const directChannel = `D${anne.id.slice(1)}`;
    const [post] = await eventually(() => {
      expect(slack.double.callsOf('files.completeUploadExternal')).toHaveLength(1);
      return slack.double.acceptedPosts(directChannel);
    });
    expect(post?.args).toMatchObject({ channel: directChannel, text: 'Statistics' });
    expect(slack.double.callsOf('files.completeUploadExternal')[0]?.args).toMatchObject({
      channel_id: directChannel,
    });
    expect([...(slack.double.uploads.values().next().value?.bytes ?? [])]).toEqual([...png]);
    expect(slack.double.responses).toEqual([]);
    expect(slack.double.acceptedPosts(boardChannel)).toEqual([]);
  });

  test('with an answer for the conversation, posts it in the channel', async () => {
    slack.bot.commandReply = () => ({ kind: 'message', visibility: 'conversation', message: reviewReady });

    await postSigned(slack.eventsUrl, commandFrom(bo.id, 'status'));

    const [post] = await eventually(() => {
      expect(slack.double.acceptedPosts(boardChannel)).toHaveLength(1);
      return slack.double.acceptedPosts(boardChannel);
    });
    expect(post?.args).toMatchObject({ channel: boardChannel, text: 'The review list is ready' });
    expect(slack.double.responses).toEqual([]);
  });

  test('users.info is asked once per person, however many commands they send', async () => {
    await postSigned(slack.eventsUrl, commandFrom(anne.id, 'one'));
    await postSigned(slack.eventsUrl, commandFrom(anne.id, 'two'));

    await eventually(() => expect(slack.bot.requests).toHaveLength(2));
    expect(slack.double.callsOf('users.info')).toHaveLength(1);
    expect(slack.double.callsOf('users.info')[0]?.args).toMatchObject({
      user: anne.id,
      include_locale: 'true',
    });
  });

  test('with a bad signature is refused with 401 and never reaches the core', async () => {
    const forged = slack.signer.command(
      slashCommand({
        userId: anne.id,
        channelId: boardChannel,
        text: 'x',
        responseUrl: slack.double.responseUrl(),
      }),
      { badSignature: true },
    );

    expect((await postSigned(slack.eventsUrl, forged)).status).toBe(401);
    await settle();
    expect(slack.bot.requests).toEqual([]);
  });

  test('signed six minutes ago is refused with 401', async () => {
    const stale = slack.signer.command(
      slashCommand({
        userId: anne.id,
        channelId: boardChannel,
        text: 'x',
        responseUrl: slack.double.responseUrl(),
      }),
      { timestampOffsetSeconds: -6 * 60 },
    );

    expect((await postSigned(slack.eventsUrl, stale)).status).toBe(401);
    await settle();
    expect(slack.bot.requests).toEqual([]);
  });

  test('signed six minutes ahead is refused with 401 (Bolt alone would accept it)', async () => {
    const ahead = slack.signer.command(
      slashCommand({
        userId: anne.id,
        channelId: boardChannel,
        text: 'x',
        responseUrl: slack.double.responseUrl(),
      }),
      { timestampOffsetSeconds: 6 * 60 },
    );

    expect((await postSigned(slack.eventsUrl, ahead)).status).toBe(401);
    await settle();
    expect(slack.bot.requests).toEqual([]);
  });

  test('sent twice with the same signature reaches the core once', async () => {
    const request = commandFrom(anne.id, 'remind now');

    const first = await postSigned(slack.eventsUrl, request);
    const replay = await postSigned(slack.eventsUrl, request);

    expect([first.status, replay.status]).toEqual([200, 200]);
    await eventually(() => expect(slack.bot.requests).toHaveLength(1));
    await settle();
    expect(slack.bot.requests).toHaveLength(1);
  });

  test('form-encoded with "; charset=utf-8" is accepted as Slack sends it without', async () => {
    const body = slashCommand({
      userId: anne.id,
      channelId: boardChannel,
      text: 'æøå',
      responseUrl: slack.double.responseUrl(),
    });
    const request = slack.signer.command(body, {
      contentType: 'application/x-www-form-urlencoded; charset=utf-8',
    });

    expect((await postSigned(slack.eventsUrl, request)).status).toBe(200);
    await eventually(() => expect(slack.bot.requests).toMatchObject([{ kind: 'command', text: 'æøå' }]));
  });

  test('when the core fails, the actor is told so with a reference, in their language', async () => {
    slack.bot.commandReply = () => {
      throw new Error('database is down');
    };

    await postSigned(slack.eventsUrl, commandFrom(anne.id, 'remind now'));

    const [answer] = await eventually(() => {
      expect(slack.double.responses).toHaveLength(1);
      return slack.double.responses;
    });
    expect(String(answer?.body.text)).toMatch(
      /^Noget gik galt i Trafiklys, .* denne reference: [0-9a-f]{8}\.$/,
    );
    expect(slack.logs.text()).toContain('database is down');
  });

  test('with a form as the answer opens a modal with the trigger id', async () => {
    slack.bot.commandReply = () => ({ kind: 'form', form: deviationForm });
    const request = commandFrom(anne.id, 'deviation');
    const triggerId = new URLSearchParams(request.body).get('trigger_id');

    await postSigned(slack.eventsUrl, request);

    const [open] = await eventually(() => {
      expect(slack.double.callsOf('views.open')).toHaveLength(1);
      return slack.double.callsOf('views.open');
    });
    expect(open?.args).toMatchObject({
      trigger_id: triggerId,
      view: { type: 'modal', callback_id: 'at-risk.note' },
    });
  });
});

describe("a procedure's own slash command", () => {
  test('is registered from the list the core gives, and reaches the core with its name: no Slack code names it', async () => {
    await slack.close();
    slack = await startSlackHarness({ slashCommands: ['trafiklys', 'afvigelse'] });
    slack.bot.commandReply = () => ({ kind: 'message', visibility: 'only_actor', message: reviewReady });

    const response = await postSigned(
      slack.eventsUrl,
      slack.signer.command(
        slashCommand({
          userId: anne.id,
          channelId: boardChannel,
          text: 'the lab is closed',
          responseUrl: slack.double.responseUrl(),
          command: '/afvigelse',
        }),
      ),
    );

    expect(response.status).toBe(200);
    await eventually(() => expect(slack.double.responses).toHaveLength(1));
    expect(slack.bot.requests).toMatchObject([
      { kind: 'command', text: 'the lab is closed', commandName: 'afvigelse' },
    ]);
  });
});
