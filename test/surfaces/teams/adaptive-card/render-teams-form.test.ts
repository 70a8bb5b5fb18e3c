import { describe, expect, it } from 'vitest';
import type { Form } from '../../../../src/messages/message-model.js';
import { readTeamsFormValues, renderTeamsForm } from '../../../../src/surfaces/teams/adaptive-card/index.js';
import { adaptiveCardProblems } from '../../../support/adaptive-card-schema.js';
import { anna } from './teams-fixtures.js';

const programmes = [
  { label: 'Biology', value: 'bio' },
  { label: 'Chemistry', value: 'chem' },
  { label: 'Physics', value: 'phys' },
];

const deviationForm: Form = {
  formId: 'deviations.report',
  title: 'Report a deviation',
  submitLabel: 'Report',
  cancelLabel: 'Cancel',
  state: 'cycle-2026-04',
  intro: ['About ', { kind: 'mention', person: anna }, "'s plan_B."],
  fields: [
    {
      id: 'summary',
      kind: 'text',
      label: 'Summary',
      placeholder: 'One line',
      maxLength: 120,
      initialValue: 'Missed exam',
    },
    { id: 'details', kind: 'multiline', label: 'Details', hint: 'What was *agreed*', optional: true },
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
  errors: { summary: 'Say what happened', meeting: 'Pick a date after today' },
};

const choices = programmes.map((option) => ({ title: option.label, value: option.value }));

describe('Teams dialog card for a form', () => {
  it('each field is an input named by its field id, labelled, required unless optional, errors in red beneath', () => {
    const card = renderTeamsForm(deviationForm, { requiredFieldMessage: 'Required' });
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card).toEqual({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: "About **Anna Berg**'s plan\\_B.", wrap: true },
        {
          type: 'Input.Text',
          id: 'summary',
          label: 'Summary',
          isRequired: true,
          errorMessage: 'Required',
          placeholder: 'One line',
          value: 'Missed exam',
          maxLength: 120,
        },
        { type: 'TextBlock', text: 'Say what happened', wrap: true, color: 'Attention' },
        { type: 'Input.Text', id: 'details', label: 'Details', isMultiline: true },
        { type: 'TextBlock', text: 'What was \\*agreed\\*', wrap: true, size: 'Small', isSubtle: true },
        {
          type: 'Input.ChoiceSet',
          id: 'programme',
          label: 'Programme',
          isRequired: true,
          errorMessage: 'Required',
          style: 'compact',
          choices,
          value: 'chem',
        },
        {
          type: 'Input.ChoiceSet',
          id: 'courses',
          label: 'Courses',
          style: 'expanded',
          isMultiSelect: true,
          choices,
          value: 'bio,phys',
        },
        {
          type: 'Input.Text',
          id: 'adviser',
          label: 'Adviser',
          isRequired: true,
          errorMessage: 'Required',
          style: 'Email',
          value: anna.email,
        },
        { type: 'Input.Date', id: 'meeting', label: 'Meeting', value: '2026-05-04' },
        { type: 'TextBlock', text: 'Pick a date after today', wrap: true, color: 'Attention' },
        {
          type: 'Input.Toggle',
          id: 'notify',
          label: 'Notify the chair',
          title: 'Send the chair a copy',
          valueOn: 'true',
          valueOff: 'false',
          value: 'true',
        },
      ],
      actions: [
        {
          type: 'Action.Submit',
          title: 'Report',
          style: 'positive',
          data: { formId: 'deviations.report', state: 'cycle-2026-04' },
        },
      ],
    });
  });

  it('without a required-field message Teams marks a missing field without words', () => {
    const form: Form = {
      ...deviationForm,
      intro: undefined,
      errors: undefined,
      fields: [{ id: 'why', kind: 'text', label: 'Why' }],
    };
    const card = renderTeamsForm(form, {});
    expect(card.body).toEqual([{ type: 'Input.Text', id: 'why', label: 'Why', isRequired: true }]);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('a multiselect with many options is a dropdown, not a wall of checkboxes', () => {
    const options = Array.from({ length: 11 }, (_, index) => ({
      label: `Course ${index}`,
      value: `c${index}`,
    }));
    const form: Form = {
      ...deviationForm,
      fields: [{ id: 'courses', kind: 'multiselect', label: 'Courses', options }],
    };
    const [input] = renderTeamsForm(form, {}).body.filter((element) => element.type === 'Input.ChoiceSet');
    expect(input?.type === 'Input.ChoiceSet' && input.style).toBe('compact');
  });

  it('a multiselect option value with a comma is refused: it would not survive the comma-separated answer', () => {
    const form: Form = {
      ...deviationForm,
      fields: [
        { id: 'courses', kind: 'multiselect', label: 'Courses', options: [{ label: 'A, B', value: 'a,b' }] },
      ],
    };
    expect(() => renderTeamsForm(form, {})).toThrow(
      'Form "deviations.report", field "courses": the option value "a,b" has a comma.',
    );
  });

  it('a searchable select is a filtered dropdown: the person types to narrow the choices', () => {
    const form: Form = {
      ...deviationForm,
      intro: undefined,
      errors: undefined,
      fields: [
        {
          id: 'unit',
          kind: 'select',
          label: 'Programme or course',
          placeholder: 'Search',
          options: programmes,
          initialValue: 'phys',
          searchable: true,
        },
      ],
    };
    const card = renderTeamsForm(form, { requiredFieldMessage: 'Required' });
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card.body).toEqual([
      {
        type: 'Input.ChoiceSet',
        id: 'unit',
        label: 'Programme or course',
        isRequired: true,
        errorMessage: 'Required',
        style: 'filtered',
        placeholder: 'Search',
        choices,
        value: 'phys',
      },
    ]);
  });

  it('a form with a button of its own marks no field required: Teams would block the button until every one is filled', () => {
    const form: Form = {
      ...deviationForm,
      intro: undefined,
      errors: undefined,
      blocks: [{ type: 'actions', elements: [{ type: 'button', actionId: 'search', label: 'Search' }] }],
      fields: [
        { id: 'words', kind: 'text', label: 'Code or name', optional: true },
        { id: 'why', kind: 'text', label: 'Why' },
      ],
    };
    const card = renderTeamsForm(form, { requiredFieldMessage: 'Required' });
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card.body.filter((element) => element.type === 'Input.Text')).toEqual([
      { type: 'Input.Text', id: 'words', label: 'Code or name' },
      { type: 'Input.Text', id: 'why', label: 'Why' },
    ]);
    // Without the button the same field is required again.
    const plain = renderTeamsForm({ ...form, blocks: [] }, { requiredFieldMessage: 'Required' });
    expect(plain.body).toContainEqual({
      type: 'Input.Text',
      id: 'why',
      label: 'Why',
      isRequired: true,
      errorMessage: 'Required',
    });
  });

  it('only a select can be searchable', () => {
    const form: Form = {
      ...deviationForm,
      fields: [
        { id: 'courses', kind: 'multiselect', label: 'Courses', options: programmes, searchable: true },
      ],
    };
    expect(() => renderTeamsForm(form, {})).toThrow(
      'Form "deviations.report", field "courses": only a select can be searchable, not a multiselect field.',
    );
  });

  it('a searchable list of 300 courses fits one dialog; a whole catalogue that does not is refused, not cut', () => {
    const courses = (count: number) =>
      Array.from({ length: count }, (_, index) => ({
        label: `Course number ${index} in the catalogue (TDT${4000 + index})`,
        value: `course:TDT${4000 + index}`,
      }));
    const formWith = (count: number): Form => ({
      ...deviationForm,
      fields: [{ id: 'unit', kind: 'select', label: 'Unit', options: courses(count), searchable: true }],
    });
    expect(adaptiveCardProblems(renderTeamsForm(formWith(300), {}))).toEqual([]);
    expect(() => renderTeamsForm(formWith(3000), {})).toThrow(
      /its dialog card measures \d+ bytes, over 38000/,
    );
  });

  it('a field id that would collide with the submission’s own keys is refused', () => {
    const form: Form = { ...deviationForm, fields: [{ id: 'state', kind: 'text', label: 'State' }] };
    expect(() => renderTeamsForm(form, {})).toThrow('"state" is reserved for the submission itself.');
  });
});

