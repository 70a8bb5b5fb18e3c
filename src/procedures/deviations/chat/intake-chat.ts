import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { BotReply, FormAction, FormOutcome } from '../../../bot/bot-requests.js';
import type { FormSubmission, ModuleFormRequest, ModuleRequest } from '../../../bot/procedure-module.js';
import { plain, privately } from '../../../bot/replies.js';
import type { Translator } from '../../../i18n/translator.js';
import type { Form } from '../../../messages/message-model.js';
import type { DeviationDependencies } from '../deviation-dependencies.js';
import {
  catalogueActions,
  readUnitSearch,
  type UnitSearch,
  unitSearchFieldId,
} from '../presenters/catalogue/unit-choice.js';
import { deviationCommandAsTyped } from '../presenters/intake/deviation-command.js';
import { intakeFormIds } from '../presenters/intake/intake-form-ids.js';
import { ownCasesMessage } from '../presenters/intake/own-cases.js';
import { receiptForm } from '../presenters/intake/receipt.js';
import { problemTexts, reportForm } from '../presenters/intake/report-form.js';
import { whistleblowingRouteForm } from '../presenters/intake/whistleblowing-route.js';
import { fileReport, type IntakeOutcome } from '../use-cases/intake/file-report.js';
import {
  freshAnswers,
  type ReportAnswers,
  readReportAnswers,
  reportFieldIds,
} from '../use-cases/intake/report-answers.js';
import type { DeviationChatPart } from './deviation-chat-part.js';

/**
 * The intake: `/avvik` opens the report form (text after the command starts
 * its description), the submitted form is filed or answered with what
 * stands in the way (field errors, the ordinary channels, the whistleblowing
 * route), and `/avvik status` lists the reporter's own cases. With a
 * catalogue too large to list, the form's Search button finds the
 * programme or course.
 */
export function intakeChat(dependencies: DeviationDependencies): DeviationChatPart {
  return {
    subcommands: [
      {
        words: { nb: 'status', da: 'status', en: 'status' },
        describe: (reader) => reader.t.deviations.intake.status.description,
        // `/avvik status` alone lists her cases; `/avvik status screens are broken` is a report.
        run: (request, rest) =>
          rest === ''
            ? ownCases(dependencies, request)
            : openReportForm(dependencies, request, `status ${rest}`),
      },
    ],
    bareCommand: (request, text) => openReportForm(dependencies, request, text),
    async submitForm(request, submission) {
      if (submission.formId === intakeFormIds.report) return submitReport(dependencies, request, submission);
      if (submission.formId === intakeFormIds.done) return { kind: 'close' };
      return null;
    },
    async formAction(request, action) {
      if (action.formId === intakeFormIds.report && action.actionId === catalogueActions.search)
        return searchForUnit(dependencies, request, action);
      return null;
    },
  };
}

/** The form's state is a random id given when it opens (fileReport's submission key is made from it). */
const formStateSchema = z.uuid();

async function openReportForm(
  dependencies: DeviationDependencies,
  request: ModuleRequest,
  text: string,
): Promise<BotReply> {
  const { actor, reader } = request;
  if (actor.email === null) return privately(plain(reader.t.deviations.intake.noEmail));
  const units = await dependencies.units();
  // Without a unit to report on there is no form to fill in: as if the procedure were not set up.
  if (units.units().length === 0) return privately(plain(reader.t.deviations.notConfigured));
  const answers = freshAnswers(text);
  const max = dependencies.section.descriptionMaxLength;
  const length = answers.description?.length ?? 0;
  return {
    kind: 'form',
    form: reportForm(reader, {
      units,
      section: dependencies.section,
      state: randomUUID(),
      command: commandOf(dependencies, request),
      answers,
      // Typed after the command, longer than a description may be: said at once, and kept whole for her to shorten.
      ...(length > max
        ? {
            errors: {
              [reportFieldIds.description]: reader.t.deviations.intake.problem.descriptionTooLong({
                max,
                length,
              }),
            },
          }
        : {}),
    }),
  };
}

async function submitReport(
  dependencies: DeviationDependencies,
  request: ModuleFormRequest,
  submission: FormSubmission,
): Promise<FormOutcome> {
  const { actor, reader } = request;
  const state = formStateSchema.safeParse(submission.state);
  if (!state.success) {
    return done(reader, reader.t.deviations.intake.formTitle, [
      reader.t.deviations.intake.formOutdated({ command: commandOf(dependencies, request) }),
    ]);
  }
  const answers = readReportAnswers(submission.values);
  const search = readUnitSearch(submission.values);
  const outcome = await fileReport(dependencies, {
    reporter: {
      email: actor.email,
      name: actor.displayName,
      surface: actor.surface,
      language: reader.language,
    },
    answers,
    formState: state.data,
  });
  return answerTo(dependencies, request, outcome, { state: state.data, answers, search });
}

