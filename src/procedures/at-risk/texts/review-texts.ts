import type { IdentificationPeriod } from '../identification-period.js';

/**
 * The categories the review list filters by: red and yellow together (at
 * risk), one of red, yellow, blue, or the students the chair excluded.
 */
export type ReviewFilterCategory = 'at_risk' | 'red' | 'yellow' | 'blue' | 'excluded';

/**
 * The chair's review list (src/procedures/at-risk/review): one view, paged,
 * with filters and a search. Labels of buttons and options stay within 75
 * characters and the view's title within 24 (Slack's limits).
 */
export interface ReviewTexts {
  /** The heading inside the view: `Students to review – spring 2026 – History`. */
  title(params: { readonly period: IdentificationPeriod; readonly boardName: string }): string;
  /** The view's own title, short: `Review students`. */
  readonly formTitle: string;
  readonly searchButton: string;
  readonly closeButton: string;
  readonly searchLabel: string;
  readonly searchPlaceholder: string;
  readonly clearSearch: string;
  readonly column: {
    readonly studentNumber: string;
    readonly name: string;
    readonly programme: string;
    readonly category: string;
    readonly ectsBehind: string;
    readonly delayMonths: string;
    /** The § 31 flags (special guidance, mandatory contact). */
    readonly section31: string;
    readonly routing: string;
    readonly email: string;
  };
  /** Cells of the routing column; `board` is the other board's code or name. */
  readonly routing: {
    readonly own: string;
    forwardedTo(board: string): string;
    receivedFrom(board: string): string;
  };
  /** Cells of the § 31 column: delayed more than `months` months. */
  readonly section31: {
    /** § 31 stk. 1: the right to special guidance. */
    specialGuidance(months: number): string;
    /** § 31 stk. 2: the university must contact the student and offer a meeting. */
    mandatoryContact(months: number): string;
  };
  /** The e-mail cell of a student without an address ("no e-mail"); a student with one shows nothing. */
  readonly noEmail: string;
  /** The cycle holds no red, yellow or blue student at all. */
  readonly empty: string;
  /** Students at risk and, apart, the blue ones, who are not contacted by this procedure. */
  summary(counts: { readonly red: number; readonly yellow: number; readonly blue: number }): string;
  /** Under the heading while the blue students are shown: why they are not contacted. */
  blueNote(inactivityMonths: number): string;
  /**
   * Side-subject students other boards forwarded here are in the list but
   * not in this board's counts of the reminder (they count at home): says so.
   */
  receivedNote(count: number): string;
  readonly filter: {
    /** The category menu's placeholder and name. */
    readonly category: string;
    /** The programme menu's placeholder and name. */
    readonly programme: string;
    readonly allProgrammes: string;
    /** An option of the category menu with its number of students. */
    categoryOption(params: { readonly category: ReviewFilterCategory; readonly count: number }): string;
  };
  /** What a search found; `search` is the words the chair typed, shown back to her. */
  searchResult(params: { readonly search: string; readonly total: number }): string;
  /** The filters and the search leave no student. */
  readonly noMatch: string;
  pageStatus(params: { readonly page: number; readonly pages: number; readonly total: number }): string;
  readonly previousPage: string;
  readonly nextPage: string;
  /** The view's state could not be read or its board is gone: open it again. */
  readonly outOfDate: string;
  /** A search shaped like a CPR number: refused, and not shown back. */
  readonly cprNotSearched: string;
}
