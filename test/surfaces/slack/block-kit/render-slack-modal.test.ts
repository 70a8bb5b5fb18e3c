import { describe, expect, it } from 'vitest';
import type { Form, FormField } from '../../../../src/messages/message-model.js';
import {
  readSlackModalValues,
  renderSlackModal,
  slackFormErrors,
  slackUserIdsIn,
} from '../../../../src/surfaces/slack/block-kit/index.js';
import { anna, slackContext } from './slack-fixtures.js';

const programmes = [
  { label: 'Biology', value: 'bio' },
  { label: 'Chemistry', value: 'chem' },
  { label: 'Physics', value: 'phys' },
];

/** Every kind of field, as a deviation report asks for them. */
const deviationForm: Form = {
  formId: 'deviations.report',
  title: 'Report a deviation',
  submitLabel: 'Report',
  cancelLabel: 'Cancel',
  state: 'cycle-2026-04',
  intro: ['About ', { kind: 'mention', person: anna }, "'s student & <her> plan."],
  fields: [
    {
      id: 'summary',
      kind: 'text',
      label: 'Summary',
      placeholder: 'One line',
      maxLength: 120,
      initialValue: 'Missed exam',
    },
    {
      id: 'details',
      kind: 'multiline',
      label: 'Details',
      hint: 'What happened, and what was agreed',
      optional: true,
    },
    { id: 'programme', kind: 'select', label: 'Programme', options: programmes, initialValue: 'chem' },
    {
      id: 'courses',
      kind: 'multiselect',
      label: 'Courses',
      options: programmes,
      initialValue: ['bio', 'phys'],
      optional: true,
    },
    { id: 'adviser', kind: 'user', label: 'Adviser', initialValue: anna.email },
    { id: 'meeting', kind: 'date', label: 'Meeting', initialValue: '2026-05-04', optional: true },
    {
      id: 'notify',
      kind: 'checkbox',
      label: 'Notify the chair',
      placeholder: 'Send the chair a copy',
      initialValue: true,
      optional: true,
    },
  ],
};

const option = (label: string, value: string) => ({ text: { type: 'plain_text', text: label }, value });

