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
  reviewValue,
  slackChannel,
  startChairWalkthrough,
  students,
} from '../support/chair-walkthrough.js';
import { postSigned } from '../support/slack-request-signer.js';
import { testDatabaseEngine } from '../support/test-database.js';
import {
  blockActions,
  slashCommand,
  viewBlockActions,
  viewSubmission,
} from '../surfaces/slack/slack-payloads.js';

// The chair's whole procedure on Slack, end to end (issue 8): review →
// exclude with a reason → preview → test mail → dispatch → journal and the
// board-meeting pack, against the whole bot behind Bolt, the Slack API double,
// a real SMTP server and a folder journal.
let world: ChairWalkthrough;
beforeAll(async () => {
  world = await startChairWalkthrough();
});
afterAll(async () => {
  await world?.dispose();
});

const slackOption = (value: string) => ({ text: { type: 'plain_text', text: value }, value });

interface OpenedModal {
  readonly id: string;
  readonly externalId: string;
  readonly view: unknown;
}

/** Slack's side of the chair's clicks and submissions in an open modal. */
function inModal(modal: OpenedModal) {
  const { surfaces, bot } = world;
  const view = modal.view as { callback_id: string; private_metadata: string };
  const post = (payload: Record<string, unknown>) =>
    postSigned(`${bot.url}/slack/events`, surfaces.slackSigner.interaction(payload));
  return {
    click: (
      action: Parameters<typeof viewBlockActions>[0]['action'],
      values: Record<string, Record<string, unknown>> = {},
    ) =>
      post(
        viewBlockActions({
          userId: 'U0CHAIR',
          viewId: modal.id,
          hash: surfaces.slack.viewHash(modal.id),
          externalId: modal.externalId,
          callbackId: view.callback_id,
          privateMetadata: view.private_metadata,
          values,
          action,
        }),
      ),
    submit: (values: Record<string, Record<string, unknown>>) =>
      post(
        viewSubmission({
          userId: 'U0CHAIR',
          viewId: modal.id,
          externalId: modal.externalId,
          callbackId: view.callback_id,
          privateMetadata: view.private_metadata,
          values,
        }),
      ),
  };
}

