import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Form } from '../../../src/messages/message-model.js';
import { adaptiveCardProblems } from './support/adaptive-card-check.js';
import { dialogAnswer } from './support/connector-bodies.js';
import { dialogFetch, dialogSubmit, seedTeam } from './support/teams-activities.js';
import { startTeamsHarness, type TeamsHarness } from './support/teams-harness.js';

let harness: TeamsHarness;

/** A list that pages itself: its blocks act inside the open dialog; its one field is a search box. */
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
        columns: [{ header: 'Student no.' }, { header: 'Name' }],
        rows: [[`S${page}01`, `Student ${page}01`]],
      },
      {
        type: 'actions',
        elements: [
          { type: 'button', actionId: 'at-risk.review-list.next', label: 'Next', value: String(page + 1) },
        ],
      },
    ],
    fields: [{ id: 'search', kind: 'text', label: 'Search', optional: true }],
  };
}

/** The reminder's "Review students" opens the dialog directly: task/fetch replaying the click. */
const reviewClick = {
  trafiklysForm: { source: 'action', actionId: 'at-risk.review', value: 'SN-HIS|spring|2026' },
};

beforeEach(async () => {
  harness = await startTeamsHarness();
  seedTeam(harness.double);
  harness.requests.actionReply = () => ({ kind: 'form', form: pagedList(1) });
});

afterEach(async () => {
  harness.double.assertNoUnexpectedCalls();
  await harness.close();
});

async function openDialog() {
  const opened = await harness.post(dialogFetch(harness.double, reviewClick));
  expect(opened.status).toBe(200);
  return opened;
}

describe('a dialog that acts inside itself', () => {
  test('one click on a button that opens a form shows the dialog at once, large for a list, and posts nothing', async () => {
    const opened = await openDialog();

    expect(opened.body).toMatchObject({
      task: { type: 'continue', value: { width: 'large', height: 'large' } },
    });
    const dialog = dialogAnswer(opened.body);
    expect(dialog.title).toBe('Review students');
    expect(JSON.stringify(dialog.card.content)).toContain('Students, page 1');
    expect(adaptiveCardProblems(dialog.card.content)).toEqual([]);
    expect(harness.requests.requests).toMatchObject([
      { kind: 'action', action: { actionId: 'at-risk.review', value: 'SN-HIS|spring|2026' } },
    ]);
    // One dialog; no card, no message in any conversation.
    expect(harness.double.callsTo('send-activity')).toEqual([]);
  });

  test('a click inside the dialog reaches the core as a form action with the inputs, and the answer is the next card in the same dialog', async () => {
    await openDialog();
    harness.requests.formActionOutcome = () => ({ kind: 'form', form: pagedList(2) });

    const clicked = await harness.post(
      dialogSubmit(harness.double, {
        formId: 'at-risk.review-list',
        state: 'page-1',
        actionId: 'at-risk.review-list.next',
        actionValue: '2',
        search: 'Ida',
        'at-risk.review-list.category': 'red',
      }),
    );

    expect(harness.requests.requests.at(-1)).toEqual({
      kind: 'formAction',
      actor: expect.objectContaining({ userId: 'aad-chair', email: 'kb@uni.example' }),
      action: {
        formId: 'at-risk.review-list',
        state: 'page-1',
        actionId: 'at-risk.review-list.next',
        value: '2',
        values: { search: 'Ida' },
      },
    });
    const dialog = dialogAnswer(clicked.body);
    expect(JSON.stringify(dialog.card.content)).toContain('Students, page 2');
    expect(adaptiveCardProblems(dialog.card.content)).toEqual([]);
    expect(harness.double.callsTo('send-activity')).toEqual([]);
  });

  test('a menu choice inside the dialog carries the option chosen; its next page acts in turn', async () => {
    await openDialog();
    harness.requests.formActionOutcome = (action) => ({
      kind: 'form',
      form: pagedList(action.actionId === 'at-risk.review-list.next' ? 3 : 2),
    });

    await harness.post(
      dialogSubmit(harness.double, {
        formId: 'at-risk.review-list',
        state: 'page-1',
        actionId: 'at-risk.review-list.category',
        'at-risk.review-list.category': 'yellow',
        search: '',
      }),
    );
    // The second card's own click is found by its own state, on any instance.
    const again = await harness.post(
      dialogSubmit(harness.double, {
        formId: 'at-risk.review-list',
        state: 'page-2',
        actionId: 'at-risk.review-list.next',
        actionValue: '3',
      }),
    );

    expect(harness.requests.requests.slice(-2)).toMatchObject([
      {
        kind: 'formAction',
        action: { actionId: 'at-risk.review-list.category', value: 'yellow', values: { search: null } },
      },
      { kind: 'formAction', action: { state: 'page-2', actionId: 'at-risk.review-list.next', value: '3' } },
    ]);
    expect(JSON.stringify(dialogAnswer(again.body).card.content)).toContain('Students, page 3');
  });

  test('errors in answer show the same card with each error under its field', async () => {
    await openDialog();
    harness.requests.formActionOutcome = () => ({
      kind: 'errors',
      errors: { search: 'This list is out of date.' },
    });

    const clicked = await harness.post(
      dialogSubmit(harness.double, {
        formId: 'at-risk.review-list',
        state: 'page-1',
        actionId: 'at-risk.review-list.next',
        actionValue: '2',
      }),
    );

    const card = JSON.stringify(dialogAnswer(clicked.body).card.content);
    expect(card).toContain('Students, page 1');
    expect(card).toContain('"text":"This list is out of date.","wrap":true,"color":"Attention"');
  });

  test('the dialog’s own submit still goes to submitForm, and a refusal opening it is the dialog’s text', async () => {
    await openDialog();
    harness.requests.submitOutcome = () => ({ kind: 'form', form: pagedList(1) });
    await harness.post(
      dialogSubmit(harness.double, { formId: 'at-risk.review-list', state: 'page-1', search: 'Ida' }),
    );
    expect(harness.requests.requests.at(-1)).toMatchObject({
      kind: 'submitForm',
      submission: { state: 'page-1', values: { search: 'Ida' } },
    });

    harness.requests.actionReply = () => ({
      kind: 'message',
      visibility: 'only_actor',
      message: {
        fallbackText: 'You are not allowed.',
        blocks: [{ type: 'text', content: ['You are not allowed.'] }],
      },
    });
    const refused = await harness.post(dialogFetch(harness.double, reviewClick));
    expect(refused.body).toEqual({ task: { type: 'message', value: 'You are not allowed.' } });
  });
});
