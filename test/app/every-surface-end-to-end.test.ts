import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotFrameworkDouble } from '../support/bot-framework-double.js';
import { type BotOnEverySurface, startBotOnEverySurface } from '../support/bot-on-every-surface.js';
import { consoleClient } from '../support/console-client.js';
import { progressExportCsv } from '../support/progress-export-builder.js';
import type { SlackApiDouble } from '../support/slack-api-double.js';
import { postSigned } from '../support/slack-request-signer.js';
import { testDatabaseEngine } from '../support/test-database.js';
import { blockActions, slashCommand } from '../surfaces/slack/slack-payloads.js';
import {
  boardChannel,
  cardAction,
  chair,
  channelMessage,
  seedTeam,
  teamInstall,
} from '../surfaces/teams/support/teams-activities.js';

// The whole bot (the real core, storage and reminder) behind each platform's
// real SDK: the reminder and the review list, asked for on Slack and on Teams.
const chairEmail = chair.email ?? '';
const config = [
  'institution: { name: Surface University, language: en }',
  'faculties: [{ code: HUM, name: Humanities }]',
  'boards:',
  `  - { code: SN-HIS, name: History, faculty: HUM, chair: ${chairEmail}, secretary: ${chairEmail},`,
  `      channels: { slack: C0HISTORY1, teams: "${boardChannel.id}", console: sn-his } }`,
].join('\n');

let surfaces: BotOnEverySurface;
let slack: SlackApiDouble;
let teams: BotFrameworkDouble;
let bot: BotOnEverySurface['bot'];

beforeAll(async () => {
  surfaces = await startBotOnEverySurface({
    configYaml: config,
    slackUsers: [{ id: 'U0CHAIR', email: chairEmail, realName: chair.name, locale: 'en-GB' }],
    seedTeams: seedTeam,
  });
  ({ slack, teams, bot } = surfaces);
  await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(teamInstall(teams)),
  });
  const csv = progressExportCsv([
    {
      studentId: 'S1',
      name: 'Ida Red',
      boardCode: 'SN-HIS',
      lastPassedOn: '2026-01-20',
      ectsExpected: 60,
      ectsPassed: 20,
    },
    { studentId: 'S2', name: 'Bo Green', boardCode: 'SN-HIS', lastPassedOn: '2026-01-20' },
  ]);
  await consoleClient(bot.url, { as: chairEmail }).upload('sn-his', 'spring.csv', csv);
});
afterAll(async () => {
  await surfaces?.dispose();
});

async function eventually<T>(probe: () => T | undefined, what: string): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`waited in vain for ${what}`);
}

describe(`every flow on every surface, end to end (${testDatabaseEngine()})`, () => {
  it('the reminder is in the board’s Slack channel and Teams channel', () => {
    expect(slack.acceptedPosts('C0HISTORY1')).toHaveLength(1);
    const teamsPost = teams.calls.find(
      (call) => call.route === 'send-activity' && call.conversationId === boardChannel.id,
    );
    expect(JSON.stringify(teamsPost?.body)).toContain('At-risk students – spring 2026 – History');
  });

  it('on Slack, /trafiklys remind now answers the chair and posts nothing twice; “Review students” lists the students', async () => {
    const signer = surfaces.slackSigner;
    const command = slashCommand({
      userId: 'U0CHAIR',
      channelId: 'C0HISTORY1',
      text: 'remind now',
      responseUrl: slack.responseUrl(),
    });
    expect((await postSigned(`${bot.url}/slack/events`, signer.command(command))).status).toBe(200);
    const answer = await eventually(
      () =>
        slack.responses.find((response) => JSON.stringify(response.body).includes('History, spring 2026')),
      'the answer to remind now',
    );
    // Said per platform: the reminder was already in the channel everywhere.
    expect(JSON.stringify(answer.body)).toContain(
      "History, spring 2026: already in the board's channel on the console, Slack and Teams",
    );
    expect(slack.acceptedPosts('C0HISTORY1')).toHaveLength(1);

    const click = blockActions({
      userId: 'U0CHAIR',
      channelId: 'C0HISTORY1',
      actionId: 'at-risk.review',
      value: 'SN-HIS|spring|2026',
      responseUrl: slack.responseUrl(),
    });
    expect((await postSigned(`${bot.url}/slack/events`, signer.interaction(click))).status).toBe(200);
    const list = await eventually(
      () => slack.responses.find((response) => JSON.stringify(response.body).includes('Ida Red')),
      'the review list',
    );
    expect(JSON.stringify(list.body)).toContain('Bo Green');
  });

  it('on Teams, “@Trafiklys remind now” answers the chair; “Review students” lists the students', async () => {
    const before = teams.calls.length;
    const command = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(channelMessage(teams, 'remind now')),
    });
    expect(command.status).toBeLessThan(300);
    await eventually(
      () =>
        teams.calls.slice(before).find((call) => JSON.stringify(call.body).includes('History, spring 2026')),
      'the answer to remind now on Teams',
    );
    const click = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(cardAction(teams, { actionId: 'at-risk.review', value: 'SN-HIS|spring|2026' })),
    });
    expect(click.status).toBe(200);
    const answered =
      (await click.text()) + JSON.stringify(teams.calls.slice(before).map((call) => call.body));
    expect(answered).toContain('Ida Red');
    expect(
      teams.calls.filter((call) => call.route === 'send-activity' && call.conversationId === boardChannel.id),
    ).toHaveLength(1);
  });
});