describe('reading a Teams dialog submission', () => {
  it('every field kind reads back: multiselect from commas, toggle from "true"', () => {
    const data = {
      formId: 'deviations.report',
      state: 'cycle-2026-04',
      summary: 'Missed the June exam',
      details: 'Ill.\nNew date agreed.',
      programme: 'chem',
      courses: 'bio,phys',
      adviser: anna.email,
      meeting: '2026-06-12',
      notify: 'true',
    };
    expect(readTeamsFormValues(deviationForm, data)).toEqual({
      summary: 'Missed the June exam',
      details: 'Ill.\nNew date agreed.',
      programme: 'chem',
      courses: ['bio', 'phys'],
      adviser: anna.email,
      meeting: '2026-06-12',
      notify: true,
    });
  });

  it('empty or missing inputs read as null, no choices as [], "false" as false', () => {
    const data = { formId: 'deviations.report', summary: 'x', details: '', courses: '', notify: 'false' };
    expect(readTeamsFormValues(deviationForm, data)).toEqual({
      summary: 'x',
      details: null,
      programme: null,
      courses: [],
      adviser: null,
      meeting: null,
      notify: false,
    });
  });

  it('a submission for another form is refused', () => {
    expect(() => readTeamsFormValues(deviationForm, { formId: 'other.form' })).toThrow(
      'Teams submission is for form "other.form", not "deviations.report".',
    );
  });

  it('an input that is not text is refused, naming the field', () => {
    expect(() => readTeamsFormValues(deviationForm, { formId: 'deviations.report', summary: 42 })).toThrow(
      'field "summary": the value is not text',
    );
  });

  it('a toggle value other than "true"/"false" is refused', () => {
    expect(() => readTeamsFormValues(deviationForm, { formId: 'deviations.report', notify: 'yes' })).toThrow(
      'field "notify": "yes" is neither "true" nor "false"',
    );
  });
});
