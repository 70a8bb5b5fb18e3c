import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Form } from '../../../src/messages/message-model.js';
import { postSigned } from '../../support/slack-request-signer.js';
import { anne, eventually, type SlackHarness, settle, startSlackHarness } from './slack-harness.js';
import { boardChannel, slashCommand, viewBlockActions } from './slack-payloads.js';

let slack: SlackHarness;

beforeEach(async () => {
  slack = await startSlackHarness();
});

afterEach(async () => {
  await slack.close();
  slack.double.assertNoUnexpectedCalls();
});

/** A list that pages itself: its blocks act inside the open modal; its one field is a search box. */
function pagedList(page: number): Form {
  return {
    formId: 'at-risk.review-list',
    title: 'Review students',
    submitLabel: 'Search',
    cancelLabel: 'Close',
    state: `page-${page}`,
    blocks: [
      { type: 'heading', text: `Students, page ${page}` },
      {
        type: 'actions',
        elements: [
          {
            type: 'select',
            actionId: 'at-risk.review-list.category',
            placeholder: 'Category',
            options: [
              { label: 'Red', value: 'red' },
              { label: 'Yellow', value: 'yellow' },
            ],
          },
        ],
      },
      {
        type: 'table',
        columns: [{ header: 'Student no.' }, { header: 'Name' }, { header: 'Category' }],
        rows: [[`S${page}01`, `Student ${page}01`, 'Red']],
      },
      {
        type: 'actions',
        elements: [
          { type: 'button', actionId: 'at-risk.review-list.next', label: 'Next →', value: String(page + 1) },
        ],
      },
    ],
    fields: [{ id: 'search', kind: 'text', label: 'Search', optional: true }],
  };
}

/** Opens the list as the bot would (the core answers a command with it); returns what a click names. */
async function openList(): Promise<{ viewId: string; externalId: string }> {
  slack.bot.commandReply = () => ({ kind: 'form', form: pagedList(1) });
  await postSigned(
    slack.eventsUrl,
    slack.signer.command(
      slashCommand({
        userId: anne.id,
        channelId: boardChannel,
        text: 'review',
        responseUrl: slack.double.responseUrl(),
      }),
    ),
  );
  const [opened] = await eventually(() => {
    expect(slack.double.openedViews).toHaveLength(1);
    return slack.double.openedViews;
  });
  return { viewId: opened!.id, externalId: opened!.externalId };
}

function clickIn(
  opened: { viewId: string; externalId: string },
  action: Parameters<typeof viewBlockActions>[0]['action'],
  options: { hash?: string; search?: string | null } = {},
) {
  return slack.signer.interaction(
    viewBlockActions({
      userId: anne.id,
      ...opened,
      hash: options.hash ?? slack.double.viewHash(opened.viewId),
      callbackId: 'at-risk.review-list',
      privateMetadata: 'page-1',
      values: { search: { search: { type: 'plain_text_input', value: options.search ?? null } } },
      action,
    }),
  );
}

