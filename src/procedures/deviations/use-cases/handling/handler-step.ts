import type { FormOutcome } from '../../../../bot/bot-requests.js';
import type { FormSubmission } from '../../../../bot/procedure-module.js';
import { isCodedError } from '../../../../shared/coded-error.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';
import { mayHandle } from '../../deviation-permissions.js';
import { decodeCaseFormState } from '../../presenters/handling/handling-ids.js';
import { type CaseAccess, caseForHandler, type HandlingRequest, stepRefusedText } from './case-access.js';
import { wasSubmitted } from './step-once.js';
import { caseViewOutcome } from './view-case.js';

export type GrantedCase = Extract<CaseAccess, { kind: 'granted' }>;

/** The submitted form's token (see step-once.ts) and the time of the submission, for the step and its data. */
export interface SubmissionStamp {
  readonly token: string;
  readonly at: Date;
}

/**
 * A handler's form submitted: the case it names is read again and checked
 * (its handler, in handling) before anything else; a refusal is said under
 * the form's main field and nothing changes. A step the state machine
 * refuses meanwhile (the case was closed in another window) is said the same
 * way.
 */
export async function handlerSubmission(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  submission: FormSubmission,
  mainField: string,
  act: (granted: GrantedCase, once: SubmissionStamp) => Promise<FormOutcome>,
): Promise<FormOutcome> {
  const state = decodeCaseFormState(submission.state);
  if (state === null) return errorAt(mainField, request.reader.t.deviations.unknownCase);
  if (await isEcho(dependencies, request, state)) {
    const view = { caseId: state.caseId, part: 'case', page: 1 } as const;
    return caseViewOutcome(dependencies, request, view, [
      request.reader.t.deviations.handling.notices.alreadyDone,
    ]);
  }
  const access = await caseForHandler(dependencies, request, state.caseId);
  if (access.kind === 'refused') return errorAt(mainField, access.reason);
  try {
    return await act(access, { token: state.token, at: dependencies.now() });
  } catch (error) {
    const refusal = await refusalOf(dependencies, request, state.caseId, error);
    if (refusal === null) throw error;
    return errorAt(mainField, refusal);
  }
}

/**
 * The handler's form sent again after its step was taken (a double click):
 * the answer is the case as it is now, even when that step closed it.
 */
async function isEcho(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  state: { readonly caseId: string; readonly token: string },
): Promise<boolean> {
  const deviation = await dependencies.store.find(state.caseId);
  return (
    deviation !== null &&
    mayHandle(request.actor.email, deviation) &&
    (await wasSubmitted(dependencies.store, deviation.id, state.token))
  );
}

/** What to tell the person when the store refused a step; null for any other error. */
export async function refusalOf(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  caseId: string,
  error: unknown,
): Promise<string | null> {
  if (!isCodedError(error)) return null;
  if (error.code === 'deviation.not_found') return request.reader.t.deviations.unknownCase;
  if (error.code !== 'deviation.step_refused' && error.code !== 'deviation.stale') return null;
  const now = await dependencies.store.find(caseId);
  return now === null ? request.reader.t.deviations.unknownCase : stepRefusedText(request.reader, now);
}

export function errorAt(fieldId: string, text: string): FormOutcome {
  return { kind: 'errors', errors: { [fieldId]: text } };
}
