import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Message } from '../../../src/messages/message-model.js';
import { isTeamsSurfaceError } from '../../../src/surfaces/teams/teams-errors.js';
import { adaptiveCardProblems } from './support/adaptive-card-check.js';
import { sentAttachments, sentCard } from './support/connector-bodies.js';
import { textMessage } from './support/fake-bot-requests.js';
import {
  boardChannel,
  chair,
  personalMessage,
  secretary,
  seedTeam,
  team,
  teamInstall,
} from './support/teams-activities.js';
import { startTeamsHarness, type TeamsHarness } from './support/teams-harness.js';

const teamsMessageLimit = 40 * 1024;

let harness: TeamsHarness;

beforeEach(async () => {
  harness = await startTeamsHarness();
  seedTeam(harness.double);
  expect((await harness.post(teamInstall(harness.double))).status).toBe(200);
  harness.double.calls.length = 0;
});

afterEach(async () => {
  harness.double.assertNoUnexpectedCalls();
  await harness.close();
});

function boardTable(students: number): Message {
  return {
    fallbackText: `Students at risk of delay: ${students}`,
    blocks: [
      { type: 'heading', text: 'Students at risk of delay – History' },
      {
        type: 'text',
        content: [
          { kind: 'mention', person: { email: 'kb@uni.example', displayName: 'Karen Blixen' } },
          ', please review.',
        ],
      },
      {
        type: 'table',
        columns: [
          { header: 'Student' },
          { header: 'Student no.' },
          { header: 'ECTS passed', align: 'right' },
          { header: 'Light' },
        ],
        rows: Array.from({ length: students }, (_, index) => [
          `Student Number${index} Æblegaard-Østergård`,
          `S${String(100000 + index)}`,
          String((index * 7) % 180),
          index % 3 === 0 ? 'red' : 'yellow',
        ]),
      },
      {
        type: 'actions',
        elements: [{ type: 'button', actionId: 'at-risk.review', label: 'Review', value: 'cycle-1' }],
      },
    ],
  };
}

