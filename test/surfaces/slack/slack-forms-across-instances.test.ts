import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Form } from '../../../src/messages/message-model.js';
import { PrismaOpenFormStore } from '../../../src/storage/prisma-open-form-store.js';
import { capturedLogger } from '../../support/captured-logger.js';
import { postSigned } from '../../support/slack-request-signer.js';
import { openSharedTestDatabase, testDatabaseEngine } from '../../support/test-database.js';
import { anne, eventually, type SlackHarness, startSlackHarness } from './slack-harness.js';
import { boardChannel, deviationForm, slashCommand, viewSubmission } from './slack-payloads.js';

// Two Slack instances behind one load balancer, sharing one database: Slack
// sends a modal's submission to whichever instance it reaches.
let shared: Awaited<ReturnType<typeof openSharedTestDatabase>>;
beforeAll(async () => {
  shared = await openSharedTestDatabase();
});
afterAll(async () => {
  await shared?.close();
});

let opening: SlackHarness;
let openingForms: PrismaOpenFormStore;
let submitting: SlackHarness;
beforeEach(async () => {
  const [first, second] = shared.instances;
  openingForms = new PrismaOpenFormStore(first.prisma, capturedLogger().logger);
  opening = await startSlackHarness({ openForms: openingForms });
  submitting = await startSlackHarness({
    openForms: new PrismaOpenFormStore(second.prisma, capturedLogger().logger),
  });
});
afterEach(async () => {
  for (const harness of [opening, submitting]) {
    await harness.close();
    harness.double.assertNoUnexpectedCalls();
  }
});

interface OpenedModal {
  readonly viewId: string;
  readonly externalId: string;
}

/** Anne's command opens the modal through `opening`; its form is kept before views.open is called. */
async function openThrough(harness: SlackHarness, form: Form): Promise<OpenedModal> {
  harness.bot.commandReply = () => ({ kind: 'form', form });
  const command = slashCommand({
    userId: anne.id,
    channelId: boardChannel,
    text: 'deviation',
    responseUrl: harness.double.responseUrl(),
  });
  await postSigned(harness.eventsUrl, harness.signer.command(command));
  const [opened] = await eventually(() => {
    expect(harness.double.openedViews).toHaveLength(1);
    return harness.double.openedViews;
  });
  // The form is stored under the bot's own key (external_id) before the modal opens.
  expect(opened?.externalId).toMatch(/^[0-9a-f-]{36}$/);
  expect(await openingForms.find('slack', opened?.externalId ?? '')).not.toBeNull();
  return { viewId: opened?.id ?? '', externalId: opened?.externalId ?? '' };
}

function submissionOf(opened: OpenedModal, values: Record<string, Record<string, unknown>>) {
  return viewSubmission({
    userId: anne.id,
    ...opened,
    callbackId: 'at-risk.note',
    privateMetadata: 'cycle-7',
    values,
  });
}

describe(`a modal opened through one instance (${testDatabaseEngine()})`, () => {
  test('is submitted through another: its inputs are read by the form’s field kinds, and the modal closes', async () => {
    const opened = await openThrough(opening, deviationForm);
    const submission = submissionOf(opened, {
      note: { note: { type: 'plain_text_input', value: 'Called her' } },
      meeting: { meeting: { type: 'datepicker', selected_date: '2026-06-02' } },
    });

    const response = await postSigned(submitting.eventsUrl, submitting.signer.interaction(submission));

    expect(response).toEqual({ status: 200, body: '' });
    expect(submitting.bot.requests).toEqual([
      {
        kind: 'submitForm',
        actor: expect.objectContaining({ userId: anne.id, email: anne.email }),
        submission: {
          formId: 'at-risk.note',
          state: 'cycle-7',
          values: { note: 'Called her', meeting: '2026-06-02' },
        },
      },
    ]);
  });

  test('once submitted it is closed for both: the same modal sent again to the first is told to reopen', async () => {
    const opened = await openThrough(opening, deviationForm);
    const values = {
      note: { note: { type: 'plain_text_input', value: 'Called her' } },
      meeting: { meeting: { type: 'datepicker', selected_date: null } },
    };
    await postSigned(submitting.eventsUrl, submitting.signer.interaction(submissionOf(opened, values)));

    const again = await postSigned(
      opening.eventsUrl,
      opening.signer.interaction(submissionOf(opened, values)),
    );

    expect(JSON.parse(again.body)).toEqual({
      response_action: 'errors',
      errors: { note: 'This form has expired. Close it and open it again from the message.' },
    });
    expect(opening.bot.requests.map((request) => request.kind)).toEqual(['command']);
  });

  test('the next form one instance put in the modal is the form the other reads the following submission with', async () => {
    const opened = await openThrough(opening, deviationForm);
    const followUp: Form = {
      formId: 'at-risk.note',
      title: 'Meeting',
      submitLabel: 'Book',
      cancelLabel: 'Cancel',
      state: 'cycle-7',
      fields: [{ id: 'attended', kind: 'checkbox', label: 'She came' }],
    };
    submitting.bot.submitOutcome = () => ({ kind: 'form', form: followUp });
    const first = await postSigned(
      submitting.eventsUrl,
      submitting.signer.interaction(
        submissionOf(opened, {
          note: { note: { type: 'plain_text_input', value: 'Called her' } },
          meeting: { meeting: { type: 'datepicker', selected_date: null } },
        }),
      ),
    );
    expect(JSON.parse(first.body)).toMatchObject({ response_action: 'update' });

    const second = await postSigned(
      opening.eventsUrl,
      opening.signer.interaction(
        submissionOf(opened, {
          attended: { attended: { type: 'checkboxes', selected_options: [{ value: 'true' }] } },
        }),
      ),
    );

    expect(second).toEqual({ status: 200, body: '' });
    expect(opening.bot.requests.at(-1)).toMatchObject({
      kind: 'submitForm',
      submission: { values: { attended: true } },
    });
  });
});
