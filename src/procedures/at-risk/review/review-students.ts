import { auditActorOf } from '../../../bot/audit-actor.js';
import type { BotActor, BotReply, FormAction, FormOutcome } from '../../../bot/bot-requests.js';
import { mayFollowBoard } from '../../../bot/permissions.js';
import { type InstitutionConfig, nameIn, type StudyBoard } from '../../../config/institution-config.js';
import { type Translator, translatorForLocale } from '../../../i18n/translator.js';
import type { Form, FormValues, Message } from '../../../messages/message-model.js';
import { containsCprShape } from '../../../security/cpr-shape.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { AuditRecord, CycleRecord, IdentificationStorage } from '../identification-store.js';
import { reviewForm } from './presenters/review-view.js';
import {
  decideExclusion,
  type ExclusionDependencies,
  excludedMatching,
  exclusionsView,
  isExclusionAction,
} from './review-exclusions.js';
import {
  allProgrammes,
  categoriesOf,
  decodeReviewState,
  filterCategoryOf,
  initialReviewState,
  type ReviewState,
  reviewActions,
  reviewPageSize,
  searchFieldId,
  searchMaxLength,
} from './review-state.js';

/** What the review list needs from the application. */
export interface ReviewDependencies extends ExclusionDependencies {
  readonly config: InstitutionConfig;
  readonly storage: IdentificationStorage;
}

/** Which board's list of which period (the reminder's button says). */
export interface ReviewTarget {
  readonly boardCode: string;
  readonly period: IdentificationPeriod;
}

/** The target a "Review students" button's value names (`reviewActionValue`), or null. */
export function reviewTargetOf(value: string | null): ReviewTarget | null {
  const match = /^([^|]+)\|(spring|autumn)\|(\d{4})$/.exec(value ?? '');
  const term = match?.[2] === 'spring' || match?.[2] === 'autumn' ? match[2] : null;
  if (!match?.[1] || !term || !match[3]) return null;
  return { boardCode: match[1], period: { term, year: Number(match[3]) } };
}

/**
 * The chair opens the board's review list (step 3 of the procedure: she sorts
 * out who is not really at risk): one view, the first page of the students
 * at risk. It shows personal data, so opening it is audited, with the
 * filters and without a student's data. Only the board's people and its
 * managers may open it; anyone else is refused privately, and the attempt
 * is audited too.
 */
export async function openReview(
  deps: ReviewDependencies,
  actor: BotActor,
  target: ReviewTarget | null,
): Promise<BotReply> {
  const reader = readerFor(deps, actor);
  const { t } = reader;
  const board = target && boardOf(deps, target.boardCode);
  if (!target || !board) return privately(plain(t.bot.unknownBoard));
  if (!mayFollowBoard(actor.email, board, deps.config)) {
    await recordRefusal(deps, actor, board.code, target.period, 'open');
    return privately(plain(t.errors.notAllowed('review_students')));
  }
  const cycle = await deps.storage.findCycle(board.code, target.period);
  if (!cycle) {
    const title = t.review.title({ period: target.period, boardName: nameIn(board, reader.language) });
    const missing = t.reminder.exportMissing(target.period);
    // The plain text says it all too: a Teams dialog shows only that.
    return privately({
      fallbackText: missing,
      blocks: [
        { type: 'heading', text: title },
        { type: 'text', content: [missing] },
      ],
    });
  }
  const state = initialReviewState(board.code, target.period);
  const form = await reviewPage(deps, reader, actor, board, cycle, state);
  // Recorded before the list is shown: a list that could not be audited is not shown.
  await deps.storage.recordAudit({
    ...auditCore(actor, board.code),
    action: 'review.opened',
    cycleId: cycle.id,
    details: {
      ...auditDetails(actor, target.period),
      category: state.category,
      programme: state.programme,
    },
  });
  return { kind: 'form', form };
}

/**
 * A click or a menu choice inside the open list: another page, another
 * category or programme, the search cleared. The answer is the list again,
 * in place. Paging and filtering show what opening showed, so they are not
 * audited again; permissions are checked again (the state came from outside).
 * "Exclude selected" and "Undo exclusion" go to the exclusions core first,
 * which refuses (and audits) anyone who does not decide for the board.
 */
export async function reviewFormAction(
  deps: ReviewDependencies,
  actor: BotActor,
  action: FormAction,
): Promise<FormOutcome> {
  const reader = readerFor(deps, actor);
  const state = decodeReviewState(action.state);
  const board = state && boardOf(deps, state.boardCode);
  if (!state || !board) return fieldError(reader.t.review.outOfDate);
  let notices: readonly string[] = [];
  if (isExclusionAction(action.actionId)) {
    const decision = await decideExclusion(deps, reader, actor, board, state, action);
    if (decision.kind === 'refused') return fieldError(reader.t.exclusions.refused);
    if (decision.kind === 'out_of_date') return fieldError(reader.t.review.outOfDate);
    if (decision.kind === 'errors') return { kind: 'errors', errors: decision.errors };
    notices = decision.notices;
  }
  if (!mayFollowBoard(actor.email, board, deps.config)) {
    await recordRefusal(deps, actor, board.code, state.period, 'action');
    return fieldError(reader.t.errors.notAllowed('review_students'));
  }
  const cycle = await deps.storage.findCycle(board.code, state.period);
  if (!cycle) return fieldError(reader.t.review.outOfDate);
  const next = nextState(state, action);
  if (next === 'cpr_shaped') return fieldError(reader.t.review.cprNotSearched);
  return { kind: 'form', form: await reviewPage(deps, reader, actor, board, cycle, next, notices) };
}

