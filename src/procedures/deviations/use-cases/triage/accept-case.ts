import type { Translator } from '../../../../i18n/translator.js';
import { containsCprShape } from '../../../../security/cpr-shape.js';
import type { SurfaceUser } from '../../../../surfaces/chat-surface.js';
import type { DeviationCase } from '../../deviation-case.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';
import { isReporterOf } from '../../deviation-permissions.js';
import { triageNoteMaxLength } from '../../presenters/triage/triage-forms.js';
import { triageFields } from '../../presenters/triage/triage-ids.js';
import { handlerAssignment, reporterAccepted } from '../../presenters/triage/triage-notices.js';
import { tellPerson } from '../../tell-person.js';
import { tellReporter } from '../tell-reporter.js';
import { updateTriageCards } from './triage-cards.js';
import { doneResult, notStepped, type TriageResult } from './triage-result.js';
import { lastEventBy, type TriageActor, takeTriageStep } from './triage-step.js';

export interface AcceptInput {
  /** The person picked as handler, by e-mail. */
  readonly handlerEmail: string | null;
  /** A note to the handler; only she sees it. */
  readonly note: string | null;
}

/**
 * The guideline: the report owner accepts the report as a deviation and
 * gives it to a local handler. The handler must be someone the bot can
 * reach (else nothing happens and the form says so), and not the reporter.
 * The handler gets the case with the owner's note; the reporter is told it
 * is being handled and by when she will have an answer, not by whom: who
 * handles it is the faculty's internal matter, and the handler writes to
 * her through the bot when there is something to ask.
 */
export async function acceptCase(
  dependencies: DeviationDependencies,
  reader: Translator,
  who: TriageActor,
  caseId: string,
  input: AcceptInput,
): Promise<TriageResult> {
  const { config } = dependencies;
  const texts = reader.t.deviations.triage;
  const handlerEmail = input.handlerEmail?.trim() ?? '';
  const outcome = await takeTriageStep(dependencies, who, caseId, 'accept', {
    alreadyDone: async (deviation, actor) =>
      deviation.state === 'in_handling' &&
      deviation.handler?.email.toLowerCase() === handlerEmail.toLowerCase() &&
      (await lastEventBy(dependencies, deviation, 'accepted', actor)),
    plan: async (deviation) => {
      const errors: Record<string, string> = {};
      if (input.note !== null && input.note.length > triageNoteMaxLength)
        errors[triageFields.note] = texts.error.tooLong(triageNoteMaxLength);
      else if (input.note !== null && containsCprShape(input.note))
        errors[triageFields.note] = texts.error.identityNumber;
      const handler = await checkHandler(dependencies, deviation, handlerEmail, who.surface);
      if (handler.kind === 'problem') errors[triageFields.handler] = texts.error[handler.problem];
      if (handler.kind === 'problem' || Object.keys(errors).length > 0) return { kind: 'errors', errors };
      return {
        kind: 'change',
        change: {
          handler: { email: handlerEmail, name: handler.person.displayName },
          alsoRecord: ['assigned'],
          details: { handler: handlerEmail },
        },
      };
    },
  });
  if (outcome.kind !== 'stepped') return notStepped(outcome);

  const { deviation } = outcome.result;
  const { units, actor } = outcome;
  const { timeZone } = config.institution;
  const cards = await updateTriageCards(dependencies, outcome.result);
  const toHandler = await tellPerson(dependencies.surfaces, config.institution.language, {
    email: handlerEmail,
    preferredSurface: who.surface,
    language: null,
    compose: (handlerReader) =>
      handlerAssignment(handlerReader, deviation, { units, timeZone, note: input.note, by: actor.name }),
  });
  const toReporter = await tellReporter(dependencies, deviation, (reporterReader) =>
    reporterAccepted(reporterReader, deviation, timeZone),
  );
  const handlerName = deviation.handler?.name ?? handlerEmail;
  return doneResult(
    reader,
    deviation,
    texts.done.accepted({ number: deviation.number, handler: handlerName }),
    {
      told: [
        { who: { email: handlerEmail, name: handlerName }, outcome: toHandler },
        { who: deviation.reporter, outcome: toReporter },
      ],
      notUpdated: cards.notUpdated,
    },
  );
}

type HandlerCheck =
  | { readonly kind: 'ok'; readonly person: SurfaceUser }
  | {
      readonly kind: 'problem';
      readonly problem: 'handlerRequired' | 'handlerIsReporter' | 'handlerUnreachable';
    };

/**
 * The handler picked: given, not the reporter, and known to a surface the
 * bot can write to her on. The owner's own surface is asked first, as the
 * handler is then told there: its name for her is the one the case keeps
 * (the console, which knows people by address only, would name her by it).
 */
async function checkHandler(
  dependencies: DeviationDependencies,
  deviation: DeviationCase,
  email: string,
  ownersSurface: TriageActor['surface'],
): Promise<HandlerCheck> {
  if (email === '') return { kind: 'problem', problem: 'handlerRequired' };
  if (isReporterOf(email, deviation)) return { kind: 'problem', problem: 'handlerIsReporter' };
  const { surfaces } = dependencies;
  const ordered = [
    ...surfaces.filter((surface) => surface.name === ownersSurface),
    ...surfaces.filter((surface) => surface.name !== ownersSurface),
  ];
  for (const surface of ordered) {
    // A surface that fails to answer cannot be counted on to reach her: the next one may.
    const person = await surface.resolveUser(email).catch(() => null);
    if (person !== null) return { kind: 'ok', person };
  }
  return { kind: 'problem', problem: 'handlerUnreachable' };
}
