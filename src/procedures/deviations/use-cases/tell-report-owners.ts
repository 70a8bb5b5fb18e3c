import type { Message } from '../../../messages/message-model.js';
import type { DeviationCase } from '../deviation-case.js';
import type { DeviationDependencies } from '../deviation-dependencies.js';
import { caseFactBlocks } from '../presenters/case-facts.js';
import { tellPerson } from '../tell-person.js';

/**
 * Tells the report owners of the faculty that has the case (a new report, or
 * one forwarded to them). Returns who could not be reached, for whoever acted.
 *
 * The triage part replaces the message with its triage card (accept, forward,
 * reject, redirect, flag) and keeps the posted cards to update them in place.
 */
export async function tellReportOwners(
  dependencies: DeviationDependencies,
  deviation: DeviationCase,
): Promise<{ readonly unreachable: readonly string[] }> {
  const units = await dependencies.units();
  const unreachable: string[] = [];
  for (const owner of units.reportOwnersOf(deviation.facultyCode)) {
    const outcome = await tellPerson(dependencies.surfaces, dependencies.config.institution.language, {
      email: owner,
      preferredSurface: deviation.reporter.surface,
      language: null,
      compose: (reader): Message => {
        const title = reader.t.deviations.caseTitle({ number: deviation.number });
        return {
          fallbackText: title,
          blocks: [
            { type: 'heading', text: title },
            ...caseFactBlocks(reader, deviation, {
              units,
              timeZone: dependencies.config.institution.timeZone,
              mayReadText: true,
              showReporter: true,
            }),
          ],
        };
      },
    });
    if (outcome.kind !== 'posted') unreachable.push(owner);
  }
  return { unreachable };
}
