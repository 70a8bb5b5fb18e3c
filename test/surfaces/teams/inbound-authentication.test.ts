import { afterEach, describe, expect, test } from 'vitest';
import { channelMessage, personalMessage, seedTeam } from './support/teams-activities.js';
import { startTeamsHarness, type TeamsHarness } from './support/teams-harness.js';

let harness: TeamsHarness;

afterEach(async () => {
  harness.double.assertNoUnexpectedCalls();
  await harness.close();
});

describe('inbound requests from Teams', () => {
  test('"/trafiklys remind now" with a valid Bot Framework token reaches the core as the command "remind now" with the actor, and the answer is posted in the chat', async () => {
    harness = await startTeamsHarness();
    seedTeam(harness.double);

    const response = await harness.post(personalMessage(harness.double, { text: '/trafiklys remind now' }));

    expect(response.status).toBe(200);
    expect(harness.requests.requests).toEqual([
      {
        kind: 'command',
        text: 'remind now',
        commandName: null,
        actor: {
          surface: 'teams',
          userId: 'aad-chair',
          email: 'kb@uni.example',
          displayName: 'Karen Blixen',
          locale: 'da-DK',
        },
        conversation: { surface: 'teams', conversationId: 'a:1personal-chair', kind: 'direct' },
      },
    ]);
    const [reply] = harness.double.callsTo('send-activity');
    expect(reply?.conversationId).toBe('a:1personal-chair');
    expect(reply?.authorized).toBe(true);
    expect(JSON.stringify(reply?.body)).toContain('You said: remind now');
  });

  test('an @mention of the bot in a channel is a command too, and the answer goes to the same thread', async () => {
    harness = await startTeamsHarness();
    seedTeam(harness.double);

    const response = await harness.post(channelMessage(harness.double, 'status'));

    expect(response.status).toBe(200);
    expect(harness.requests.requests).toMatchObject([
      {
        kind: 'command',
        text: 'status',
        conversation: { conversationId: '19:board-his@thread.tacv2', kind: 'channel' },
      },
    ]);
    expect(harness.double.callsTo('send-activity').map((call) => call.conversationId)).toEqual([
      '19:board-his@thread.tacv2;messageid=1700000000001',
    ]);
  });

  test('"@Trafiklys help", what Teams users are told to type, is the command "help" also when it arrives as plain text', async () => {
    harness = await startTeamsHarness();
    seedTeam(harness.double);

    const response = await harness.post(personalMessage(harness.double, { text: '@Trafiklys help' }));

    expect(response.status).toBe(200);
    expect(harness.requests.requests).toMatchObject([{ kind: 'command', text: 'help' }]);
  });

  test("a procedure's own command typed in a channel without a mention reaches the core whole, named by the list the core gives; other text is left alone", async () => {
    harness = await startTeamsHarness();
    seedTeam(harness.double);
    harness.requests.slashCommands = ['trafiklys', 'afvigelse'];
    const unmentioned = (text: string) => ({ ...channelMessage(harness.double, ''), text, entities: [] });

    expect((await harness.post(unmentioned('/afvigelse the lab is closed'))).status).toBe(200);
    expect((await harness.post(unmentioned('/afvig is not a command'))).status).toBe(200);

    expect(harness.requests.requests).toMatchObject([
      { kind: 'command', text: '/afvigelse the lab is closed', commandName: null },
    ]);
    expect(harness.requests.requests).toHaveLength(1);
  });

  test.each([
    ['no Authorization header', (_harness: TeamsHarness) => null],
    [
      'a token signed by a key the Bot Framework does not publish',
      (h: TeamsHarness) =>
        h.double.signInboundToken({ serviceUrl: h.double.serviceUrl, signedBy: 'foreign-key' }),
    ],
    [
      'an expired token',
      (h: TeamsHarness) => h.double.signInboundToken({ serviceUrl: h.double.serviceUrl, expiresIn: -3600 }),
    ],
    [
      'a token for another bot (wrong audience)',
      (h: TeamsHarness) =>
        h.double.signInboundToken({
          serviceUrl: h.double.serviceUrl,
          audience: '99999999-0000-0000-0000-000000000000',
        }),
    ],
    [
      'a token issued for another connector (serviceurl claim)',
      (h: TeamsHarness) => h.double.signInboundToken({ serviceUrl: 'https://smba.trafficmanager.net/emea/' }),
    ],
  ])(
    'a request with %s is refused with 401 and reaches neither the core nor the connector',
    async (_case, token) => {
      harness = await startTeamsHarness();

      const response = await harness.post(personalMessage(harness.double, { text: 'trafiklys help' }), {
        token: token(harness),
      });

      expect(response.status).toBe(401);
      expect(harness.requests.requests).toEqual([]);
      expect(harness.double.calls.filter((call) => call.route !== 'member')).toEqual([]);
      expect(await harness.references.list()).toEqual([]);
    },
  );

  test("the SDK's own DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS variable does not turn validation off", async () => {
    process.env.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS = 'true';
    try {
      harness = await startTeamsHarness();
      const response = await harness.post(personalMessage(harness.double, { text: 'trafiklys help' }), {
        token: null,
      });
      expect(response.status).toBe(401);
    } finally {
      delete process.env.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS;
    }
  });

  test('in local development an unsigned request is accepted, and a loud warning says so at start', async () => {
    harness = await startTeamsHarness({ mode: 'local-development' });

    const response = await harness.post(personalMessage(harness.double, { text: 'trafiklys help' }), {
      token: null,
    });

    expect(response.status).toBe(200);
    expect(harness.requests.requests).toMatchObject([{ kind: 'command', text: 'help' }]);
    expect(harness.double.callsTo('send-activity')).toHaveLength(1);
    expect(harness.log.lines()).toContainEqual(
      expect.objectContaining({ level: 40, msg: expect.stringContaining('NOT authenticated') }),
    );
  });
});