describe('posting to Teams without an inbound message', () => {
  test("a board's channel gets its message as Adaptive Card 1.5 activities, each under Teams' 40 KB, even for 2,000 students", async () => {
    const posted = await harness.bot.surface.postMessage(
      { kind: 'channel', channelId: boardChannel.id },
      boardTable(2000),
    );

    const sends = harness.double.callsTo('send-activity');
    expect(sends.length).toBeGreaterThan(1);
    expect(posted).toEqual({
      surface: 'teams',
      conversationId: boardChannel.id,
      messageIds: sends.map((_, index) => `activity-${index + 1}`),
    });
    for (const send of sends) {
      expect(send.conversationId).toBe(boardChannel.id);
      expect(send.authorized).toBe(true);
      expect(send.bodyBytes).toBeLessThanOrEqual(teamsMessageLimit);
      const attachments = sentAttachments(send);
      expect(attachments.map((attachment) => attachment.contentType)).toEqual([
        'application/vnd.microsoft.card.adaptive',
      ]);
      expect(adaptiveCardProblems(attachments[0]?.content)).toEqual([]);
    }
    const everything = JSON.stringify(sends.map((send) => send.body));
    expect(everything).toContain('S101999');
    // The mention is resolved from the team's roster to her Teams id.
    expect(everything).toContain('29:chair-teams-id');
    expect(harness.metrics.counts.teams_posts).toBe(sends.length);
  });

  test.each([
    ['its name', { name: 'Karen Blixen' }, 'Karen Blixen'],
    ['only a given name and surname', { name: '', givenName: 'Karen', surname: 'Dinesen' }, 'Karen Dinesen'],
    ['no name at all', { name: ' ' }, 'the configured name'],
  ])('a mention reads the name Teams gives for the member when it gives %s', async (_case, names, shown) => {
    for (const conversation of [team.id, boardChannel.id]) {
      harness.double.seedMembers(conversation, [{ ...chair, ...names }]);
    }
    const message: Message = {
      fallbackText: 'Please review.',
      blocks: [
        {
          type: 'text',
          content: [
            { kind: 'mention', person: { email: 'KB@uni.example', displayName: 'the configured name' } },
            ', please review.',
          ],
        },
      ],
    };

    await harness.bot.surface.postMessage({ kind: 'channel', channelId: boardChannel.id }, message);

    const [send] = harness.double.callsTo('send-activity');
    expect(sentCard(send)).toMatchObject({
      body: [{ type: 'TextBlock', text: `<at>${shown}</at>, please review.` }],
      msteams: { entities: [{ text: `<at>${shown}</at>`, mentioned: { id: chair.id, name: shown } }] },
    });
  });

  test('a channel of a team the app was not added to is a coded error, not a silent drop', async () => {
    const posting = harness.bot.surface.postMessage(
      { kind: 'channel', channelId: '19:unknown-board@thread.tacv2' },
      textMessage('Reminder'),
    );

    await expect(posting).rejects.toSatisfy(
      (error) =>
        isTeamsSurfaceError(error) &&
        error.code === 'teams.channel_not_installed' &&
        error.message.includes('the bot has not been added to that Teams channel yet'),
    );
    expect(harness.double.calls).toEqual([]);
  });

  test('a person is written to in a 1:1 chat opened with conversations.create, and the chat is reused next time', async () => {
    const first = await harness.bot.surface.postMessage(
      { kind: 'direct', email: 'NB@uni.example' },
      textMessage('Hi'),
    );
    const second = await harness.bot.surface.postMessage(
      { kind: 'direct', email: 'nb@uni.example' },
      textMessage('Again'),
    );

    const [create, ...moreCreates] = harness.double.callsTo('create-conversation');
    expect(moreCreates).toEqual([]);
    expect(create?.body).toMatchObject({
      isGroup: false,
      bot: { id: `28:${harness.double.clientId}` },
      members: [{ id: secretary.id }],
      tenantId: 'tenant-0001',
    });
    expect(first.conversationId).toBe('a:personal-1');
    expect(second.conversationId).toBe('a:personal-1');
    expect(harness.double.callsTo('send-activity').map((call) => call.conversationId)).toEqual([
      'a:personal-1',
      'a:personal-1',
    ]);
    expect(await harness.references.findPersonalByUser('aad-secretary')).toMatchObject({
      conversationId: 'a:personal-1',
      kind: 'personal',
      serviceUrl: harness.double.serviceUrl,
    });
  });

  test('someone who has talked to the bot is written to in that chat, without creating one', async () => {
    await harness.post(personalMessage(harness.double, { text: 'hello' }));
    harness.double.calls.length = 0;

    await harness.bot.surface.postMessage(
      { kind: 'direct', email: 'kb@uni.example' },
      textMessage('Reminder'),
    );

    expect(harness.double.callsTo('create-conversation')).toEqual([]);
    expect(harness.double.callsTo('send-activity').map((call) => call.conversationId)).toEqual([
      'a:1personal-chair',
    ]);
  });

  test('an e-mail no roster knows is a coded error', async () => {
    await expect(
      harness.bot.surface.postMessage({ kind: 'direct', email: 'stranger@uni.example' }, textMessage('Hi')),
    ).rejects.toSatisfy((error) => isTeamsSurfaceError(error) && error.code === 'teams.user_not_found');
  });

  test('updating a posted message replaces its activity in place (PUT)', async () => {
    const posted = await harness.bot.surface.postMessage(
      { kind: 'channel', channelId: boardChannel.id },
      textMessage('3 students to review'),
    );

    await harness.bot.surface.updateMessage(posted, textMessage('Reviewed by Karen Blixen'));

    const [update] = harness.double.callsTo('update-activity');
    expect(update).toMatchObject({
      method: 'PUT',
      conversationId: boardChannel.id,
      activityId: 'activity-1',
    });
    expect(JSON.stringify(update?.body)).toContain('Reviewed by Karen Blixen');
  });

  test('a message that grows sends its new pages and returns them, so the next update edits them in place', async () => {
    const posted = await harness.bot.surface.postMessage(
      { kind: 'channel', channelId: boardChannel.id },
      textMessage('3 students to review'),
    );

    const grown = await harness.bot.surface.updateMessage(posted, boardTable(2000));
    expect(grown.messageIds.length).toBeGreaterThan(1);
    expect(grown.messageIds[0]).toBe(posted.messageIds[0]);
    const sentBefore = harness.double.callsTo('send-activity').length;

    await harness.bot.surface.updateMessage(grown, boardTable(2000));

    expect(harness.double.callsTo('send-activity')).toHaveLength(sentBefore);
    expect(harness.double.callsTo('update-activity').map((call) => call.activityId)).toEqual([
      posted.messageIds[0],
      ...grown.messageIds,
    ]);
  });

  test('a message that shrinks to fewer pages updates the first and deletes the rest', async () => {
    const posted = await harness.bot.surface.postMessage(
      { kind: 'channel', channelId: boardChannel.id },
      boardTable(2000),
    );

    await harness.bot.surface.updateMessage(posted, textMessage('All reviewed'));

    expect(harness.double.callsTo('update-activity').map((call) => call.activityId)).toEqual(['activity-1']);
    expect(harness.double.callsTo('delete-activity').map((call) => call.activityId)).toEqual(
      posted.messageIds.slice(1),
    );
  });

  test("a person is resolved by e-mail from the rosters of the bot's conversations, read once and cached", async () => {
    const first = await harness.bot.surface.resolveUser('kb@uni.example');
    const again = await harness.bot.surface.resolveUser('KB@uni.example');
    const stranger = await harness.bot.surface.resolveUser('stranger@uni.example');

    expect(first).toEqual({
      surface: 'teams',
      userId: 'aad-chair',
      email: 'kb@uni.example',
      displayName: 'Karen Blixen',
      locale: null,
    });
    expect(again).toEqual(first);
    expect(stranger).toBeNull();
    const rosterReads = harness.double.callsTo('members').map((call) => call.conversationId);
    expect(new Set(rosterReads).size).toBe(rosterReads.length);
    expect(rosterReads).toContain(team.id);
  });

  test('a person who wrote to the bot in their 1:1 chat resolves with the locale Teams told there', async () => {
    expect(
      (await harness.post(personalMessage(harness.double, { text: 'help', locale: 'en-GB' }))).status,
    ).toBe(200);

    expect(await harness.bot.surface.resolveUser('kb@uni.example')).toMatchObject({
      userId: 'aad-chair',
      locale: 'en-GB',
    });
  });

  test('a 429 from the connector is retried after its Retry-After, and later messages to the channel keep their order', async () => {
    harness.double.failNext({ route: 'send-activity', status: 429, retryAfterSeconds: 2 });

    const channel = { kind: 'channel', channelId: boardChannel.id } as const;
    await Promise.all([
      harness.bot.surface.postMessage(channel, textMessage('first')),
      harness.bot.surface.postMessage(channel, textMessage('second')),
      harness.bot.surface.postMessage(channel, textMessage('third')),
    ]);

    const attempts = harness.double.calls.filter((call) => call.route === 'send-activity');
    expect(
      attempts.map((call) => [call.status, JSON.stringify(call.body).match(/first|second|third/)?.[0]]),
    ).toEqual([
      [429, 'first'],
      [201, 'first'],
      [201, 'second'],
      [201, 'third'],
    ]);
    expect(harness.sleeps).toEqual([2000]);
    expect(harness.metrics.counts).toMatchObject({ teams_retries: 1, teams_posts: 3, teams_failures: 0 });
  });

  test('a connector that keeps failing gives up after the retries with a coded error', async () => {
    for (let attempt = 0; attempt < 5; attempt++)
      harness.double.failNext({ route: 'send-activity', status: 502 });

    await expect(
      harness.bot.surface.postMessage(
        { kind: 'channel', channelId: boardChannel.id },
        textMessage('Reminder'),
      ),
    ).rejects.toSatisfy((error) => isTeamsSurfaceError(error) && error.code === 'teams.connector_failed');
    expect(harness.sleeps).toEqual([1000, 2000, 4000, 8000]);
    expect(harness.metrics.counts).toMatchObject({ teams_retries: 4, teams_failures: 1 });
  });
});
