import type { FormOutcome } from '../../../../bot/bot-requests.js';
import type { FormSubmission } from '../../../../bot/procedure-module.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';
import { handlingFields, handlingLimits } from '../../presenters/handling/handling-ids.js';
import {
  commentRequestWithdrawn,
  outcomeToReporter,
  preliminaryReplyToReporter,
} from '../../presenters/handling/relayed-messages.js';
import { tellPerson } from '../../tell-person.js';
import { tellReporter } from '../tell-reporter.js';
import { updateTriageCards } from '../triage/triage-cards.js';
import type { HandlingRequest } from './case-access.js';
import { textOf, textProblem } from './form-input.js';
import { errorAt, handlerSubmission } from './handler-step.js';
import { stepOnce } from './step-once.js';
import { caseViewOutcome } from './view-case.js';

/**
 * Forvaltningsloven § 11a: when handling takes disproportionately long, the
 * reporter gets a preliminary reply saying why and when to expect an answer.
 * Sending one stops the timer that would remind the handler to send it. The
 * words go to the reporter in her chat; the case records when.
 */
export function submitPreliminaryReply(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  submission: FormSubmission,
): Promise<FormOutcome> {
  return handlerSubmission(
    dependencies,
    request,
    submission,
    handlingFields.reply,
    async ({ deviation, person }, once) => {
      const { reader } = request;
      const reply = textOf(submission.values, handlingFields.reply);
      const problem = textProblem(reader, reply, { max: handlingLimits.reply, required: true });
      if (problem !== null) return errorAt(handlingFields.reply, problem);
      const change = {
        preliminaryReplyAt: once.at,
        cancelTimers: ['preliminary_reminder'] as const,
        // Her words are kept with the case: the view shows what she was told.
        newExchange: {
          kind: 'reply' as const,
          askedByEmail: person.email,
          addressee: deviation.reporter.email,
          text: reply,
          dueDate: null,
          askedAt: once.at,
        },
      };
      const outcome = await stepOnce(
        dependencies.store,
        deviation.id,
        'preliminaryReply',
        person,
        change,
        once,
      );
      const view = { caseId: deviation.id, part: 'case', page: 1 } as const;
      const notices = reader.t.deviations.handling.notices;
      if (outcome.kind === 'already')
        return caseViewOutcome(dependencies, request, view, [notices.alreadyDone]);
      const told = await tellReporter(dependencies, outcome.result.deviation, (reporterReader) =>
        preliminaryReplyToReporter(reporterReader, outcome.result.deviation, reply),
      );
      return caseViewOutcome(dependencies, request, view, [
        told.kind === 'posted'
          ? notices.preliminaryReplySent
          : notices.unreachable({ people: deviation.reporter.name }),
      ]);
    },
  );
}

/**
 * The guideline: the handler follows up the measures and closes the
 * deviation. The outcome is required and goes to the reporter as written;
 * the causes and measures recorded are shown in the close form, not
 * required. Closing stops the case's timers (a final state).
 */
export function submitClose(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  submission: FormSubmission,
): Promise<FormOutcome> {
  return handlerSubmission(
    dependencies,
    request,
    submission,
    handlingFields.outcome,
    async ({ deviation, person }, once) => {
      const { reader } = request;
      const outcomeText = textOf(submission.values, handlingFields.outcome);
      const problem = textProblem(reader, outcomeText, { max: handlingLimits.outcome, required: true });
      if (problem !== null) return errorAt(handlingFields.outcome, problem);
      const change = { outcome: outcomeText, closedAt: once.at };
      const outcome = await stepOnce(dependencies.store, deviation.id, 'close', person, change, once);
      const view = { caseId: deviation.id, part: 'case', page: 1 } as const;
      const notices = reader.t.deviations.handling.notices;
      if (outcome.kind === 'already')
        return caseViewOutcome(dependencies, request, view, [notices.alreadyDone]);
      const told = await tellReporter(dependencies, outcome.result.deviation, (reporterReader) =>
        outcomeToReporter(reporterReader, outcome.result.deviation, outcomeText),
      );
      // The report owners' cards say the case is closed, without the actions it no longer allows.
      await updateTriageCards(dependencies, outcome.result);
      // Colleagues still asked for comments are told the round is over, so nobody writes into a closed case.
      for (const exchange of await dependencies.store.exchanges(deviation.id)) {
        if (exchange.kind !== 'comments' || exchange.answer !== null) continue;
        await tellPerson(dependencies.surfaces, dependencies.config.institution.language, {
          email: exchange.addressee,
          preferredSurface: deviation.reporter.surface,
          language: null,
          compose: (colleagueReader) =>
            commentRequestWithdrawn(colleagueReader, outcome.result.deviation, person.name),
        });
      }
      return caseViewOutcome(dependencies, request, view, [
        told.kind === 'posted' ? notices.closed : notices.unreachable({ people: deviation.reporter.name }),
      ]);
    },
  );
}
