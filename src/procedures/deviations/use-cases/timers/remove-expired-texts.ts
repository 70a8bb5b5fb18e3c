import { botActor } from '../../deviation-case.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';

/**
 * The retention rule: a report redirected to the whistleblowing route is not
 * a deviation, so its text is kept only as long as the configuration says
 * (`deviations.redirectedTextRetentionDays`), then removed. The case, its
 * number, category and history stay: the statistics still count it.
 */
export async function removeExpiredTexts(dependencies: DeviationDependencies): Promise<number> {
  const { store } = dependencies;
  let removed = 0;
  const now = dependencies.now();
  for (const caseId of await store.casesWithExpiredText(now)) {
    await store.step(caseId, 'removeText', botActor, { removeText: true, occurredAt: now });
    removed += 1;
  }
  return removed;
}
