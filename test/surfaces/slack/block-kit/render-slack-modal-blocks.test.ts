import { describe, expect, it } from 'vitest';
import type { Form } from '../../../../src/messages/message-model.js';
import { reviewPageSize } from '../../../../src/procedures/at-risk/review/review-state.js';
import { readSlackModalValues, renderSlackModal } from '../../../../src/surfaces/slack/block-kit/index.js';
import {
  SLACK_BUTTON_VALUE_MAX_CHARACTERS,
  SLACK_MODAL_MAX_BLOCKS,
  SLACK_MODAL_TITLE_MAX_CHARACTERS,
  SLACK_OPTION_GROUP_MAX_OPTIONS,
  SLACK_OPTION_TEXT_MAX_CHARACTERS,
  SLACK_PRIVATE_METADATA_MAX_CHARACTERS,
  SLACK_SECTION_TEXT_MAX_CHARACTERS,
  SLACK_SELECT_MAX_OPTIONS,
} from '../../../../src/surfaces/slack/block-kit/slack-limits.js';
import { largestReviewForm } from '../../../support/review-form-fixture.js';
import { slackContext } from './slack-fixtures.js';

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
      columns: [{ header: 'Student no.' }, { header: 'Name' }, { header: 'Programme' }, { header: 'E-mail' }],
      rows: [
        ['S1', 'Ida <Red> & co', 'History', ''],
        ['S2', 'Bo\nGreen', 'Maths', 'None'],
      ],
    },
    { type: 'context', content: ['Page 2 of 3'] },
    {
      type: 'actions',
      elements: [
        { type: 'button', actionId: 'list.previous', label: '← Previous', value: '1' },
        { type: 'button', actionId: 'list.next', label: 'Next →', value: '3' },
      ],
    },
  ],
  fields: [{ id: 'search', kind: 'text', label: 'Search', optional: true, initialValue: 'Ida' }],
  errors: { search: 'No student <matches>.' },
};

const text = (value: string) => ({ type: 'plain_text', text: value });
const option = (label: string, value: string) => ({ text: text(label), value });

describe('Slack modal with blocks', () => {
  it('shows the blocks above the fields: buttons and menus as in a message, a table one section a row, errors under their field', () => {
    expect(renderSlackModal(pagedList, slackContext)).toEqual({
      type: 'modal',
      callback_id: 'at-risk.review-list',
      title: text('Review students'),
      submit: text('Search'),
      close: text('Close'),
      private_metadata: '{"page":2}',
      blocks: [
        { type: 'header', text: text('Students to review') },
        {
          type: 'actions',
          elements: [
            {
              type: 'static_select',
              action_id: 'list.category',
              placeholder: text('Category'),
              options: [option('Red', 'red'), option('Yellow', 'yellow')],
              initial_option: option('Red', 'red'),
            },
          ],
        },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '*S1*  Ida &lt;Red&gt; &amp; co\nProgramme: History' },
        },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '*S2*  Bo Green\nProgramme: Maths · E-mail: None' },
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Page 2 of 3' }] },
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: 'list.previous', text: text('← Previous'), value: '1' },
            { type: 'button', action_id: 'list.next', text: text('Next →'), value: '3' },
          ],
        },
        {
          type: 'input',
          block_id: 'search',
          label: text('Search'),
          element: { type: 'plain_text_input', action_id: 'search', initial_value: 'Ida' },
          optional: true,
        },
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: ':warning: No student &lt;matches&gt;.' }],
        },
      ],
    });
  });

  it('a click inside the modal reads the inputs it has; an input Slack left out is no answer', () => {
    expect(readSlackModalValues(pagedList, {}, { emailFor: () => null }, { partial: true })).toEqual({
      search: null,
    });
  });

  it('a form with an image is refused, naming the form', () => {
    const withImage: Form = {
      ...pagedList,
      blocks: [
        {
          type: 'image',
          image: { id: 'x', png: new Uint8Array(), width: 1, height: 1 },
          altText: 'chart',
        },
      ],
    };
    expect(() => renderSlackModal(withImage, slackContext)).toThrow(
      'Form "at-risk.review-list": a form cannot show an image.',
    );
  });

  it('a menu in the blocks with the id of a field is refused: its choice would be read as the field', () => {
    const clash: Form = {
      ...pagedList,
      blocks: [
        {
          type: 'actions',
          elements: [
            { type: 'select', actionId: 'search', placeholder: 'x', options: [{ label: 'a', value: 'a' }] },
          ],
        },
      ],
    };
    expect(() => renderSlackModal(clash, slackContext)).toThrow('the menu "search" has the id of a field');
  });

  it.each([
    ['da', 'at_risk'],
    ['en', 'at_risk'],
    ['da', 'excluded'],
    ['en', 'excluded'],
  ] as const)(
    'the review list of a board of 2,000 students, with the chair’s exclusion controls, stays within a modal’s limits (%s, %s)',
    (language, category) => {
      const view = renderSlackModal(largestReviewForm(language, category), slackContext);

      expect(view.blocks.length).toBeLessThanOrEqual(SLACK_MODAL_MAX_BLOCKS);
      expect(view.title.text.length).toBeLessThanOrEqual(SLACK_MODAL_TITLE_MAX_CHARACTERS);
      expect(view.private_metadata?.length ?? 0).toBeLessThanOrEqual(SLACK_PRIVATE_METADATA_MAX_CHARACTERS);
      const json = JSON.stringify(view);
      for (const block of view.blocks) {
        if (block.type === 'section')
          expect(block.text?.text.length).toBeLessThanOrEqual(SLACK_SECTION_TEXT_MAX_CHARACTERS);
        if (block.type !== 'actions') continue;
        for (const element of block.elements) {
          if (element.type === 'button') {
            expect(element.value?.length ?? 0).toBeLessThanOrEqual(SLACK_BUTTON_VALUE_MAX_CHARACTERS);
            continue;
          }
          // More than 100 programmes: in groups of at most 100, each option's label within 75 characters.
          const options =
            'options' in element ? [element.options] : element.option_groups.map((group) => group.options);
          for (const group of options) {
            expect(group.length).toBeLessThanOrEqual(
              Math.min(SLACK_SELECT_MAX_OPTIONS, SLACK_OPTION_GROUP_MAX_OPTIONS),
            );
            for (const choice of group)
              expect(choice.text.text.length).toBeLessThanOrEqual(SLACK_OPTION_TEXT_MAX_CHARACTERS);
          }
        }
      }
      // The exclusion menus: a page of students at most, each label within 75 characters.
      for (const block of view.blocks) {
        if (block.type !== 'input' || !('options' in block.element)) continue;
        const { options } = block.element;
        expect(options?.length ?? 0).toBeLessThanOrEqual(SLACK_SELECT_MAX_OPTIONS);
        for (const choice of options ?? [])
          expect(choice.text.text.length).toBeLessThanOrEqual(SLACK_OPTION_TEXT_MAX_CHARACTERS);
      }
      expect(view.blocks.filter((block) => block.type === 'input')).toHaveLength(
        category === 'excluded' ? 2 : 4,
      );
      // A page of students (or of exclusions), one section each, and the page buttons either side.
      expect(
        view.blocks.filter((block) => block.type === 'section' && /^\*202[23]/.test(block.text?.text ?? '')),
      ).toHaveLength(reviewPageSize);
      expect(json).toContain('"action_id":"at-risk.review-list.previous"');
      expect(json).toContain('"action_id":"at-risk.review-list.next"');
    },
  );
});
