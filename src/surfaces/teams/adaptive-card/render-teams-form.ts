import {
  checkFormDefinition,
  formDefinitionError,
  formActionElements as inFormActions,
  initialValueOf,
  optionsOf,
} from '../../../messages/form-fields.js';
import type { Form, FormField } from '../../../messages/message-model.js';
import {
  ADAPTIVE_CARD_SCHEMA,
  ADAPTIVE_CARD_VERSION,
  type AdaptiveCard,
  type CardElement,
  type CardInput,
  type InputChoiceSet,
  type TextBlock,
} from './adaptive-card-types.js';
import { formActionElements } from './teams-actions.js';
import { assemble, teamsPieces } from './teams-card-pieces.js';
import { byteLength, TEAMS_DIALOG_CARD_MAX_BYTES, TEAMS_EXPANDED_CHOICES_MAX } from './teams-limits.js';
import { escapeTeamsMarkdown, type MentionRegistry, markdownRuns, splitMarkdown } from './teams-markdown.js';

export interface TeamsFormContext {
  /**
   * Shown by Teams under a required field left empty, in the user's language
   * ("Skal udfyldes"). Without it Teams marks the field but says nothing.
   */
  readonly requiredFieldMessage?: string;
}

/**
 * A form as the Adaptive Card of a dialog (task module): the intro, the
 * form's blocks (as in a message, their buttons and menus acting inside the
 * dialog: see `formActionElements`), then each field as an input whose id is
 * the field id; errors from a rejected submission stand in red under their
 * field. Dialogs submit with Action.Submit, whose data carries the form id
 * and state next to the inputs. The dialog's own title and close button come
 * from Teams (the surface sets the title from `form.title`). A dialog is one
 * card, never split: one over TEAMS_DIALOG_CARD_MAX_BYTES is refused, so the
 * procedure must page what it shows.
 */
export function renderTeamsForm(form: Form, context: TeamsFormContext): AdaptiveCard {
  checkFormDefinition(form);
  for (const field of form.fields) {
    if (field.kind !== 'multiselect') continue;
    // A multiselect's choices come back comma-separated: a comma inside a value would split it.
    const withComma = optionsOf(form, field).find((option) => option.value.includes(','));
    if (withComma)
      throw formDefinitionError(form, field, `the option value "${withComma.value}" has a comma.`);
  }
  // Mentions in a dialog would only be text: people are shown by name.
  const intro: CardElement[] =
    form.intro === undefined
      ? []
      : splitMarkdown(markdownRuns(form.intro, null, new Map()), new Map()).map((text) => ({
          type: 'TextBlock',
          text,
          wrap: true,
        }));
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body: [
      ...intro,
      ...blockElements(form),
      ...form.fields.flatMap((field) => fieldElements(form, field, context)),
    ],
    actions: [
      {
        type: 'Action.Submit',
        title: form.submitLabel,
        style: 'positive',
        data: { formId: form.formId, ...(form.state === undefined ? {} : { state: form.state }) },
      },
    ],
  };
  const size = byteLength(card);
  if (size > TEAMS_DIALOG_CARD_MAX_BYTES) {
    throw formDefinitionError(
      form,
      null,
      `its dialog card measures ${size} bytes, over ${TEAMS_DIALOG_CARD_MAX_BYTES}; show less at a time.`,
    );
  }
  return card;
}

/** The form's blocks in one card, people by name (a dialog cannot mention). */
function blockElements(form: Form): CardElement[] {
  const mentions: MentionRegistry = new Map();
  const context = { mentionFor: () => null, imageUrlFor: () => null, fileUrlFor: () => null };
  const pieces = (form.blocks ?? []).flatMap((block, index) =>
    teamsPieces(block, index, context, mentions, (elements, blockIndex) =>
      formActionElements(elements, blockIndex, form),
    ),
  );
  return assemble(pieces);
}

function fieldElements(form: Form, field: FormField, context: TeamsFormContext): CardElement[] {
  const hint: TextBlock[] =
    field.hint === undefined
      ? []
      : [
          {
            type: 'TextBlock',
            text: escapeTeamsMarkdown(field.hint),
            wrap: true,
            size: 'Small',
            isSubtle: true,
          },
        ];
  const error = form.errors?.[field.id];
  const errorBlock: TextBlock[] =
    error === undefined
      ? []
      : [{ type: 'TextBlock', text: escapeTeamsMarkdown(error), wrap: true, color: 'Attention' }];
  return [input(form, field, context), ...hint, ...errorBlock];
}

/**
 * Whether Teams may hold the field required. Adaptive Cards 1.5 checks every
 * required input before any Action.Submit, the form's own buttons included:
 * one empty required field would block a search or a page inside the form.
 * A form with buttons of its own therefore marks no field required on the
 * card; the core checks every field when the form is submitted, and says
 * under it what is missing.
 */
function requiredOnCard(form: Form, field: FormField): boolean {
  return !field.optional && inFormActions(form).length === 0;
}

function input(form: Form, field: FormField, context: TeamsFormContext): CardInput {
  const initial = initialValueOf(form, field);
  const text = initial.kind === 'text' ? initial.text : undefined;
  const required = requiredOnCard(form, field);
  const common = {
    id: field.id,
    label: field.label,
    ...(required ? { isRequired: true } : {}),
    ...(required && context.requiredFieldMessage !== undefined
      ? { errorMessage: context.requiredFieldMessage }
      : {}),
  };
  const placeholder = field.placeholder === undefined ? {} : { placeholder: field.placeholder };
  const value = text === undefined ? {} : { value: text };
  switch (field.kind) {
    case 'text':
    case 'multiline':
    case 'user':
      return {
        type: 'Input.Text',
        ...common,
        // The core names people by e-mail: a person is asked for by address.
        ...(field.kind === 'user' ? { style: 'Email' as const } : {}),
        ...(field.kind === 'multiline' ? { isMultiline: true as const } : {}),
        ...placeholder,
        ...value,
        ...(field.maxLength === undefined ? {} : { maxLength: field.maxLength }),
      };
    case 'select':
    case 'multiselect': {
      const options = optionsOf(form, field);
      const multiple = field.kind === 'multiselect';
      const chosen = initial.kind === 'list' ? initial.values : [];
      return {
        type: 'Input.ChoiceSet',
        ...common,
        style: choiceSetStyle(field, options.length),
        ...(multiple ? { isMultiSelect: true as const } : {}),
        ...placeholder,
        choices: options.map((option) => ({ title: option.label, value: option.value })),
        ...(multiple ? (chosen.length === 0 ? {} : { value: chosen.join(',') }) : value),
      };
    }
    case 'date':
      return { type: 'Input.Date', ...common, ...placeholder, ...value };
    case 'checkbox':
      return {
        type: 'Input.Toggle',
        ...common,
        // The text beside the toggle: the placeholder when given, else the label again.
        title: field.placeholder ?? field.label,
        valueOn: 'true',
        valueOff: 'false',
        value: initial.kind === 'checked' && initial.checked ? 'true' : 'false',
      };
  }
}

/** A short multiselect as checkboxes; a searchable select narrowed by typing; any other a dropdown. */
function choiceSetStyle(field: FormField, optionCount: number): InputChoiceSet['style'] {
  if (field.kind === 'multiselect' && optionCount <= TEAMS_EXPANDED_CHOICES_MAX) return 'expanded';
  return field.searchable ? 'filtered' : 'compact';
}
