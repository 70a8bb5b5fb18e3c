import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ProgressColumn,
  progressColumns,
} from '../../src/procedures/at-risk/progress-export/progress-row.js';
import { generateCprKey } from '../../src/security/cpr-cipher.js';
import type { BotFrameworkDouble } from '../support/bot-framework-double.js';
import { type BotOnEverySurface, startBotOnEverySurface } from '../support/bot-on-every-surface.js';
import { runTrafiklys } from '../support/cli-runner.js';
import { progressExportCsv } from '../support/progress-export-builder.js';
import type { SlackApiDouble } from '../support/slack-api-double.js';
import { postSigned } from '../support/slack-request-signer.js';
import { testDatabaseEngine } from '../support/test-database.js';
import { eventCallback, fileShareMessage, slashCommand } from '../surfaces/slack/slack-payloads.js';
import {
  boardChannel,
  chair,
  personalMessage,
  secretary,
  seedTeam,
  teamInstall,
} from '../surfaces/teams/support/teams-activities.js';

// CPR-shaped values, each fed in with and without its dash; none may come back out.
const cprShaped = ['190704-1488', '230743-5552', '010190-1234', '311299-4321'];
const cprForms = cprShaped.flatMap((cpr) => [cpr, cpr.replace('-', '')]);
const [first = '', second = '', third = '', fourth = ''] = cprShaped;

const chairEmail = chair.email ?? '';
const secretaryEmail = secretary.email ?? '';
const slackChair = 'U0CHAIR';

/**
 * A bad export: a CPR-shaped value in every column but the CPR column (in
 * turn with and without the dash), and a CPR-shaped value that is no valid
 * CPR number in the CPR column itself.
 */
function exportWithCprEverywhere(): Buffer {
  const otherColumns = progressColumns.filter((column) => column !== 'national_id');
  return progressExportCsv([
    ...otherColumns.map((column, index) => {
      const cpr = cprShaped[index % cprShaped.length] ?? first;
      const value = index % 2 === 0 ? cpr : cpr.replace('-', '');
      return {
        studentId: `S${index + 1}`,
        rawCells: { [column]: value } as Partial<Record<ProgressColumn, string>>,
      };
    }),
    { studentId: 'S99', nationalId: '3102901234' },
  ]);
}

let logs = '';
let surfaces: BotOnEverySurface;
let slack: SlackApiDouble;
let teams: BotFrameworkDouble;
let bot: BotOnEverySurface['bot'];
let importFolder: string;
const answers: string[] = [];

beforeAll(async () => {
  // The import folder holds the bad export, under a CPR-shaped name, when the bot starts.
  importFolder = await mkdtemp(join(tmpdir(), 'trafiklys-no-cpr-folder-'));
  await writeFile(join(importFolder, `${first}.csv`), exportWithCprEverywhere());
  surfaces = await startBotOnEverySurface({
    configYaml: [
      'institution: { name: Privacy University, language: en }',
      'faculties: [{ code: HUM, name: Humanities }]',
      `importFolder: ${JSON.stringify(importFolder)}`,
      'boards:',
      `  - { code: SN-HIS, name: History, faculty: HUM, chair: ${chairEmail}, secretary: ${secretaryEmail},`,
      `      channels: { slack: C0HISTORY1, teams: "${boardChannel.id}", console: sn-his } }`,
    ].join('\n'),
    slackUsers: [{ id: slackChair, email: chairEmail, realName: chair.name }],
    seedTeams: seedTeam,
    logDestination: new Writable({
      write(chunk, _encoding, done) {
        logs += String(chunk);
        done();
      },
    }),
    env: { LOG_LEVEL: 'debug', TRAFIKLYS_CPR_KEY: generateCprKey() },
  });
  ({ slack, teams, bot } = surfaces);
  await postTeams(teamInstall(teams));
});
afterAll(async () => {
  await surfaces?.dispose();
  await rm(importFolder, { recursive: true, force: true });
});

async function postTeams(activity: unknown): Promise<void> {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  answers.push(await response.text());
}

