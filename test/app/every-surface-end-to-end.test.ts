import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotFrameworkDouble } from '../support/bot-framework-double.js';
import { type BotOnEverySurface, startBotOnEverySurface } from '../support/bot-on-every-surface.js';
import { consoleClient } from '../support/console-client.js';
import { progressExportCsv } from '../support/progress-export-builder.js';
import type { SlackApiDouble } from '../support/slack-api-double.js';
import { postSigned } from '../support/slack-request-signer.js';
import { testDatabaseEngine } from '../support/test-database.js';
import {
  blockActions,
  slashCommand,
  viewBlockActions,
  viewSubmission,
} from '../surfaces/slack/slack-payloads.js';
import { dialogAnswer, sentCard } from '../surfaces/teams/support/connector-bodies.js';
import {
  boardChannel,
  chair,
  channelMessage,
  dialogFetch,
  dialogSubmit,
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

const norwegianSlackUsers = [
  { id: 'U0NORBM', email: 'ingrid@uni.example', realName: 'Ingrid Bokmål', locale: 'nb-NO' },
  { id: 'U0NORNO', email: 'ola@uni.example', realName: 'Ola Nordmann', locale: 'no' },
  { id: 'U0NORNN', email: 'kari@uni.example', realName: 'Kari Nynorsk', locale: 'nn-NO' },
];

let surfaces: BotOnEverySurface;
let slack: SlackApiDouble;
let teams: BotFrameworkDouble;
let bot: BotOnEverySurface['bot'];

beforeAll(async () => {
  surfaces = await startBotOnEverySurface({
    configYaml: config,
    slackUsers: [
      { id: 'U0CHAIR', email: chairEmail, realName: chair.name, locale: 'en-GB' },
      // Readers Slack tells Norwegian in each of the ways it may: Bokmål, plain Norwegian, Nynorsk.
      ...norwegianSlackUsers,
    ],
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

  it('on Slack, /trafiklys remind now answers the chair and posts nothing twice; “Review students” opens one modal, changed in place', async () => {
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
    const opened = await eventually(() => slack.openedViews[0], 'the review list as a modal');
    // One view: one views.open and not one ephemeral message or response for the list.
    expect(JSON.stringify(opened.view)).toContain('Ida Red');
    expect(JSON.stringify(opened.view)).not.toContain('Bo Green');
    expect(slack.callsOf('views.open')).toHaveLength(1);
    expect(slack.callsOf('chat.postEphemeral')).toEqual([]);
    expect(slack.responses.filter((response) => JSON.stringify(response.body).includes('Ida Red'))).toEqual(
      [],
    );

    // The category menu inside the modal: the same view shows the yellow students (none).
    const view = opened.view as { callback_id: string; private_metadata: string };
    const choose = viewBlockActions({
      userId: 'U0CHAIR',
      viewId: opened.id,
      hash: slack.viewHash(opened.id),
      externalId: opened.externalId,
      callbackId: view.callback_id,
      privateMetadata: view.private_metadata,
      values: { search: { search: { type: 'plain_text_input', value: null } } },
      action: { type: 'static_select', actionId: 'at-risk.review-list.category', value: 'yellow' },
    });
    expect((await postSigned(`${bot.url}/slack/events`, signer.interaction(choose))).status).toBe(200);
    const updated = await eventually(() => slack.updatedViews[0], 'the modal updated in place');
    expect(updated.id).toBe(opened.id);
    expect(JSON.stringify(updated.view)).toContain('No student matches.');
    expect(slack.callsOf('views.open')).toHaveLength(1);

    // The search box and the modal's Search button: the answer is the view, updated in place.
    const searched = await postSigned(
      `${bot.url}/slack/events`,
      signer.interaction(
        viewSubmission({
          userId: 'U0CHAIR',
          viewId: opened.id,
          externalId: opened.externalId,
          callbackId: view.callback_id,
          privateMetadata: view.private_metadata,
          values: { search: { search: { type: 'plain_text_input', value: 'ida' } } },
        }),
      ),
    );
    const found = JSON.parse(searched.body) as { response_action: string; view: unknown };
    expect(found.response_action).toBe('update');
    expect(JSON.stringify(found.view)).toContain('1 student matches “ida”.');
    expect(JSON.stringify(found.view)).toContain('Ida Red');
  });

  it.each(norwegianSlackUsers)(
    'on Slack, a reader whose Slack locale is $locale gets help in Bokmål, and “påminn nå” reaches the reminder command',
    async ({ id }) => {
      const ask = async (text: string, expected: string) => {
        const before = slack.responses.length;
        const command = slashCommand({
          userId: id,
          channelId: 'C0HISTORY1',
          text,
          responseUrl: slack.responseUrl(),
        });
        expect(
          (await postSigned(`${bot.url}/slack/events`, surfaces.slackSigner.command(command))).status,
        ).toBe(200);
        return eventually(
          () =>
            slack.responses
              .slice(before)
              .find((response) => JSON.stringify(response.body).includes(expected)),
          `the answer to ${text}`,
        );
      };

      const help = JSON.stringify((await ask('help', 'Trafiklys – kommandoer')).body);
      expect(help).toContain('/trafiklys påminn nå');
      expect(help).toContain('/trafiklys send ut');
      expect(help).toContain('Vis denne hjelpen');
      expect(help).not.toContain('remind now');
      // Not on the board: the reminder command answers, and refuses her, in Bokmål.
      const refused = await ask('påminn nå', 'Du har ikke tilgang til å sende påminnelsen.');
      expect(JSON.stringify(refused.body)).toContain('Kontakt studieutvalgets sekretær');
    },
  );

  it('on Teams, “@Trafiklys remind now” answers the chair; “Review students” opens one dialog, changed in place', async () => {
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
    // The reminder's button opens the dialog itself (task/fetch), with the click it carries.
    const reminder = teams.calls.find(
      (call) => call.route === 'send-activity' && call.conversationId === boardChannel.id,
    );
    const button = JSON.stringify(sentCard(reminder));
    const origin = /"trafiklysForm":(\{[^}]*\})/.exec(button)?.[1];
    expect(origin).toBe('{"source":"action","actionId":"at-risk.review","value":"SN-HIS|spring|2026"}');
    const sentBefore = teams.calls.filter((call) => call.route === 'send-activity').length;
    const opened = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(dialogFetch(teams, { trafiklysForm: JSON.parse(origin ?? '{}') }, 'channel')),
    });
    expect(opened.status).toBe(200);
    const dialog = dialogAnswer(await opened.json());
    expect(dialog.title).toBe('Review students');
    expect(JSON.stringify(dialog.card.content)).toContain('Ida Red');
    // One dialog: nothing more was posted anywhere.
    expect(teams.calls.filter((call) => call.route === 'send-activity')).toHaveLength(sentBefore);

    const state = /"state":("(?:[^"\\]|\\.)*")/.exec(JSON.stringify(dialog.card.content))?.[1];
    const chosen = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        dialogSubmit(
          teams,
          {
            formId: 'at-risk.review-list',
            state: JSON.parse(state ?? '""'),
            actionId: 'at-risk.review-list.category',
            'at-risk.review-list.category': 'yellow',
            search: '',
          },
          'channel',
        ),
      ),
    });
    expect(JSON.stringify(dialogAnswer(await chosen.json()).card.content)).toContain('No student matches.');

    // The search box and the dialog's Search button: the answer is the dialog's next card.
    const searched = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        dialogSubmit(
          teams,
          { formId: 'at-risk.review-list', state: JSON.parse(state ?? '""'), search: 'IDA' },
          'channel',
        ),
      ),
    });
    expect(JSON.stringify(dialogAnswer(await searched.json()).card.content)).toContain(
      '1 student matches “IDA”.',
    );
  });

  it('on the console, “Review students” opens one panel, changed in place, and each opening is audited', async () => {
    const asChair = consoleClient(bot.url, { as: chairEmail });
    const opened = await asChair.post('/console/api/action', {
      channel: 'sn-his',
      actionId: 'at-risk.review',
      value: 'SN-HIS|spring|2026',
    });
    expect(opened.json).toMatchObject({ kind: 'form' });
    expect(String(opened.json.html)).toContain('Ida Red');

    const searched = await asChair.post('/console/api/form', {
      formToken: opened.json.formToken,
      values: { search: 'red' },
    });
    expect(String(searched.json.html)).toContain('1 student matches “red”.');
    // A filter keeps the search in force: no yellow student is called Red.
    const chosen = await asChair.post('/console/api/form-action', {
      formToken: opened.json.formToken,
      actionId: 'at-risk.review-list.category',
      value: 'yellow',
      values: { search: 'red' },
    });
    expect(String(chosen.json.html)).toContain('0 students match “red”.');

    const audited = await bot.runtime.database.prisma.auditEvent.findMany({
      where: { action: 'review.opened' },
      orderBy: { id: 'asc' },
    });
    expect(audited.map((event) => (event.details as { surface: string }).surface)).toEqual([
      'slack',
      'teams',
      'console',
    ]);
  });
});
