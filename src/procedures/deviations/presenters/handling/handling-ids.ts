import { z } from 'zod';
import { openCaseActionId } from '../handler-notice.js';

/**
 * The handling part's buttons, forms and fields (`deviations.handling.…`),
 * the limits of what people write in them, and the state each form carries.
 * A state comes back from a surface: it is parsed, never trusted, and every
 * permission is checked again against the case it names.
 */
export const handlingActions = {
  /** On a message (the handler's notice, a relayed answer): opens the case view; value = case id. */
  openCase: openCaseActionId,
  /** On the reporter's question: opens the answer form; value = exchange id. */
  answer: 'deviations.handling.open-answer',
  /** On a colleague's request: opens the comment form; value = exchange id. */
  comment: 'deviations.handling.open-comment',
  /** Inside the case view: another part of it, another page. */
  showPart: 'deviations.handling.show',
  previousPage: 'deviations.handling.previous',
  nextPage: 'deviations.handling.next',
  /** Inside the case view: the handler's forms. */
  askForm: 'deviations.handling.open-ask',
  commentsForm: 'deviations.handling.open-comments',
  preliminaryReplyForm: 'deviations.handling.open-preliminary-reply',
  causesForm: 'deviations.handling.open-causes',
  closeForm: 'deviations.handling.open-close',
} as const;

export const handlingForms = {
  caseView: 'deviations.handling.case',
  ask: 'deviations.handling.ask',
  answer: 'deviations.handling.answer',
  comments: 'deviations.handling.comments',
  comment: 'deviations.handling.comment',
  preliminaryReply: 'deviations.handling.preliminary-reply',
  causes: 'deviations.handling.causes',
  close: 'deviations.handling.close',
  /** A form that only says something (thanks, a refusal): its button closes it. */
  notice: 'deviations.handling.notice',
} as const;

export const handlingFields = {
  question: 'question',
  answer: 'answer',
  colleagues: 'colleagues',
  request: 'request',
  dueDate: 'due-date',
  shareText: 'share-text',
  comment: 'comment',
  reply: 'reply',
  causes: 'causes',
  measures: 'measures',
  outcome: 'outcome',
} as const;

/**
 * What a person may write. Slack's text inputs take at most 3,000 characters;
 * a question is kept shorter so a page of the case's exchanges stays within a
 * Teams dialog card (about 38 KB).
 */
export const handlingLimits = {
  question: 1500,
  request: 1500,
  answer: 3000,
  comment: 3000,
  reply: 3000,
  causes: 3000,
  measures: 3000,
  outcome: 3000,
  colleaguesField: 2000,
  /** A høringsrunde asks a few named colleagues, not a list. */
  colleagues: 10,
} as const;

/** The parts of the case view; each fits one Slack modal and one Teams dialog card. */
export const caseViewParts = ['case', 'exchanges', 'history'] as const;
export type CaseViewPart = (typeof caseViewParts)[number];

/** Exchanges and history lines a page: a page of the longest texts stays inside a dialog card. */
export const exchangesPerPage = 4;
export const historyPerPage = 25;

export interface CaseViewState {
  readonly caseId: string;
  readonly part: CaseViewPart;
  readonly page: number;
}

/** A handler's form about a case; `token` tells a form submitted twice from two different submissions. */
export interface CaseFormState {
  readonly caseId: string;
  readonly token: string;
}

/** The reporter's answer or a colleague's comment: the exchange names its case. */
export interface ExchangeFormState {
  readonly exchangeId: string;
  readonly token: string;
}

const id = z.string().min(1).max(100);
const viewSchema = z.object({
  v: z.literal(1),
  case: id,
  part: z.enum(caseViewParts),
  page: z.number().int().min(1).max(10_000),
});
const caseFormSchema = z.object({ v: z.literal(1), case: id, token: id });
const exchangeFormSchema = z.object({ v: z.literal(1), exchange: id, token: id });

export function encodeCaseViewState(state: CaseViewState): string {
  return JSON.stringify({ v: 1, case: state.caseId, part: state.part, page: state.page });
}

export function decodeCaseViewState(text: string | null): CaseViewState | null {
  const parsed = viewSchema.safeParse(jsonOf(text));
  return parsed.success ? { caseId: parsed.data.case, part: parsed.data.part, page: parsed.data.page } : null;
}

export function encodeCaseFormState(state: CaseFormState): string {
  return JSON.stringify({ v: 1, case: state.caseId, token: state.token });
}

export function decodeCaseFormState(text: string | null): CaseFormState | null {
  const parsed = caseFormSchema.safeParse(jsonOf(text));
  return parsed.success ? { caseId: parsed.data.case, token: parsed.data.token } : null;
}

export function encodeExchangeFormState(state: ExchangeFormState): string {
  return JSON.stringify({ v: 1, exchange: state.exchangeId, token: state.token });
}

export function decodeExchangeFormState(text: string | null): ExchangeFormState | null {
  const parsed = exchangeFormSchema.safeParse(jsonOf(text));
  return parsed.success ? { exchangeId: parsed.data.exchange, token: parsed.data.token } : null;
}

function jsonOf(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
