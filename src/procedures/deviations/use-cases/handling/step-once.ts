import { CodedError, isCodedError } from '../../../../shared/coded-error.js';
import type { CaseStepName } from '../../case-states.js';
import type { CasePerson } from '../../deviation-case.js';
import type { CaseChange, DeviationStore, StepResult } from '../../storage/deviation-store.js';

export type StepOnceOutcome =
  | { readonly kind: 'stepped'; readonly result: StepResult }
  /** The same form was submitted before (a double click): nothing changed now, nobody is told again. */
  | { readonly kind: 'already' };

/** How often a step is tried again when the case changed under it for another reason. */
const attempts = 3;

/**
 * A form's step, taken once however often the form is submitted. The form
 * carries a token made when it was opened; the step records it in its audit
 * event (`submission`, an opaque id). A submission whose token is already in
 * the history was taken; one racing it is caught by the version check inside
 * the store's transaction (`expectedVersion`) and finds the token then. A
 * case changed by someone else meanwhile is read again and the step tried
 * again; the state machine still decides whether it may be taken.
 */
export async function stepOnce(
  store: DeviationStore,
  caseId: string,
  step: CaseStepName,
  actor: CasePerson,
  change: CaseChange,
  submission: { readonly token: string; readonly at: Date },
): Promise<StepOnceOutcome> {
  const { token } = submission;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (await wasSubmitted(store, caseId, token)) return { kind: 'already' };
    const current = await store.find(caseId);
    if (current === null) throw new CodedError('deviation.not_found', `No case has the id "${caseId}".`);
    try {
      const result = await store.step(caseId, step, actor, {
        ...change,
        expectedVersion: current.version,
        occurredAt: submission.at,
        details: { ...(change.details ?? {}), submission: token },
      });
      return { kind: 'stepped', result };
    } catch (error) {
      if (isCodedError(error) && error.code === 'deviation.stale') continue;
      if (
        isCodedError(error) &&
        error.code === 'deviation.step_refused' &&
        (await wasSubmitted(store, caseId, token))
      )
        return { kind: 'already' };
      throw error;
    }
  }
  throw new CodedError('deviation.stale', `Case ${caseId} kept changing while "${step}" was taken.`);
}

/** Whether a step was already taken for the form with this token. */
export async function wasSubmitted(store: DeviationStore, caseId: string, token: string): Promise<boolean> {
  const history = await store.history(caseId);
  return history.some((event) => event.details.submission === token);
}
