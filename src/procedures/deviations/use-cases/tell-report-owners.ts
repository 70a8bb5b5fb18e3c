import type { DeviationCase } from '../deviation-case.js';
import type { DeviationDependencies } from '../deviation-dependencies.js';
import { triageCard } from '../presenters/triage/triage-card.js';
import { tellPerson } from '../tell-person.js';
import { triageNotice } from './triage/triage-cards.js';

/**
 * Gives the report owners of the faculty that has the case (a new report,
 * or one forwarded to them) each a triage card: the case, and the buttons to
 * accept and assign it, forward, reject, redirect it to whistleblowing and
 * mark it as holding sensitive personal data. Each posted card is kept to
 * be updated in place when one of them acts. Returns who could not be
 * reached, for whoever acted.
 */
export async function tellReportOwners(
  dependencies: DeviationDependencies,
  deviation: DeviationCase,
): Promise<{ readonly unreachable: readonly string[] }> {
  const [units, history] = await Promise.all([
    dependencies.units(),
    dependencies.store.history(deviation.id),
  ]);
  const unreachable: string[] = [];
  for (const owner of units.reportOwnersOf(deviation.facultyCode)) {
    const outcome = await tellPerson(dependencies.surfaces, dependencies.config.institution.language, {
      email: owner,
      preferredSurface: deviation.reporter.surface,
      language: null,
      compose: (reader) =>
        triageCard(reader, {
          deviation,
          history,
          audience: 'owner',
          mayReadText: true,
          units,
          config: dependencies.config,
        }),
    });
    if (outcome.kind === 'posted')
      await dependencies.store.saveNotice(triageNotice(deviation, owner, outcome.posted));
    else unreachable.push(owner);
  }
  return { unreachable };
}
