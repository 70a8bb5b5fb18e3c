import { describe, expect, it } from 'vitest';
import type { Form } from '../../../../src/messages/message-model.js';
import { readConsoleFormValues, renderConsoleForm } from '../../../../src/surfaces/console/html/index.js';

const programmes = [
  { label: 'Biology', value: 'bio' },
  { label: 'Chemistry & Physics', value: 'chem' },
];

const deviationForm: Form = {
  formId: 'deviations.report',
  title: 'Report a deviation',
  submitLabel: 'Report',
  cancelLabel: 'Cancel',
  state: 'cycle "7"',
  intro: ['About ', { kind: 'styled', text: 'one', bold: true }, ' student.'],
  fields: [
    {
      id: 'summary',
      kind: 'text',
      label: 'Summary',
      placeholder: 'One line',
      maxLength: 120,
      initialValue: 'Missed <exam>',
    },
    {
      id: 'details',
      kind: 'multiline',
      label: 'Details',
      hint: 'What was agreed',
      optional: true,
      initialValue: 'a\nb',
    },
    { id: 'programme', kind: 'select', label: 'Programme', placeholder: 'Choose', options: programmes },
    {
      id: 'courses',
      kind: 'multiselect',
      label: 'Courses',
      options: programmes,
      initialValue: ['chem'],
      optional: true,
    },
    { id: 'adviser', kind: 'user', label: 'Adviser' },
    { id: 'meeting', kind: 'date', label: 'Meeting', initialValue: '2026-05-04', optional: true },
    { id: 'notify', kind: 'checkbox', label: 'Notify the chair', initialValue: true, optional: true },
  ],
  errors: { summary: 'Say what happened', details: 'Too long' },
};

describe('console form rendering', () => {
  it('a form has labelled controls of the right types, required unless optional, errors linked by aria-describedby', () => {
    expect(renderConsoleForm(deviationForm)).toBe(
      [
        '<form data-form-id="deviations.report" data-state="cycle &quot;7&quot;">',
        '<h3>Report a deviation</h3>',
        '<p>About <strong>one</strong> student.</p>',
        '<div class="field text"><label for="deviations.report--summary">Summary</label>' +
          '<input type="text" id="deviations.report--summary" name="summary" required ' +
          'aria-describedby="deviations.report--summary--error" aria-invalid="true" value="Missed &lt;exam&gt;" ' +
          'placeholder="One line" maxlength="120">' +
          '<p class="field-error" id="deviations.report--summary--error">Say what happened</p></div>',
        '<div class="field multiline"><label for="deviations.report--details">Details</label>' +
          '<textarea id="deviations.report--details" name="details" ' +
          'aria-describedby="deviations.report--details--hint deviations.report--details--error" aria-invalid="true">' +
          'a\nb</textarea>' +
          '<p class="hint" id="deviations.report--details--hint">What was agreed</p>' +
          '<p class="field-error" id="deviations.report--details--error">Too long</p></div>',
        '<div class="field select"><label for="deviations.report--programme">Programme</label>' +
          '<select id="deviations.report--programme" name="programme" required>' +
          '<option value="" selected>Choose</option><option value="bio">Biology</option>' +
          '<option value="chem">Chemistry &amp; Physics</option></select></div>',
        '<div class="field multiselect"><label for="deviations.report--courses">Courses</label>' +
          '<select id="deviations.report--courses" name="courses" multiple>' +
          '<option value="bio">Biology</option><option value="chem" selected>Chemistry &amp; Physics</option>' +
          '</select></div>',
        '<div class="field user"><label for="deviations.report--adviser">Adviser</label>' +
          '<input type="email" id="deviations.report--adviser" name="adviser" required></div>',
        '<div class="field date"><label for="deviations.report--meeting">Meeting</label>' +
          '<input type="date" id="deviations.report--meeting" name="meeting" value="2026-05-04"></div>',
        '<div class="field checkbox">' +
          '<input type="checkbox" id="deviations.report--notify" name="notify" value="true" checked>' +
          '<label for="deviations.report--notify">Notify the chair</label></div>',
        '<div class="form-actions"><button type="submit">Report</button>' +
          '<button type="button" data-form-cancel>Cancel</button></div>',
        '</form>',
      ].join('\n'),
    );
  });

  it('a searchable select has a filter box above its list, named for it and not submitted', () => {
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
          initialValue: 'bio',
          searchable: true,
        },
      ],
    };
    expect(renderConsoleForm(form)).toBe(
      '<form data-form-id="deviations.report" data-state="cycle &quot;7&quot;">\n<h3>Report a deviation</h3>\n' +
        '<div class="field select"><label for="deviations.report--unit">Programme or course</label>' +
        '<input type="search" class="option-filter" data-filter-for="deviations.report--unit" ' +
        'aria-controls="deviations.report--unit" aria-label="Programme or course" placeholder="Search" autocomplete="off">' +
        '<select id="deviations.report--unit" name="unit" required>' +
        '<option value="">Search</option><option value="bio" selected>Biology</option>' +
        '<option value="chem">Chemistry &amp; Physics</option></select></div>\n' +
        '<div class="form-actions"><button type="submit">Report</button>' +
        '<button type="button" data-form-cancel>Cancel</button></div>\n</form>',
    );
    expect(readConsoleFormValues(form, { unit: 'chem' })).toEqual({ unit: 'chem' });
  });

  it('a form without state has no data-state', () => {
    const form: Form = {
      ...deviationForm,
      state: undefined,
      intro: undefined,
      errors: undefined,
      fields: [],
    };
    expect(renderConsoleForm(form)).toBe(
      '<form data-form-id="deviations.report">\n<h3>Report a deviation</h3>\n' +
        '<div class="form-actions"><button type="submit">Report</button>' +
        '<button type="button" data-form-cancel>Cancel</button></div>\n</form>',
    );
  });
});

describe('reading a console form submission', () => {
  it('the console page’s values read back: text, lists and booleans', () => {
    const body = {
      summary: 'Missed the June exam',
      details: 'Ill.',
      programme: 'chem',
      courses: ['bio', 'chem'],
      adviser: 'anna.berg@uni.example',
      meeting: '2026-06-12',
      notify: true,
    };
    expect(readConsoleFormValues(deviationForm, body)).toEqual({
      summary: 'Missed the June exam',
      details: 'Ill.',
      programme: 'chem',
      courses: ['bio', 'chem'],
      adviser: 'anna.berg@uni.example',
      meeting: '2026-06-12',
      notify: true,
    });
  });

  it('a plain HTML post reads the same: a single choice as a string, a ticked box as "on", blanks as null', () => {
    const body = { summary: '', programme: '', courses: 'bio', adviser: '', notify: 'on' };
    expect(readConsoleFormValues(deviationForm, body)).toEqual({
      summary: null,
      details: null,
      programme: null,
      courses: ['bio'],
      adviser: null,
      meeting: null,
      notify: true,
    });
  });

  it('a value of the wrong shape is refused, naming the field', () => {
    expect(() => readConsoleFormValues(deviationForm, { summary: ['a', 'b'] })).toThrow(
      'Console submission of form "deviations.report", field "summary": expected text',
    );
    expect(() => readConsoleFormValues(deviationForm, { summary: 5 })).toThrow();
    expect(() => readConsoleFormValues(deviationForm, 'summary=x')).toThrow();
  });
});
