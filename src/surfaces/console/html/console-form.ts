import { checkFormDefinition, initialValueOf, optionsOf } from '../../../messages/form-fields.js';
import type { Form, FormField } from '../../../messages/message-model.js';
import { type BlockPlace, type ConsoleRenderContext, consoleBlock, richTextHtml } from './console-message.js';
import { attributes, element, escapeHtml } from './html-escape.js';

/**
 * A form as an HTML `<form>` for the console's dialog: the intro, the form's
 * blocks (as in a message; their buttons and menus carry
 * `data-form-action-id` and act inside the open form, see the page's
 * script), then one labelled control per field, named by the field id,
 * `required` unless optional, with its hint and any error from a rejected
 * submission linked by aria-describedby. The page's script posts the values;
 * `readConsoleFormValues` reads them back.
 */
export function renderConsoleForm(form: Form, context: ConsoleRenderContext = noImages): string {
  checkFormDefinition(form);
  const parts = [
    element('h3', {}, escapeHtml(form.title)),
    ...(form.intro === undefined ? [] : [element('p', {}, richTextHtml(form.intro))]),
    ...(form.blocks ?? []).map((block) => consoleBlock(block, context, inForm)),
    ...form.fields.map((field) => fieldHtml(form, field)),
    element(
      'div',
      { class: 'form-actions' },
      element('button', { type: 'submit' }, escapeHtml(form.submitLabel)) +
        element('button', { type: 'button', 'data-form-cancel': true }, escapeHtml(form.cancelLabel)),
    ),
  ];
  return element(
    'form',
    { 'data-form-id': form.formId, 'data-state': form.state },
    `\n${parts.join('\n')}\n`,
  );
}

const inForm: BlockPlace = { actionAttribute: 'data-form-action-id', heading: 'h4' };

// A form shows no image or file (checkFormDefinition refuses them), so no URL is ever asked for.
const noImages: ConsoleRenderContext = {
  imageUrlFor: () => {
    throw new Error('a form shows no image');
  },
  fileUrlFor: () => {
    throw new Error('a form shows no file');
  },
};

function fieldHtml(form: Form, field: FormField): string {
  const id = `${form.formId}--${field.id}`;
  const hintId = `${id}--hint`;
  const errorId = `${id}--error`;
  const error = form.errors?.[field.id];
  const described = [field.hint === undefined ? null : hintId, error === undefined ? null : errorId].filter(
    (value) => value !== null,
  );
  const common = {
    id,
    name: field.id,
    required: !field.optional,
    'aria-describedby': described.length === 0 ? undefined : described.join(' '),
    'aria-invalid': error === undefined ? undefined : 'true',
  };
  const label = element('label', { for: id }, escapeHtml(field.label));
  const hint =
    field.hint === undefined ? '' : element('p', { class: 'hint', id: hintId }, escapeHtml(field.hint));
  const errorLine =
    error === undefined ? '' : element('p', { class: 'field-error', id: errorId }, escapeHtml(error));
  const control = controlHtml(form, field, common);
  const body = field.kind === 'checkbox' ? control + label : label + control;
  return element('div', { class: `field ${field.kind}` }, body + hint + errorLine);
}

type CommonAttributes = Readonly<Record<string, string | boolean | undefined>>;

function controlHtml(form: Form, field: FormField, common: CommonAttributes): string {
  const initial = initialValueOf(form, field);
  const text = initial.kind === 'text' ? initial.text : undefined;
  const placeholder = field.placeholder;
  switch (field.kind) {
    case 'text':
    case 'user':
    case 'date':
      return `<input${attributes({
        type: field.kind === 'user' ? 'email' : field.kind,
        ...common,
        value: text,
        placeholder,
        maxlength: field.maxLength,
      })}>`;
    case 'multiline':
      // HTML drops a newline right after <textarea>: one more keeps a leading blank line.
      return element(
        'textarea',
        { ...common, placeholder, maxlength: field.maxLength },
        (text?.startsWith('\n') ? '\n' : '') + escapeHtml(text ?? ''),
      );
    case 'select': {
      // An empty first entry: nothing is chosen until the person chooses, and `required` can tell.
      const none = element(
        'option',
        { value: '', selected: text === undefined },
        escapeHtml(placeholder ?? ''),
      );
      const options = optionsOf(form, field)
        .map((option) =>
          element(
            'option',
            { value: option.value, selected: option.value === text },
            escapeHtml(option.label),
          ),
        )
        .join('');
      const select = element('select', common, none + options);
      return field.searchable ? filterBox(field, String(common.id)) + select : select;
    }
    case 'multiselect': {
      const chosen = new Set(initial.kind === 'list' ? initial.values : []);
      const options = optionsOf(form, field)
        .map((option) =>
          element(
            'option',
            { value: option.value, selected: chosen.has(option.value) },
            escapeHtml(option.label),
          ),
        )
        .join('');
      return element('select', { ...common, multiple: true }, options);
    }
    case 'checkbox':
      return `<input${attributes({
        type: 'checkbox',
        ...common,
        value: 'true',
        checked: initial.kind === 'checked' && initial.checked,
      })}>`;
  }
}

/**
 * A searchable select's filter: typing narrows the list below it to the
 * options holding what was typed (the page's script; case and accents
 * ignored). It has no name, so it is not submitted.
 */
function filterBox(field: FormField, selectId: string): string {
  return `<input${attributes({
    type: 'search',
    class: 'option-filter',
    'data-filter-for': selectId,
    'aria-controls': selectId,
    'aria-label': field.label,
    placeholder: field.placeholder,
    autocomplete: 'off',
  })}>`;
}
