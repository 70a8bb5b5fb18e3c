import type { Translator } from '../../../../i18n/translator.js';
import type {
  ActionElement,
  Block,
  Form,
  FormField,
  SelectOption,
} from '../../../../messages/message-model.js';
import type { IdentificationPeriod } from '../../identification-period.js';
import type { ReviewOverview, ReviewPage, ReviewRow } from '../../identification-store.js';
import type { ReviewFilterCategory } from '../../texts/review-texts.js';
import {
  allProgrammes,
  encodeReviewState,
  type ReviewState,
  reviewActions,
  reviewFormId,
  searchFieldId,
  searchMaxLength,
} from '../review-state.js';
import {
  categoryCell,
  type ExclusionsView,
  excludedTable,
  exclusionControls,
  exclusionNotices,
} from './exclusion-controls.js';
import { shortened } from './shortened.js';

/** Everything one page of the review list shows. */
export interface ReviewView {
  readonly boardName: string;
  readonly period: IdentificationPeriod;
  readonly state: ReviewState;
  readonly overview: ReviewOverview;
  readonly page: ReviewPage;
  readonly pageCount: number;
  readonly thresholds: {
    readonly inactivityMonths: number;
    readonly specialGuidanceMonths: number;
    readonly mandatoryContactMonths: number;
  };
  /** The exclusions (spec step 3): notices, the Excluded category and the chair's controls; absent, none of them. */
  readonly exclusions?: ExclusionsView;
}

/**
 * Menu options are cut to this many characters: Slack shows at most 75
 * (the smallest of the platforms), and a programme's name comes from the
 * export, so it may be longer.
 */
export const optionLabelMaxCharacters = 75;

/**
 * A name or a programme longer than this is shortened in the list (with
 * "…"): the export sets no length, and a page must fit one view on every
 * platform. The list is for scanning; the search reads the whole name.
 */
export const cellMaxCharacters = 80;

/**
 * The programme menu lists at most this many programmes (a Slack menu
 * without groups holds 100, and each option costs room in a Teams card); a
 * board with more is filtered by category and searched instead.
 */
export const programmeMenuMax = 50;

/**
 * The review list as one form: the heading and counts, the filters, one page
 * of students, the paging, and the search box whose submit button searches.
 * Each part is its own function, so the chair's exclusion controls can be
 * put between them without changing these.
 */
export function reviewForm(reader: Translator, view: ReviewView): Form {
  const { exclusions } = view;
  const excludedCategory = exclusions !== undefined && view.state.category === 'excluded';
  const controls = exclusions
    ? exclusionControls(reader, exclusions, excludedCategory, view.page.rows)
    : { blocks: [], fields: [] };
  return {
    formId: reviewFormId,
    title: reader.t.review.formTitle,
    submitLabel: reader.t.review.searchButton,
    cancelLabel: reader.t.review.closeButton,
    state: encodeReviewState(view.state),
    blocks: [
      ...reviewHeading(reader, view),
      ...(exclusions ? exclusionNotices(reader, exclusions) : []),
      ...reviewFilters(reader, view),
      ...(excludedCategory ? excludedTable(reader, exclusions) : studentTable(reader, view)),
      ...reviewPaging(reader, view),
      ...controls.blocks,
    ],
    fields: [...controls.fields, searchField(reader, view.state)],
  };
}

/** The heading, the counts (blue apart, not contacted) and what the list holds beyond the reminder's counts. */
export function reviewHeading(reader: Translator, view: ReviewView): Block[] {
  const { t } = reader;
  const blocks: Block[] = [
    { type: 'heading', text: t.review.title({ period: view.period, boardName: view.boardName }) },
    { type: 'text', content: [t.review.summary(view.overview.counts)] },
  ];
  // Blue: handled under the rules on ending enrolment for inactivity, not by this procedure.
  if (view.state.category === 'blue') {
    blocks.push({ type: 'context', content: [t.review.blueNote(view.thresholds.inactivityMonths)] });
  }
  if (view.overview.received > 0) {
    blocks.push({ type: 'context', content: [t.review.receivedNote(view.overview.received)] });
  }
  return blocks;
}

