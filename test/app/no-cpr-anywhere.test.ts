import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCprKey } from '../../src/security/cpr-cipher.js';
import type { BotFrameworkDouble } from '../support/bot-framework-double.js';
import { type BotOnEverySurface, startBotOnEverySurface } from '../support/bot-on-every-surface.js';
import { consoleClient } from '../support/console-client.js';
import { progressExportCsv } from '../support/progress-export-builder.js';
import type { SlackApiDouble } from '../support/slack-api-double.js';
import { testDatabaseEngine } from '../support/test-database.js';
import {
  boardChannel,
  chair,
  secretary,
  seedTeam,
  teamInstall,
} from '../surfaces/teams/support/teams-activities.js';

// The CPR numbers of the export, and the forms they could leak in.
const cprNumbers = ['010190-1234', '311299-4321', '150805-0007'];
const cprForms = cprNumbers.flatMap((cpr) => [cpr, cpr.replace('-', '')]);

const chairEmail = chair.email ?? '';
const secretaryEmail = secretary.email ?? '';
const config = [
  'institution: { name: Privacy University }',
  'faculties: [{ code: HUM, name: Humanities }]',
  'boards:',
  `  - { code: SN-HIS, name: History, faculty: HUM, chair: ${chairEmail}, secretary: ${secretaryEmail},`,
  `      channels: { slack: C0HISTORY1, teams: "${boardChannel.id}", console: sn-his } }`,
  'managers:',
  `  - { role: head_of_department, email: ${secretaryEmail}, scope: institution }`,
].join('\n');

let logs = '';
let surfaces: BotOnEverySurface;
let slack: SlackApiDouble;
let teams: BotFrameworkDouble;
let bot: BotOnEverySurface['bot'];
const answers: string[] = [];

beforeAll(async () => {
  surfaces = await startBotOnEverySurface({
    configYaml: config,
    slackUsers: [
      { id: 'U0CHAIR', email: chairEmail, realName: chair.name },
      { id: 'U0SECRETARY', email: secretaryEmail, realName: secretary.name },
    ],
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
});
afterAll(async () => {
  await surfaces?.dispose();
});

async function postJson(path: string, body: unknown): Promise<string> {
  const response = await fetch(`${bot.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  answers.push(text);
  return text;
}

describe(`no CPR number leaves the bot (${testDatabaseEngine()})`, () => {
  it('an export with CPR numbers goes through import, reminders on all three surfaces and the review list without one CPR number in any payload or log line', async () => {
    // Teams: the bot is added to the board's team, so it can post in the channel.
    await postJson('/api/messages', teamInstall(teams));
    const csv = progressExportCsv(
      cprNumbers.map((nationalId, index) => ({
        studentId: `S${index + 1}`,
        nationalId,
        boardCode: 'SN-HIS',
        lastPassedOn: '2026-01-20',
        ectsExpected: 60,
        ectsPassed: 20 + index * 20,
      })),
    );
    const asChair = consoleClient(bot.url, { as: chairEmail });
    const upload = await asChair.upload('sn-his', 'spring.csv', csv, 'en-GB');
    answers.push(await upload.text());
    expect(upload.status).toBe(200);
    const review = await asChair.post('/console/api/action', {
      channel: 'sn-his',
      actionId: 'at-risk.review',
      value: 'SN-HIS|spring|2026',
    });
    answers.push(JSON.stringify(review.json));
    // A CPR number typed into the list's search box is refused, and not shown back.
    const searched = await asChair.post('/console/api/form', {
      formToken: review.json.formToken,
      values: { search: cprNumbers[0] },
    });
    expect(String(searched.json.html)).toContain('der søges ikke på CPR-numre');
    answers.push(JSON.stringify(searched.json));
    answers.push(await (await asChair.get('/console/api/messages', { channel: 'sn-his' })).text());

    // The reminder reached Slack and Teams, and the review list named the students.
    expect(slack.acceptedPosts('C0HISTORY1').length).toBeGreaterThan(0);
    expect(
      teams.calls.some((call) => call.route === 'send-activity' && call.conversationId === boardChannel.id),
    ).toBe(true);
    expect(answers.join('\n')).toContain('S1');

    const captured = {
      slack: JSON.stringify(slack.calls),
      teams: JSON.stringify(teams.calls),
      console: answers.join('\n'),
      logs,
    };
    for (const [where, text] of Object.entries(captured)) {
      for (const cpr of cprForms) expect(text, `${where} must not contain a CPR number`).not.toContain(cpr);
    }
    expect(logs.length).toBeGreaterThan(0);
  });
});
