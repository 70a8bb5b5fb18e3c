import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { BotFrameworkDouble, doubleTokenIssuer } from '../../support/bot-framework-double.js';
import { LoginDouble } from '../../support/login-double.js';
import { OutboundRequests } from '../../support/outbound-requests.js';
import { startTestBot } from '../../support/running-bot.js';
import { testDatabaseEngine } from '../../support/test-database.js';
import { cardActionAnswer } from './support/connector-bodies.js';
import { cardAction, chair, personalChatId, personalMessage, seedTeam } from './support/teams-activities.js';

// The whole bot as `npm start` wires it, configured for a cloud whose login
// host is not Microsoft's public one (a sovereign cloud, a proxy): client id,
// client secret and TEAMS_LOGIN_ENDPOINT pointing at an https double. The bot
// must get its token there, with MSAL asking no other host anything.
const clientSecret = 'the-bots-client-secret';
const config = [
  'institution: { name: Login University, language: en }',
  'faculties: [{ code: HUM, name: Humanities }]',
  'boards:',
  `  - { code: SN-HIS, name: History, faculty: HUM, chair: ${chair.email}, secretary: ${chair.email} }`,
].join('\n');

let teams: BotFrameworkDouble;
let login: LoginDouble;
let outbound: OutboundRequests;
let folder: string;
const systemCertificates = getCACertificates('default');

beforeAll(async () => {
  teams = await BotFrameworkDouble.start();
  seedTeam(teams);
  teams.seedMembers(personalChatId, [chair]);
  login = await LoginDouble.start({
    clientId: teams.clientId,
    clientSecret,
    mint: (scope, tenant) => teams.token(scope, tenant),
  });
  // The double's certificate is the only one trusted, as NODE_EXTRA_CA_CERTS
  // would add a private CA in a deployment: a TLS connection to any real host fails too.
  setDefaultCACertificates([login.certificate]);
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-login-endpoint-'));
  await writeFile(join(folder, 'trafiklys.config.yaml'), config);
  outbound = OutboundRequests.start();
});

afterAll(async () => {
  outbound?.stop();
  setDefaultCACertificates(systemCertificates);
  await login?.close();
  await teams?.close();
  await rm(folder, { recursive: true, force: true });
});

interface RunningTeamsBot {
  readonly url: string;
  /** The log lines written so far. */
  readonly logs: () => string;
  dispose(): Promise<void>;
}

/** The whole bot with Teams configured for the login double, given a client secret. */
async function startBot(secret: string): Promise<RunningTeamsBot> {
  let logs = '';
  const bot = await startTestBot({
    now: () => new Date('2026-04-06T06:00:00Z'),
    cwd: folder,
    logDestination: new Writable({
      write(chunk, _encoding, done) {
        logs += String(chunk);
        done();
      },
    }),
    env: {
      LOG_LEVEL: 'info',
      TRAFIKLYS_CONSOLE: 'off',
      PUBLIC_URL: 'https://trafiklys.uni.example',
      TEAMS_CLIENT_ID: teams.clientId,
      TEAMS_CLIENT_SECRET: secret,
      TEAMS_LOGIN_ENDPOINT: login.loginEndpoint,
      TEAMS_OPENID_METADATA_URL: teams.openIdMetadataUrl,
      TEAMS_TOKEN_ISSUER: doubleTokenIssuer,
    },
  });
  return { url: bot.url, logs: () => logs, dispose: () => bot.dispose() };
}

async function postActivity(
  bot: RunningTeamsBot,
  activity: object,
): Promise<{ status: number; body: string }> {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${teams.signInboundToken({ serviceUrl: teams.serviceUrl })}`,
    },
    body: JSON.stringify(activity),
  });
  return { status: response.status, body: await response.text() };
}

function expectOnlyTheDoubles(bot: RunningTeamsBot): void {
  const elsewhere = outbound.elsewhere([bot.url, teams.serviceUrl, login.origin]);
  outbound.clear();
  expect(elsewhere).toEqual([]);
  expect(login.unexpected).toEqual([]);
  teams.assertNoUnexpectedCalls();
}

describe(`Teams with TEAMS_LOGIN_ENDPOINT set (${testDatabaseEngine()})`, () => {
  let bot: RunningTeamsBot;
  beforeAll(async () => {
    bot = await startBot(clientSecret);
  });
  afterAll(async () => {
    await bot?.dispose();
  });
  afterEach(() => expectOnlyTheDoubles(bot));

  test('the bot gets its token from the configured login endpoint alone, and its answer reaches Teams with it', async () => {
    const response = await postActivity(bot, personalMessage(teams, { text: 'help', locale: 'en-GB' }));

    expect(response.status).toBe(200);
    const replies = teams.callsTo('send-activity').filter((call) => call.conversationId === personalChatId);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.authorized).toBe(true);
    expect(JSON.stringify(replies[0]?.body)).toContain('remind now');
    expect(login.tokenRequests).toEqual([
      {
        tenant: 'botframework.com',
        clientId: teams.clientId,
        grantType: 'client_credentials',
        scope: expect.stringContaining('https://api.botframework.com/.default'),
        accepted: true,
      },
    ]);
  });
});

describe(`Teams whose login endpoint refuses the client secret (${testDatabaseEngine()})`, () => {
  const wrongSecret = 'a-secret-that-expired';
  let bot: RunningTeamsBot;
  beforeAll(async () => {
    bot = await startBot(wrongSecret);
  });
  afterAll(async () => {
    await bot?.dispose();
  });
  afterEach(() => expectOnlyTheDoubles(bot));

  function expectLoggedWithoutPersonalData(): void {
    const lines = bot
      .logs()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 50, code: 'teams.token_failed', msg: expect.any(String) }),
    );
    for (const personal of [chair.name, chair.email ?? '', wrongSecret]) {
      expect(bot.logs()).not.toContain(personal);
    }
  }

  test('a message is still answered 200 without a body (a 500 makes Bot Framework send it again), and the failure is logged by its code without personal data', async () => {
    const before = teams.calls.length;

    const response = await postActivity(bot, personalMessage(teams, { text: 'status', locale: 'en-GB' }));

    expect(response).toEqual({ status: 200, body: '' });
    expect(teams.calls.slice(before).filter((call) => call.route === 'send-activity')).toEqual([]);
    expectLoggedWithoutPersonalData();
  });

  test('a card click is answered with the invoke response saying that it failed', async () => {
    const response = await postActivity(bot, cardAction(teams, { actionId: 'no-such-action', value: null }));

    expect(response.status).toBe(200);
    const answer = cardActionAnswer(JSON.parse(response.body));
    expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(String(answer.value)).toContain('Something went wrong in Trafiklys');
    expectLoggedWithoutPersonalData();
  });
});
