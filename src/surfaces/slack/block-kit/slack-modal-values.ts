import { z } from 'zod';
import { collectValues, textAnswer } from '../../../messages/form-fields.js';
import type { Form, FormField, FormValues } from '../../../messages/message-model.js';

/**
 * Reading a modal submission (`view.state.values`, keyed by block_id then
 * action_id — both the field id here) back into the model's FormValues.
 * Each field's state is parsed with the schema of the element we rendered
 * for it, so a payload that does not match the form is refused, not guessed.
 */

export interface SlackUserDirectory {
  /** The e-mail address of a Slack user, or null when it is not known (FormValues name people by e-mail). */
  emailFor(slackUserId: string): string | null;
}

const selectedOption = z.object({ value: z.string() });

const elementStates = {
  text: z.object({ type: z.literal('plain_text_input'), value: z.string().nullish() }),
  select: z.object({ type: z.literal('static_select'), selected_option: selectedOption.nullish() }),
  multiselect: z.object({
    type: z.literal('multi_static_select'),
    selected_options: z.array(selectedOption),
  }),
  user: z.object({ type: z.literal('users_select'), selected_user: z.string().nullish() }),
  date: z.object({ type: z.literal('datepicker'), selected_date: z.string().nullish() }),
  checkbox: z.object({ type: z.literal('checkboxes'), selected_options: z.array(selectedOption) }),
} as const;

const stateValuesSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

/**
 * The field values of a submitted modal, in the form's field order. A
 * submission has every input; a click inside the modal (block_actions) has
 * the inputs as they are, so with `partial` a field Slack left out reads as
 * no answer.
 */
export function readSlackModalValues(
  form: Form,
  stateValues: unknown,
  users: SlackUserDirectory,
  options: { readonly partial?: boolean } = {},
): FormValues {
  const state = stateValuesSchema.parse(stateValues);
  return collectValues(form, (field) => {
    const element = state[field.id]?.[field.id];
    if (element === undefined) {
      if (options.partial) return noAnswer(field);
      throw submissionError(form, field, 'the submission has no value for it');
    }
    return fieldValue(form, field, element, users);
  });
}

function noAnswer(field: FormField): readonly string[] | boolean | null {
  if (field.kind === 'multiselect') return [];
  if (field.kind === 'checkbox') return false;
  return null;
}

/** The Slack user ids chosen in the form's user fields, for the surface to look up before reading the values. */
export function slackUserIdsIn(form: Form, stateValues: unknown): string[] {
  const state = stateValuesSchema.parse(stateValues);
  return form.fields.flatMap((field) => {
    if (field.kind !== 'user') return [];
    const parsed = elementStates.user.safeParse(state[field.id]?.[field.id]);
    return parsed.success && parsed.data.selected_user ? [parsed.data.selected_user] : [];
  });
}

function fieldValue(
  form: Form,
  field: FormField,
  element: unknown,
  users: SlackUserDirectory,
): string | readonly string[] | boolean | null {
  const parse = <T>(schema: z.ZodType<T>): T => {
    const parsed = schema.safeParse(element);
    if (!parsed.success) throw submissionError(form, field, z.prettifyError(parsed.error));
    return parsed.data;
  };
  switch (field.kind) {
    case 'text':
    case 'multiline':
      return textAnswer(parse(elementStates.text).value);
    case 'select':
      return textAnswer(parse(elementStates.select).selected_option?.value);
    case 'multiselect':
      return parse(elementStates.multiselect).selected_options.map((option) => option.value);
    case 'date':
      return textAnswer(parse(elementStates.date).selected_date);
    case 'checkbox':
      return parse(elementStates.checkbox).selected_options.some((option) => option.value === 'true');
    case 'user': {
      const userId = textAnswer(parse(elementStates.user).selected_user);
      if (userId === null) return null;
      const email = users.emailFor(userId);
      if (email === null)
        throw submissionError(form, field, `Slack user ${userId} has no e-mail address we know`);
      return email;
    }
  }
}

function submissionError(form: Form, field: FormField, problem: string): Error {
  return new Error(`Slack submission of form "${form.formId}", field "${field.id}": ${problem}`);
}
