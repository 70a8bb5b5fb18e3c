import type { FormOutcome } from '../../../../bot/bot-requests.js';
import type { FormSubmission } from '../../../../bot/procedure-module.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';
import { handlingFields, handlingLimits } from '../../presenters/handling/handling-ids.js';
import { questionToReporter } from '../../presenters/handling/relayed-messages.js';
import { tellReporter } from '../tell-reporter.js';
import type { HandlingRequest } from './case-access.js';
import { textOf, textProblem } from './form-input.js';
import { errorAt, handlerSubmission } from './handler-step.js';
import { stepOnce } from './step-once.js';
import { caseViewOutcome } from './view-case.js';

/** The last page of a part: the view clamps it to the pages there are. */
const lastPage = 10_000;

/**
 * The guideline: the handler gathers information, and may ask the reporter.
 * The question is stored with its step (an exchange addressed to the
 * reporter) and relayed by the bot, in the reporter's language, with the
 * handler's name and an "Answer" button; her answer is threaded back
 * (exchange-replies.ts). The handler sees the question among the case's
 * exchanges, and is told if the reporter could not be reached.
 */
export function submitQuestion(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  submission: FormSubmission,
): Promise<FormOutcome> {
  return handlerSubmission(
    dependencies,
    request,
    submission,
    handlingFields.question,
    async (granted, once) => {
      const { reader } = request;
      const { deviation, person } = granted;
      const question = textOf(submission.values, handlingFields.question);
      const problem = textProblem(reader, question, { max: handlingLimits.question, required: true });
      if (problem !== null) return errorAt(handlingFields.question, problem);
      const outcome = await stepOnce(
        dependencies.store,
        deviation.id,
        'ask',
        person,
        {
          newExchange: {
            kind: 'question',
            askedByEmail: person.email,
            addressee: deviation.reporter.email,
            text: question,
            dueDate: null,
            askedAt: once.at,
          },
        },
        once,
      );
      const view = { caseId: deviation.id, part: 'exchanges', page: lastPage } as const;
      const texts = reader.t.deviations.handling.notices;
      if (outcome.kind === 'already')
        return caseViewOutcome(dependencies, request, view, [texts.alreadyDone]);
      const exchange = await dependencies.store.exchange(outcome.result.exchangeId ?? '');
      const reporter = deviation.reporter.name;
      const told =
        exchange === null
          ? null
          : await tellReporter(dependencies, outcome.result.deviation, (reporterReader) =>
              questionToReporter(reporterReader, outcome.result.deviation, exchange, person.name),
            );
      const notice =
        told?.kind === 'posted' ? texts.asked({ reporter }) : texts.unreachable({ people: reporter });
      return caseViewOutcome(dependencies, request, view, [notice]);
    },
  );
}