/** The list's submit button is its search: the words in the search box are applied. */
export function reviewSearchSubmitted(
  deps: ReviewDependencies,
  actor: BotActor,
  submission: { readonly formId: string; readonly state: string | null; readonly values: FormValues },
): Promise<FormOutcome> {
  return reviewFormAction(deps, actor, { ...submission, actionId: reviewActions.search, value: null });
}

function nextState(state: ReviewState, action: FormAction): ReviewState | 'cpr_shaped' {
  switch (action.actionId) {
    case reviewActions.category:
      return { ...state, category: filterCategoryOf(action.value) ?? state.category, page: 1 };
    case reviewActions.programme:
      return {
        ...state,
        programme: action.value === null || action.value === allProgrammes ? null : action.value,
        page: 1,
      };
    case reviewActions.previousPage:
    case reviewActions.nextPage: {
      const page = Number(action.value);
      return Number.isSafeInteger(page) && page >= 1 ? { ...state, page } : state;
    }
    case reviewActions.clearSearch:
      return { ...state, search: null, page: 1 };
    case reviewActions.search: {
      const typed = action.values[searchFieldId];
      const search = typeof typed === 'string' ? typed.trim().slice(0, searchMaxLength) : '';
      // A CPR number is never searched for, nor shown back in the list.
      if (containsCprShape(search)) return 'cpr_shaped';
      return { ...state, search: search === '' ? null : search, page: 1 };
    }
    default:
      return state;
  }
}

/** The state's page of the list (the last one when the list has become shorter). */
async function reviewPage(
  deps: ReviewDependencies,
  reader: Translator,
  actor: BotActor,
  board: StudyBoard,
  cycle: CycleRecord,
  state: ReviewState,
  notices: readonly string[] = [],
): Promise<Form> {
  const { storage } = deps;
  const overview = await storage.reviewOverview(cycle.id);
  const exclusions = await exclusionsView(deps, actor, board, cycle, notices);
  // A programme no longer among the cycle's (a new import) is no filter.
  const programme = overview.programmes.some((candidate) => candidate.code === state.programme)
    ? state.programme
    : null;
  const query = (page: number) => ({
    categories: categoriesOf(state.category),
    programmeCode: programme,
    search: state.search,
    offset: (page - 1) * reviewPageSize,
    limit: reviewPageSize,
  });
  if (state.category === 'excluded') {
    // The period's exclusions are few (a board's chair writes each one): filtered and paged here.
    const matching = excludedMatching(exclusions.matched, { programme, search: state.search });
    const pageCount = Math.max(1, Math.ceil(matching.length / reviewPageSize));
    const shown = Math.min(state.page, pageCount);
    return reviewForm(reader, {
      boardName: nameIn(board, reader.language),
      period: state.period,
      state: { ...state, programme, page: shown },
      overview,
      page: { rows: [], total: matching.length },
      pageCount,
      thresholds: deps.config.thresholds,
      exclusions: {
        ...exclusions,
        shown: matching.slice((shown - 1) * reviewPageSize, shown * reviewPageSize),
      },
    });
  }
  let page = await storage.reviewPage(cycle.id, query(state.page));
  const pageCount = Math.max(1, Math.ceil(page.total / reviewPageSize));
  const shown = Math.min(state.page, pageCount);
  if (shown !== state.page) page = await storage.reviewPage(cycle.id, query(shown));
  return reviewForm(reader, {
    boardName: nameIn(board, reader.language),
    period: state.period,
    state: { ...state, programme, page: shown },
    overview,
    page,
    pageCount,
    thresholds: deps.config.thresholds,
    exclusions: { ...exclusions, shown: [] },
  });
}

/** Refused attempts are audited with who tried and where, and nothing of the students. */
async function recordRefusal(
  deps: ReviewDependencies,
  actor: BotActor,
  boardCode: string,
  period: IdentificationPeriod,
  attempt: 'open' | 'action',
): Promise<void> {
  await deps.storage.recordAudit({
    ...auditCore(actor, boardCode),
    action: 'review.refused',
    cycleId: null,
    details: { ...auditDetails(actor, period), attempt },
  });
}

function auditCore(actor: BotActor, boardCode: string): Pick<AuditRecord, 'actor' | 'boardCode'> {
  return { actor: auditActorOf(actor), boardCode };
}

function auditDetails(actor: BotActor, period: IdentificationPeriod) {
  return { surface: actor.surface, surfaceUserId: actor.userId, term: period.term, year: period.year };
}

function boardOf(deps: ReviewDependencies, boardCode: string): StudyBoard | null {
  return deps.config.boards.find((candidate) => candidate.code === boardCode) ?? null;
}

function readerFor(deps: ReviewDependencies, actor: BotActor): Translator {
  return translatorForLocale(actor.locale, deps.config.institution.language);
}

/** Said under the search box, the view's one field: every surface shows it there. */
function fieldError(text: string): FormOutcome {
  return { kind: 'errors', errors: { [searchFieldId]: text } };
}

function privately(message: Message): BotReply {
  return { kind: 'message', message, visibility: 'only_actor' };
}

function plain(text: string): Message {
  return { fallbackText: text, blocks: [{ type: 'text', content: [text] }] };
}
