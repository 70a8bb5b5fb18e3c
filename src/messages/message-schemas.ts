import { z } from 'zod';
import type { Form, FormFieldKind } from './message-model.js';

/**
 * zod schemas of the neutral model, for what comes back from storage as JSON:
 * a row written by another version, or edited by hand, is parsed, never cast.
 */

const personRef = z.object({ email: z.string(), displayName: z.string() });
const inline = z.union([
  z.string(),
  z.object({
    kind: z.literal('styled'),
    text: z.string(),
    bold: z.boolean().optional(),
    italic: z.boolean().optional(),
    code: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('link'), text: z.string(), url: z.string() }),
  z.object({ kind: z.literal('mention'), person: personRef }),
]);
export const richTextSchema = z.array(inline);

export const selectOptionSchema = z.object({ label: z.string(), value: z.string() });

// Every FormFieldKind, checked both ways by the compiler: a kind added to the
// model and not here would otherwise make every form with it unreadable.
const formFieldKinds = {
  text: 'text',
  multiline: 'multiline',
  select: 'select',
  multiselect: 'multiselect',
  user: 'user',
  date: 'date',
  checkbox: 'checkbox',
} as const satisfies { readonly [Kind in FormFieldKind]: Kind };

const formField = z.object({
  id: z.string(),
  kind: z.enum(formFieldKinds),
  label: z.string(),
  hint: z.string().optional(),
  placeholder: z.string().optional(),
  optional: z.boolean().optional(),
  options: z.array(selectOptionSchema).optional(),
  initialValue: z.union([z.string(), z.array(z.string()), z.boolean()]).optional(),
  maxLength: z.number().int().positive().optional(),
});

export const formSchema: z.ZodType<Form> = z.object({
  formId: z.string().min(1),
  title: z.string(),
  submitLabel: z.string(),
  cancelLabel: z.string(),
  state: z.string().optional(),
  intro: richTextSchema.optional(),
  fields: z.array(formField),
  errors: z.record(z.string(), z.string()).optional(),
});
