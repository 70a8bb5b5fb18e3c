import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { sentText } from './support/connector-bodies.js';
import {
  boardChannel,
  channelMessage,
  personalMessage,
  seedTeam,
  team,
  teamInstall,
} from './support/teams-activities.js';
import { startTeamsHarness, type TeamsHarness } from './support/teams-harness.js';

let harness: TeamsHarness;

beforeEach(async () => {
  harness = await startTeamsHarness();
  seedTeam(harness.double);
});

afterEach(async () => {
  harness.double.assertNoUnexpectedCalls();
  await harness.close();
});

describe('conversation references', () => {
  test("adding the app to a team stores every channel of the team, so a board's channel can be posted to before anyone writes there", async () => {
    const response = await harness.post(teamInstall(harness.double));

    expect(response.status).toBe(200);
    const reference = {
      serviceUrl: harness.double.serviceUrl,
      tenantId: 'tenant-0001',
      botId: `28:${harness.double.clientId}`,
      kind: 'channel',
    };
    expect(await harness.references.list()).toEqual([
      { ...reference, conversationId: team.id, channelName: 'General' },
      { ...reference, conversationId: boardChannel.id, channelName: boardChannel.name },
    ]);
    expect(harness.requests.requests).toEqual([]);
  });

  test('the first message in a 1:1 chat stores it as the personal chat of its user, with their locale', async () => {
    await harness.post(personalMessage(harness.double, { text: 'hello', locale: 'da-DK' }));

    expect(await harness.references.findPersonalByUser('aad-chair')).toEqual({
      conversationId: 'a:1personal-chair',
      serviceUrl: harness.double.serviceUrl,
      tenantId: 'tenant-0001',
      botId: `28:${harness.double.clientId}`,
      kind: 'personal',
      userId: 'aad-chair',
      locale: 'da-DK',
    });
  });

  test('a message in a channel stores the channel by its id, without the thread part', async () => {
    await harness.post(channelMessage(harness.double, 'status'));

    expect(await harness.references.findByConversationId(boardChannel.id)).toMatchObject({
      kind: 'channel',
      channelName: boardChannel.name,
    });
  });

  test('an activity without a readable envelope is refused with 400 and stores nothing', async () => {
    const { conversation: _conversation, ...withoutConversation } = personalMessage(harness.double, {
      text: 'hi',
    });

    const response = await harness.post(withoutConversation);

    expect(response.status).toBe(400);
    expect(await harness.references.list()).toEqual([]);
    expect(harness.requests.requests).toEqual([]);
  });
});

describe('messages that are not commands, and failures', () => {
  test('a channel message that neither mentions the bot nor starts with trafiklys is left alone', async () => {
    const message = channelMessage(harness.double, 'x');

    const response = await harness.post({ ...message, text: 'lunch at noon?', entities: [] });

    expect(response.status).toBe(200);
    expect(harness.requests.requests).toEqual([]);
    expect(harness.double.callsTo('send-activity')).toEqual([]);
  });

  test('a failing core gets the user a reply with a reference, in their language', async () => {
    harness.requests.commandReply = () => {
      throw new Error('database is down');
    };

    await harness.post(personalMessage(harness.double, { text: 'status' }));

    const [reply] = harness.double.callsTo('send-activity');
    expect(sentText(reply)).toMatch(/^Noget gik galt i Trafiklys.*reference: [0-9a-f]{8}\.$/);
  });

  test('an answer meant for the asker only, asked in a channel, goes to their 1:1 chat instead', async () => {
    harness.requests.commandReply = () => ({
      kind: 'message',
      message: { fallbackText: 'Your students', blocks: [{ type: 'text', content: ['Your students'] }] },
      visibility: 'only_actor',
    });

    await harness.post(channelMessage(harness.double, 'my students'));

    expect(harness.double.callsTo('create-conversation')).toHaveLength(1);
    expect(harness.double.callsTo('send-activity').map((call) => call.conversationId)).toEqual([
      'a:personal-1',
    ]);
  });
});

describe('files shared with the bot', () => {
  test('a file attached in the 1:1 chat is downloaded and handed to the core with its name and bytes', async () => {
    const bytes = new TextEncoder().encode('cpr;name;ects\n010190-1234;Karen;45\n');
    const downloadUrl = harness.double.hostFile('progress.csv', bytes);

    await harness.post(
      personalMessage(harness.double, {
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'progress.csv',
            contentUrl: 'https://uni.sharepoint.example/progress.csv',
            content: { downloadUrl, uniqueId: 'file-1', fileType: 'csv' },
          },
        ],
      }),
    );

    expect(harness.requests.requests).toMatchObject([
      { kind: 'fileShared', file: { name: 'progress.csv' }, actor: { userId: 'aad-chair' } },
    ]);
    const request = harness.requests.requests[0];
    expect(request?.kind === 'fileShared' ? Buffer.from(request.file.bytes) : null).toEqual(
      Buffer.from(bytes),
    );
    expect(JSON.stringify(harness.double.callsTo('send-activity')[0]?.body)).toContain(
      'Imported progress.csv',
    );
  });

  test('a file that cannot be downloaded gets a reply naming it, and the core is not called', async () => {
    await harness.post(
      personalMessage(harness.double, {
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'progress.csv',
            content: { downloadUrl: `${harness.double.serviceUrl}files/gone/progress.csv` },
          },
        ],
      }),
    );

    expect(harness.requests.requests).toEqual([]);
    expect(sentText(harness.double.callsTo('send-activity')[0])).toBe(
      'Trafiklys kunne ikke hente "progress.csv". Del den igen i denne chat.',
    );
  });
});
