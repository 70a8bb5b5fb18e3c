import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChairWalkthrough,
  chairEmail,
  cprShaped,
  eventually,
  expectTheAuditTrail,
  expectTheJournal,
  expectTheStudentMails,
  expectTheTestMail,
  holdsCpr,
  pdfText,
  startChairWalkthrough,
  students,
} from '../support/chair-walkthrough.js';
import { testDatabaseEngine } from '../support/test-database.js';
import { dialogAnswer, launcherOrigin, sentCard } from '../surfaces/teams/support/connector-bodies.js';
import {
  boardChannel,
  channelMessage,
  dialogFetch,
  dialogSubmit,
} from '../surfaces/teams/support/teams-activities.js';

// The chair's whole procedure on Teams, end to end (issue 8): review →
// exclude with a reason → preview → test mail → dispatch → journal and the
// board-meeting pack, against the whole bot behind the Teams SDK, the Bot
// Framework double, a real SMTP server and a folder journal.
let world: ChairWalkthrough;
beforeAll(async () => {
  world = await startChairWalkthrough();
});
afterAll(async () => {
  await world?.dispose();
});

async function postActivity(activity: unknown): Promise<Response> {
  return fetch(`${world.bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
}

/** The chair's answer in a dialog (a button or the submit button): Teams' task/submit, the next card back. */
async function inDialog(data: Record<string, unknown>) {
  const answer = await postActivity(dialogSubmit(world.surfaces.teams, data, 'channel'));
  expect(answer.status).toBe(200);
  const text = await answer.text();
  return text === '' ? null : (JSON.parse(text) as unknown);
}

const stateOf = (card: unknown) =>
  JSON.parse(/"state":("(?:[^"\\]|\\.)*")/.exec(JSON.stringify(card))?.[1] ?? '""') as string;

/** The data of the card's Action.Submit for `actionId` (and value): what Teams sends when it is clicked. */
function buttonData(card: unknown, actionId: string, value?: string): Record<string, unknown> {
  const found: Record<string, unknown>[] = [];
  JSON.stringify(card, (_key, node: unknown) => {
    const data = (node as { type?: string; data?: Record<string, unknown> } | null)?.data;
    if ((node as { type?: string } | null)?.type === 'Action.Submit' && data?.actionId === actionId)
      found.push(data);
    return node;
  });
  const data = found.find((candidate) => value === undefined || candidate.actionValue === value);
  if (!data) throw new Error(`no button ${actionId} ${value ?? ''} in the card`);
  return data;
}

describe(`the chair's procedure on Teams, end to end (${testDatabaseEngine()})`, () => {
  it('review, exclude with a reason, preview, test mail, send: the students get their mails, the channel the progress, the journal note and the pack with its PDF link, the journal its cases', async () => {
    const { teams } = world.surfaces;
    const channelPosts = () =>
      teams.callsTo('send-activity').filter((call) => call.conversationId === boardChannel.id);

    // 1–2. The reminder's "Review students" opens the review list as a dialog.
    const reminder = channelPosts()[0];
    const origin = /"trafiklysForm":(\{[^}]*\})/.exec(JSON.stringify(sentCard(reminder)))?.[1];
    expect(origin).toBe('{"source":"action","actionId":"at-risk.review","value":"SN-HIS|spring|2026"}');
    const opened = dialogAnswer(
      await (
        await postActivity(dialogFetch(teams, { trafiklysForm: JSON.parse(origin ?? '{}') }, 'channel'))
      ).json(),
    );
    expect(opened.title).toBe('Review students');
    expect(JSON.stringify(opened.card.content)).toContain('Xenia Udeladt');

    // 3. Exclude, with a reason.
    const excluded = dialogAnswer(
      await inDialog({
        ...buttonData(opened.card.content, 'at-risk.review-list.exclude'),
        'exclude-students': students.excluded,
        'exclude-reason': 'agreed_study_plan',
        'exclude-note': '',
        search: '',
      }),
    );
    expect(JSON.stringify(excluded.card.content)).toContain('1 student excluded: agreed study plan.');

    // 4. "@Trafiklys dispatch" answers with a card whose button opens the preview as a dialog.
    const inThread = () =>
      teams.callsTo('send-activity').filter((call) => call.conversationId?.startsWith(`${boardChannel.id};`));
    expect((await postActivity(channelMessage(teams, 'dispatch'))).status).toBeLessThan(300);
    // The answer is in the command's thread.
    const launcher = await eventually(() => inThread()[0], 'the card that opens the preview');
    expect(launcherOrigin(launcher)).toEqual({ source: 'command', text: 'dispatch' });
    const preview = dialogAnswer(
      await (
        await postActivity(dialogFetch(teams, { trafiklysForm: launcherOrigin(launcher) }, 'channel'))
      ).json(),
    );
    const previewCard = JSON.stringify(preview.card.content);
    expect(previewCard).toContain('Red mail (§ 31 stk. 2), Danish');
    expect(previewCard).toContain('Yellow mail (§ 31 stk. 1), English');
    expect(previewCard).toContain('Xenia Udeladt (X1): agreed study plan');
    expect(previewCard).toContain('1 excluded student is more than 12 months delayed: Xenia Udeladt.');
    expect(previewCard).toContain('"id":"confirmOverdue"');
    expect(previewCard).toContain('Send 4 mails');
    expect(previewCard).not.toContain('Anders Arkæolog');

    // A test mail to herself; the dialog says so.
    const tested = dialogAnswer(
      await inDialog(buttonData(preview.card.content, 'at-risk.dispatch.test', 'red/da')),
    );
    expect(JSON.stringify(tested.card.content)).toContain(
      `Test sent to ${chairEmail}: Red mail (§ 31 stk. 2), Danish.`,
    );
    await expectTheTestMail(world);

    // 5. Send, confirming the exclusion: the dialog closes.
    const sent = await inDialog({
      formId: 'at-risk.dispatch',
      state: stateOf(tested.card.content),
      confirmOverdue: 'true',
    });
    expect(JSON.stringify(sent ?? null)).not.toContain('"continue"');
    await expectTheStudentMails(world);

    // The board's channel: the progress card updated to its end, then the journal's note and the pack.
    const finalProgress = 'Mails for History, spring 2026: 4 sent, 0 failed, 0 waiting.';
    const progressPost = channelPosts().find((call) =>
      JSON.stringify(call.body).includes('Mails for History'),
    );
    expect(progressPost).toBeDefined();
    await eventually(() => {
      const updates = teams
        .callsTo('update-activity')
        .filter(
          (call) =>
            call.conversationId === boardChannel.id && JSON.stringify(call.body).includes('Mails for'),
        );
      return JSON.stringify(updates.at(-1)?.body ?? '').includes(finalProgress) ? true : undefined;
    }, 'the progress card updated to its end');
    const pack = await eventually(
      () => channelPosts().find((call) => JSON.stringify(call.body).includes('For the board meeting')),
      'the board-meeting pack in the channel',
    );
    const journalised = channelPosts().filter((call) =>
      JSON.stringify(call.body).includes(
        'Journalised: identification of students at risk – spring 2026 – History',
      ),
    );
    expect(journalised).toHaveLength(1);
    expect(JSON.stringify(journalised[0]?.body)).toContain(
      '5 cases journalised: 4 student cases and 1 collective case.',
    );
    expect(
      channelPosts().filter((call) => JSON.stringify(call.body).includes('For the board meeting')),
    ).toHaveLength(1);
    // Teams cannot attach a file to a bot's channel message: the card links to the copy the bot serves.
    const link = /\]\((http[^)]+\.pdf)\)/.exec(JSON.stringify(sentCard(pack)))?.[1];
    expect(link).toMatch(/\/files\/[A-Za-z0-9_-]{43}\/board-meeting-SN-HIS-2026-spring-en\.pdf$/);
    const served = await fetch(link ?? '');
    expect(served.status).toBe(200);
    const packText = await pdfText(new Uint8Array(await served.arrayBuffer()));
    expect(packText).toContain('For the board meeting: students at risk – spring 2026');
    expect(cprShaped.test(packText)).toBe(false);
    expect(holdsCpr(JSON.stringify(teams.calls.map((call) => call.body)))).toBe(false);

    // 6. The journal.
    await expectTheJournal(world);
    await expectTheAuditTrail(world, 'teams', 2);
  });
});