/**
 * The report form's Search button: the same form again, her answers kept,
 * its programme-or-course list holding the best matches of what she typed.
 * Nothing is filed, stored or told: the catalogue is what anyone reporting
 * may see, so nobody is refused it.
 */
async function searchForUnit(
  dependencies: DeviationDependencies,
  request: ModuleFormRequest,
  action: FormAction,
): Promise<FormOutcome> {
  const { reader } = request;
  const state = formStateSchema.safeParse(action.state);
  if (!state.success) {
    return done(reader, reader.t.deviations.intake.formTitle, [
      reader.t.deviations.intake.formOutdated({ command: commandOf(dependencies, request) }),
    ]);
  }
  const answers = readReportAnswers(action.values);
  const search = readUnitSearch(action.values);
  // The "not such a matter" box stays while it is on the form; unticked, the route stays above it.
  const confirmNotSerious = action.values[reportFieldIds.notSerious] !== undefined;
  return {
    kind: 'form',
    form: reportForm(reader, {
      units: await dependencies.units(),
      section: dependencies.section,
      state: state.data,
      command: commandOf(dependencies, request),
      answers,
      search,
      notice: confirmNotSerious && !answers.notSeriousConfirmed ? 'words' : null,
      confirmNotSerious,
      errors:
        search.kind === 'none' ? { [unitSearchFieldId]: reader.t.deviations.catalogue.searchMissing } : {},
    }),
  };
}

async function answerTo(
  dependencies: DeviationDependencies,
  request: ModuleFormRequest,
  outcome: IntakeOutcome,
  form: { readonly state: string; readonly answers: ReportAnswers; readonly search: UnitSearch },
): Promise<FormOutcome> {
  const { reader } = request;
  const texts = reader.t.deviations.intake;
  switch (outcome.kind) {
    case 'serious_matter':
      return { kind: 'form', form: whistleblowingRouteForm(reader, dependencies.section.whistleblowing) };
    case 'no_email':
      return done(reader, texts.formTitle, [texts.noEmail]);
    case 'not_filed':
      // Shown again as she filled it in, so nothing she wrote is lost; the guard's route comes first.
      return {
        kind: 'form',
        form: reportForm(reader, {
          units: await dependencies.units(),
          section: dependencies.section,
          state: form.state,
          command: commandOf(dependencies, request),
          answers: form.answers,
          search: form.search,
          notice: outcome.guardHolds ? 'words' : outcome.channelsNotTried ? 'channels' : null,
          confirmNotSerious: outcome.wordsFound,
          errors: {
            ...problemTexts(reader, outcome.problems),
            ...(outcome.channelsNotTried
              ? { [reportFieldIds.ordinaryChannels]: texts.problem.ordinaryChannelsMissing }
              : {}),
          },
        }),
      };
    case 'filed':
      return {
        kind: 'form',
        form: receiptForm(reader, outcome.deviation, {
          units: await dependencies.units(),
          timeZone: dependencies.config.institution.timeZone,
          statusCommand: commandOf(dependencies, request, 'status'),
        }),
      };
  }
}

/** `/avvik status`: her own cases, nobody else's. */
async function ownCases(dependencies: DeviationDependencies, request: ModuleRequest): Promise<BotReply> {
  const { actor, reader } = request;
  if (actor.email === null) return privately(plain(reader.t.deviations.intake.noEmail));
  const cases = await dependencies.store.casesOfReporter(actor.email);
  return privately(
    ownCasesMessage(reader, cases, {
      units: await dependencies.units(),
      timeZone: dependencies.config.institution.timeZone,
      command: commandOf(dependencies, request),
    }),
  );
}

/** A view that only tells; its one button closes it. */
function done(reader: Translator, title: string, paragraphs: readonly string[]): FormOutcome {
  const texts = reader.t.deviations.intake;
  const form: Form = {
    formId: intakeFormIds.done,
    title,
    submitLabel: texts.okLabel,
    cancelLabel: texts.closeLabel,
    blocks: paragraphs.map((paragraph) => ({ type: 'text', content: [paragraph] })),
    fields: [],
  };
  return { kind: 'form', form };
}

function commandOf(
  dependencies: DeviationDependencies,
  request: ModuleRequest | ModuleFormRequest,
  words = '',
): string {
  return deviationCommandAsTyped(request.actor.surface, dependencies.section, request.reader.language, words);
}
