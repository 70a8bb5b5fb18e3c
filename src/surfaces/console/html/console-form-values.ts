import { z } from 'zod';
import { collectValues, textAnswer } from '../../../messages/form-fields.js';
import type { Form, FormField, FormValues } from '../../../messages/message-model.js';

/**
 * The console page posts a form's controls by name: text as a string, a
 * multiple select as a list, a checkbox as a boolean. Plain HTML form posts
 * (checkbox "true"/"on" when ticked, absent when not) read the same way.
 */
const bodySchema = z.record(z.string(), z.union([z.string(), z.array(z.string()), z.boolean()]));

type Submitted = z.output<typeof bodySchema>[string] | undefined;

/** The field values of a submitted console form, in the form's field order. */
export function readConsoleFormValues(form: Form, body: unknown): FormValues {
  const submitted = bodySchema.parse(body);
  return collectValues(form, (field) => fieldValue(form, field, submitted[field.id]));
}

function fieldValue(
  form: Form,
  field: FormField,
  raw: Submitted,
): string | readonly string[] | boolean | null {
  switch (field.kind) {
    case 'multiselect':
      if (raw === undefined || raw === '') return [];
      if (typeof raw === 'string') return [raw];
      if (Array.isArray(raw)) return raw;
      throw submissionError(form, field, 'expected the chosen values');
    case 'checkbox':
      if (typeof raw === 'boolean') return raw;
      if (raw === undefined || raw === '' || raw === 'false') return false;
      if (raw === 'true' || raw === 'on') return true;
      throw submissionError(form, field, 'expected ticked or not');
    case 'text':
    case 'multiline':
    case 'select':
    case 'user':
    case 'date':
      if (raw === undefined || typeof raw === 'string') return textAnswer(raw);
      throw submissionError(form, field, 'expected text');
  }
}

function submissionError(form: Form, field: FormField, problem: string): Error {
  return new Error(`Console submission of form "${form.formId}", field "${field.id}": ${problem}`);
}
