import type { FormOutcome } from '../../../bot/bot-requests.js';
import type { FormSubmission, ModuleFormRequest } from '../../../bot/procedure-module.js';
import type { DeviationDependencies } from '../deviation-dependencies.js';
import { handlingActions, handlingForms } from '../presenters/handling/handling-ids.js';
import { submitQuestion } from '../use-cases/handling/ask-reporter.js';
import {
  colleagueComment,
  openReplyForm,
  reporterAnswer,
  submitReply,
} from '../use-cases/handling/exchange-replies.js';
import { openHandlerForm } from '../use-cases/handling/open-handler-form.js';
import { submitCausesAndMeasures } from '../use-cases/handling/record-causes.js';
import { submitClose, submitPreliminaryReply } from '../use-cases/handling/reply-to-reporter.js';
import { submitRequestForComments } from '../use-cases/handling/send-for-comments.js';
import {
  caseCommand,
  caseViewNavigation,
  caseWords,
  openCaseButton,
} from '../use-cases/handling/view-case.js';
import type { DeviationChatPart } from './deviation-chat-part.js';

type Submitted = (
  dependencies: DeviationDependencies,
  request: ModuleFormRequest,
  submission: FormSubmission,
) => Promise<FormOutcome>;

/** The handler's forms and the replies to them, by form id. */
const submissions: Readonly<Record<string, Submitted>> = {
  [handlingForms.ask]: submitQuestion,
  [handlingForms.comments]: submitRequestForComments,
  [handlingForms.preliminaryReply]: submitPreliminaryReply,
  [handlingForms.causes]: submitCausesAndMeasures,
  [handlingForms.close]: submitClose,
  [handlingForms.answer]: (dependencies, request, submission) =>
    submitReply(dependencies, request, reporterAnswer, submission),
  [handlingForms.comment]: (dependencies, request, submission) =>
    submitReply(dependencies, request, colleagueComment, submission),
};

/**
 * The handling part: the case view (`/avvik sak 2026-0042`, the "Open the
 * case" button) with its history, and the assigned handler's work on the
 * case — ask the reporter, send for comments, preliminary reply, causes and
 * measures, close — with the reporter's answers and the colleagues'
 * comments carried back. Every permission is checked in the use-cases.
 */
export function handlingChat(dependencies: DeviationDependencies): DeviationChatPart {
  return {
    subcommands: [
      {
        words: caseWords,
        describe: (reader) => reader.t.deviations.handling.caseCommandDescription,
        run: (request, rest) =>
          caseCommand(dependencies, { ...request, surface: request.conversation.surface }, rest),
      },
    ],
    async action(request, action) {
      switch (action.actionId) {
        case handlingActions.openCase:
          return openCaseButton(dependencies, request, action.value);
        case handlingActions.answer:
          return openReplyForm(dependencies, request, reporterAnswer, action.value);
        case handlingActions.comment:
          return openReplyForm(dependencies, request, colleagueComment, action.value);
        default:
          return null;
      }
    },
    async submitForm(request, submission) {
      // The case view and a notice have nothing to submit: their button closes them.
      if (submission.formId === handlingForms.caseView || submission.formId === handlingForms.notice)
        return { kind: 'close' };
      return submissions[submission.formId]?.(dependencies, request, submission) ?? null;
    },
    async formAction(request, action) {
      if (action.formId !== handlingForms.caseView) return null;
      return (
        (await caseViewNavigation(dependencies, request, action)) ??
        (await openHandlerForm(dependencies, request, action))
      );
    },
  };
}
