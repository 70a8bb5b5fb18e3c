import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/i18n/translator.js';
import type { Block, Form } from '../../../../src/messages/message-model.js';
import type { ReviewRow } from '../../../../src/procedures/at-risk/identification-store.js';
import {
  cellMaxCharacters,
  programmeMenuMax,
  type ReviewView,
  reviewForm,
} from '../../../../src/procedures/at-risk/review/presenters/review-view.js';
import {
  decodeReviewState,
  encodeReviewState,
  initialReviewState,
  reviewActions,
} from '../../../../src/procedures/at-risk/review/review-state.js';

const en = translator('en');

const student: ReviewRow = {
  studentNumber: 'S1',
  name: 'Ida Red',
  email: 'ida@student.example',
  programmeCode: 'KA-HIS',
  programmeName: 'History',
  category: 'red',
  ectsBehind: 20,
  delayMonths: 4,
  specialGuidance: false,
  mandatoryContact: false,
  routing: 'own',
  homeBoardCode: 'SN-HIS',
  sideSubjectBoardCode: null,
};

function viewWith(changes: Partial<ReviewView> = {}): ReviewView {
  return {
    boardName: 'History',
    period: { term: 'spring', year: 2026 },
    state: initialReviewState('SN-HIS', { term: 'spring', year: 2026 }),
    overview: {
      counts: { red: 1, yellow: 0, blue: 0 },
      received: 0,
      programmes: [
        { code: 'BA-HIS', name: 'History (BA)' },
        { code: 'KA-HIS', name: 'History' },
      ],
    },
    page: { rows: [student], total: 1 },
    pageCount: 1,
    thresholds: { inactivityMonths: 12, specialGuidanceMonths: 6, mandatoryContactMonths: 12 },
    ...changes,
  };
}

const menus = (form: Form) =>
  (form.blocks ?? []).flatMap((block) => (block.type === 'actions' ? block.elements : []));
const tableOf = (form: Form) =>
  (form.blocks ?? []).find((block): block is Extract<Block, { type: 'table' }> => block.type === 'table');

describe('the review list as a form', () => {
  it('offers the cycle’s programmes in a menu, with all programmes first', () => {
    const programme = menus(reviewForm(en, viewWith())).find(
      (menu) => menu.actionId === reviewActions.programme,
    );
    expect(programme).toEqual({
      type: 'select',
      actionId: reviewActions.programme,
      placeholder: 'Programme',
      options: [
        { label: 'All programmes', value: '*' },
        { label: 'History (BA)', value: 'BA-HIS' },
        { label: 'History', value: 'KA-HIS' },
      ],
      initialValue: '*',
    });
  });

  it('shows no programme menu for one programme, nor for more than the menu lists (the category and the search remain)', () => {
    const programmes = (count: number) =>
      Array.from({ length: count }, (_, index) => ({ code: `P${index}`, name: `Programme ${index}` }));
    const overview = (count: number) => ({ ...viewWith().overview, programmes: programmes(count) });
    for (const count of [1, programmeMenuMax + 1]) {
      const ids = menus(reviewForm(en, viewWith({ overview: overview(count) }))).map((menu) => menu.actionId);
      expect(ids).toEqual([reviewActions.category]);
    }
    const atTheMost = menus(reviewForm(en, viewWith({ overview: overview(programmeMenuMax) })));
    expect(atTheMost.map((menu) => menu.actionId)).toContain(reviewActions.programme);
  });

  it('shortens a name or a programme longer than the list shows, and a menu option longer than Slack shows', () => {
    const long = 'Anne-Sofie '.repeat(12).trim();
    const form = reviewForm(
      en,
      viewWith({
        page: { rows: [{ ...student, name: long, programmeName: long }], total: 1 },
        overview: {
          ...viewWith().overview,
          programmes: [
            { code: 'X', name: long },
            { code: 'Y', name: 'Short' },
          ],
        },
      }),
    );
    const [row] = tableOf(form)?.rows ?? [];
    expect([...(row?.[1] ?? '')]).toHaveLength(cellMaxCharacters);
    expect(row?.[1]?.endsWith('…')).toBe(true);
    const option = menus(form)
      .flatMap((menu) => (menu.type === 'select' ? menu.options : []))
      .find((candidate) => candidate.value === 'X');
    expect(option?.label).toHaveLength(75);
  });

  it('the state travels with the form and reads back the same; anything else reads as none', () => {
    const state = { ...initialReviewState('SN-HIS', { term: 'autumn', year: 2026 }), search: 'Ida', page: 3 };
    expect(decodeReviewState(encodeReviewState(state))).toEqual(state);
    expect(reviewForm(en, viewWith({ state })).state).toBe(encodeReviewState(state));
    for (const garbled of [
      null,
      '',
      'not json',
      '{"v":2}',
      JSON.stringify({ ...JSON.parse(encodeReviewState(state)), page: 0 }),
    ]) {
      expect(decodeReviewState(garbled)).toBeNull();
    }
  });

  it('a list with no student at risk at all says so, rather than that nothing matches', () => {
    const empty = viewWith({
      overview: { ...viewWith().overview, counts: { red: 0, yellow: 0, blue: 0 } },
      page: { rows: [], total: 0 },
    });
    const texts = (reviewForm(en, empty).blocks ?? []).flatMap((block) =>
      block.type === 'text' ? block.content : [],
    );
    expect(texts).toContain('There are no students to review.');
  });
});
