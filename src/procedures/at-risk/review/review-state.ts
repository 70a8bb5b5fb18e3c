import { z } from 'zod';
import type { IdentificationPeriod } from '../identification-period.js';
import type { ReviewCategory } from '../identification-store.js';
import type { ReviewFilterCategory } from '../texts/review-texts.js';

/** The review list's form, and the buttons and menus that act inside it. */
export const reviewFormId = 'at-risk.review-list';
export const reviewActions = {
  category: 'at-risk.review-list.category',
  programme: 'at-risk.review-list.programme',
  previousPage: 'at-risk.review-list.previous',
  nextPage: 'at-risk.review-list.next',
  clearSearch: 'at-risk.review-list.clear-search',
  /** Not a button: the form's submit, which applies the search box. */
  search: 'at-risk.review-list.search',
  /** The chair's "Exclude selected": the students, reason and note fields as they are. */
  exclude: 'at-risk.review-list.exclude',
  /** "Undo exclusion" in the Excluded category: the students chosen in its field. */
  undoExclusion: 'at-risk.review-list.undo-exclusion',
} as const;
/** The search box: a field of the form, applied by the form's submit button ("Search"). */
export const searchFieldId = 'search';
/**
 * The exclusion controls' fields. Each is optional in the form, though the
 * core requires students and a reason: Teams (Adaptive Cards 1.5) disables a
 * dialog's buttons while a required field is empty, and the search and the
 * paging must still work. The core's problems come back under these fields.
 */
export const exclusionFieldIds = {
  students: 'exclude-students',
  reason: 'exclude-reason',
  note: 'exclude-note',
  undo: 'undo-students',
} as const;
/** A name or a student number is short; the state, which carries the search, must stay small. */
export const searchMaxLength = 100;
/** The programme menu's "all programmes" (an option's value may not be empty on Slack). */
export const allProgrammes = '*';

/**
 * Students a page. A page is one view: a Slack modal (100 blocks, one a
 * student) and a Teams dialog card (one card of about 38 KB, where a table
 * row of nine cells costs up to about 1 KB) hold this many with room for the
 * menus and the longest texts (test/support/review-form-fixture.ts).
 */
export const reviewPageSize = 20;

/**
 * What the open list shows: board, period, filters, search and page. It
 * travels with the form (Slack's private_metadata, Teams' card data, the
 * console's kept form) and comes back with every click, so any instance can
 * answer; it is parsed, never trusted, and permissions are checked again.
 */
export interface ReviewState {
  readonly boardCode: string;
  readonly period: IdentificationPeriod;
  readonly category: ReviewFilterCategory;
  /** A programme code, or null for all. */
  readonly programme: string | null;
  readonly search: string | null;
  readonly page: number;
}

const stateSchema = z.object({
  v: z.literal(1),
  board: z.string().min(1).max(100),
  term: z.enum(['spring', 'autumn']),
  year: z.number().int().min(1900).max(9999),
  category: z.enum(['at_risk', 'red', 'yellow', 'blue', 'excluded']),
  programme: z.string().min(1).max(150).nullable(),
  search: z.string().min(1).max(searchMaxLength).nullable(),
  page: z.number().int().min(1),
});

export function encodeReviewState(state: ReviewState): string {
  return JSON.stringify({
    v: 1,
    board: state.boardCode,
    term: state.period.term,
    year: state.period.year,
    category: state.category,
    programme: state.programme,
    search: state.search,
    page: state.page,
  } satisfies z.input<typeof stateSchema>);
}

/** The state a form carried back, or null when it is not one this version wrote. */
export function decodeReviewState(text: string | null): ReviewState | null {
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) return null;
  const { board, term, year, category, programme, search, page } = parsed.data;
  return { boardCode: board, period: { term, year }, category, programme, search, page };
}

/** The list as it opens: the students at risk, every programme, no search, the first page. */
export function initialReviewState(boardCode: string, period: IdentificationPeriod): ReviewState {
  return { boardCode, period, category: 'at_risk', programme: null, search: null, page: 1 };
}

/** The categories of the students' list; the Excluded category is read from the exclusions instead. */
export function categoriesOf(category: ReviewFilterCategory): ReviewCategory[] {
  return category === 'at_risk' || category === 'excluded' ? ['red', 'yellow'] : [category];
}

/** A menu's chosen option as a category filter, or null when it is none. */
export function filterCategoryOf(value: string | null): ReviewFilterCategory | null {
  const parsed = stateSchema.shape.category.safeParse(value);
  return parsed.success ? parsed.data : null;
}
