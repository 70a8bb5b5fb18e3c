import { z } from 'zod';
import type { FormOutcome } from '../../../../bot/bot-requests.js';
import type { FormSubmission } from '../../../../bot/procedure-module.js';
import type { Translator } from '../../../../i18n/translator.js';
import { type CalendarDate, parseIsoDate, todayIn } from '../../../../shared/calendar-date.js';
import type { ChatSurface, SurfaceName } from '../../../../surfaces/chat-surface.js';
import type { CasePerson, DeviationCase } from '../../deviation-case.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';
import { handlingFields, handlingLimits } from '../../presenters/handling/handling-ids.js';
import { commentRequestToColleague } from '../../presenters/handling/relayed-messages.js';
import { tellPerson } from '../../tell-person.js';
import type { HandlingRequest } from './case-access.js';
import { FieldErrors, textOf, textProblem, tickedOf } from './form-input.js';
import { type GrantedCase, handlerSubmission } from './handler-step.js';
import { stepOnce } from './step-once.js';
import { caseViewOutcome } from './view-case.js';

const lastPage = 10_000;

/**
 * Høringsrunde: the handler sends the case for internal comments to named
 * colleagues by a due date. Each colleague gets her own request (an exchange
 * addressed to her, all stored with the one step) with the case's facts and
 * a "Comment" button; her comment comes back to the handler
 * (exchange-replies.ts). Every address is checked before anything is stored:
 * its shape, that it is neither the handler nor the reporter (the reporter is
 * asked with "Ask the reporter"), and that some surface can reach it.
 */
export function submitRequestForComments(
  dependencies: DeviationDependencies,
  request: HandlingRequest,
  submission: FormSubmission,
): Promise<FormOutcome> {
  return handlerSubmission(
    dependencies,
    request,
    submission,
    handlingFields.colleagues,
    async (granted, once) => {
      const input = await readRequest(dependencies, request.reader, granted, submission);
      if (input.kind === 'errors') return input;
      const { deviation, person } = granted;
      const askedAt = once.at;
      const outcome = await stepOnce(
        dependencies.store,
        deviation.id,
        'sendForComments',
        person,
        {
          newExchanges: input.colleagues.map((colleague) => ({
            kind: 'comments' as const,
            askedByEmail: person.email,
            addressee: colleague,
            text: input.text,
            dueDate: input.due,
            askedAt,
          })),
          // Plain values for the history: who was asked and by when; never the words asked.
          details: {
            colleagues: input.colleagues.join(', '),
            dueDate: input.due,
            textShared: input.shareText,
          },
        },
        once,
      );
      const view = { caseId: deviation.id, part: 'exchanges', page: lastPage } as const;
      const notices = request.reader.t.deviations.handling.notices;
      if (outcome.kind === 'already')
        return caseViewOutcome(dependencies, request, view, [notices.alreadyDone]);
      const told = await tellColleagues(dependencies, outcome.result.deviation, outcome.result.exchangeIds, {
        handler: person,
        surface: request.actor.surface,
        due: input.due,
        shareText: input.shareText,
      });
      const { formatList } = request.reader;
      return caseViewOutcome(dependencies, request, view, [
        ...(told.reached.length === 0
          ? []
          : [notices.sentForComments({ colleagues: formatList(told.reached) })]),
        ...(told.unreached.length === 0 ? [] : [notices.unreachable({ people: formatList(told.unreached) })]),
      ]);
    },
  );
}

interface RequestInput {
  readonly kind: 'request';
  readonly colleagues: readonly string[];
  readonly text: string;
  readonly due: CalendarDate;
  readonly shareText: boolean;
}

