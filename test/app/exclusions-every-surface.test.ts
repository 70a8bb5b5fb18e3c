import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotFrameworkDouble } from '../support/bot-framework-double.js';
import { type BotOnEverySurface, startBotOnEverySurface } from '../support/bot-on-every-surface.js';
import { consoleClient } from '../support/console-client.js';
import { progressExportCsv } from '../support/progress-export-builder.js';
import type { SlackApiDouble } from '../support/slack-api-double.js';
import { postSigned } from '../support/slack-request-signer.js';
import { testDatabaseEngine } from '../support/test-database.js';
import { blockActions, viewBlockActions } from '../surfaces/slack/slack-payloads.js';
import { dialogAnswer, sentCard } from '../surfaces/teams/support/connector-bodies.js';
import {
  boardChannel,
  chair,
  dialogFetch,
  dialogSubmit,
  secretary,
  seedTeam,
  teamInstall,
} from '../surfaces/teams/support/teams-activities.js';

// The whole bot behind each platform's real SDK: the chair excludes two
// students with a reason from the review list and undoes one, on Slack, on
// Teams and on the console; the secretary sees the list without controls
// and her forged exclusion changes nothing; after dispatch the controls are gone.
const chairEmail = chair.email ?? '';
const secretaryEmail = secretary.email ?? '';
const config = [
  'institution: { name: Surface University, language: en }',
  'faculties: [{ code: HUM, name: Humanities }]',
  'boards:',
  `  - { code: SN-HIS, name: History, faculty: HUM, chair: ${chairEmail}, secretary: ${secretaryEmail},`,
  `      channels: { slack: C0HISTORY1, teams: "${boardChannel.id}", console: sn-his } }`,
].join('\n');

let surfaces: BotOnEverySurface;
let slack: SlackApiDouble;
let teams: BotFrameworkDouble;
let bot: BotOnEverySurface['bot'];

const redStudent = (studentId: string, name: string) => ({
  studentId,
  name,
  boardCode: 'SN-HIS',
  lastPassedOn: '2026-01-20',
  ectsExpected: 60,
  ectsPassed: 20,
});

