import type {
  ButtonElement,
  Confirmation,
  SelectElement,
  SelectOption,
} from '../../../messages/message-model.js';
import {
  plainText,
  type SlackButton,
  type SlackConfirm,
  type SlackOption,
  type SlackOptionList,
  type SlackStaticSelect,
} from './block-kit-types.js';
import {
  requireSlackLength,
  SLACK_ACTION_ID_MAX_CHARACTERS,
  SLACK_BUTTON_TEXT_MAX_CHARACTERS,
  SLACK_BUTTON_VALUE_MAX_CHARACTERS,
  SLACK_CONFIRM_BUTTON_MAX_CHARACTERS,
  SLACK_CONFIRM_TEXT_MAX_CHARACTERS,
  SLACK_CONFIRM_TITLE_MAX_CHARACTERS,
  SLACK_OPTION_GROUP_MAX_OPTIONS,
  SLACK_OPTION_TEXT_MAX_CHARACTERS,
  SLACK_OPTION_VALUE_MAX_CHARACTERS,
  SLACK_PLACEHOLDER_MAX_CHARACTERS,
  SLACK_SELECT_MAX_OPTION_GROUPS,
  SLACK_SELECT_MAX_OPTIONS,
} from './slack-limits.js';

/** Interactive elements shared by messages (actions blocks) and modals (input blocks). */

export function slackButton(button: ButtonElement): SlackButton {
  const where = `Button "${button.actionId}"`;
  requireSlackLength(button.actionId, SLACK_ACTION_ID_MAX_CHARACTERS, `${where}: the action id`);
  return {
    type: 'button',
    action_id: button.actionId,
    text: plainText(
      requireSlackLength(button.label, SLACK_BUTTON_TEXT_MAX_CHARACTERS, `${where}: the label`),
    ),
    ...(button.value === undefined
      ? {}
      : {
          value: requireSlackLength(button.value, SLACK_BUTTON_VALUE_MAX_CHARACTERS, `${where}: the value`),
        }),
    ...(button.style === undefined ? {} : { style: button.style }),
    ...(button.confirm === undefined ? {} : { confirm: slackConfirm(button.confirm, button.style, where) }),
  };
}

function slackConfirm(confirm: Confirmation, style: ButtonElement['style'], where: string): SlackConfirm {
  return {
    title: plainText(
      requireSlackLength(confirm.title, SLACK_CONFIRM_TITLE_MAX_CHARACTERS, `${where}: the title`),
    ),
    text: plainText(
      requireSlackLength(confirm.text, SLACK_CONFIRM_TEXT_MAX_CHARACTERS, `${where}: the text`),
    ),
    confirm: plainText(
      requireSlackLength(
        confirm.confirmLabel,
        SLACK_CONFIRM_BUTTON_MAX_CHARACTERS,
        `${where}: the confirm label`,
      ),
    ),
    deny: plainText(
      requireSlackLength(confirm.denyLabel, SLACK_CONFIRM_BUTTON_MAX_CHARACTERS, `${where}: the deny label`),
    ),
    // A dangerous action is confirmed with a red button too.
    ...(style === 'danger' ? { style: 'danger' as const } : {}),
  };
}

export function slackStaticSelect(select: SelectElement): SlackStaticSelect {
  const where = `Select "${select.actionId}"`;
  requireSlackLength(select.actionId, SLACK_ACTION_ID_MAX_CHARACTERS, `${where}: the action id`);
  const initial =
    select.initialValue === undefined ? undefined : optionNamed(select.options, select.initialValue);
  if (select.initialValue !== undefined && initial === undefined) {
    throw new Error(`${where}: the initial value "${select.initialValue}" is not one of the options.`);
  }
  return {
    type: 'static_select',
    action_id: select.actionId,
    placeholder: slackPlaceholder(select.placeholder, where),
    ...slackOptionList(select.options, where),
    ...(initial === undefined ? {} : { initial_option: slackOption(initial, where) }),
  };
}

export function slackPlaceholder(placeholder: string, where: string) {
  return plainText(
    requireSlackLength(placeholder, SLACK_PLACEHOLDER_MAX_CHARACTERS, `${where}: the placeholder`),
  );
}

export function slackOption(option: SelectOption, where: string): SlackOption {
  return {
    text: plainText(
      requireSlackLength(option.label, SLACK_OPTION_TEXT_MAX_CHARACTERS, `${where}: the option label`),
    ),
    value: requireSlackLength(option.value, SLACK_OPTION_VALUE_MAX_CHARACTERS, `${where}: the option value`),
  };
}

/**
 * Up to 100 options go in `options`. A longer list goes in `option_groups` of
 * 100 each, labelled by position ("101–200"): Slack allows 100 groups of 100,
 * and its menus filter as you type, so a long list stays usable. Past 10,000
 * options a static menu is the wrong tool, and we say so.
 */
export function slackOptionList(options: readonly SelectOption[], where: string): SlackOptionList {
  if (options.length === 0) throw new Error(`${where}: a select needs at least one option.`);
  const rendered = options.map((option) => slackOption(option, where));
  if (rendered.length <= SLACK_SELECT_MAX_OPTIONS) return { options: rendered };
  const capacity = SLACK_SELECT_MAX_OPTION_GROUPS * SLACK_OPTION_GROUP_MAX_OPTIONS;
  if (rendered.length > capacity) {
    throw new Error(`${where}: ${rendered.length} options; a Slack menu holds at most ${capacity}.`);
  }
  const groups = [];
  for (let start = 0; start < rendered.length; start += SLACK_OPTION_GROUP_MAX_OPTIONS) {
    const members = rendered.slice(start, start + SLACK_OPTION_GROUP_MAX_OPTIONS);
    groups.push({ label: plainText(`${start + 1}–${start + members.length}`), options: members });
  }
  return { option_groups: groups };
}

function optionNamed(options: readonly SelectOption[], value: string): SelectOption | undefined {
  return options.find((option) => option.value === value);
}
