import { z } from 'zod';
import type { BotActor, BotReply, FormOutcome } from '../../../bot/bot-requests.js';
import type {
  FormSubmission,
  ModuleAction,
  ModuleFormRequest,
  ModuleRequest,
} from '../../../bot/procedure-module.js';
import { plain, privately } from '../../../bot/replies.js';
import type { Translator } from '../../../i18n/translator.js';
import type { FormValues } from '../../../messages/message-model.js';
import type { DeviationDependencies } from '../deviation-dependencies.js';
import { facultyName } from '../presenters/triage/faculty-name.js';
import { acceptForm, closingForm, forwardForm, resultForm } from '../presenters/triage/triage-forms.js';
import { triageActions, triageFields, triageForms } from '../presenters/triage/triage-ids.js';
import { acceptCase } from '../use-cases/triage/accept-case.js';
import { closeCase } from '../use-cases/triage/close-case.js';
import { forwardCase, forwardTargets } from '../use-cases/triage/forward-case.js';
import { markSensitive } from '../use-cases/triage/mark-sensitive.js';
import type { TriageResult } from '../use-cases/triage/triage-result.js';
import { caseToTriage, type TriageActor, type TriageRefusal } from '../use-cases/triage/triage-step.js';
import type { DeviationChatPart } from './deviation-chat-part.js';

/**
 * The triage part of the deviations procedure's chat side: the buttons of
 * the report owners' card and the forms they open. It only reads what came
 * in and says what became of it; the use-cases decide.
 */
export function triageChat(dependencies: DeviationDependencies): DeviationChatPart {
  return {
    action: (request, action) => triageAction(dependencies, request, action),
    submitForm: (request, submission) => triageSubmission(dependencies, request, submission),
  };
}

/** A case id as a button or a form carries it (opaque; the store finds nothing for a forged one). */
const caseIdSchema = z.string().trim().min(1).max(100);
/** A text field's value: a forged list or tick reads as no answer, which the use-case refuses by field. */
const textSchema = z.string().nullable().catch(null);

function textOf(values: FormValues, field: string): string | null {
  const value = textSchema.parse(values[field] ?? null);
  return value === null || value.trim() === '' ? null : value;
}

function whoIs(actor: BotActor): TriageActor {
  return { email: actor.email, name: actor.displayName, surface: actor.surface };
}

type FormStep = 'accept' | 'forward' | 'reject' | 'redirect';

/** The step a card button opens a form for; null for the other buttons. */
function formStepOf(actionId: string): FormStep | null {
  switch (actionId) {
    case triageActions.accept:
      return 'accept';
    case triageActions.forward:
      return 'forward';
    case triageActions.reject:
      return 'reject';
    case triageActions.redirect:
      return 'redirect';
    default:
      return null;
  }
}

async function triageAction(
  dependencies: DeviationDependencies,
  request: ModuleRequest,
  action: ModuleAction,
): Promise<BotReply | null> {
  const { reader, actor } = request;
  const step = formStepOf(action.actionId);
  const isFlag =
    action.actionId === triageActions.flagSensitive || action.actionId === triageActions.unflagSensitive;
  if (step === null && !isFlag) return null;
  const caseId = caseIdSchema.safeParse(action.value);
  if (!caseId.success) return privately(plain(reader.t.deviations.unknownCase));
  if (step === null) {
    const sensitive = action.actionId === triageActions.flagSensitive;
    const result = await markSensitive(dependencies, reader, whoIs(actor), caseId.data, sensitive);
    return buttonReply(reader, result);
  }
  const checked = await caseToTriage(dependencies, whoIs(actor), caseId.data, step);
  if (checked.kind !== 'ready') return privately(plain(refusalText(reader, checked)));
  const { deviation, units } = checked;
  switch (step) {
    case 'accept':
      return { kind: 'form', form: acceptForm(reader, deviation) };
    case 'forward': {
      const targets = forwardTargets(units, deviation.facultyCode);
      if (targets.length === 0)
        return privately(plain(refusalText(reader, { kind: 'step_refused', deviation })));
      const options = targets.map((code) => ({
        value: code,
        label: facultyName(dependencies.config, code, reader.language),
      }));
      return { kind: 'form', form: forwardForm(reader, deviation, options) };
    }
    case 'reject':
    case 'redirect':
      return { kind: 'form', form: closingForm(reader, deviation, step) };
  }
}

async function triageSubmission(
  dependencies: DeviationDependencies,
  request: ModuleFormRequest,
  submission: FormSubmission,
): Promise<FormOutcome | null> {
  const { reader, actor } = request;
  const { formId, values } = submission;
  if (formId === triageForms.result) return { kind: 'close' };
  const known: readonly string[] = [
    triageForms.accept,
    triageForms.forward,
    triageForms.reject,
    triageForms.redirect,
  ];
  if (!known.includes(formId)) return null;
  const caseId = caseIdSchema.safeParse(submission.state);
  if (!caseId.success) return { kind: 'form', form: resultForm(reader, [reader.t.deviations.unknownCase]) };
  const who = whoIs(actor);
  let result: TriageResult;
  if (formId === triageForms.accept) {
    result = await acceptCase(dependencies, reader, who, caseId.data, {
      handlerEmail: textOf(values, triageFields.handler),
      note: textOf(values, triageFields.note),
    });
  } else if (formId === triageForms.forward) {
    result = await forwardCase(dependencies, reader, who, caseId.data, {
      facultyCode: textOf(values, triageFields.faculty),
      note: textOf(values, triageFields.note),
    });
  } else {
    const kind = formId === triageForms.reject ? 'reject' : 'redirect';
    result = await closeCase(dependencies, reader, who, caseId.data, kind, {
      reason: textOf(values, triageFields.reason),
    });
  }
  return formReply(reader, result);
}

/** A button's answer: the cards say what was done; only what went wrong is said to the person. */
function buttonReply(reader: Translator, result: TriageResult): BotReply {
  switch (result.kind) {
    case 'already_done':
      return { kind: 'none' };
    case 'errors':
      return privately(plain(Object.values(result.errors).join('\n')));
    case 'done':
      return result.problems.length === 0
        ? { kind: 'none' }
        : privately(plain([result.summary, ...result.problems].join('\n')));
    default:
      return privately(plain(refusalText(reader, result)));
  }
}

/** A form's answer: it closes when all went well (the cards show it), else it says what happened. */
function formReply(reader: Translator, result: TriageResult): FormOutcome {
  switch (result.kind) {
    case 'already_done':
      return { kind: 'close' };
    case 'errors':
      return { kind: 'errors', errors: result.errors };
    case 'done':
      return result.problems.length === 0
        ? { kind: 'close' }
        : { kind: 'form', form: resultForm(reader, [result.summary, ...result.problems]) };
    default:
      return { kind: 'form', form: resultForm(reader, [refusalText(reader, result)]) };
  }
}

function refusalText(reader: Translator, refusal: TriageRefusal): string {
  const texts = reader.t.deviations;
  switch (refusal.kind) {
    case 'unknown_case':
      return texts.unknownCase;
    case 'not_allowed':
      return texts.notAllowed;
    case 'step_refused':
      return texts.stepRefused({
        number: refusal.deviation.number,
        state: texts.state[refusal.deviation.state],
      });
  }
}
