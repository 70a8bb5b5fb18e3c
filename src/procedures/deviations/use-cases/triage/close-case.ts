import type { Translator } from '../../../../i18n/translator.js';
import { containsCprShape } from '../../../../security/cpr-shape.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';
import { triageReasonMaxLength } from '../../presenters/triage/triage-forms.js';
import { triageFields } from '../../presenters/triage/triage-ids.js';
import {
  handlerRedirected,
  reporterRedirected,
  reporterRejected,
} from '../../presenters/triage/triage-notices.js';
import { type TellOutcome, tellPerson } from '../../tell-person.js';
import { tellReporter } from '../tell-reporter.js';
import { updateTriageCards } from './triage-cards.js';
import { type Addressee, doneResult, notStepped, type TriageResult } from './triage-result.js';
import { lastEventBy, type TriageActor, takeTriageStep } from './triage-step.js';

const dayMs = 86_400_000;

/**
 * The two ways a report owner closes a report that is not a deviation, each
 * with a reason the reporter receives as written:
 * - reject: not a deviation (only while it is received);
 * - redirect: a serious matter (harassment, bullying, threats…) that belongs
 *   on the whistleblowing route: the reporter also gets the route and the
 *   people she can talk to, and the report's text is kept only for the
 *   retention period (the timers part removes it then). A case in handling
 *   can be redirected too: its handler is told to stop.
 */
export async function closeCase(
  dependencies: DeviationDependencies,
  reader: Translator,
  who: TriageActor,
  caseId: string,
  kind: 'reject' | 'redirect',
  input: { readonly reason: string | null },
): Promise<TriageResult> {
  const { config, section } = dependencies;
  const texts = reader.t.deviations.triage;
  const reason = input.reason?.trim() ?? '';
  const event = kind === 'reject' ? 'rejected' : 'redirected';
  const outcome = await takeTriageStep(dependencies, who, caseId, kind, {
    alreadyDone: async (deviation, actor) =>
      deviation.state === event && (await lastEventBy(dependencies, deviation, event, actor)),
    plan: async () => {
      if (reason === '')
        return { kind: 'errors', errors: { [triageFields.reason]: texts.error.reasonRequired } };
      if (reason.length > triageReasonMaxLength)
        return {
          kind: 'errors',
          errors: { [triageFields.reason]: texts.error.tooLong(triageReasonMaxLength) },
        };
      // The reason is stored with the case and sent in chat: never an identity number in it.
      if (containsCprShape(reason))
        return { kind: 'errors', errors: { [triageFields.reason]: texts.error.identityNumber } };
      const now = dependencies.now();
      return {
        kind: 'change',
        change:
          kind === 'reject'
            ? { reason, closedAt: now }
            : {
                reason,
                closedAt: now,
                textPurgeAfter: new Date(now.getTime() + section.redirectedTextRetentionDays * dayMs),
              },
      };
    },
  });
  if (outcome.kind !== 'stepped') return notStepped(outcome);

  const { deviation, previous } = outcome.result;
  const cards = await updateTriageCards(dependencies, outcome.result);
  const told: { who: Addressee; outcome: TellOutcome }[] = [];
  if (kind === 'redirect' && previous.handler !== null) {
    const handler = previous.handler;
    told.push({
      who: handler,
      outcome: await tellPerson(dependencies.surfaces, config.institution.language, {
        email: handler.email,
        preferredSurface: who.surface,
        language: null,
        compose: (handlerReader) => handlerRedirected(handlerReader, deviation, outcome.actor.name),
      }),
    });
  }
  told.push({
    who: deviation.reporter,
    outcome: await tellReporter(dependencies, deviation, (reporterReader) =>
      kind === 'reject'
        ? reporterRejected(reporterReader, deviation, reason)
        : reporterRedirected(reporterReader, deviation, reason, section.whistleblowing),
    ),
  });
  const summary =
    kind === 'reject' ? texts.done.rejected(deviation.number) : texts.done.redirected(deviation.number);
  return doneResult(reader, deviation, summary, { told, notUpdated: cards.notUpdated });
}
