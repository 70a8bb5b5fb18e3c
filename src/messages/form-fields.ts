import type { ActionElement, Form, FormField, FormValues, SelectOption } from './message-model.js';

/**
 * What every surface needs to know about a form field beyond its shape: its
 * initial value read the way its kind says, and a submitted value normalised
 * the same way on every platform (blank text is null, an unticked box false).
 */

/** Keys the Teams and console renderers put next to the field values in a submission. */
export const reservedFieldIds: ReadonlySet<string> = new Set(['formId', 'state', 'actionId', 'actionValue']);

/** A form is written by us: a mistake in it is a bug, reported with the form's and the field's names. */
export function formDefinitionError(form: Form, field: FormField | null, problem: string): Error {
  const where = field === null ? `Form "${form.formId}"` : `Form "${form.formId}", field "${field.id}"`;
  return new Error(`${where}: ${problem}`);
}

/** Checks what every renderer relies on: unique, non-reserved ids and options where the kind needs them. */
export function checkFormDefinition(form: Form): void {
  const seen = new Set<string>();
  for (const field of form.fields) {
    if (field.id.length === 0) throw formDefinitionError(form, field, 'the field id is empty.');
    if (seen.has(field.id)) throw formDefinitionError(form, field, 'two fields have this id.');
    if (reservedFieldIds.has(field.id)) {
      throw formDefinitionError(form, field, `"${field.id}" is reserved for the submission itself.`);
    }
    seen.add(field.id);
    if (field.searchable && field.kind !== 'select')
      throw formDefinitionError(form, field, `only a select can be searchable, not a ${field.kind} field.`);
    optionsOf(form, field);
    initialValueOf(form, field);
  }
  checkFormBlocks(form, seen);
}

/** The buttons and menus of a form's blocks, which act inside the open form. */
export function formActionElements(form: Form): ActionElement[] {
  return (form.blocks ?? []).flatMap((block) => (block.type === 'actions' ? block.elements : []));
}

/**
 * A form's blocks show no image (a form is kept open as JSON, without picture
 * bytes), and a menu's action id names its value in a Teams or console
 * submission next to the fields', so it must be none of theirs.
 */
function checkFormBlocks(form: Form, fieldIds: ReadonlySet<string>): void {
  for (const block of form.blocks ?? []) {
    if (block.type === 'image') throw formDefinitionError(form, null, 'a form cannot show an image.');
    if (block.type === 'file') throw formDefinitionError(form, null, 'a form cannot carry a file.');
  }
  for (const element of formActionElements(form)) {
    if (element.type !== 'select') continue;
    if (fieldIds.has(element.actionId) || reservedFieldIds.has(element.actionId)) {
      throw formDefinitionError(
        form,
        null,
        `the menu "${element.actionId}" has the id of a field or of the submission itself.`,
      );
    }
  }
}

/** The options of a select or multiselect field (at least one), or an empty list for other kinds. */
export function optionsOf(form: Form, field: FormField): readonly SelectOption[] {
  if (field.kind !== 'select' && field.kind !== 'multiselect') return [];
  const options = field.options ?? [];
  if (options.length === 0) throw formDefinitionError(form, field, `a ${field.kind} field needs options.`);
  return options;
}

export type InitialValue =
  | { readonly kind: 'none' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'list'; readonly values: readonly string[] }
  | { readonly kind: 'checked'; readonly checked: boolean };

/** The field's initial value, checked against its kind (and, for selects, against its options). */
export function initialValueOf(form: Form, field: FormField): InitialValue {
  const value = field.initialValue;
  switch (field.kind) {
    case 'checkbox':
      if (value === undefined) return { kind: 'checked', checked: false };
      if (typeof value !== 'boolean')
        throw formDefinitionError(form, field, 'a checkbox starts as true or false.');
      return { kind: 'checked', checked: value };
    case 'multiselect': {
      if (value === undefined) return { kind: 'list', values: [] };
      if (typeof value === 'string' || typeof value === 'boolean') {
        throw formDefinitionError(form, field, 'a multiselect starts with a list of option values.');
      }
      for (const chosen of value) requireOption(form, field, chosen);
      return { kind: 'list', values: value };
    }
    case 'text':
    case 'multiline':
    case 'select':
    case 'user':
    case 'date':
      if (value === undefined || value === '') return { kind: 'none' };
      if (typeof value !== 'string')
        throw formDefinitionError(form, field, `a ${field.kind} field starts as text.`);
      if (field.kind === 'select') requireOption(form, field, value);
      return { kind: 'text', text: value };
  }
}

function requireOption(form: Form, field: FormField, value: string): void {
  if (!optionsOf(form, field).some((option) => option.value === value)) {
    throw formDefinitionError(form, field, `the initial value "${value}" is not one of the options.`);
  }
}

/** The option a value names, for surfaces that must echo the whole option back (Slack's initial_option). */
export function optionFor(form: Form, field: FormField, value: string): SelectOption {
  const option = optionsOf(form, field).find((candidate) => candidate.value === value);
  if (option === undefined) throw formDefinitionError(form, field, `"${value}" is not one of the options.`);
  return option;
}

/** Submitted text as the core sees it: an empty answer is no answer. */
export function textAnswer(text: string | null | undefined): string | null {
  return text === undefined || text === null || text === '' ? null : text;
}

/** Builds FormValues in the form's field order, so every surface yields the same object. */
export function collectValues(
  form: Form,
  valueFor: (field: FormField) => string | readonly string[] | boolean | null,
): FormValues {
  const values: Record<string, string | readonly string[] | boolean | null> = {};
  for (const field of form.fields) values[field.id] = valueFor(field);
  return values;
}
