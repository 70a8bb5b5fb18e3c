import { checkFormDefinition, initialValueOf, optionFor, optionsOf } from '../../../messages/form-fields.js';
import type { Form, FormField } from '../../../messages/message-model.js';
import {
  mrkdwn,
  plainText,
  type SlackContextBlock,
  type SlackInputBlock,
  type SlackInputElement,
  type SlackModalBlock,
  type SlackModalView,
  type SlackViewErrorsResponse,
} from './block-kit-types.js';
import { slackOption, slackOptionList, slackPlaceholder } from './slack-elements.js';
import {
  requireSlackLength,
  SLACK_BLOCK_ID_MAX_CHARACTERS,
  SLACK_CALLBACK_ID_MAX_CHARACTERS,
  SLACK_CONTEXT_TEXT_MAX_CHARACTERS,
  SLACK_INPUT_HINT_MAX_CHARACTERS,
  SLACK_INPUT_LABEL_MAX_CHARACTERS,
  SLACK_MODAL_BUTTON_MAX_CHARACTERS,
  SLACK_MODAL_MAX_BLOCKS,
  SLACK_MODAL_TITLE_MAX_CHARACTERS,
  SLACK_PLAIN_TEXT_INPUT_MAX_LENGTH,
  SLACK_PRIVATE_METADATA_MAX_CHARACTERS,
  SLACK_SECTION_TEXT_MAX_CHARACTERS,
} from './slack-limits.js';
import { slackModalBlocks } from './slack-modal-blocks.js';
import { escapeMrkdwn, mrkdwnRuns, type SlackMentionResolver, splitMrkdwn } from './slack-mrkdwn.js';

/** What a modal needs from the surface: Slack user ids for mentions in the intro and for initial users. */
export type SlackFormContext = SlackMentionResolver;

/**
 * A form as a modal view: the intro, the form's blocks (slack-modal-blocks),
 * then each field as an input block whose block_id and action_id are the
 * field id, so a submission reads back by field and `slackFormErrors` can
 * point Slack at the field an error belongs to. A submission's errors go back
 * that way; a form that carries `errors` of its own (the answer to a click
 * inside the modal, shown by views.update) has each drawn as small print under
 * its field, because Slack shows its own error lines only in answer to a
 * submission.
 */
export function renderSlackModal(form: Form, context: SlackFormContext): SlackModalView {
  checkFormDefinition(form);
  const where = `Form "${form.formId}"`;
  const intro: SlackModalBlock[] =
    form.intro === undefined
      ? []
      : splitMrkdwn(mrkdwnRuns(form.intro, context), SLACK_SECTION_TEXT_MAX_CHARACTERS).map((text) => ({
          type: 'section',
          text: mrkdwn(text),
        }));
  const content = (form.blocks ?? []).flatMap((block) => slackModalBlocks(block, context));
  const inputs = form.fields.flatMap((field) => [
    inputBlock(form, field, context),
    ...errorBlocks(form, field),
  ]);
  const blocks = [...intro, ...content, ...inputs];
  if (blocks.length > SLACK_MODAL_MAX_BLOCKS) {
    throw new Error(
      `${where} renders as ${blocks.length} blocks; a Slack modal holds at most ${SLACK_MODAL_MAX_BLOCKS}.`,
    );
  }
  const button = (text: string, what: string) =>
    plainText(requireSlackLength(text, SLACK_MODAL_BUTTON_MAX_CHARACTERS, `${where}: the ${what}`));
  return {
    type: 'modal',
    callback_id: requireSlackLength(form.formId, SLACK_CALLBACK_ID_MAX_CHARACTERS, `${where}: the form id`),
    title: plainText(requireSlackLength(form.title, SLACK_MODAL_TITLE_MAX_CHARACTERS, `${where}: the title`)),
    submit: button(form.submitLabel, 'submit label'),
    close: button(form.cancelLabel, 'cancel label'),
    ...(form.state === undefined
      ? {}
      : {
          private_metadata: requireSlackLength(
            form.state,
            SLACK_PRIVATE_METADATA_MAX_CHARACTERS,
            `${where}: the state`,
          ),
        }),
    blocks,
  };
}

