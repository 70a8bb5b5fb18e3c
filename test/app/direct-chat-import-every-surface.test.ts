import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotFrameworkDouble, SeededMember } from '../support/bot-framework-double.js';
import { type BotOnEverySurface, startBotOnEverySurface } from '../support/bot-on-every-surface.js';
import { consoleClient } from '../support/console-client.js';
import { type ProgressRowInput, progressExportCsv } from '../support/progress-export-builder.js';
import type { SlackApiDouble } from '../support/slack-api-double.js';
import { testDatabaseEngine } from '../support/test-database.js';
import { fileShareMessage } from '../surfaces/slack/slack-payloads.js';
import { sentText } from '../surfaces/teams/support/connector-bodies.js';
import { personalChatId, personalMessage, tenantId } from '../surfaces/teams/support/teams-activities.js';

// A secretary of two study boards shares the institution's whole export in a
// direct chat with the bot, on each platform through its real SDK, into the
// real core and storage: both of her boards are imported, the third is not.
// On Teams this is the only way: Teams gives files to bots in 1:1 chats only.
const secretary: SeededMember = {
  id: '29:secretary-teams-id',
  name: 'Sidsel Sekretær',
  aadObjectId: 'aad-secretary',
  email: 'sidsel@uni.example',
  userPrincipalName: 'sidsel@uni.example',
  tenantId,
};
const secretaryEmail = secretary.email ?? '';
const slackUserId = 'U0SECRETARY';
const slackDirectChannel = 'D0SECRETARY';
const config = [
  'institution: { name: Surface University, language: en }',
  'faculties: [{ code: HUM, name: Humanities }]',
  'boards:',
  `  - { code: SN-HIS, name: History, faculty: HUM, chair: chair.his@uni.example, secretary: ${secretaryEmail} }`,
  `  - { code: SN-MAT, name: Mathematics, faculty: HUM, chair: chair.mat@uni.example, secretary: ${secretaryEmail} }`,
  '  - { code: SN-DAT, name: Computing, faculty: HUM, chair: chair.dat@uni.example, secretary: sec.dat@uni.example }',
].join('\n');
const spring = { term: 'spring', year: 2026 } as const;

let surfaces: BotOnEverySurface;
let slack: SlackApiDouble;
let teams: BotFrameworkDouble;
let bot: BotOnEverySurface['bot'];

beforeAll(async () => {
  surfaces = await startBotOnEverySurface({
    configYaml: config,
    slackUsers: [{ id: slackUserId, email: secretaryEmail, realName: secretary.name, locale: 'en-GB' }],
    seedTeams: (double) => double.seedMembers(personalChatId, [secretary]),
  });
  ({ slack, teams, bot } = surfaces);
});
afterAll(async () => {
  await surfaces?.dispose();
});

/** The whole institution's export; each surface's differs in one figure, so each is a new import. */
function institutionExport(ectsPassedByH1: number): Buffer {
  const active = { lastPassedOn: '2026-01-20', ectsExpected: 60, ectsPassed: 60 };
  const rows: ProgressRowInput[] = [
    { ...active, studentId: 'H1', boardCode: 'SN-HIS', ectsPassed: ectsPassedByH1 },
    { ...active, studentId: 'H2', boardCode: 'SN-HIS' },
    { ...active, studentId: 'M1', boardCode: 'SN-MAT' },
    { ...active, studentId: 'D1', boardCode: 'SN-DAT', name: 'Dorte Datalog' },
  ];
  return progressExportCsv(rows);
}

/** Which file each board's spring cycle was last imported from (null: no cycle). */
async function lastImportedFrom(): Promise<Record<string, string | null>> {
  const storage = bot.runtime.identificationStorage;
  const entries = await Promise.all(
    ['SN-HIS', 'SN-MAT', 'SN-DAT'].map(
      async (code) => [code, (await storage.findCycle(code, spring))?.sourceFileName ?? null] as const,
    ),
  );
  return Object.fromEntries(entries);
}

async function eventually<T>(probe: () => T | undefined, what: string): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const found = probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`waited in vain for ${what}`);
}