async function consoleCall(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${bot.url}/console/api/${path}`, {
    method: 'POST',
    // The console takes a POST only from its own page's origin.
    headers: { 'content-type': 'application/json', origin: bot.url },
    body: JSON.stringify(body),
  });
  answers.push(await response.text());
}

async function eventually(probe: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`waited in vain for ${what}`);
}

/**
 * Every file name under a folder, and the text of the files the bot wrote
 * there (the exports themselves are the secretary's, moved as they are).
 */
async function folderText(folder: string): Promise<string> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        return entry.name.endsWith('.problems.txt') ? `${path}\n${await readFile(path, 'utf8')}` : path;
      }),
  );
  return texts.join('\n');
}

/** What the bot said to Slack: every call's arguments (downloads are the bot reading Slack's own URLs). */
function sentToSlack(): string {
  return JSON.stringify(slack.calls.map((call) => call.args));
}

/** What the bot sent to Teams: every call's body. */
function sentToTeams(): string {
  return JSON.stringify(teams.calls.map((call) => call.body));
}

function expectNoCprIn(where: string, text: string): void {
  for (const cpr of cprForms) expect(text, `${where} must not contain ${cpr}`).not.toContain(cpr);
}

describe(`no CPR-shaped value from an export or a person comes back out (${testDatabaseEngine()})`, () => {
  it('a bad export with CPR-shaped values in every column is refused on every surface, in the import folder and on the command line without one of them in any reply, file or log line', async () => {
    const bad = exportWithCprEverywhere();
    // Console: an upload in the board's channel.
    const query = new URLSearchParams({
      as: chairEmail,
      locale: 'da-DK',
      channel: 'sn-his',
      name: `${second}.csv`,
    });
    const upload = await fetch(`${bot.url}/console/api/upload?${query}`, {
      method: 'POST',
      headers: { origin: bot.url },
      body: bad,
    });
    answers.push(await upload.text());
    // Slack: the file shared in the board's channel.
    const file = slack.addSharedFile(`${third}.csv`, bad, 'text/csv');
    await postSigned(
      `${bot.url}/slack/events`,
      surfaces.slackSigner.event(
        eventCallback(fileShareMessage({ userId: slackChair, channelId: 'C0HISTORY1', file })),
      ),
    );
    // Teams: the file in the chair's 1:1 chat.
    const downloadUrl = teams.hostFile(`${fourth}.csv`, bad);
    await postTeams(
      personalMessage(teams, {
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: `${fourth}.csv`,
            contentUrl: `https://uni.sharepoint.example/${fourth}.csv`,
            content: { downloadUrl, uniqueId: 'file-cpr', fileType: 'csv' },
          },
        ],
      }),
    );
    // The command line, which prints the same problems in English.
    const folder = await mkdtemp(join(tmpdir(), 'trafiklys-no-cpr-cli-'));
    await writeFile(join(folder, `${first}.csv`), bad);
    const identified = await runTrafiklys(['identify', `${first}.csv`], { cwd: folder });
    // An error path: a file that is not there, named by the person who typed its name.
    const missing = await runTrafiklys(['identify', `${second}.csv`], { cwd: folder });
    await rm(folder, { recursive: true, force: true });

    await eventually(() => slack.acceptedPosts('C0HISTORY1').length > 0, 'the answer in the Slack channel');
    await eventually(
      () => teams.callsTo('send-activity').some((call) => JSON.stringify(call).includes('csv')),
      'the answer in the Teams chat',
    );
    const consoleMessages = await fetch(
      `${bot.url}/console/api/messages?${new URLSearchParams({ channel: 'sn-his', as: chairEmail })}`,
    );
    const captured = {
      console: `${answers.join('\n')}\n${await consoleMessages.text()}`,
      slack: sentToSlack(),
      teams: sentToTeams(),
      'command line': [identified.stdout, identified.stderr, missing.stdout, missing.stderr].join('\n'),
      'import folder': await folderText(importFolder),
      logs,
    };
    // Each path did refuse the file, with the problems located…
    expect(captured.console).toMatch(/linje 2, kolonne student_id/);
    expect(captured.slack).toMatch(/line 2, column student_id/);
    expect(captured.teams).toMatch(/linje 2, kolonne student_id/);
    expect(identified.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/\*\*\*\*\*\*-\*\*\*\*\.csv/);
    expect(identified.stderr).toMatch(/line 12, column ects_passed: holds what looks like a CPR number/);
    expect(captured['import folder']).toMatch(/rejected[\\/].*problems\.txt/);
    expect(captured['import folder']).toMatch(/line 3, column name: holds what looks like a CPR number/);
    // …and none of them said a CPR-shaped value back.
    for (const [where, text] of Object.entries(captured)) expectNoCprIn(where, text);
  });

  it('what a person types and a file that cannot be fetched come back without a CPR-shaped value, in replies and logs', async () => {
    // Typed text echoed in "unknown command" answers, on each surface.
    await postSigned(
      `${bot.url}/slack/events`,
      surfaces.slackSigner.command(
        slashCommand({
          userId: slackChair,
          channelId: 'C0HISTORY1',
          text: `status ${first}`,
          responseUrl: slack.responseUrl(),
        }),
      ),
    );
    await postTeams(personalMessage(teams, { text: `status ${second.replace('-', '')}` }));
    await consoleCall('command', {
      as: chairEmail,
      locale: 'en-GB',
      channel: 'sn-his',
      text: `/trafiklys ${third}`,
    });
    // A shared file whose download fails: its CPR-shaped name reaches an error and a log line.
    const missing = {
      ...slack.addSharedFile(`${fourth}.csv`, Buffer.from('x'), 'text/csv'),
      url_private_download: `${slack.apiUrl.replace(/\/api\/?$/, '')}/files-pri/T0001-F404/download/${fourth}.csv`,
    };
    await postSigned(
      `${bot.url}/slack/events`,
      surfaces.slackSigner.event(
        eventCallback(fileShareMessage({ userId: slackChair, channelId: 'C0HISTORY1', file: missing })),
      ),
    );
    await postTeams(
      personalMessage(teams, {
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: `${first}.csv`,
            contentUrl: `https://uni.sharepoint.example/${first}.csv`,
            content: {
              downloadUrl: `${teams.serviceUrl}files/missing/${first}.csv`,
              uniqueId: 'gone',
              fileType: 'csv',
            },
          },
        ],
      }),
    );

    await eventually(
      () => slack.calls.filter((call) => JSON.stringify(call).includes('.csv')).length >= 2,
      'the answer about the missing file',
    );
    const captured = {
      console: answers.join('\n'),
      slack: sentToSlack(),
      teams: sentToTeams(),
      logs,
    };
    expect(captured.logs).toMatch(/could not be downloaded/);
    for (const [where, text] of Object.entries(captured)) expectNoCprIn(where, text);
  });
});