describe(`the chair's procedure on Slack, end to end (${testDatabaseEngine()})`, () => {
  it('review, exclude with a reason, preview, test mail, send: the students get their mails, the channel the progress, the journal note and the pack with its PDF, the journal its cases', async () => {
    const { surfaces, bot } = world;
    const { slack } = surfaces;

    // 1–2. The reminder's "Review students" opens the review list as a modal.
    const reminder = JSON.stringify(slack.acceptedPosts(slackChannel)[0]?.args.blocks);
    expect(reminder).toContain('"action_id":"at-risk.review"');
    expect(reminder).toContain(`"value":"${reviewValue}"`);
    const click = blockActions({
      userId: 'U0CHAIR',
      channelId: slackChannel,
      actionId: 'at-risk.review',
      value: reviewValue,
      responseUrl: slack.responseUrl(),
    });
    expect(
      (await postSigned(`${bot.url}/slack/events`, surfaces.slackSigner.interaction(click))).status,
    ).toBe(200);
    const review = await eventually(() => slack.openedViews[0], 'the review list as a modal');
    expect(JSON.stringify(review.view)).toContain('Xenia Udeladt');

    // 3. Exclude, with a reason.
    await inModal(review).click(
      { type: 'button', actionId: 'at-risk.review-list.exclude' },
      {
        'exclude-students': {
          'exclude-students': {
            type: 'multi_static_select',
            selected_options: [slackOption(students.excluded)],
          },
        },
        'exclude-reason': {
          'exclude-reason': { type: 'static_select', selected_option: slackOption('agreed_study_plan') },
        },
        'exclude-note': { 'exclude-note': { type: 'plain_text_input', value: null } },
        search: { search: { type: 'plain_text_input', value: null } },
      },
    );
    const excluded = await eventually(() => slack.updatedViews[0], 'the modal updated with the notice');
    expect(JSON.stringify(excluded.view)).toContain('1 student excluded: agreed study plan.');

    // 4. /trafiklys dispatch opens the preview, which names the § 31 stk. 2 exclusion to confirm.
    const command = slashCommand({
      userId: 'U0CHAIR',
      channelId: slackChannel,
      text: 'dispatch',
      responseUrl: slack.responseUrl(),
    });
    expect((await postSigned(`${bot.url}/slack/events`, surfaces.slackSigner.command(command))).status).toBe(
      200,
    );
    const preview = await eventually(() => slack.openedViews[1], 'the dispatch preview as a modal');
    const previewText = JSON.stringify(preview.view);
    expect(previewText).toContain('"callback_id":"at-risk.dispatch"');
    expect(previewText).toContain('Red mail (§ 31 stk. 2), Danish');
    expect(previewText).toContain('Yellow mail (§ 31 stk. 1), English');
    expect(previewText).toContain('Xenia Udeladt (X1): agreed study plan');
    expect(previewText).toContain('1 excluded student is more than 12 months delayed: Xenia Udeladt.');
    expect(previewText).toContain('"action_id":"confirmOverdue"');
    expect(previewText).toContain('Send 4 mails');
    expect(previewText).not.toContain('Anders Arkæolog');

    // A test mail to herself; the modal says so in place.
    const modal = inModal(preview);
    await modal.click({ type: 'button', actionId: 'at-risk.dispatch.test', value: 'red/da' });
    const tested = await eventually(
      () => slack.updatedViews.find((update) => update.id === preview.id),
      'the preview updated with the test notice',
    );
    expect(JSON.stringify(tested.view)).toContain(
      `Test sent to ${chairEmail}: Red mail (§ 31 stk. 2), Danish.`,
    );
    await expectTheTestMail(world);

    // 5. Send, confirming the exclusion.
    const sent = await modal.submit({
      confirmOverdue: {
        confirmOverdue: { type: 'checkboxes', selected_options: [slackOption('true')] },
      },
    });
    expect(sent.status).toBe(200);
    expect(sent.body).not.toContain('"errors"');
    await expectTheStudentMails(world);

    // The board's channel: the progress message updated to its end, then the journal's note and the pack.
    const progress = slack
      .acceptedPosts(slackChannel)
      .find((call) => String(call.args.text).startsWith('Mails for History, spring 2026'));
    expect(progress).toBeDefined();
    const upload = await eventually(
      () =>
        [...slack.uploads.values()].find(
          (file) => file.completed && file.filename === 'board-meeting-SN-HIS-2026-spring-en.pdf',
        ),
      'the board-meeting pack’s PDF uploaded',
    );
    // Its updates are paced per channel (Slack's rate limits): the last one arrives in its own time.
    const progressUpdates = () =>
      slack
        .callsOf('chat.update')
        .filter(
          (call) => call.args.channel === slackChannel && String(call.args.text).startsWith('Mails for'),
        );
    const finalProgress = 'Mails for History, spring 2026: 4 sent, 0 failed, 0 waiting.';
    await eventually(
      () => (progressUpdates().at(-1)?.args.text === finalProgress ? true : undefined),
      'the progress message updated to its end',
    );
    const texts = slack.acceptedPosts(slackChannel).map((call) => String(call.args.text));
    expect(
      texts.filter((text) => text.startsWith('Journalised: identification of students at risk')),
    ).toEqual(['Journalised: identification of students at risk – spring 2026 – History']);
    expect(texts.filter((text) => text.startsWith('For the board meeting'))).toEqual([
      'For the board meeting: students at risk – spring 2026 – History',
    ]);
    expect(upload.filename).toBe('board-meeting-SN-HIS-2026-spring-en.pdf');
    const pack = await pdfText(upload.bytes);
    expect(pack).toContain('For the board meeting: students at risk – spring 2026');
    expect(cprShaped.test(pack)).toBe(false);
    // (A message's ts looks like ten digits: the export's own CPR numbers are what must not appear.)
    expect(holdsCpr(JSON.stringify(slack.calls))).toBe(false);

    // 6. The journal.
    await expectTheJournal(world);
    await expectTheAuditTrail(world, 'slack');
  });
});