describe(`a secretary of two boards imports both from a direct chat, on every surface (${testDatabaseEngine()})`, () => {
  it('console: an upload in the direct chat imports her two boards and posts both boards’ reminders', async () => {
    const asSecretary = consoleClient(bot.url, { as: secretaryEmail });

    const response = await asSecretary.upload(
      `@${secretaryEmail}`,
      'console.csv',
      institutionExport(30),
      'en-GB',
    );

    expect(((await response.json()) as { kind: string }).kind).toBe('posted');
    expect(await lastImportedFrom()).toEqual({
      'SN-HIS': 'console.csv',
      'SN-MAT': 'console.csv',
      'SN-DAT': null,
    });
    const reply = (await asSecretary.messagesIn(`@${secretaryEmail}`)).at(-1)?.html ?? '';
    expect(reply).toContain('History: 2 students, imported for spring 2026.');
    expect(reply).toContain('Mathematics: 1 student, imported for spring 2026.');
    expect(reply).toContain('1 row of another study board was left out.');
    expect(reply).not.toContain('Dorte');
    expect(await asSecretary.messagesIn('sn-his')).toHaveLength(1);
    expect(await asSecretary.messagesIn('sn-mat')).toHaveLength(1);
    // Not her board: its chair looks.
    expect(await consoleClient(bot.url, { as: 'chair.dat@uni.example' }).messagesIn('sn-dat')).toHaveLength(
      0,
    );
  });

  it('Slack: a file shared in the direct message imports her two boards; the answer goes into its thread', async () => {
    const file = slack.addSharedFile('slack.csv', institutionExport(25), 'text/csv');
    // A direct message's channel id starts with D, and Slack says channel_type "im".
    const shared = fileShareMessage({ userId: slackUserId, channelId: slackDirectChannel, file });

    // Slack delivers it only because the manifest has a writable Messages tab,
    // subscribes to message.im and requests im:history.
    const response = await surfaces.postSlackEvent({ ...shared, channel_type: 'im' });

    expect(response.status).toBe(200);
    const reply = await eventually(() => slack.acceptedPosts(slackDirectChannel)[0], 'the answer in the DM');
    expect(reply.args.thread_ts).toBe(shared.ts);
    // New here, or replacing what another surface's test imported: either way, both boards.
    const answer = JSON.stringify(reply.args);
    expect(answer).toMatch(
      /History: 2 students(, imported|; replaces the previous export) for spring 2026\./,
    );
    expect(answer).toMatch(
      /Mathematics: 1 student(, imported|; replaces the previous export) for spring 2026\./,
    );
    expect(answer).toContain('1 row of another study board was left out.');
    expect(await lastImportedFrom()).toEqual({
      'SN-HIS': 'slack.csv',
      'SN-MAT': 'slack.csv',
      'SN-DAT': null,
    });
    slack.assertNoUnexpectedCalls();
  });

  it('Teams: a file attached in the 1:1 chat imports her two boards, answered in Danish', async () => {
    const downloadUrl = teams.hostFile('teams.csv', institutionExport(20));
    const activity = personalMessage(teams, {
      from: { id: secretary.id, name: secretary.name, aadObjectId: secretary.aadObjectId },
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'teams.csv',
          contentUrl: 'https://uni.sharepoint.example/teams.csv',
          content: { downloadUrl, uniqueId: 'file-teams', fileType: 'csv' },
        },
      ],
    });

    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });

    expect(response.status).toBeLessThan(300);
    const reply = await eventually(
      () =>
        teams
          .callsTo('send-activity')
          .find((call) => call.conversationId === personalChatId && sentText(call).includes('teams.csv')),
      'the answer in the 1:1 chat',
    );
    expect(sentText(reply)).toMatch(
      /History: 2 studerende(, indlæst|; erstatter den tidligere eksport) for forår 2026\./,
    );
    expect(sentText(reply)).toMatch(
      /Mathematics: 1 studerende(, indlæst|; erstatter den tidligere eksport) for forår 2026\./,
    );
    expect(sentText(reply)).toContain('1 række fra et andet studienævn blev udeladt.');
    expect(await lastImportedFrom()).toEqual({
      'SN-HIS': 'teams.csv',
      'SN-MAT': 'teams.csv',
      'SN-DAT': null,
    });
  });
});
