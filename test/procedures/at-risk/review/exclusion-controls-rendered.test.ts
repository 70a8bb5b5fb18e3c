import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/i18n/translator.js';
import type { Form } from '../../../../src/messages/message-model.js';
import type { ReviewRow } from '../../../../src/procedures/at-risk/identification-store.js';
import { reviewForm } from '../../../../src/procedures/at-risk/review/presenters/review-view.js';
import { renderConsoleForm } from '../../../../src/surfaces/console/html/index.js';
import { renderSlackModal } from '../../../../src/surfaces/slack/block-kit/index.js';
import { renderTeamsForm } from '../../../../src/surfaces/teams/adaptive-card/index.js';
import { slackContext } from '../../../surfaces/slack/block-kit/slack-fixtures.js';

const student: ReviewRow = {
  studentNumber: '20231234',
  name: 'Ida Hansen',
  email: 'ida@student.example',
  programmeCode: 'BA-MAT',
  programmeName: 'Matematik',
  category: 'red',
  ectsBehind: 30,
  delayMonths: 6,
  specialGuidance: false,
  mandatoryContact: false,
  routing: 'own',
  homeBoardCode: 'SN-MAT',
  sideSubjectBoardCode: null,
};

/** A page of two students, one of them excluded, as the chair of a draft cycle sees it. */
function chairsPage(): Form {
  return reviewForm(translator('en'), {
    boardName: 'Mathematics',
    period: { term: 'spring', year: 2026 },
    state: {
      boardCode: 'SN-MAT',
      period: { term: 'spring', year: 2026 },
      category: 'at_risk',
      programme: null,
      search: null,
      page: 1,
    },
    overview: { counts: { red: 2, yellow: 0, blue: 0 }, received: 0, programmes: [] },
    page: {
      rows: [
        student,
        { ...student, studentNumber: '20231235', name: 'Bo Berg', exclusionReason: 'elite_athlete' },
      ],
      total: 2,
    },
    pageCount: 1,
    thresholds: { inactivityMonths: 12, specialGuidanceMonths: 6, mandatoryContactMonths: 12 },
    exclusions: {
      mode: { kind: 'decide' },
      matched: [],
      shown: [],
      notices: [],
      timeZone: 'Europe/Copenhagen',
    },
  });
}

const howTo =
  'Exclude students who show as at risk without being so: choose them on this page, a reason and, if needed, a note below, then press “Exclude selected”. They get no mail.';
const reasons = [
  ['personal_circumstances', 'Personal circumstances'],
  ['change_of_specialisation', 'Change of specialisation'],
  ['elite_athlete', 'Elite athlete'],
  ['agreed_study_plan', 'Agreed study plan'],
  ['leave_being_registered', 'Leave being registered (§ 31 stk. 3)'],
  ['other', 'Other'],
] as const;
const noteHint = 'Required for “Other”. It goes to the journal and the board meeting: no CPR numbers.';
const plain = (text: string) => ({ type: 'plain_text', text });

describe('the exclusion controls as each platform shows them', () => {
  it('Slack: the explanation and the button, then the page’s students not yet excluded, the reasons and the note, all optional', () => {
    const view = renderSlackModal(chairsPage(), slackContext);

    expect(view.blocks.slice(-6, -1)).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: howTo } },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'at-risk.review-list.exclude',
            text: plain('Exclude selected'),
            style: 'primary',
          },
        ],
      },
      {
        type: 'input',
        block_id: 'exclude-students',
        label: plain('Students to exclude (this page)'),
        element: {
          type: 'multi_static_select',
          action_id: 'exclude-students',
          placeholder: plain('Choose students'),
          options: [{ text: plain('Ida Hansen (20231234)'), value: '20231234' }],
        },
        optional: true,
      },
      {
        type: 'input',
        block_id: 'exclude-reason',
        label: plain('Reason'),
        element: {
          type: 'static_select',
          action_id: 'exclude-reason',
          placeholder: plain('Choose a reason'),
          options: reasons.map(([value, label]) => ({ text: plain(label), value })),
        },
        optional: true,
      },
      {
        type: 'input',
        block_id: 'exclude-note',
        label: plain('Note'),
        element: { type: 'plain_text_input', action_id: 'exclude-note', multiline: true, max_length: 500 },
        hint: plain(noteHint),
        optional: true,
      },
    ]);
    expect(view.blocks.at(-1)).toMatchObject({ block_id: 'search' });
  });

  it('Teams: the same in the dialog card; the button submits the inputs with its action id', () => {
    const card = renderTeamsForm(chairsPage(), { requiredFieldMessage: 'Required' });
    const start = card.body.findIndex((element) => element.type === 'TextBlock' && element.text === howTo);

    expect(card.body.slice(start, start + 5)).toEqual([
      { type: 'TextBlock', text: howTo, wrap: true },
      {
        type: 'ActionSet',
        actions: [
          {
            type: 'Action.Submit',
            title: 'Exclude selected',
            data: {
              formId: 'at-risk.review-list',
              state: chairsPage().state,
              actionId: 'at-risk.review-list.exclude',
            },
            style: 'positive',
          },
        ],
      },
      {
        type: 'Input.ChoiceSet',
        id: 'exclude-students',
        label: 'Students to exclude (this page)',
        style: 'expanded',
        isMultiSelect: true,
        placeholder: 'Choose students',
        choices: [{ title: 'Ida Hansen (20231234)', value: '20231234' }],
      },
      {
        type: 'Input.ChoiceSet',
        id: 'exclude-reason',
        label: 'Reason',
        style: 'compact',
        placeholder: 'Choose a reason',
        choices: reasons.map(([value, title]) => ({ title, value })),
      },
      { type: 'Input.Text', id: 'exclude-note', label: 'Note', isMultiline: true, maxLength: 500 },
    ]);
    // Optional inputs: Adaptive Cards 1.5 would disable the dialog's buttons while a required one is empty.
    expect(JSON.stringify(card.body)).not.toContain('isRequired');
  });

  it('console: the same in the panel; the excluded student carries the mark and the reason', () => {
    const lines = renderConsoleForm(chairsPage()).split('\n');

    expect(lines).toContain(
      '<tr><td>20231235</td><td>Bo Berg</td><td>Matematik</td><td>Red – excluded: elite athlete</td><td class="num">30</td><td class="num">6.0</td><td></td><td>This board</td><td></td></tr>',
    );
    const start = lines.indexOf(`<p>${howTo}</p>`);
    expect(lines.slice(start, start + 5)).toEqual([
      `<p>${howTo}</p>`,
      '<div class="actions" role="group"><button type="button" class="primary" data-form-action-id="at-risk.review-list.exclude">Exclude selected</button></div>',
      '<div class="field multiselect"><label for="at-risk.review-list--exclude-students">Students to exclude (this page)</label><select id="at-risk.review-list--exclude-students" name="exclude-students" multiple><option value="20231234">Ida Hansen (20231234)</option></select></div>',
      `<div class="field select"><label for="at-risk.review-list--exclude-reason">Reason</label><select id="at-risk.review-list--exclude-reason" name="exclude-reason"><option value="" selected>Choose a reason</option>${reasons.map(([value, label]) => `<option value="${value}">${label}</option>`).join('')}</select></div>`,
      `<div class="field multiline"><label for="at-risk.review-list--exclude-note">Note</label><textarea id="at-risk.review-list--exclude-note" name="exclude-note" aria-describedby="at-risk.review-list--exclude-note--hint" maxlength="500"></textarea><p class="hint" id="at-risk.review-list--exclude-note--hint">${noteHint}</p></div>`,
    ]);
  });
});
