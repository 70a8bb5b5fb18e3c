import { describe, expect, it } from 'vitest';
import type { Form, Message } from '../../../../src/messages/message-model.js';
import { reviewPageSize } from '../../../../src/procedures/at-risk/review/review-state.js';
import {
  readTeamsFormAction,
  renderTeamsForm,
  renderTeamsMessage,
} from '../../../../src/surfaces/teams/adaptive-card/index.js';
import {
  byteLength,
  TEAMS_DIALOG_CARD_MAX_BYTES,
} from '../../../../src/surfaces/teams/adaptive-card/teams-limits.js';
import { adaptiveCardProblems } from '../../../support/adaptive-card-schema.js';
import { largestReviewForm } from '../../../support/review-form-fixture.js';

/** A list that pages itself, as the review list does, with one search field. */
const pagedList: Form = {
  formId: 'at-risk.review-list',
  title: 'Review students',
  submitLabel: 'Search',
  cancelLabel: 'Close',
  state: '{"page":2}',
  blocks: [
    { type: 'heading', text: 'Students to review' },
    {
      type: 'actions',
      elements: [
        {
          type: 'select',
          actionId: 'list.category',
          placeholder: 'Category',
          options: [
            { label: 'Red', value: 'red' },
            { label: 'Yellow', value: 'yellow' },
          ],
          initialValue: 'red',
        },
      ],
    },
    {
      type: 'table',
      columns: [{ header: 'Student no.' }, { header: 'Name' }],
      rows: [['S1', 'Ida_Red']],
    },
    {
      type: 'actions',
      elements: [{ type: 'button', actionId: 'list.next', label: 'Next →', value: '3' }],
    },
  ],
  fields: [{ id: 'search', kind: 'text', label: 'Search', optional: true }],
};

const cell = (text: string, header = false) => ({
  type: 'TableCell',
  items: [{ type: 'TextBlock', text, wrap: true, ...(header ? { weight: 'Bolder' } : {}) }],
});

describe('Teams dialog card with blocks', () => {
  it('shows the blocks above the fields; its buttons and menus submit inside the dialog, naming the action', () => {
    const card = renderTeamsForm(pagedList, { requiredFieldMessage: 'Required' });

    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card).toEqual({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [
        {
          type: 'TextBlock',
          text: 'Students to review',
          wrap: true,
          style: 'heading',
          size: 'Medium',
          weight: 'Bolder',
        },
        {
          type: 'Input.ChoiceSet',
          id: 'list.category',
          style: 'compact',
          placeholder: 'Category',
          choices: [
            { title: 'Red', value: 'red' },
            { title: 'Yellow', value: 'yellow' },
          ],
          value: 'red',
        },
        {
          type: 'ActionSet',
          actions: [
            {
              type: 'Action.Submit',
              title: 'OK',
              data: { formId: 'at-risk.review-list', state: '{"page":2}', actionId: 'list.category' },
            },
          ],
        },
        {
          type: 'Table',
          columns: [{ width: 1 }, { width: 1 }],
          rows: [
            { type: 'TableRow', cells: [cell('Student no.', true), cell('Name', true)] },
            { type: 'TableRow', cells: [cell('S1'), cell('Ida\\_Red')] },
          ],
        },
        {
          type: 'ActionSet',
          actions: [
            {
              type: 'Action.Submit',
              title: 'Next →',
              data: {
                formId: 'at-risk.review-list',
                state: '{"page":2}',
                actionId: 'list.next',
                actionValue: '3',
              },
            },
          ],
        },
        { type: 'Input.Text', id: 'search', label: 'Search' },
      ],
      actions: [
        {
          type: 'Action.Submit',
          title: 'Search',
          style: 'positive',
          data: { formId: 'at-risk.review-list', state: '{"page":2}' },
        },
      ],
    });
  });

  it('reads a click inside the dialog: a button by its value, a menu by its choice, with the inputs as they are', () => {
    const common = { formId: 'at-risk.review-list', state: '{"page":2}', search: 'Ida' };
    expect(readTeamsFormAction(pagedList, { ...common, actionId: 'list.next', actionValue: '3' })).toEqual({
      actionId: 'list.next',
      value: '3',
      values: { search: 'Ida' },
    });
    expect(
      readTeamsFormAction(pagedList, { ...common, actionId: 'list.category', 'list.category': 'yellow' }),
    ).toEqual({ actionId: 'list.category', value: 'yellow', values: { search: 'Ida' } });
    // The dialog's own submit names no action: it is a submission, read by readTeamsFormValues.
    expect(readTeamsFormAction(pagedList, common)).toBeNull();
  });

  it.each([
    ['da', 'at_risk'],
    ['en', 'at_risk'],
    ['da', 'excluded'],
    ['en', 'excluded'],
  ] as const)(
    'the review list of a board of 2,000 students, with the chair’s exclusion controls, is one dialog card within Teams’ size (%s, %s)',
    (language, category) => {
      const card = renderTeamsForm(largestReviewForm(language, category), {
        requiredFieldMessage: 'Required',
      });

      expect(adaptiveCardProblems(card)).toEqual([]);
      expect(byteLength(card)).toBeLessThanOrEqual(TEAMS_DIALOG_CARD_MAX_BYTES);
      const table = card.body.find((element) => element.type === 'Table');
      // The header row and a page of students.
      expect(table?.type === 'Table' ? table.rows.length : 0).toBe(reviewPageSize + 1);
    },
  );

  it('a dialog card over Teams’ size is refused, naming the form: the procedure must show less at a time', () => {
    const huge: Form = {
      ...pagedList,
      blocks: [
        {
          type: 'table',
          columns: [{ header: 'Name' }],
          rows: Array.from({ length: 2_000 }, (_, index) => [`Student ${index}`]),
        },
      ],
    };
    expect(() => renderTeamsForm(huge, {})).toThrow(
      /^Form "at-risk.review-list": its dialog card measures \d+ bytes/,
    );
  });
});

describe('a message button that opens a form', () => {
  it('is a task/fetch Action.Submit that replays the click, so one click opens the dialog', () => {
    const message: Message = {
      fallbackText: 'Reminder',
      blocks: [
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              actionId: 'at-risk.review',
              label: 'Review students',
              value: 'SN-DAT|spring|2026',
              style: 'primary',
              opensForm: true,
            },
          ],
        },
      ],
    };

    const [page] = renderTeamsMessage(message, {
      mentionFor: () => null,
      imageUrlFor: () => null,
      fileUrlFor: () => null,
    });

    expect(page?.attachments[0].content.body).toEqual([
      {
        type: 'ActionSet',
        actions: [
          {
            type: 'Action.Submit',
            title: 'Review students',
            style: 'positive',
            data: {
              msteams: { type: 'task/fetch' },
              trafiklysForm: { source: 'action', actionId: 'at-risk.review', value: 'SN-DAT|spring|2026' },
            },
          },
        ],
      },
    ]);
    expect(adaptiveCardProblems(page?.attachments[0].content)).toEqual([]);
  });
});