beforeAll(async () => {
  surfaces = await startBotOnEverySurface({
    configYaml: config,
    slackUsers: [
      { id: 'U0CHAIR', email: chairEmail, realName: chair.name, locale: 'en-GB' },
      { id: 'U0SECRETARY', email: secretaryEmail, realName: secretary.name, locale: 'en-GB' },
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
    redStudent('SL1', 'Sif Slack'),
    redStudent('SL2', 'Sune Slack'),
    redStudent('TM1', 'Tove Teams'),
    redStudent('TM2', 'Tage Teams'),
    redStudent('CN1', 'Cille Console'),
    redStudent('CN2', 'Carl Console'),
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

const excludedNumbers = async () =>
  (await bot.runtime.database.prisma.exclusion.findMany({ orderBy: { studentNumber: 'asc' } })).map(
    (exclusion) => exclusion.studentNumber,
  );

const slackOption = (value: string) => ({ text: { type: 'plain_text', text: value }, value });

describe(`the chair excludes students from the review list on every surface (${testDatabaseEngine()})`, () => {
  it('on Slack, in the modal: two students excluded with a reason, then one undone under Excluded', async () => {
    const signer = surfaces.slackSigner;
    const click = blockActions({
      userId: 'U0CHAIR',
      channelId: 'C0HISTORY1',
      actionId: 'at-risk.review',
      value: 'SN-HIS|spring|2026',
      responseUrl: slack.responseUrl(),
    });
    expect((await postSigned(`${bot.url}/slack/events`, signer.interaction(click))).status).toBe(200);
    const opened = await eventually(() => slack.openedViews[0], 'the review list as a modal');
    expect(JSON.stringify(opened.view)).toContain('"action_id":"exclude-students"');
    const view = opened.view as { callback_id: string; private_metadata: string };
    const inView = (
      action: Parameters<typeof viewBlockActions>[0]['action'],
      values: Record<string, Record<string, unknown>>,
      privateMetadata = view.private_metadata,
    ) =>
      postSigned(
        `${bot.url}/slack/events`,
        signer.interaction(
          viewBlockActions({
            userId: 'U0CHAIR',
            viewId: opened.id,
            hash: slack.viewHash(opened.id),
            externalId: opened.externalId,
            callbackId: view.callback_id,
            privateMetadata,
            values: { ...values, search: { search: { type: 'plain_text_input', value: null } } },
            action,
          }),
        ),
      );

    await inView(
      { type: 'button', actionId: 'at-risk.review-list.exclude' },
      {
        'exclude-students': {
          'exclude-students': {
            type: 'multi_static_select',
            selected_options: [slackOption('SL1'), slackOption('SL2')],
          },
        },
        'exclude-reason': {
          'exclude-reason': { type: 'static_select', selected_option: slackOption('elite_athlete') },
        },
        'exclude-note': { 'exclude-note': { type: 'plain_text_input', value: null } },
      },
    );
    const excluded = await eventually(() => slack.updatedViews[0], 'the modal updated with the notice');
    expect(excluded.id).toBe(opened.id);
    expect(JSON.stringify(excluded.view)).toContain('2 students excluded: elite athlete.');
    expect(JSON.stringify(excluded.view)).toContain('Red – excluded: elite athlete');
    expect(await excludedNumbers()).toEqual(['SL1', 'SL2']);

    await inView({ type: 'static_select', actionId: 'at-risk.review-list.category', value: 'excluded' }, {});
    const list = await eventually(() => slack.updatedViews[1], 'the Excluded category');
    expect(JSON.stringify(list.view)).toContain('"action_id":"undo-students"');
    const listState = (list.view as { private_metadata: string }).private_metadata;
    await inView(
      { type: 'button', actionId: 'at-risk.review-list.undo-exclusion' },
      {
        'undo-students': {
          'undo-students': { type: 'multi_static_select', selected_options: [slackOption('SL2')] },
        },
      },
      listState,
    );
    const undone = await eventually(() => slack.updatedViews[2], 'the modal updated after the undo');
    expect(JSON.stringify(undone.view)).toContain('1 exclusion undone');
    expect(await excludedNumbers()).toEqual(['SL1']);
    // All of it in the one modal: nothing posted, nothing ephemeral.
    expect(slack.callsOf('views.open')).toHaveLength(1);
    expect(slack.callsOf('chat.postEphemeral')).toEqual([]);
  });

  it('on Teams, in the dialog: two students excluded with a reason, then one undone under Excluded', async () => {
    const reminder = teams.calls.find(
      (call) => call.route === 'send-activity' && call.conversationId === boardChannel.id,
    );
    const origin = /"trafiklysForm":(\{[^}]*\})/.exec(JSON.stringify(sentCard(reminder)))?.[1];
    const post = async (body: unknown) =>
      dialogAnswer(
        await (
          await fetch(`${bot.url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        ).json(),
      );
    const opened = await post(dialogFetch(teams, { trafiklysForm: JSON.parse(origin ?? '{}') }, 'channel'));
    const stateOf = (card: unknown) =>
      JSON.parse(/"state":("(?:[^"\\]|\\.)*")/.exec(JSON.stringify(card))?.[1] ?? '""') as string;
    expect(JSON.stringify(opened.card.content)).toContain('"id":"exclude-students"');

    const excluded = await post(
      dialogSubmit(
        teams,
        {
          formId: 'at-risk.review-list',
          state: stateOf(opened.card.content),
          actionId: 'at-risk.review-list.exclude',
          'exclude-students': 'TM1,TM2',
          'exclude-reason': 'agreed_study_plan',
          'exclude-note': '',
          search: '',
        },
        'channel',
      ),
    );
    expect(JSON.stringify(excluded.card.content)).toContain('2 students excluded: agreed study plan.');
    expect(await excludedNumbers()).toEqual(['SL1', 'TM1', 'TM2']);

    const list = await post(
      dialogSubmit(
        teams,
        {
          formId: 'at-risk.review-list',
          state: stateOf(excluded.card.content),
          actionId: 'at-risk.review-list.category',
          'at-risk.review-list.category': 'excluded',
          search: '',
        },
        'channel',
      ),
    );
    expect(JSON.stringify(list.card.content)).toContain('"id":"undo-students"');
    const undone = await post(
      dialogSubmit(
        teams,
        {
          formId: 'at-risk.review-list',
          state: stateOf(list.card.content),
          actionId: 'at-risk.review-list.undo-exclusion',
          'undo-students': 'TM2',
          search: '',
        },
        'channel',
      ),
    );
    expect(JSON.stringify(undone.card.content)).toContain('1 exclusion undone');
    expect(await excludedNumbers()).toEqual(['SL1', 'TM1']);
  });

  it('on the console, in the panel: two students excluded with “other” and a note, then one undone; a missing note is said under its field', async () => {
    const asChair = consoleClient(bot.url, { as: chairEmail });
    const opened = await asChair.post('/console/api/action', {
      channel: 'sn-his',
      actionId: 'at-risk.review',
      value: 'SN-HIS|spring|2026',
    });
    const formToken = opened.json.formToken;

    const missing = await asChair.post('/console/api/form-action', {
      formToken,
      actionId: 'at-risk.review-list.exclude',
      value: null,
      values: {
        'exclude-students': ['CN1', 'CN2'],
        'exclude-reason': 'other',
        'exclude-note': '',
        search: '',
      },
    });
    expect(String(missing.json.html)).toContain('Say why in the note: it is required for “Other”.');
    expect(await excludedNumbers()).toEqual(['SL1', 'TM1']);

    const excluded = await asChair.post('/console/api/form-action', {
      formToken,
      actionId: 'at-risk.review-list.exclude',
      value: null,
      values: {
        'exclude-students': ['CN1', 'CN2'],
        'exclude-reason': 'other',
        'exclude-note': 'Moved to the exchange programme',
        search: '',
      },
    });
    expect(String(excluded.json.html)).toContain('2 students excluded: other.');
    const list = await asChair.post('/console/api/form-action', {
      formToken,
      actionId: 'at-risk.review-list.category',
      value: 'excluded',
      values: { search: '' },
    });
    expect(String(list.json.html)).toContain('Moved to the exchange programme');
    const undone = await asChair.post('/console/api/form-action', {
      formToken,
      actionId: 'at-risk.review-list.undo-exclusion',
      value: null,
      values: { 'undo-students': ['CN2'], search: '' },
    });
    expect(String(undone.json.html)).toContain('1 exclusion undone');
    expect(await excludedNumbers()).toEqual(['CN1', 'SL1', 'TM1']);

    const audit = await bot.runtime.database.prisma.auditEvent.findMany({
      where: { action: { in: ['exclusion.added', 'exclusion.undone'] } },
      orderBy: { id: 'asc' },
    });
    expect(
      audit.map((event) => [
        event.actor,
        event.action,
        (event.details as { studentNumbers: string }).studentNumbers,
      ]),
    ).toEqual([
      [chairEmail, 'exclusion.added', 'SL1 SL2'],
      [chairEmail, 'exclusion.undone', 'SL2'],
      [chairEmail, 'exclusion.added', 'TM1 TM2'],
      [chairEmail, 'exclusion.undone', 'TM2'],
      [chairEmail, 'exclusion.added', 'CN1 CN2'],
      [chairEmail, 'exclusion.undone', 'CN2'],
    ]);
  });

  it('the secretary sees the list without controls on the console and on Slack; her forged exclusion changes nothing and she is told', async () => {
    const asSecretary = consoleClient(bot.url, { as: secretaryEmail });
    const opened = await asSecretary.post('/console/api/action', {
      channel: 'sn-his',
      actionId: 'at-risk.review',
      value: 'SN-HIS|spring|2026',
    });
    const html = String(opened.json.html);
    expect(html).toContain('Only the chair or a delegate can exclude students.');
    expect(html).not.toContain('exclude-students');
    expect(html).not.toContain('at-risk.review-list.exclude');

    const forged = await asSecretary.post('/console/api/form-action', {
      formToken: opened.json.formToken,
      actionId: 'at-risk.review-list.exclude',
      value: null,
      values: { search: '' },
    });
    expect(String(forged.json.html)).toContain(
      'Only the chair or a delegate can exclude students or undo exclusions. Nothing was changed.',
    );
    expect(await excludedNumbers()).toEqual(['CN1', 'SL1', 'TM1']);
    const refused = await bot.runtime.database.prisma.auditEvent.findMany({
      where: { action: 'exclusion.refused' },
    });
    expect(refused.map((event) => [event.actor, event.details])).toEqual([
      [secretaryEmail, { attempt: 'exclude', students: 0 }],
    ]);

    const before = slack.openedViews.length;
    const click = blockActions({
      userId: 'U0SECRETARY',
      channelId: 'C0HISTORY1',
      actionId: 'at-risk.review',
      value: 'SN-HIS|spring|2026',
      responseUrl: slack.responseUrl(),
    });
    await postSigned(`${bot.url}/slack/events`, surfaces.slackSigner.interaction(click));
    const secretarysView = await eventually(() => slack.openedViews[before], 'the secretary’s modal');
    expect(JSON.stringify(secretarysView.view)).toContain(
      'Only the chair or a delegate can exclude students.',
    );
    expect(JSON.stringify(secretarysView.view)).not.toContain('exclude-students');
  });

  it('after dispatch the list is read-only for the chair too: the date the mails were sent, no controls', async () => {
    await bot.runtime.database.prisma.identificationCycle.updateMany({
      where: { boardCode: 'SN-HIS' },
      data: { status: 'dispatched', mailsSentAt: new Date('2026-04-09T09:00:00Z') },
    });
    const opened = await consoleClient(bot.url, { as: chairEmail }).post('/console/api/action', {
      channel: 'sn-his',
      actionId: 'at-risk.review',
      value: 'SN-HIS|spring|2026',
    });
    const html = String(opened.json.html);
    expect(html).toContain('The mails were sent on 9 April 2026; the list can no longer change.');
    expect(html).not.toContain('exclude-students');
    expect(html).toContain('Red – excluded: elite athlete');
  });
});
