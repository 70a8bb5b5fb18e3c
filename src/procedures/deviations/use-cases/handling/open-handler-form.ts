import { randomUUID } from 'node:crypto';
import type { FormAction, FormOutcome } from '../../../../bot/bot-requests.js';
import type { Translator } from '../../../../i18n/translator.js';
import type { Form } from '../../../../messages/message-model.js';
import {
  type CalendarDate,
  calendarDateOfUtc,
  todayIn,
  utcMidnightOf,
} from '../../../../shared/calendar-date.js';
import type { DeviationCase } from '../../deviation-case.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';
import {
  askForm,
  causesForm,
  closeForm,
  commentsForm,
  preliminaryReplyForm,
} from '../../presenters/handling/handling-forms.js';
import { decodeCaseViewState, handlingActions } from '../../presenters/handling/handling-ids.js';
import { caseForHandler, type HandlingRequest } from './case-access.js';
import { caseViewOutcome, refusedInForm } from './view-case.js';

/** A request for comments is due a week from today unless the handler picks another day. */
const suggestedCommentDays = 7;

interface FormContext {
  readonly reader: Translator;
  readonly deviation: DeviationCase;
  /** Made when the form opens: the step it leads to is taken once for it (see step-once.ts). */
  readonly token: string;
  readonly today: CalendarDate;
}

const formsByAction: Readonly<Record<string, (context: FormContext) => Form>> = {
  [handlingActions.askForm]: ({ reader, deviation, token }) =>
    askForm(reader, { caseId: deviation.id, token }),
  [handlingActions.commentsForm]: ({ reader, deviation, token, today }) =>
    commentsForm(reader, { caseId: deviation.id, token }, deviation, daysAfter(today, suggestedCommentDays)),
  [handlingActions.preliminaryReplyForm]: ({ reader, deviation, token }) =>
    preliminaryReplyForm(reader, { caseId: deviation.id, token }),
  [handlingActions.causesForm]: ({ reader, deviation, token }) =>
    causesForm(reader, { caseId: deviation.id, token }, deviation),
  [handlingActions.closeForm]: ({ reader, deviation, token }) =>
    closeForm(reader, { caseId: deviation.id, token }, deviation),
};

/**
 * A handling button in the case view: the form it names, for the case's
 * handler while it is in handling. The button's value names the case; a
 * forged one is checked against the actor's rights on THAT case. A refusal
 * keeps the view open and says why at its top.
 */
export async function openHandlerForm(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  action: FormAction,
): Promise<FormOutcome | null> {
  const make = formsByAction[action.actionId];
  if (make === undefined) return null;
  const view = decodeCaseViewState(action.state);
  const caseId = action.value ?? view?.caseId ?? null;
  const refuse = (reason: string) =>
    view === null ? refusedInForm(request, reason) : caseViewOutcome(dependencies, request, view, [reason]);
  if (caseId === null) return refuse(request.reader.t.deviations.unknownCase);
  const access = await caseForHandler(dependencies, request, caseId);
  if (access.kind === 'refused') return refuse(access.reason);
  const form = make({
    reader: request.reader,
    deviation: access.deviation,
    token: randomUUID(),
    today: todayIn(dependencies.config.institution.timeZone, dependencies.now()),
  });
  return { kind: 'form', form };
}

function daysAfter(date: CalendarDate, days: number): CalendarDate {
  return calendarDateOfUtc(new Date(utcMidnightOf(date).getTime() + days * 86_400_000));
}