/** The category and programme menus, and a way back from a search. */
export function reviewFilters(reader: Translator, view: ReviewView): Block[] {
  const { t } = reader;
  const { counts, programmes } = view.overview;
  const countOf: Readonly<Record<ReviewFilterCategory, number>> = {
    at_risk: counts.red + counts.yellow,
    red: counts.red,
    yellow: counts.yellow,
    blue: counts.blue,
    excluded: view.exclusions?.matched.length ?? 0,
  };
  const categories: readonly ReviewFilterCategory[] = view.exclusions
    ? ['at_risk', 'red', 'yellow', 'blue', 'excluded']
    : ['at_risk', 'red', 'yellow', 'blue'];
  const elements: ActionElement[] = [
    {
      type: 'select',
      actionId: reviewActions.category,
      placeholder: t.review.filter.category,
      options: categories.map((category) => ({
        label: t.review.filter.categoryOption({ category, count: countOf[category] }),
        value: category,
      })),
      initialValue: view.state.category,
    },
  ];
  if (programmes.length > 1 && programmes.length <= programmeMenuMax) {
    const options: SelectOption[] = [
      { label: t.review.filter.allProgrammes, value: allProgrammes },
      ...programmes.map((programme) => ({
        label: shortened(programme.name, optionLabelMaxCharacters),
        value: programme.code,
      })),
    ];
    elements.push({
      type: 'select',
      actionId: reviewActions.programme,
      placeholder: t.review.filter.programme,
      options,
      initialValue: view.state.programme ?? allProgrammes,
    });
  }
  if (view.state.search !== null) {
    elements.push({ type: 'button', actionId: reviewActions.clearSearch, label: t.review.clearSearch });
  }
  const blocks: Block[] = [{ type: 'actions', elements }];
  if (view.state.search !== null) {
    blocks.push({
      type: 'context',
      content: [t.review.searchResult({ search: view.state.search, total: view.page.total })],
    });
  }
  return blocks;
}

/** One page of students, most urgent first; or why there is none. */
export function studentTable(reader: Translator, view: ReviewView): Block[] {
  const { t } = reader;
  const { rows } = view.page;
  if (rows.length === 0) {
    const { red, yellow, blue } = view.overview.counts;
    return [{ type: 'text', content: [red + yellow + blue === 0 ? t.review.empty : t.review.noMatch] }];
  }
  const { column } = t.review;
  return [
    {
      type: 'table',
      columns: [
        { header: column.studentNumber },
        { header: column.name },
        { header: column.programme },
        { header: column.category },
        { header: column.ectsBehind, align: 'right' },
        { header: column.delayMonths, align: 'right' },
        { header: column.section31 },
        { header: column.routing },
        { header: column.email },
      ],
      rows: rows.map((student) => [
        student.studentNumber,
        shortened(student.name, cellMaxCharacters),
        shortened(student.programmeName, cellMaxCharacters),
        categoryCell(reader, student),
        reader.formatNumber(student.ectsBehind),
        reader.formatDelayMonths(student.delayMonths),
        section31Flag(reader, view, student),
        routingOf(reader, student),
        student.email === null ? t.review.noEmail : '',
      ]),
    },
  ];
}

/** "Page k of n" with the total, and the buttons to the pages either side. */
export function reviewPaging(reader: Translator, view: ReviewView): Block[] {
  const { t } = reader;
  const { page } = view.state;
  if (view.page.total === 0) return [];
  const blocks: Block[] = [
    {
      type: 'context',
      content: [t.review.pageStatus({ page, pages: view.pageCount, total: view.page.total })],
    },
  ];
  const buttons: ActionElement[] = [];
  if (page > 1) {
    buttons.push({
      type: 'button',
      actionId: reviewActions.previousPage,
      label: t.review.previousPage,
      value: String(page - 1),
    });
  }
  if (page < view.pageCount) {
    buttons.push({
      type: 'button',
      actionId: reviewActions.nextPage,
      label: t.review.nextPage,
      value: String(page + 1),
    });
  }
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  return blocks;
}

/** The search box, showing the search in force; the form's submit button ("Search") applies it. */
export function searchField(reader: Translator, state: ReviewState): FormField {
  return {
    id: searchFieldId,
    kind: 'text',
    label: reader.t.review.searchLabel,
    placeholder: reader.t.review.searchPlaceholder,
    optional: true,
    maxLength: searchMaxLength,
    ...(state.search === null ? {} : { initialValue: state.search }),
  };
}

/** § 31 stk. 2 before stk. 1: a student delayed more than 12 months must be offered a meeting. */
function section31Flag(reader: Translator, view: ReviewView, student: ReviewRow): string {
  const { section31 } = reader.t.review;
  if (student.mandatoryContact) return section31.mandatoryContact(view.thresholds.mandatoryContactMonths);
  if (student.specialGuidance) return section31.specialGuidance(view.thresholds.specialGuidanceMonths);
  return '';
}

function routingOf(reader: Translator, student: ReviewRow): string {
  const { routing } = reader.t.review;
  if (student.routing === 'forwarded_out') return routing.forwardedTo(student.sideSubjectBoardCode ?? '');
  if (student.routing === 'forwarded_in') return routing.receivedFrom(student.homeBoardCode);
  return routing.own;
}
