import type { BotReply, FormAction, FormOutcome } from '../../../../bot/bot-requests.js';
import { plain, privately } from '../../../../bot/replies.js';
import type { Form } from '../../../../messages/message-model.js';
import type { SurfaceName } from '../../../../surfaces/chat-surface.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';
import { mayHandle } from '../../deviation-permissions.js';
import { caseViewForm, pagesOf } from '../../presenters/handling/case-view.js';
import { noticeForm } from '../../presenters/handling/handling-forms.js';
import {
  type CaseViewPart,
  type CaseViewState,
  caseViewParts,
  decodeCaseViewState,
  handlingActions,
} from '../../presenters/handling/handling-ids.js';
import type { DeviationTextLanguage } from '../../texts/text-languages.js';
import { caseForViewer, type HandlingRequest } from './case-access.js';

/** `/avvik sak 2026-0042`: the words after the command, per language. */
export const caseWords: Readonly<Record<DeviationTextLanguage, string>> = {
  nb: 'sak',
  da: 'sag',
  en: 'case',
};

/**
 * The case view as its form, for a person who may see the full case; the
 * handling buttons when she is its handler and it is in handling. Whatever
 * opens it (a button, the command, a click inside it, a handling form just
 * submitted), the permission is checked again on the case it names.
 */
export async function caseViewOutcome(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  state: CaseViewState,
  notices: readonly string[] = [],
): Promise<FormOutcome> {
  const view = await caseView(dependencies, request, state, notices);
  return view.kind === 'form' ? view : refusedInForm(request, view.reason);
}

async function caseView(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  state: CaseViewState,
  notices: readonly string[],
): Promise<
  { readonly kind: 'form'; readonly form: Form } | { readonly kind: 'refused'; readonly reason: string }
> {
  const access = await caseForViewer(dependencies, request, state.caseId);
  if (access.kind === 'refused') return access;
  const { deviation, units } = access;
  const [exchanges, history] = await Promise.all([
    dependencies.store.exchanges(deviation.id),
    dependencies.store.history(deviation.id),
  ]);
  const form = caseViewForm(request.reader, {
    deviation,
    exchanges,
    history,
    units,
    config: dependencies.config,
    handles: mayHandle(request.actor.email, deviation) && deviation.state === 'in_handling',
    state: { ...state, page: Math.min(state.page, pagesOf({ exchanges, history }, state.part)) },
    notices,
  });
  return { kind: 'form', form };
}

/** Opened from a message or the command: the form, or the refusal said privately. */
async function caseViewReply(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  caseId: string,
): Promise<BotReply> {
  const view = await caseView(dependencies, request, { caseId, part: 'case', page: 1 }, []);
  return view.kind === 'form' ? view : privately(plain(view.reason));
}

/** "Open the case" on a message (value: the case id). */
export async function openCaseButton(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  caseId: string | null,
): Promise<BotReply> {
  if (caseId === null) return privately(plain(request.reader.t.deviations.unknownCase));
  return caseViewReply(dependencies, request, caseId);
}

/** `/avvik sak 2026-0042` (a running number may be typed without its zeros: `2026-42`). */
export async function caseCommand(
  dependencies: DeviationDependencies,
  request: HandlingRequest & { readonly surface: SurfaceName },
  rest: string,
): Promise<BotReply> {
  const { reader } = request;
  const number = caseNumberOf(rest);
  if (number === null) {
    const name = dependencies.section.commandNames[reader.language];
    const words = `${name} ${caseWords[reader.language]} 2026-0042`;
    const example = request.surface === 'teams' ? `@Trafiklys ${words}` : `/${words}`;
    return privately(plain(reader.t.deviations.handling.caseNumberMissing({ example })));
  }
  const deviation = await dependencies.store.findByNumber(number);
  if (deviation === null) return privately(plain(reader.t.deviations.unknownCase));
  return caseViewReply(dependencies, request, deviation.id);
}

/** A click inside the open view that only changes what it shows: another part, another page. */
export async function caseViewNavigation(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  action: FormAction,
): Promise<FormOutcome | null> {
  if (!isNavigation(action.actionId)) return null;
  const state = decodeCaseViewState(action.state);
  const next = state === null ? 'unreadable' : navigated(state, action);
  if (next === 'unreadable') return refusedInForm(request, request.reader.t.deviations.unknownCase);
  return caseViewOutcome(dependencies, request, next);
}

function isNavigation(actionId: string): boolean {
  return (
    actionId.startsWith(`${handlingActions.showPart}.`) ||
    actionId === handlingActions.previousPage ||
    actionId === handlingActions.nextPage
  );
}

function navigated(state: CaseViewState, action: FormAction): CaseViewState | 'unreadable' {
  if (action.actionId.startsWith(`${handlingActions.showPart}.`)) {
    const part = caseViewParts.find((candidate: CaseViewPart) => candidate === action.value);
    return part === undefined ? 'unreadable' : { caseId: state.caseId, part, page: 1 };
  }
  if (action.actionId === handlingActions.previousPage || action.actionId === handlingActions.nextPage) {
    const page = Number(action.value);
    return Number.isInteger(page) && page >= 1 ? { ...state, page } : 'unreadable';
  }
  return 'unreadable';
}

function caseNumberOf(text: string): string | null {
  const match = /^(\d{4})-(\d{1,6})$/.exec(text.trim());
  if (match === null || match[1] === undefined || match[2] === undefined) return null;
  return `${match[1]}-${String(Number(match[2])).padStart(4, '0')}`;
}

/** A refusal where a form is the answer: a form that says it, so nothing of the case is shown. */
export function refusedInForm(request: HandlingRequest, reason: string): FormOutcome {
  return {
    kind: 'form',
    form: noticeForm(request.reader, request.reader.t.deviations.handling.view.title, reason),
  };
}
