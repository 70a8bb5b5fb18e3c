import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotFrameworkDouble, SeededMember } from '../../support/bot-framework-double.js';
import { type BotOnEverySurface, startBotOnEverySurface } from '../../support/bot-on-every-surface.js';
import { progressExportCsv } from '../../support/progress-export-builder.js';
import { testDatabaseEngine } from '../../support/test-database.js';
import { cardActionAnswer, sentCard } from './support/connector-bodies.js';
import {
  boardChannel,
  cardAction,
  personalChatId,
  personalMessage,
  seedTeam,
  team,
  teamInstall,
  tenantId,
} from './support/teams-activities.js';

// The whole bot (real core, storage and reminder) behind the real Teams SDK:
// what Teams users read. The board's chair is configured by e-mail only
// (ak@uni.example); Teams knows her as Astrid Krag.
const chair: SeededMember = {
  id: '29:astrid-teams-id',
  name: 'Astrid Krag',
  aadObjectId: 'aad-astrid',
  email: 'ak@uni.example',
  userPrincipalName: 'ak@uni.example',
  tenantId,
};
const config = [
  'institution: { name: Teams University, language: en }',
  'faculties: [{ code: HUM, name: Humanities }]',
  'boards:',
  `  - { code: SN-HIS, name: History, faculty: HUM, chair: ${chair.email}, secretary: ${chair.email},`,
  `      channels: { teams: "${boardChannel.id}", console: sn-his } }`,
].join('\n');

let surfaces: BotOnEverySurface;
let teams: BotFrameworkDouble;
let bot: BotOnEverySurface['bot'];

beforeAll(async () => {
  surfaces = await startBotOnEverySurface({
    configYaml: config,
    slackUsers: [],
    seedTeams: (double) => {
      seedTeam(double);
      double.seedMembers(team.id, [chair]);
      double.seedMembers(boardChannel.id, [chair]);
      double.seedMembers(personalChatId, [chair]);
    },
  });
  ({ teams, bot } = surfaces);
  await postActivity(teamInstall(teams));
});
afterAll(async () => {
  await surfaces?.dispose();
});

async function postActivity(activity: object): Promise<{ status: number; body: string }> {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  return { status: response.status, body: await response.text() };
}

describe(`what Teams users read, from the whole bot (${testDatabaseEngine()})`, () => {
  it('the reminder in the board’s channel mentions the chair by the name Teams gives her, not by her e-mail', async () => {
    const csv = progressExportCsv([
      {
        studentId: 'S1',
        name: 'Ida Red',
        boardCode: 'SN-HIS',
        lastPassedOn: '2026-01-20',
        ectsExpected: 60,
        ectsPassed: 20,
      },
    ]);
    const query = new URLSearchParams({ as: chair.email ?? '', channel: 'sn-his', name: 'spring.csv' });
    await fetch(`${bot.url}/console/api/upload?${query}`, {
      method: 'POST',
      headers: { origin: bot.url },
      body: csv,
    });

    const reminder = teams
      .callsTo('send-activity')
      .find((call) => call.conversationId === boardChannel.id && JSON.stringify(call.body).includes('<at>'));
    const card = JSON.stringify(sentCard(reminder));
    expect(card).toContain('<at>Astrid Krag</at>');
    expect(card).not.toContain('<at>ak</at>');
    expect(sentCard(reminder)).toMatchObject({
      msteams: {
        entities: [
          { type: 'mention', text: '<at>Astrid Krag</at>', mentioned: { id: chair.id, name: 'Astrid Krag' } },
        ],
      },
    });
  });

  it('a click on a button the bot no longer knows tells the user to type “@Trafiklys help”', async () => {
    const response = await postActivity(
      cardAction(teams, { actionId: 'at-risk.retired-button', value: null }),
    );

    expect(response.status).toBe(200);
    const answer = String(cardActionAnswer(JSON.parse(response.body)).value);
    expect(answer).toContain('@Trafiklys help');
    expect(answer).not.toContain('/trafiklys');
  });

  it('an unknown command in the 1:1 chat tells the user to type “@Trafiklys help”', async () => {
    const before = teams.calls.length;

    await postActivity(personalMessage(teams, { text: 'frobnicate', locale: 'en-GB' }));

    const reply = teams.calls
      .slice(before)
      .find((call) => call.route === 'send-activity' && call.conversationId === personalChatId);
    expect(JSON.stringify(reply?.body)).toContain('@Trafiklys help');
    expect(JSON.stringify(reply?.body)).not.toContain('/trafiklys');
  });

  it.each(['nb-NO', 'no', 'nn-NO'])(
    'a Norwegian reader (Teams locale %s) asking for help in the 1:1 chat reads it in Bokmål, with the Norwegian command words',
    async (locale) => {
      const before = teams.calls.length;

      await postActivity(personalMessage(teams, { text: 'help', locale }));

      const reply = teams.calls
        .slice(before)
        .find((call) => call.route === 'send-activity' && call.conversationId === personalChatId);
      const card = JSON.stringify(reply?.body);
      expect(card).toContain('Trafiklys – kommandoer');
      expect(card).toContain('@Trafiklys påminn nå');
      expect(card).toContain('@Trafiklys send ut');
      expect(card).toContain(
        'Send periodens påminnelse om studenter i risiko for frafall til studieutvalget nå',
      );
      expect(card).not.toContain('remind now');
    },
  );

  it('a Norwegian chair’s “status” in the 1:1 chat lists her board’s cycles in Bokmål', async () => {
    const before = teams.calls.length;

    const astrid = { id: chair.id, name: chair.name, aadObjectId: chair.aadObjectId ?? '' };
    await postActivity(personalMessage(teams, { text: 'status', locale: 'nb-NO', from: astrid }));

    const reply = teams.calls
      .slice(before)
      .find((call) => call.route === 'send-activity' && call.conversationId === personalChatId);
    expect(JSON.stringify(reply?.body)).toMatch(/Periode.*Status.*vår 2026.*Utkast/s);
  });
});
