import type { FormOutcome } from '../../../../bot/bot-requests.js';
import type { FormSubmission } from '../../../../bot/procedure-module.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';
import { handlingFields, handlingLimits } from '../../presenters/handling/handling-ids.js';
import type { HandlingRequest } from './case-access.js';
import { FieldErrors, textOf, textProblem } from './form-input.js';
import { handlerSubmission } from './handler-step.js';
import { stepOnce } from './step-once.js';
import { caseViewOutcome } from './view-case.js';

/**
 * The handler records the deviation's causes and the measures taken or
 * planned, as often as she learns more: the latest is kept on the case, and
 * each recording is an event in the history (without the words). A field
 * she clears is stored empty and reads as not recorded.
 */
export function submitCausesAndMeasures(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  submission: FormSubmission,
): Promise<FormOutcome> {
  return handlerSubmission(
    dependencies,
    request,
    submission,
    handlingFields.causes,
    async ({ deviation, person }, once) => {
      const { reader } = request;
      const causes = textOf(submission.values, handlingFields.causes);
      const measures = textOf(submission.values, handlingFields.measures);
      const errors = new FieldErrors();
      errors.add(
        handlingFields.causes,
        textProblem(reader, causes, { max: handlingLimits.causes, required: false }),
      );
      errors.add(
        handlingFields.measures,
        textProblem(reader, measures, { max: handlingLimits.measures, required: false }),
      );
      if (causes === '' && measures === '')
        errors.add(handlingFields.causes, reader.t.deviations.handling.errors.causesOrMeasures);
      if (errors.any) return { kind: 'errors', errors: errors.all };
      const change = { causes, measures, details: { causes: causes !== '', measures: measures !== '' } };
      const outcome = await stepOnce(dependencies.store, deviation.id, 'recordCauses', person, change, once);
      const notices = reader.t.deviations.handling.notices;
      const notice = outcome.kind === 'already' ? notices.alreadyDone : notices.causesRecorded;
      return caseViewOutcome(dependencies, request, { caseId: deviation.id, part: 'case', page: 1 }, [
        notice,
      ]);
    },
  );
}
