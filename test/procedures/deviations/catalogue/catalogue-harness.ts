import type { BotActor, FormOutcome } from '../../../../src/bot/bot-requests.js';
import type { Form, FormValues } from '../../../../src/messages/message-model.js';
import { catalogueActions } from '../../../../src/procedures/deviations/presenters/catalogue/unit-choice.js';
import type { intakeBot } from '../intake/intake-harness.js';

/** The report form's Search button pressed with the form's inputs as they are (`state` as the form carries it). */
export function pressSearch(
  bot: ReturnType<typeof intakeBot>,
  actor: BotActor,
  form: Form,
  values: FormValues,
  state: string | null = form.state ?? null,
): Promise<FormOutcome> {
  return bot.router.formAction(actor, {
    formId: form.formId,
    state,
    actionId: catalogueActions.search,
    value: null,
    values,
  });
}

/** A field of a form by id; the test fails when it is not there. */
export function fieldOf(form: Form, id: string) {
  const field = form.fields.find((candidate) => candidate.id === id);
  if (field === undefined)
    throw new Error(`the form has no field "${id}": ${form.fields.map((f) => f.id).join(', ')}`);
  return field;
}

/** The values a surface sends: every answer as she left it. */
export function answersOf(form: Form): FormValues {
  return Object.fromEntries(
    form.fields.map((field) => [
      field.id,
      field.initialValue === undefined ? (field.kind === 'checkbox' ? false : null) : field.initialValue,
    ]),
  );
}
