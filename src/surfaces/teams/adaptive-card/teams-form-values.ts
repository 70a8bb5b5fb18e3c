import { z } from 'zod';
import { collectValues, textAnswer } from '../../../messages/form-fields.js';
import type { Form, FormField, FormValues } from '../../../messages/message-model.js';

/**
 * Reading what Teams sends back from our cards. Card inputs always arrive as
 * strings: a multiselect as its values comma-separated, a toggle as "true" or
 * "false", an untouched optional input as "" or not at all.
 */

const dialogDataSchema = z.looseObject({ formId: z.string(), state: z.string().nullish() });
const inputValueSchema = z.string().optional();

/** The field values of a submitted dialog card (`activity.value.data`), in the form's field order. */
export function readTeamsFormValues(form: Form, data: unknown): FormValues {
  const submitted = dialogDataSchema.parse(data);
  if (submitted.formId !== form.formId) {
    throw new Error(`Teams submission is for form "${submitted.formId}", not "${form.formId}".`);
  }
  return collectValues(form, (field) => {
    const parsed = inputValueSchema.safeParse(submitted[field.id]);
    if (!parsed.success) throw submissionError(form, field, 'the value is not text');
    return fieldValue(form, field, parsed.data);
  });
}

function fieldValue(
  form: Form,
  field: FormField,
  raw: string | undefined,
): string | readonly string[] | boolean | null {
  switch (field.kind) {
    case 'multiselect':
      return raw === undefined || raw === '' ? [] : raw.split(',');
    case 'checkbox':
      if (raw === undefined || raw === 'false') return false;
      if (raw === 'true') return true;
      throw submissionError(form, field, `"${raw}" is neither "true" nor "false"`);
    case 'text':
    case 'multiline':
    case 'select':
    case 'user':
    case 'date':
      return textAnswer(raw);
  }
}

function submissionError(form: Form, field: FormField, problem: string): Error {
  return new Error(`Teams submission of form "${form.formId}", field "${field.id}": ${problem}`);
}

const dialogActionSchema = z.looseObject({
  formId: z.string(),
  actionId: z.string().min(1),
  actionValue: z.string().nullish(),
});

/**
 * A click inside a dialog (`task/submit` whose data names an action, see
 * `formActionElements`) with the dialog's inputs as they are; null when the
 * data is the dialog's own submission. A button's value travels in
 * `actionValue`, a menu's choice under the menu's id.
 */
export function readTeamsFormAction(
  form: Form,
  data: unknown,
): { readonly actionId: string; readonly value: string | null; readonly values: FormValues } | null {
  if (typeof data !== 'object' || data === null || !('actionId' in data)) return null;
  const parsed = dialogActionSchema.parse(data);
  const chosen = parsed[parsed.actionId];
  const value = parsed.actionValue ?? (typeof chosen === 'string' ? chosen : null);
  return { actionId: parsed.actionId, value: textAnswer(value), values: readTeamsFormValues(form, data) };
}

const cardActionDataSchema = z.looseObject({ actionId: z.string().min(1), value: z.string().nullish() });

/**
 * A click on one of our message cards (`activity.value.action.data` of an
 * `adaptiveCard/action` invoke): a button's value travels in `value`, a
 * menu's choice under the menu's id, which is its action id.
 */
export function readTeamsCardAction(data: unknown): {
  readonly actionId: string;
  readonly value: string | null;
} {
  const parsed = cardActionDataSchema.parse(data);
  const chosen = parsed[parsed.actionId];
  const value = parsed.value ?? (typeof chosen === 'string' ? chosen : null);
  return { actionId: parsed.actionId, value: textAnswer(value) };
}
