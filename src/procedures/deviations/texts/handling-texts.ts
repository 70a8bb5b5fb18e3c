import type { LocaleFormat } from '../../../i18n/locale-format.js';
import { handlingTextsDa } from './handling/handling-da.js';
import { handlingTextsEn } from './handling/handling-en.js';
import { handlingTextsNb } from './handling/handling-nb.js';
import type { DeviationTextLanguage } from './text-languages.js';

/**
 * The handling part's texts: the case view with its history, the handler's
 * forms (ask the reporter, send for comments, preliminary reply, causes and
 * measures, close), and what the reporter, the colleagues and the handler
 * receive. Dates and names arrive formatted; the texts only place them.
 */
export interface HandlingTexts {
  /** `/avvik sak 2026-0042` in help. */
  readonly caseCommandDescription: string;
  /** `/avvik sak` without anything that reads as a case number. */
  caseNumberMissing(params: { readonly example: string }): string;
  readonly view: {
    /** A form's title where no case can be named (a refusal). */
    readonly title: string;
    readonly doneLabel: string;
    readonly closeLabel: string;
    readonly tabCase: string;
    tabExchanges(count: number): string;
    tabHistory(count: number): string;
    pageStatus(params: { readonly page: number; readonly pages: number }): string;
    readonly previous: string;
    readonly next: string;
    /** A case a report owner flagged as holding sensitive personal data. */
    readonly sensitiveMark: string;
    readonly preliminaryReplySent: string;
    readonly closedAt: string;
    readonly causes: string;
    readonly measures: string;
    readonly outcome: string;
    /** Why a report was rejected or redirected, as the reporter was told. */
    readonly reason: string;
    readonly notRecorded: string;
    /** To a report owner or line manager looking at a case in handling. */
    viewOnly(params: { readonly handler: string }): string;
    readonly noExchanges: string;
    question(params: { readonly askedBy: string; readonly reporter: string; readonly at: string }): string;
    commentRequest(params: {
      readonly askedBy: string;
      readonly colleague: string;
      readonly at: string;
      readonly due: string;
    }): string;
    answer(params: { readonly at: string }): string;
    readonly notAnswered: string;
    /** A preliminary reply in the case's exchanges: told, not asked. */
    preliminaryReply(params: {
      readonly handler: string;
      readonly reporter: string;
      readonly at: string;
    }): string;
  };
  /** Buttons. */
  readonly actions: {
    readonly ask: string;
    readonly comments: string;
    readonly preliminaryReply: string;
    readonly causes: string;
    readonly close: string;
    readonly openCase: string;
    readonly answer: string;
    readonly comment: string;
    readonly send: string;
    readonly cancel: string;
  };
  /** What each audit event reads as in the case's history (who did it and when are shown beside it). */
  readonly history: {
    readonly filed: string;
    forwarded(params: { readonly from: string | null; readonly to: string | null }): string;
    readonly accepted: string;
    assigned(params: { readonly handler: string | null }): string;
    readonly asked: string;
    readonly answered: string;
    sentForComments(params: { readonly colleagues: string | null; readonly due: string | null }): string;
    readonly commented: string;
    readonly preliminaryReply: string;
    readonly causesRecorded: string;
    readonly closed: string;
    readonly rejected: string;
    readonly redirected: string;
    readonly flaggedSensitive: string;
    readonly unflaggedSensitive: string;
    readonly reminded: string;
    readonly escalated: string;
    readonly textRemoved: string;
  };
  readonly forms: {
    readonly ask: { readonly title: string; readonly label: string; readonly hint: string };
    readonly answer: {
      readonly title: string;
      intro(params: { readonly handler: string; readonly number: string }): string;
      readonly label: string;
    };
    readonly comments: {
      readonly title: string;
      readonly intro: string;
      readonly colleaguesLabel: string;
      readonly colleaguesHint: string;
      readonly questionLabel: string;
      readonly dueDateLabel: string;
      readonly shareTextLabel: string;
      readonly shareTextHint: string;
    };
    readonly comment: {
      readonly title: string;
      intro(params: { readonly handler: string; readonly number: string; readonly due: string }): string;
      readonly label: string;
    };
    readonly preliminaryReply: { readonly title: string; readonly intro: string; readonly label: string };
    readonly causes: {
      readonly title: string;
      readonly intro: string;
      readonly causesLabel: string;
      readonly measuresLabel: string;
    };
    readonly close: {
      readonly title: string;
      readonly intro: string;
      readonly noCausesRecorded: string;
      readonly outcomeLabel: string;
      readonly outcomeHint: string;
    };
    /** What the reporter or a colleague sees once her answer or comment is in. */
    readonly done: { readonly title: string; readonly okLabel: string };
  };
  /** Under a field of the handling forms. */
  readonly errors: {
    readonly required: string;
    tooLong(params: { readonly max: number; readonly length: number }): string;
    /** A CPR-shaped number in a text that would be relayed in chat. */
    readonly personalNumber: string;
    readonly causesOrMeasures: string;
    readonly noColleagues: string;
    notAnAddress(address: string): string;
    unknownPerson(address: string): string;
    readonly notYourself: string;
    notTheReporter(address: string): string;
    tooManyColleagues(max: number): string;
    readonly dueDateMissing: string;
    readonly dueDatePast: string;
    readonly alreadyAnswered: string;
  };
  /** Said at the top of the case view (or the done form) after an action. */
  readonly notices: {
    asked(params: { readonly reporter: string }): string;
    sentForComments(params: { readonly colleagues: string }): string;
    readonly preliminaryReplySent: string;
    readonly causesRecorded: string;
    readonly closed: string;
    readonly alreadyDone: string;
    unreachable(params: { readonly people: string }): string;
    readonly answerSent: string;
    readonly answerSaved: string;
    readonly commentSent: string;
    readonly commentSaved: string;
  };
  /** Messages the bot sends on the handler's behalf, and back to her. */
  readonly messages: {
    question(params: { readonly handler: string; readonly number: string }): string;
    readonly questionNote: string;
    answered(params: { readonly reporter: string; readonly number: string }): string;
    readonly theQuestion: string;
    readonly theAnswer: string;
    commentRequestTitle(params: { readonly number: string }): string;
    commentRequest(params: { readonly handler: string; readonly due: string }): string;
    readonly commentRequestNote: string;
    /** To a colleague whose request for comments was still open when the case was closed. */
    commentRequestWithdrawn(params: { readonly number: string; readonly handler: string }): string;
    commented(params: { readonly colleague: string; readonly number: string }): string;
    readonly theRequest: string;
    readonly theComment: string;
    preliminaryReply(params: { readonly number: string }): string;
    readonly preliminaryReplyNote: string;
    closed(params: { readonly number: string }): string;
    readonly closedNote: string;
    /** The handler's assignment notice. */
    assigned(params: { readonly deadline: string }): string;
    readonly assignedNote: string;
  };
}

export const handlingTexts: Readonly<Record<DeviationTextLanguage, (format: LocaleFormat) => HandlingTexts>> =
  {
    nb: handlingTextsNb,
    da: handlingTextsDa,
    en: handlingTextsEn,
  };
