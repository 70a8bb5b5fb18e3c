import type { Translator } from '../../../../i18n/translator.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';
import { updateTriageCards } from './triage-cards.js';
import { doneResult, notStepped, type TriageResult } from './triage-result.js';
import { type TriageActor, takeTriageStep } from './triage-step.js';

/**
 * The report owner judges whether a report holds sensitive personal data
 * (the guideline): marked, its text is shown only to the handler, the
 * report owners and the line managers, and kept out of digests, statistics
 * and exports. A toggle: marking a marked case (a double click, or two
 * owners at once) changes nothing.
 */
export async function markSensitive(
  dependencies: DeviationDependencies,
  reader: Translator,
  who: TriageActor,
  caseId: string,
  sensitive: boolean,
): Promise<TriageResult> {
  const texts = reader.t.deviations.triage;
  const outcome = await takeTriageStep(
    dependencies,
    who,
    caseId,
    sensitive ? 'flagSensitive' : 'unflagSensitive',
    {
      plan: async (deviation) =>
        deviation.sensitive === sensitive ? { kind: 'unchanged' } : { kind: 'change', change: { sensitive } },
    },
  );
  if (outcome.kind !== 'stepped') return notStepped(outcome);
  const { deviation } = outcome.result;
  const cards = await updateTriageCards(dependencies, outcome.result);
  const summary = sensitive ? texts.done.flagged(deviation.number) : texts.done.unflagged(deviation.number);
  return doneResult(reader, deviation, summary, { told: [], notUpdated: cards.notUpdated });
}
