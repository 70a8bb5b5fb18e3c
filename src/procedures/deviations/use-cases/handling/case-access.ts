import type { BotActor } from '../../../../bot/bot-requests.js';
import type { Translator } from '../../../../i18n/translator.js';
import type { CasePerson, DeviationCase } from '../../deviation-case.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';
import { mayHandle, maySeeFullCase } from '../../deviation-permissions.js';
import type { UnitDirectory } from '../../unit-directory.js';

/** Who is acting and in which language they are answered. */
export interface HandlingRequest {
  readonly actor: BotActor;
  readonly reader: Translator;
}

export type CaseAccess =
  | {
      readonly kind: 'granted';
      readonly deviation: DeviationCase;
      readonly units: UnitDirectory;
      readonly person: CasePerson;
    }
  /** Said to the person instead, privately; nothing was read out or changed. */
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * The full case, for those who may see it (the handler, the faculty's report
 * owners, the line managers over the unit). Anyone else — the reporter (she
 * has `/avvik status`), a colleague asked for comments, a stranger — is
 * refused without a detail of the case. A case id that names no case is
 * said to be unknown.
 */
export async function caseForViewer(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  caseId: string,
): Promise<CaseAccess> {
  const deviation = await dependencies.store.find(caseId);
  return deviation === null ? unknownCase(request.reader) : viewerAccess(dependencies, request, deviation);
}

export async function viewerAccess(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  deviation: DeviationCase,
): Promise<CaseAccess> {
  const units = await dependencies.units();
  const { email } = request.actor;
  if (email === null || !maySeeFullCase(email, deviation, units)) return notAllowed(request.reader);
  return { kind: 'granted', deviation, units, person: personOf(request.actor, email) };
}

/**
 * The case for a handling action: only its assigned handler (checked first,
 * so nobody else learns the case's state), and only while it is in handling
 * (a closed case refuses every handling action).
 */
export async function caseForHandler(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  caseId: string,
): Promise<CaseAccess> {
  const deviation = await dependencies.store.find(caseId);
  if (deviation === null) return unknownCase(request.reader);
  const { email } = request.actor;
  if (email === null || !mayHandle(email, deviation)) return notAllowed(request.reader);
  if (deviation.state !== 'in_handling') return stepRefused(request.reader, deviation);
  return {
    kind: 'granted',
    deviation,
    units: await dependencies.units(),
    person: personOf(request.actor, email),
  };
}

/** The person acting as the audit trail and the messages name her. */
export function personOf(actor: BotActor, email: string): CasePerson {
  return { email, name: actor.displayName.trim() === '' ? email : actor.displayName };
}

export function notAllowed(reader: Translator): CaseAccess {
  return { kind: 'refused', reason: reader.t.deviations.notAllowed };
}

export function unknownCase(reader: Translator): CaseAccess {
  return { kind: 'refused', reason: reader.t.deviations.unknownCase };
}

export function stepRefused(reader: Translator, deviation: DeviationCase): CaseAccess {
  return { kind: 'refused', reason: stepRefusedText(reader, deviation) };
}

export function stepRefusedText(reader: Translator, deviation: DeviationCase): string {
  const { t } = reader;
  return t.deviations.stepRefused({ number: deviation.number, state: t.deviations.state[deviation.state] });
}