async function readRequest(
  dependencies: DeviationDependencies,
  reader: Translator,
  { deviation, person }: GrantedCase,
  submission: FormSubmission,
): Promise<RequestInput | { readonly kind: 'errors'; readonly errors: Readonly<Record<string, string>> }> {
  const errors = new FieldErrors();
  const texts = reader.t.deviations.handling.errors;
  const colleaguesText = textOf(submission.values, handlingFields.colleagues);
  const colleagues = addressesIn(colleaguesText);
  if ([...colleaguesText].length > handlingLimits.colleaguesField)
    errors.add(
      handlingFields.colleagues,
      texts.tooLong({ max: handlingLimits.colleaguesField, length: [...colleaguesText].length }),
    );
  else if (colleagues.length === 0) errors.add(handlingFields.colleagues, texts.noColleagues);
  else if (colleagues.length > handlingLimits.colleagues)
    errors.add(handlingFields.colleagues, texts.tooManyColleagues(handlingLimits.colleagues));
  else
    for (const address of colleagues)
      errors.add(
        handlingFields.colleagues,
        await addressProblem(dependencies.surfaces, reader, address, { deviation, person }),
      );

  const text = textOf(submission.values, handlingFields.request);
  errors.add(
    handlingFields.request,
    textProblem(reader, text, { max: handlingLimits.request, required: true }),
  );

  const due = parseIsoDate(textOf(submission.values, handlingFields.dueDate));
  const today = todayIn(dependencies.config.institution.timeZone, dependencies.now());
  if (due === null) errors.add(handlingFields.dueDate, texts.dueDateMissing);
  else if (due < today) errors.add(handlingFields.dueDate, texts.dueDatePast);

  if (errors.any || due === null) return { kind: 'errors', errors: errors.all };
  // Sensitive personal data is shared only on the handler's word; otherwise the colleagues see the facts.
  const shareText = deviation.sensitive && tickedOf(submission.values, handlingFields.shareText);
  return { kind: 'request', colleagues, text, due, shareText };
}

/**
 * Addresses separated by commas, semicolons, spaces or lines; each once, in
 * lower case (as the bot compares addresses everywhere, and as the platforms
 * look people up).
 */
function addressesIn(text: string): string[] {
  const addresses = text
    .split(/[\s,;]+/)
    .filter((address) => address !== '')
    .map((address) => address.toLowerCase());
  return [...new Set(addresses)];
}

const emailShape = z.email();

async function addressProblem(
  surfaces: readonly ChatSurface[],
  reader: Translator,
  address: string,
  { deviation, person }: { readonly deviation: DeviationCase; readonly person: CasePerson },
): Promise<string | null> {
  const texts = reader.t.deviations.handling.errors;
  if (!emailShape.safeParse(address).success) return texts.notAnAddress(address);
  if (address.toLowerCase() === person.email.toLowerCase()) return texts.notYourself;
  if (address.toLowerCase() === deviation.reporter.email.toLowerCase()) return texts.notTheReporter(address);
  for (const surface of surfaces) {
    // A surface that cannot answer now does not know her for this purpose; another may.
    const known = await surface.resolveUser(address).catch(() => null);
    if (known !== null) return null;
  }
  return texts.unknownPerson(address);
}

async function tellColleagues(
  dependencies: DeviationDependencies,
  deviation: DeviationCase,
  exchangeIds: readonly string[],
  request: {
    readonly handler: CasePerson;
    /** Where the handler asked: her colleagues are written to there first. */
    readonly surface: SurfaceName;
    readonly due: CalendarDate;
    readonly shareText: boolean;
  },
): Promise<{ readonly reached: readonly string[]; readonly unreached: readonly string[] }> {
  const units = await dependencies.units();
  const exchanges = (await dependencies.store.exchanges(deviation.id)).filter((exchange) =>
    exchangeIds.includes(exchange.id),
  );
  const reached: string[] = [];
  const unreached: string[] = [];
  for (const exchange of exchanges) {
    const outcome = await tellPerson(dependencies.surfaces, dependencies.config.institution.language, {
      email: exchange.addressee,
      preferredSurface: request.surface,
      language: null,
      compose: (reader) =>
        commentRequestToColleague(reader, deviation, exchange, {
          handler: request.handler.name,
          due: reader.formatDate(request.due),
          units,
          timeZone: dependencies.config.institution.timeZone,
          shareText: request.shareText,
        }),
    });
    (outcome.kind === 'posted' ? reached : unreached).push(exchange.addressee);
  }
  return { reached, unreached };
}