/** The view_submission answer that keeps the modal open with each error under its field. */
export function slackFormErrors(errors: Readonly<Record<string, string>>): SlackViewErrorsResponse {
  return { response_action: 'errors', errors: { ...errors } };
}

function errorBlocks(form: Form, field: FormField): SlackContextBlock[] {
  const error = form.errors?.[field.id];
  if (error === undefined) return [];
  const warning = ':warning: ';
  return splitMrkdwn(
    [{ text: error, render: escapeMrkdwn }],
    SLACK_CONTEXT_TEXT_MAX_CHARACTERS - warning.length,
  ).map((text) => ({ type: 'context', elements: [mrkdwn(`${warning}${text}`)] }));
}

function inputBlock(form: Form, field: FormField, context: SlackFormContext): SlackInputBlock {
  const where = `Form "${form.formId}", field "${field.id}"`;
  return {
    type: 'input',
    block_id: requireSlackLength(field.id, SLACK_BLOCK_ID_MAX_CHARACTERS, `${where}: the id`),
    label: plainText(
      requireSlackLength(field.label, SLACK_INPUT_LABEL_MAX_CHARACTERS, `${where}: the label`),
    ),
    element: inputElement(form, field, context, where),
    ...(field.hint === undefined
      ? {}
      : {
          hint: plainText(
            requireSlackLength(field.hint, SLACK_INPUT_HINT_MAX_CHARACTERS, `${where}: the hint`),
          ),
        }),
    ...(field.optional ? { optional: true } : {}),
  };
}

function inputElement(
  form: Form,
  field: FormField,
  context: SlackFormContext,
  where: string,
): SlackInputElement {
  const initial = initialValueOf(form, field);
  const text = initial.kind === 'text' ? initial.text : undefined;
  const placeholder =
    field.placeholder === undefined ? {} : { placeholder: slackPlaceholder(field.placeholder, where) };
  switch (field.kind) {
    case 'text':
    case 'multiline': {
      if (field.maxLength !== undefined && field.maxLength > SLACK_PLAIN_TEXT_INPUT_MAX_LENGTH) {
        throw new Error(
          `${where}: maxLength ${field.maxLength}; Slack accepts at most ${SLACK_PLAIN_TEXT_INPUT_MAX_LENGTH}.`,
        );
      }
      return {
        type: 'plain_text_input',
        action_id: field.id,
        ...(field.kind === 'multiline' ? { multiline: true } : {}),
        ...placeholder,
        ...(text === undefined ? {} : { initial_value: text }),
        ...(field.maxLength === undefined ? {} : { max_length: field.maxLength }),
      };
    }
    case 'select':
      // Slack's menus filter as the person types, so a `searchable` select needs nothing more;
      // past 100 options they come in groups (slackOptionList).
      return {
        type: 'static_select',
        action_id: field.id,
        ...placeholder,
        ...slackOptionList(optionsOf(form, field), where),
        ...(text === undefined ? {} : { initial_option: slackOption(optionFor(form, field, text), where) }),
      };
    case 'multiselect': {
      const chosen = initial.kind === 'list' ? initial.values : [];
      return {
        type: 'multi_static_select',
        action_id: field.id,
        ...placeholder,
        ...slackOptionList(optionsOf(form, field), where),
        ...(chosen.length === 0
          ? {}
          : { initial_options: chosen.map((value) => slackOption(optionFor(form, field, value), where)) }),
      };
    }
    case 'user': {
      // The core names people by e-mail; a person Slack does not know starts the picker empty.
      const userId = text === undefined ? null : context.mentionFor({ email: text, displayName: text });
      return {
        type: 'users_select',
        action_id: field.id,
        ...placeholder,
        ...(userId === null ? {} : { initial_user: userId }),
      };
    }
    case 'date':
      return {
        type: 'datepicker',
        action_id: field.id,
        ...placeholder,
        ...(text === undefined ? {} : { initial_date: text }),
      };
    case 'checkbox': {
      // One box; the text beside it is the placeholder when given, else the label again.
      const box = slackOption({ label: field.placeholder ?? field.label, value: 'true' }, where);
      const checked = initial.kind === 'checked' && initial.checked;
      return {
        type: 'checkboxes',
        action_id: field.id,
        options: [box],
        ...(checked ? { initial_options: [box] } : {}),
      };
    }
  }
}