describe('a click inside an open modal', () => {
  test('reaches the core as a form action with the inputs and the state, and its answer replaces the view in place', async () => {
    const opened = await openList();
    slack.bot.formActionOutcome = () => ({ kind: 'form', form: pagedList(2) });

    const response = await postSigned(
      slack.eventsUrl,
      clickIn(
        opened,
        { type: 'button', actionId: 'at-risk.review-list.next', value: '2' },
        { search: 'anne' },
      ),
    );

    expect(response.status).toBe(200);
    const [update] = await eventually(() => {
      expect(slack.double.callsOf('views.update')).toHaveLength(1);
      return slack.double.callsOf('views.update');
    });
    expect(slack.bot.requests.at(-1)).toEqual({
      kind: 'formAction',
      actor: expect.objectContaining({ userId: anne.id, email: anne.email }),
      action: {
        formId: 'at-risk.review-list',
        state: 'page-1',
        actionId: 'at-risk.review-list.next',
        value: '2',
        values: { search: 'anne' },
      },
    });
    expect(update?.args).toMatchObject({ view_id: opened.viewId, hash: expect.stringMatching(/hash$/) });
    expect(update?.args.view).toMatchObject({
      type: 'modal',
      callback_id: 'at-risk.review-list',
      external_id: opened.externalId,
      private_metadata: 'page-2',
      title: { type: 'plain_text', text: 'Review students' },
    });
    expect(JSON.stringify(update?.args.view)).toContain('Students, page 2');
    // One view, changed in place: nothing posted, no second modal.
    expect(slack.double.callsOf('views.open')).toHaveLength(1);
    expect(slack.double.callsOf('chat.postEphemeral')).toEqual([]);
    expect(slack.double.callsOf('chat.postMessage')).toEqual([]);
  });

  test('a table in the modal reads one student a section, and a menu choice carries the option chosen', async () => {
    const opened = await openList();
    expect(JSON.stringify(slack.double.openedViews[0]?.view)).toContain(
      '{"type":"section","text":{"type":"mrkdwn","text":"*S101*  Student 101\\nCategory: Red"}}',
    );
    slack.bot.formActionOutcome = () => ({ kind: 'form', form: pagedList(1) });

    await postSigned(
      slack.eventsUrl,
      clickIn(opened, { type: 'static_select', actionId: 'at-risk.review-list.category', value: 'yellow' }),
    );

    await eventually(() => expect(slack.double.callsOf('views.update')).toHaveLength(1));
    expect(slack.bot.requests.at(-1)).toMatchObject({
      kind: 'formAction',
      action: { actionId: 'at-risk.review-list.category', value: 'yellow', values: { search: null } },
    });
  });

  test('errors in answer are shown under their field in the updated view', async () => {
    const opened = await openList();
    slack.bot.formActionOutcome = () => ({ kind: 'errors', errors: { search: 'This list is out of date.' } });

    await postSigned(
      slack.eventsUrl,
      clickIn(opened, { type: 'button', actionId: 'at-risk.review-list.next' }),
    );

    const [update] = await eventually(() => {
      expect(slack.double.callsOf('views.update')).toHaveLength(1);
      return slack.double.callsOf('views.update');
    });
    expect(JSON.stringify(update?.args.view)).toContain(
      '{"type":"context","elements":[{"type":"mrkdwn","text":":warning: This list is out of date."}]}',
    );
  });

  test('an answer that closes leaves the view as it is: Slack cannot close a modal from a click', async () => {
    const opened = await openList();
    slack.bot.formActionOutcome = () => ({ kind: 'close' });

    await postSigned(
      slack.eventsUrl,
      clickIn(opened, { type: 'button', actionId: 'at-risk.review-list.next' }),
    );

    await eventually(() => expect(slack.bot.requests.at(-1)?.kind).toBe('formAction'));
    await settle();
    expect(slack.double.callsOf('views.update')).toEqual([]);
    expect(slack.double.callsOf('chat.postMessage')).toEqual([]);
  });

  test('a click answered after another click changed the view is dropped; the newer view stays and nobody is told of a failure', async () => {
    const opened = await openList();
    const staleHash = slack.double.viewHash(opened.viewId);
    slack.bot.formActionOutcome = () => ({ kind: 'form', form: pagedList(2) });
    await postSigned(
      slack.eventsUrl,
      clickIn(opened, { type: 'button', actionId: 'at-risk.review-list.next' }),
    );
    await eventually(() => expect(slack.double.updatedViews).toHaveLength(1));

    await postSigned(
      slack.eventsUrl,
      clickIn(opened, { type: 'button', actionId: 'at-risk.review-list.next' }, { hash: staleHash }),
    );

    await eventually(() => expect(slack.double.callsOf('views.update')).toHaveLength(2));
    await settle();
    expect(slack.double.updatedViews).toHaveLength(1);
    expect(slack.double.callsOf('chat.postMessage')).toEqual([]);
    expect(slack.logs.text()).not.toContain('Slack request failed');
  });

  test('a click in a modal whose form is gone (opened before a restart) tells the person privately and does not reach the core', async () => {
    const click = slack.signer.interaction(
      viewBlockActions({
        userId: anne.id,
        viewId: 'V0FROMBEFORE',
        hash: '1.old',
        externalId: 'a-key-nobody-kept',
        callbackId: 'at-risk.review-list',
        privateMetadata: 'page-1',
        values: {},
        action: { type: 'button', actionId: 'at-risk.review-list.next', value: '2' },
      }),
    );

    await postSigned(slack.eventsUrl, click);

    const [direct] = await eventually(() => {
      expect(slack.double.messagesIn('D0ANNE')).toHaveLength(1);
      return slack.double.messagesIn('D0ANNE');
    });
    expect(direct?.text).toBe('Formularen er udløbet. Luk den og åbn den igen fra beskeden.');
    expect(slack.bot.requests).toEqual([]);
    expect(slack.double.callsOf('views.update')).toEqual([]);
  });
});
