import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MemoryOpenFormStore } from '../../support/memory-open-form-store.js';
import { postSigned } from '../../support/slack-request-signer.js';
import { anne, bo, eventually, type SlackHarness, startSlackHarness } from './slack-harness.js';
import {
  blockActions,
  boardChannel,
  deviationForm,
  reviewReady,
  slashCommand,
  viewSubmission,
} from './slack-payloads.js';

let slack: SlackHarness;

beforeEach(async () => {
  slack = await startSlackHarness();
});

afterEach(async () => {
  await slack.close();
  slack.double.assertNoUnexpectedCalls();
});

function commandFrom(userId: string, text: string) {
  return slack.signer.command(
    slashCommand({ userId, channelId: boardChannel, text, responseUrl: slack.double.responseUrl() }),
  );
}

describe('a button click', () => {
  test('reaches the core as an action with its value, and the reply for the conversation is posted there', async () => {
    slack.bot.actionReply = () => ({ kind: 'message', visibility: 'conversation', message: reviewReady });
    const click = blockActions({
      userId: bo.id,
      channelId: boardChannel,
      actionId: 'at-risk.review',
      value: 'cycle-7',
      responseUrl: slack.double.responseUrl(),
    });

    expect((await postSigned(slack.eventsUrl, slack.signer.interaction(click))).status).toBe(200);

    await eventually(() => expect(slack.double.acceptedPosts(boardChannel)).toHaveLength(1));
    expect(slack.bot.requests).toMatchObject([
      {
        kind: 'action',
        actor: { userId: bo.id, email: bo.email, locale: 'en-GB' },
        conversation: { conversationId: boardChannel, kind: 'channel' },
        action: { actionId: 'at-risk.review', value: 'cycle-7' },
      },
    ]);
  });
});

describe('a form submission', () => {
  /** The modal as Slack hands it back with a submission: its id and the key the bot gave it. */
  async function openDeviationForm(): Promise<{ viewId: string; externalId: string }> {
    slack.bot.commandReply = () => ({ kind: 'form', form: deviationForm });
    await postSigned(slack.eventsUrl, commandFrom(anne.id, 'deviation'));
    const [opened] = await eventually(() => {
      expect(slack.double.openedViews).toHaveLength(1);
      return slack.double.openedViews;
    });
    return { viewId: opened!.id, externalId: opened!.externalId };
  }

  test('the core rejects keeps the modal open with each error under its field', async () => {
    const opened = await openDeviationForm();
    slack.bot.submitOutcome = () => ({
      kind: 'errors',
      errors: { meeting: 'The meeting must be in the future.' },
    });
    const submission = viewSubmission({
      userId: anne.id,
      ...opened,
      callbackId: 'at-risk.note',
      privateMetadata: 'cycle-7',
      values: {
        note: { note: { type: 'plain_text_input', value: 'Called her' } },
        meeting: { meeting: { type: 'datepicker', selected_date: '2026-01-02' } },
      },
    });

    const response = await postSigned(slack.eventsUrl, slack.signer.interaction(submission));

    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      response_action: 'errors',
      errors: { meeting: 'The meeting must be in the future.' },
    });
    expect(slack.bot.requests.at(-1)).toEqual({
      kind: 'submitForm',
      actor: expect.objectContaining({ userId: anne.id }),
      submission: {
        formId: 'at-risk.note',
        state: 'cycle-7',
        values: { note: 'Called her', meeting: '2026-01-02' },
      },
    });
  });

  test('accepted by the core closes the modal with an empty answer', async () => {
    const opened = await openDeviationForm();
    const submission = viewSubmission({
      userId: anne.id,
      ...opened,
      callbackId: 'at-risk.note',
      privateMetadata: 'cycle-7',
      values: {
        note: { note: { type: 'plain_text_input', value: 'Called her' } },
        meeting: { meeting: { type: 'datepicker', selected_date: null } },
      },
    });

    const response = await postSigned(slack.eventsUrl, slack.signer.interaction(submission));

    expect(response).toEqual({ status: 200, body: '' });
  });
});

describe('opening a form', () => {
  test('when Slack refuses the modal (the click is too old), the kept form is forgotten and the user is told', async () => {
    await slack.close();
    const forms = new MemoryOpenFormStore();
    slack = await startSlackHarness({ openForms: forms });
    slack.double.failNext('views.open', 'expired_trigger_id');
    slack.bot.commandReply = () => ({ kind: 'form', form: deviationForm });

    await postSigned(slack.eventsUrl, commandFrom(anne.id, 'deviation'));

    const [told] = await eventually(() => {
      expect(slack.double.responses).toHaveLength(1);
      return slack.double.responses;
    });
    expect(JSON.stringify(told?.body)).toContain('for længe om at åbne formularen');
    const externalId = String(
      (slack.double.callsOf('views.open')[0]?.args.view as { external_id?: string })?.external_id,
    );
    expect(externalId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await forms.find('slack', externalId)).toBeNull();
  });
});

describe('a slow form submission', () => {
  test('past the deadline the modal closes at once and the outcome follows as a direct message', async () => {
    await slack.close();
    slack = await startSlackHarness({ submissionDeadlineMs: 50 });
    slack.bot.commandReply = () => ({ kind: 'form', form: deviationForm });
    await postSigned(slack.eventsUrl, commandFrom(bo.id, 'deviation'));
    const [opened] = await eventually(() => {
      expect(slack.double.openedViews).toHaveLength(1);
      return slack.double.openedViews;
    });
    slack.bot.submitOutcome = async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { kind: 'errors', errors: { note: 'Write what was agreed.' } };
    };
    const submission = viewSubmission({
      userId: bo.id,
      viewId: opened!.id,
      externalId: opened!.externalId,
      callbackId: 'at-risk.note',
      privateMetadata: 'cycle-7',
      values: {
        note: { note: { type: 'plain_text_input', value: null } },
        meeting: { meeting: { type: 'datepicker', selected_date: null } },
      },
    });

    const response = await postSigned(slack.eventsUrl, slack.signer.interaction(submission));

    expect(response).toEqual({ status: 200, body: '' });
    const [direct] = await eventually(() => {
      expect(slack.double.messagesIn('D0BO')).toHaveLength(1);
      return slack.double.messagesIn('D0BO');
    });
    expect(direct?.text).toBe(
      'Trafiklys needed more time to check “Note”, so the form was closed.\nYour answers to “Note” were not saved:\n• Write what was agreed.\nOpen the form again to correct them.',
    );
  });

  test('a submission for a modal this instance does not know (opened before a restart) is told to reopen it', async () => {
    const submission = viewSubmission({
      userId: bo.id,
      viewId: 'V0FROMBEFORE',
      callbackId: 'at-risk.note',
      privateMetadata: 'cycle-7',
      values: { note: { note: { type: 'plain_text_input', value: 'x' } } },
    });

    const response = await postSigned(slack.eventsUrl, slack.signer.interaction(submission));

    expect(JSON.parse(response.body)).toEqual({
      response_action: 'errors',
      errors: { note: 'This form has expired. Close it and open it again from the message.' },
    });
    expect(slack.bot.requests).toEqual([]);
  });
});
