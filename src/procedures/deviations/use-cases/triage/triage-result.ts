import type { Translator } from '../../../../i18n/translator.js';
import type { DeviationCase } from '../../deviation-case.js';
import type { TellOutcome } from '../../tell-person.js';
import type { TriageRefusal, TriageStepOutcome } from './triage-step.js';

/** What a triage decision came to, for the person who made it. */
export type TriageResult =
  | TriageRefusal
  | { readonly kind: 'errors'; readonly errors: Readonly<Record<string, string>> }
  | { readonly kind: 'already_done' }
  | {
      readonly kind: 'done';
      readonly deviation: DeviationCase;
      /** What was done, in the actor's words. */
      readonly summary: string;
      /** Who was not told and whose card still shows the old state: never swallowed. */
      readonly problems: readonly string[];
    };

/** A step that was not taken, as the result the chat side answers. */
export function notStepped(outcome: Exclude<TriageStepOutcome, { kind: 'stepped' }>): TriageResult {
  return outcome.kind === 'already_done' ? { kind: 'already_done' } : outcome;
}

/** A person the bot tried to tell, as she is named back to the actor. */
export interface Addressee {
  readonly email: string;
  readonly name: string | null;
}

export function doneResult(
  reader: Translator,
  deviation: DeviationCase,
  summary: string,
  outcome: {
    readonly told: readonly { readonly who: Addressee; readonly outcome: Pick<TellOutcome, 'kind'> }[];
    readonly unreachableOwners?: readonly string[];
    readonly notUpdated: readonly string[];
  },
): TriageResult {
  const texts = reader.t.deviations.triage;
  const unreachable = [
    ...outcome.told
      .filter(({ outcome: told }) => told.kind !== 'posted')
      .map(({ who }) => (who.name === null ? who.email : `${who.name} (${who.email})`)),
    ...(outcome.unreachableOwners ?? []),
  ];
  const problems = [
    ...(unreachable.length === 0 ? [] : [texts.couldNotReach(unreachable)]),
    ...(outcome.notUpdated.length === 0 ? [] : [texts.cardsNotUpdated(outcome.notUpdated)]),
  ];
  return { kind: 'done', deviation, summary, problems };
}