describe('Slack modal rendering', () => {
  it('a form is a modal view: callback_id the form id, state in private_metadata, one input block per field', () => {
    expect(renderSlackModal(deviationForm, slackContext)).toEqual({
      type: 'modal',
      callback_id: 'deviations.report',
      title: { type: 'plain_text', text: 'Report a deviation' },
      submit: { type: 'plain_text', text: 'Report' },
      close: { type: 'plain_text', text: 'Cancel' },
      private_metadata: 'cycle-2026-04',
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: "About <@U0ANNA>'s student &amp; &lt;her&gt; plan." },
        },
        {
          type: 'input',
          block_id: 'summary',
          label: { type: 'plain_text', text: 'Summary' },
          element: {
            type: 'plain_text_input',
            action_id: 'summary',
            placeholder: { type: 'plain_text', text: 'One line' },
            initial_value: 'Missed exam',
            max_length: 120,
          },
        },
        {
          type: 'input',
          block_id: 'details',
          label: { type: 'plain_text', text: 'Details' },
          element: { type: 'plain_text_input', action_id: 'details', multiline: true },
          hint: { type: 'plain_text', text: 'What happened, and what was agreed' },
          optional: true,
        },
        {
          type: 'input',
          block_id: 'programme',
          label: { type: 'plain_text', text: 'Programme' },
          element: {
            type: 'static_select',
            action_id: 'programme',
            options: [option('Biology', 'bio'), option('Chemistry', 'chem'), option('Physics', 'phys')],
            initial_option: option('Chemistry', 'chem'),
          },
        },
        {
          type: 'input',
          block_id: 'courses',
          label: { type: 'plain_text', text: 'Courses' },
          element: {
            type: 'multi_static_select',
            action_id: 'courses',
            options: [option('Biology', 'bio'), option('Chemistry', 'chem'), option('Physics', 'phys')],
            initial_options: [option('Biology', 'bio'), option('Physics', 'phys')],
          },
          optional: true,
        },
        {
          type: 'input',
          block_id: 'adviser',
          label: { type: 'plain_text', text: 'Adviser' },
          element: { type: 'users_select', action_id: 'adviser', initial_user: 'U0ANNA' },
        },
        {
          type: 'input',
          block_id: 'meeting',
          label: { type: 'plain_text', text: 'Meeting' },
          element: { type: 'datepicker', action_id: 'meeting', initial_date: '2026-05-04' },
          optional: true,
        },
        {
          type: 'input',
          block_id: 'notify',
          label: { type: 'plain_text', text: 'Notify the chair' },
          element: {
            type: 'checkboxes',
            action_id: 'notify',
            options: [option('Send the chair a copy', 'true')],
            initial_options: [option('Send the chair a copy', 'true')],
          },
          optional: true,
        },
      ],
    });
  });

  it('a form without state or initial values has no private_metadata and empty inputs', () => {
    const form: Form = {
      formId: 'x.y',
      title: 'Note',
      submitLabel: 'Save',
      cancelLabel: 'Cancel',
      fields: [{ id: 'who', kind: 'user', label: 'Who', placeholder: 'Pick a person' }],
    };
    expect(renderSlackModal(form, slackContext)).toEqual({
      type: 'modal',
      callback_id: 'x.y',
      title: { type: 'plain_text', text: 'Note' },
      submit: { type: 'plain_text', text: 'Save' },
      close: { type: 'plain_text', text: 'Cancel' },
      blocks: [
        {
          type: 'input',
          block_id: 'who',
          label: { type: 'plain_text', text: 'Who' },
          element: {
            type: 'users_select',
            action_id: 'who',
            placeholder: { type: 'plain_text', text: 'Pick a person' },
          },
        },
      ],
    });
  });

  it('errors go back as response_action "errors", keyed by the field id that is the block id', () => {
    expect(slackFormErrors({ summary: 'Say what happened', meeting: 'Pick a date after today' })).toEqual({
      response_action: 'errors',
      errors: { summary: 'Say what happened', meeting: 'Pick a date after today' },
    });
  });

  it('a form of more than 100 blocks is refused, naming the form', () => {
    const fields: FormField[] = Array.from({ length: 101 }, (_, index) => ({
      id: `f${index}`,
      kind: 'text',
      label: `Field ${index}`,
    }));
    expect(() => renderSlackModal({ ...deviationForm, intro: undefined, fields }, slackContext)).toThrow(
      'Form "deviations.report" renders as 101 blocks; a Slack modal holds at most 100.',
    );
  });

  it('a title over Slack’s 24 characters is refused rather than cut', () => {
    expect(() =>
      renderSlackModal({ ...deviationForm, title: 'Report a deviation for a student' }, slackContext),
    ).toThrow('Form "deviations.report": the title is 32 characters; Slack accepts at most 24');
  });

  it('a searchable select is a static menu, which filters as you type in a modal; past 100 options it is grouped', () => {
    const courses = Array.from({ length: 150 }, (_, index) => ({
      label: `Course ${index + 1}`,
      value: `course:C${index + 1}`,
    }));
    const option = (index: number) => ({
      text: { type: 'plain_text', text: `Course ${index}` },
      value: `course:C${index}`,
    });
    const fields: FormField[] = [
      {
        id: 'unit',
        kind: 'select',
        label: 'Programme or course',
        placeholder: 'Search',
        options: courses,
        initialValue: 'course:C120',
        searchable: true,
      },
    ];
    const view = renderSlackModal({ ...deviationForm, intro: undefined, fields }, slackContext);
    expect(view.blocks).toEqual([
      {
        type: 'input',
        block_id: 'unit',
        label: { type: 'plain_text', text: 'Programme or course' },
        element: {
          type: 'static_select',
          action_id: 'unit',
          placeholder: { type: 'plain_text', text: 'Search' },
          option_groups: [
            {
              label: { type: 'plain_text', text: '1–100' },
              options: Array.from({ length: 100 }, (_, index) => option(index + 1)),
            },
            {
              label: { type: 'plain_text', text: '101–150' },
              options: Array.from({ length: 50 }, (_, index) => option(index + 101)),
            },
          ],
          initial_option: option(120),
        },
      },
    ]);
  });

  it('an initial value that is not an option is refused, naming form and field', () => {
    const fields: FormField[] = [
      { id: 'programme', kind: 'select', label: 'Programme', options: programmes, initialValue: 'geo' },
    ];
    expect(() => renderSlackModal({ ...deviationForm, fields }, slackContext)).toThrow(
      'Form "deviations.report", field "programme": the initial value "geo" is not one of the options.',
    );
  });
});

