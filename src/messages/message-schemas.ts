import { z } from 'zod';
import type { Block, Form, FormFieldKind } from './message-model.js';

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

const confirmation = z.object({
  title: z.string(),
  text: z.string(),
  confirmLabel: z.string(),
  denyLabel: z.string(),
});
export const actionElementSchema = z.union([
  z.object({
    type: z.literal('button'),
    actionId: z.string(),
    label: z.string(),
    value: z.string().optional(),
    style: z.enum(['primary', 'danger']).optional(),
    confirm: confirmation.optional(),
    opensForm: z.literal(true).optional(),
  }),
  z.object({
    type: z.literal('select'),
    actionId: z.string(),
    placeholder: z.string(),
    options: z.array(selectOptionSchema),
    initialValue: z.string().optional(),
  }),
]);

/** Every block but the image, which each store keeps its own way (the console by id; a form has none). */
export const blockSchemasWithoutImage = [
  z.object({ type: z.literal('heading'), text: z.string() }),
  z.object({ type: z.literal('text'), content: richTextSchema }),
  z.object({
    type: z.literal('facts'),
    facts: z.array(z.object({ label: z.string(), value: richTextSchema })),
  }),
  z.object({
    type: z.literal('table'),
    columns: z.array(z.object({ header: z.string(), align: z.enum(['left', 'right']).optional() })),
    rows: z.array(z.array(z.string())),
  }),
  z.object({ type: z.literal('actions'), elements: z.array(actionElementSchema) }),
  z.object({ type: z.literal('context'), content: richTextSchema }),
  z.object({ type: z.literal('divider') }),
] as const;

/** A form's blocks: no images (see Form). */
const formBlock: z.ZodType<Block> = z.union(blockSchemasWithoutImage);

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
  searchable: z.literal(true).optional(),
});

export const formSchema: z.ZodType<Form> = z.object({
  formId: z.string().min(1),
  title: z.string(),
  submitLabel: z.string(),
  cancelLabel: z.string(),
  state: z.string().optional(),
  intro: richTextSchema.optional(),
  blocks: z.array(formBlock).optional(),
  fields: z.array(formField),
  errors: z.record(z.string(), z.string()).optional(),
});
