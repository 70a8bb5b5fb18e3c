import { randomUUID } from 'node:crypto';
import type { BotReply, FormOutcome } from '../../../../bot/bot-requests.js';
import type { FormSubmission } from '../../../../bot/procedure-module.js';
import { plain, privately } from '../../../../bot/replies.js';
import type { Translator } from '../../../../i18n/translator.js';
import type { Form, Message } from '../../../../messages/message-model.js';
import { isCodedError } from '../../../../shared/coded-error.js';
import type { CasePerson, DeviationCase } from '../../deviation-case.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';
import { isReporterOf } from '../../deviation-permissions.js';
import { answerForm, commentForm, noticeForm } from '../../presenters/handling/handling-forms.js';
import {
  decodeExchangeFormState,
  type ExchangeFormState,
  handlingFields,
  handlingLimits,
} from '../../presenters/handling/handling-ids.js';
import { peopleNamesOf } from '../../presenters/handling/people-names.js';
import { answerToHandler, commentToHandler } from '../../presenters/handling/relayed-messages.js';
import type { Exchange, ExchangeKind } from '../../storage/deviation-store.js';
import { type HandlingRequest, personOf, stepRefusedText } from './case-access.js';
import { textOf, textProblem } from './form-input.js';
import { errorAt } from './handler-step.js';
import { stepOnce } from './step-once.js';
import { tellHandler } from './tell-handler.js';

/**
 * The two replies the bot carries back to the handler: the reporter's answer
 * to a question (step `answer`) and a colleague's comment on a request for
 * comments (step `comment`). Only the person the exchange was addressed to
 * may reply — for a question, the reporter of THAT case — and only once: the
 * exchange names its case, so a forged id of another case's exchange meets
 * that case's people, and a second reply is refused (a double submit of the
 * same form changes nothing and tells nobody again).
 */
interface ReplyKind {
  readonly exchange: ExchangeKind;
  readonly step: 'answer' | 'comment';
  readonly field: string;
  readonly max: number;
  form(
    reader: Translator,
    state: ExchangeFormState,
    deviation: DeviationCase,
    exchange: Exchange,
    askedBy: string,
  ): Form;
  toHandler(
    reader: Translator,
    deviation: DeviationCase,
    exchange: Exchange,
    replier: CasePerson,
    text: string,
  ): Message;
  readonly sent: (reader: Translator) => string;
  readonly saved: (reader: Translator) => string;
}

export const reporterAnswer: ReplyKind = {
  exchange: 'question',
  step: 'answer',
  field: handlingFields.answer,
  max: handlingLimits.answer,
  form: answerForm,
  toHandler: (reader, deviation, exchange, _replier, text) =>
    answerToHandler(reader, deviation, exchange, text),
  sent: (reader) => reader.t.deviations.handling.notices.answerSent,
  saved: (reader) => reader.t.deviations.handling.notices.answerSaved,
};

export const colleagueComment: ReplyKind = {
  exchange: 'comments',
  step: 'comment',
  field: handlingFields.comment,
  max: handlingLimits.comment,
  form: commentForm,
  toHandler: (reader, deviation, exchange, replier, text) =>
    commentToHandler(reader, deviation, exchange, { colleague: replier.name, text }),
  sent: (reader) => reader.t.deviations.handling.notices.commentSent,
  saved: (reader) => reader.t.deviations.handling.notices.commentSaved,
};

type ReplyAccess =
  | {
      readonly kind: 'granted';
      readonly exchange: Exchange;
      readonly deviation: DeviationCase;
      readonly person: CasePerson;
    }
  | { readonly kind: 'refused'; readonly reason: string };

/** The "Answer" or "Comment" button (value: the exchange id): the form, or why not, privately. */
export async function openReplyForm(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  kind: ReplyKind,
  exchangeId: string | null,
): Promise<BotReply> {
  const access = await replyAccess(dependencies, request, kind, exchangeId);
  if (access.kind === 'refused') return privately(plain(access.reason));
  const { deviation, exchange } = access;
  if (exchange.answer !== null)
    return privately(plain(request.reader.t.deviations.handling.errors.alreadyAnswered));
  if (deviation.state !== 'in_handling') return privately(plain(stepRefusedText(request.reader, deviation)));
  const askedBy = peopleNamesOf(deviation, []).of(exchange.askedByEmail);
  const state = { exchangeId: exchange.id, token: randomUUID() };
  return { kind: 'form', form: kind.form(request.reader, state, deviation, exchange, askedBy) };
}

/** The answer or comment submitted: stored with its step, then relayed to the handler with the words asked quoted. */
export async function submitReply(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  kind: ReplyKind,
  submission: FormSubmission,
): Promise<FormOutcome> {
  const { reader } = request;
  const state = decodeExchangeFormState(submission.state);
  const access = await replyAccess(dependencies, request, kind, state?.exchangeId ?? null);
  if (state === null || access.kind === 'refused')
    return errorAt(kind.field, access.kind === 'refused' ? access.reason : reader.t.deviations.unknownCase);
  const { exchange, deviation, person } = access;
  const text = textOf(submission.values, kind.field);
  const problem = textProblem(reader, text, { max: kind.max, required: true });
  if (problem !== null) return errorAt(kind.field, problem);
  const at = dependencies.now();
  const change = { answer: { exchangeId: exchange.id, answer: text, answeredAt: at } };
  let outcome: Awaited<ReturnType<typeof stepOnce>>;
  try {
    outcome = await stepOnce(dependencies.store, deviation.id, kind.step, person, change, {
      token: state.token,
      at,
    });
  } catch (error) {
    if (!isCodedError(error) || error.code !== 'deviation.step_refused') throw error;
    const now = await dependencies.store.exchange(exchange.id);
    const current = await dependencies.store.find(deviation.id);
    if (now?.answer !== null && now?.answer !== undefined)
      return errorAt(kind.field, reader.t.deviations.handling.errors.alreadyAnswered);
    return errorAt(
      kind.field,
      current === null ? reader.t.deviations.unknownCase : stepRefusedText(reader, current),
    );
  }
  const done = (notice: string): FormOutcome => ({
    kind: 'form',
    form: noticeForm(reader, reader.t.deviations.handling.forms.done.title, notice),
  });
  if (outcome.kind === 'already') return done(reader.t.deviations.handling.notices.alreadyDone);
  const told = await tellHandler(
    dependencies,
    outcome.result.deviation,
    request.actor.surface,
    (handlerReader) => kind.toHandler(handlerReader, outcome.result.deviation, exchange, person, text),
  );
  return done(told.kind === 'posted' ? kind.sent(reader) : kind.saved(reader));
}

async function replyAccess(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  kind: ReplyKind,
  exchangeId: string | null,
): Promise<ReplyAccess> {
  const { reader, actor } = request;
  const exchange = exchangeId === null ? null : await dependencies.store.exchange(exchangeId);
  const deviation = exchange === null ? null : await dependencies.store.find(exchange.caseId);
  if (exchange === null || deviation === null)
    return { kind: 'refused', reason: reader.t.deviations.unknownCase };
  const email = actor.email;
  const addressed =
    email !== null &&
    exchange.kind === kind.exchange &&
    exchange.addressee.toLowerCase() === email.toLowerCase() &&
    // A question goes to the reporter: she must still be the case's reporter.
    (kind.exchange !== 'question' || isReporterOf(email, deviation));
  if (!addressed || email === null) return { kind: 'refused', reason: reader.t.deviations.notAllowed };
  return { kind: 'granted', exchange, deviation, person: personOf(actor, email) };
}