/** view.state.values as Slack sends it in a view_submission, with every field filled. */
const filledState = {
  summary: { summary: { type: 'plain_text_input', value: 'Missed the June exam' } },
  details: { details: { type: 'plain_text_input', value: 'Ill.\nNew date agreed.' } },
  programme: {
    programme: {
      type: 'static_select',
      selected_option: { text: { type: 'plain_text', text: 'Chemistry', emoji: true }, value: 'chem' },
    },
  },
  courses: {
    courses: {
      type: 'multi_static_select',
      selected_options: [
        { text: { type: 'plain_text', text: 'Biology', emoji: true }, value: 'bio' },
        { text: { type: 'plain_text', text: 'Physics', emoji: true }, value: 'phys' },
      ],
    },
  },
  adviser: { adviser: { type: 'users_select', selected_user: 'U0ANNA' } },
  meeting: { meeting: { type: 'datepicker', selected_date: '2026-06-12' } },
  notify: {
    notify: {
      type: 'checkboxes',
      selected_options: [
        { text: { type: 'plain_text', text: 'Send the chair a copy', emoji: true }, value: 'true' },
      ],
    },
  },
};

/** The same modal submitted with every optional field left empty. */
const sparseState = {
  summary: { summary: { type: 'plain_text_input', value: 'Missed the June exam' } },
  details: { details: { type: 'plain_text_input', value: null } },
  programme: { programme: { type: 'static_select', selected_option: null } },
  courses: { courses: { type: 'multi_static_select', selected_options: [] } },
  adviser: { adviser: { type: 'users_select', selected_user: null } },
  meeting: { meeting: { type: 'datepicker', selected_date: null } },
  notify: { notify: { type: 'checkboxes', selected_options: [] } },
};

const users = { emailFor: (userId: string) => (userId === 'U0ANNA' ? anna.email : null) };

describe('reading a Slack modal submission', () => {
  it('every field kind reads back into FormValues, people by e-mail', () => {
    expect(readSlackModalValues(deviationForm, filledState, users)).toEqual({
      summary: 'Missed the June exam',
      details: 'Ill.\nNew date agreed.',
      programme: 'chem',
      courses: ['bio', 'phys'],
      adviser: anna.email,
      meeting: '2026-06-12',
      notify: true,
    });
  });

  it('empty answers read as null, no choices as an empty list, an unticked box as false', () => {
    expect(readSlackModalValues(deviationForm, sparseState, users)).toEqual({
      summary: 'Missed the June exam',
      details: null,
      programme: null,
      courses: [],
      adviser: null,
      meeting: null,
      notify: false,
    });
  });

  it('the chosen Slack users are listed so the surface can look up their e-mail first', () => {
    expect(slackUserIdsIn(deviationForm, filledState)).toEqual(['U0ANNA']);
    expect(slackUserIdsIn(deviationForm, sparseState)).toEqual([]);
  });

  it('a chosen user without a known e-mail is an error, not a silent blank', () => {
    const state = {
      ...filledState,
      adviser: { adviser: { type: 'users_select', selected_user: 'U0GHOST' } },
    };
    expect(() => readSlackModalValues(deviationForm, state, users)).toThrow(
      'field "adviser": Slack user U0GHOST has no e-mail address we know',
    );
  });

  it('a payload that does not match the rendered element is refused, naming the field', () => {
    const state = { ...filledState, meeting: { meeting: { type: 'plain_text_input', value: 'tomorrow' } } };
    expect(() => readSlackModalValues(deviationForm, state, users)).toThrow(
      'form "deviations.report", field "meeting"',
    );
  });

  it('a missing field is refused', () => {
    const { notify: _, ...withoutNotify } = filledState;
    expect(() => readSlackModalValues(deviationForm, withoutNotify, users)).toThrow(
      'field "notify": the submission has no value for it',
    );
  });
});
