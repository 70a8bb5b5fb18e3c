import { isCodedError } from '../../../../shared/coded-error.js';
import type { SurfaceName } from '../../../../surfaces/chat-surface.js';
import { type CaseStepName, stepAllowed } from '../../case-states.js';
import type { CasePerson, DeviationCase } from '../../deviation-case.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';
import { mayTriage } from '../../deviation-permissions.js';
import type { CaseChange, StepResult } from '../../storage/deviation-store.js';
import type { UnitDirectory } from '../../unit-directory.js';

/** The report owner acting: by e-mail (null when the surface did not say) and display name. */
export interface TriageActor {
  readonly email: string | null;
  readonly name: string;
  /** Where she acted: the handler she assigns is written to there first. */
  readonly surface: SurfaceName;
}

/** Why a triage step was not taken, before anything changed. */
export type TriageRefusal =
  | { readonly kind: 'unknown_case' }
  | { readonly kind: 'not_allowed' }
  /** The case's state no longer allows the step: another owner was quicker. */
  | { readonly kind: 'step_refused'; readonly deviation: DeviationCase };

/** What the use-case makes of the case as it is now: the change to make, field errors, or nothing to do. */
export type TriagePlan =
  | { readonly kind: 'change'; readonly change: CaseChange }
  | { readonly kind: 'errors'; readonly errors: Readonly<Record<string, string>> }
  | { readonly kind: 'unchanged' };

export type TriageStepOutcome =
  | TriageRefusal
  | { readonly kind: 'errors'; readonly errors: Readonly<Record<string, string>> }
  /** This very submission was done before (a double click), or there is nothing to change: nothing happens. */
  | { readonly kind: 'already_done'; readonly deviation: DeviationCase }
  | {
      readonly kind: 'stepped';
      readonly result: StepResult;
      readonly units: UnitDirectory;
      readonly actor: CasePerson;
    };

/** A case changed under us (another owner acted at the same moment) is read again, a few times at most. */
const attempts = 3;

/**
 * The guideline's order for every triage decision: the case must exist, the
 * person must be one of its faculty's report owners now, and its state must
 * allow the step; only then is the input checked and the step taken. The
 * step names the version that was checked, so a change in between (a forward
 * to another faculty, a decision by another owner) is caught and the checks
 * run again on the case as it now is. A refusal changes nothing.
 */
export async function takeTriageStep(
  dependencies: DeviationDependencies,
  who: TriageActor,
  caseId: string,
  step: CaseStepName,
  decide: {
    /** Whether this actor's same decision is already recorded (a form submitted twice). */
    readonly alreadyDone?: (deviation: DeviationCase, actor: CasePerson) => Promise<boolean>;
    readonly plan: (deviation: DeviationCase, units: UnitDirectory) => Promise<TriagePlan>;
  },
): Promise<TriageStepOutcome> {
  const { store } = dependencies;
  const actor: CasePerson | null = who.email === null ? null : { email: who.email, name: who.name };
  for (let attempt = 0; attempt < attempts; attempt++) {
    const deviation = await store.find(caseId);
    if (deviation === null) return { kind: 'unknown_case' };
    if (actor !== null && decide.alreadyDone !== undefined && (await decide.alreadyDone(deviation, actor)))
      return { kind: 'already_done', deviation };
    const units = await dependencies.units();
    const refusal = refusalFor(actor?.email ?? null, deviation, units, step);
    if (refusal !== null) return refusal;
    // mayTriage already refuses a person the surface could not name by address; this tells the compiler.
    if (actor === null) return { kind: 'not_allowed' };
    const plan = await decide.plan(deviation, units);
    if (plan.kind === 'errors') return plan;
    if (plan.kind === 'unchanged') return { kind: 'already_done', deviation };
    try {
      const result = await store.step(caseId, step, actor, {
        ...plan.change,
        expectedVersion: deviation.version,
        occurredAt: dependencies.now(),
      });
      return { kind: 'stepped', result, units, actor };
    } catch (error) {
      if (!isCodedError(error)) throw error;
      if (error.code === 'deviation.not_found') return { kind: 'unknown_case' };
      // Changed since it was read, or refused by the state it now has: check everything again.
      if (error.code !== 'deviation.stale' && error.code !== 'deviation.step_refused') throw error;
    }
  }
  // Changed under us every time: say so as for a step the state no longer allows.
  const deviation = await store.find(caseId);
  return deviation === null ? { kind: 'unknown_case' } : { kind: 'step_refused', deviation };
}

/** Refused for a person who is not one of the case's faculty's report owners now, or for a state the step cannot start from. */
function refusalFor(
  email: string | null,
  deviation: DeviationCase,
  units: UnitDirectory,
  step: CaseStepName,
): TriageRefusal | null {
  if (!mayTriage(email, deviation, units)) return { kind: 'not_allowed' };
  if (!stepAllowed(step, deviation.state)) return { kind: 'step_refused', deviation };
  return null;
}

/**
 * Whether the case's latest event of a kind is by this actor: with the state
 * it led to, that is her own decision already recorded.
 */
export async function lastEventBy(
  dependencies: DeviationDependencies,
  deviation: DeviationCase,
  kind: 'accepted' | 'forwarded' | 'rejected' | 'redirected',
  actor: CasePerson,
  details: Readonly<Record<string, string>> = {},
): Promise<boolean> {
  const events = (await dependencies.store.history(deviation.id)).filter((event) => event.kind === kind);
  const last = events.at(-1);
  if (last === undefined || last.actor.email.toLowerCase() !== actor.email.toLowerCase()) return false;
  return Object.entries(details).every(([key, value]) => last.details[key] === value);
}

/**
 * The same checks before a triage form is opened: the case exists, the
 * person is one of its faculty's report owners now, and its state allows the
 * step. (The submission checks all of it again.)
 */
export async function caseToTriage(
  dependencies: DeviationDependencies,
  who: TriageActor,
  caseId: string,
  step: CaseStepName,
): Promise<
  TriageRefusal | { readonly kind: 'ready'; readonly deviation: DeviationCase; readonly units: UnitDirectory }
> {
  const deviation = await dependencies.store.find(caseId);
  if (deviation === null) return { kind: 'unknown_case' };
  const units = await dependencies.units();
  return refusalFor(who.email, deviation, units, step) ?? { kind: 'ready', deviation, units };
}
