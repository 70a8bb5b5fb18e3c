import type { CaseEvent, DeviationCase } from '../../deviation-case.js';

/**
 * The names of the people of a case, by e-mail: the core names people by
 * address, and an exchange or an event's details hold only that. A name is
 * known from the case (reporter, handler) or from an event the person acted
 * in (a colleague who commented); anyone else is shown by address.
 */
export interface PeopleNames {
  of(email: string): string;
}

export function peopleNamesOf(deviation: DeviationCase, history: readonly CaseEvent[]): PeopleNames {
  const names = new Map<string, string>();
  const add = (email: string, name: string) => {
    if (name.trim() !== '' && name !== email) names.set(email.toLowerCase(), name);
  };
  for (const event of history) add(event.actor.email, event.actor.name);
  add(deviation.reporter.email, deviation.reporter.name);
  if (deviation.handler !== null) add(deviation.handler.email, deviation.handler.name);
  return { of: (email) => names.get(email.toLowerCase()) ?? email };
}
