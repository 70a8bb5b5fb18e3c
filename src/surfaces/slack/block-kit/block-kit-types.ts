/**
 * The subset of Slack Block Kit JSON this renderer emits, typed as it goes on
 * the wire (docs.slack.dev/reference/block-kit). Optional keys are left out
 * rather than set to undefined, so a rendered object compares equal to the
 * JSON Slack receives.
 */

export interface SlackPlainText {
  readonly type: 'plain_text';
  readonly text: string;
}

export interface SlackMrkdwn {
  readonly type: 'mrkdwn';
  readonly text: string;
}

export interface SlackOption {
  readonly text: SlackPlainText;
  readonly value: string;
}

export interface SlackOptionGroup {
  readonly label: SlackPlainText;
  readonly options: readonly SlackOption[];
}

export interface SlackConfirm {
  readonly title: SlackPlainText;
  readonly text: SlackPlainText;
  readonly confirm: SlackPlainText;
  readonly deny: SlackPlainText;
  readonly style?: 'primary' | 'danger';
}

export interface SlackButton {
  readonly type: 'button';
  readonly action_id: string;
  readonly text: SlackPlainText;
  readonly value?: string;
  readonly style?: 'primary' | 'danger';
  readonly confirm?: SlackConfirm;
}

/** Either `options` (up to 100) or `option_groups` (for longer lists), never both. */
export type SlackOptionList =
  | { readonly options: readonly SlackOption[] }
  | { readonly option_groups: readonly SlackOptionGroup[] };

export type SlackStaticSelect = {
  readonly type: 'static_select';
  readonly action_id: string;
  readonly placeholder?: SlackPlainText;
  readonly initial_option?: SlackOption;
} & SlackOptionList;

export type SlackMultiStaticSelect = {
  readonly type: 'multi_static_select';
  readonly action_id: string;
  readonly placeholder?: SlackPlainText;
  readonly initial_options?: readonly SlackOption[];
} & SlackOptionList;

export interface SlackUsersSelect {
  readonly type: 'users_select';
  readonly action_id: string;
  readonly placeholder?: SlackPlainText;
  readonly initial_user?: string;
}

export interface SlackDatepicker {
  readonly type: 'datepicker';
  readonly action_id: string;
  readonly placeholder?: SlackPlainText;
  readonly initial_date?: string;
}

export interface SlackCheckboxes {
  readonly type: 'checkboxes';
  readonly action_id: string;
  readonly options: readonly SlackOption[];
  readonly initial_options?: readonly SlackOption[];
}

export interface SlackPlainTextInput {
  readonly type: 'plain_text_input';
  readonly action_id: string;
  readonly multiline?: boolean;
  readonly placeholder?: SlackPlainText;
  readonly initial_value?: string;
  readonly max_length?: number;
}

export type SlackActionElement = SlackButton | SlackStaticSelect;

export type SlackInputElement =
  | SlackPlainTextInput
  | SlackStaticSelect
  | SlackMultiStaticSelect
  | SlackUsersSelect
  | SlackDatepicker
  | SlackCheckboxes;

export interface SlackSectionBlock {
  readonly type: 'section';
  readonly text?: SlackMrkdwn;
  readonly fields?: readonly SlackMrkdwn[];
}

export interface SlackHeaderBlock {
  readonly type: 'header';
  readonly text: SlackPlainText;
}

export interface SlackContextBlock {
  readonly type: 'context';
  readonly elements: readonly SlackMrkdwn[];
}

export interface SlackActionsBlock {
  readonly type: 'actions';
  readonly elements: readonly SlackActionElement[];
}

export interface SlackImageBlock {
  readonly type: 'image';
  readonly image_url: string;
  readonly alt_text: string;
  readonly title?: SlackPlainText;
}

export interface SlackDividerBlock {
  readonly type: 'divider';
}

export interface SlackInputBlock {
  readonly type: 'input';
  readonly block_id: string;
  readonly label: SlackPlainText;
  readonly element: SlackInputElement;
  readonly hint?: SlackPlainText;
  readonly optional?: true;
}

/** Blocks a message may carry. */
export type SlackBlock =
  | SlackSectionBlock
  | SlackHeaderBlock
  | SlackContextBlock
  | SlackActionsBlock
  | SlackImageBlock
  | SlackDividerBlock;

/** Blocks a modal may carry: a message's (a form shows no images) and inputs. */
export type SlackModalBlock =
  | SlackSectionBlock
  | SlackHeaderBlock
  | SlackContextBlock
  | SlackActionsBlock
  | SlackDividerBlock
  | SlackInputBlock;

/** One chat.postMessage worth of a message: a Message splits into several when Slack's limits demand. */
export interface SlackMessagePage {
  /** Notification and fallback text (mrkdwn-escaped). */
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

/** A view for views.open / views.update / views.push. */
export interface SlackModalView {
  readonly type: 'modal';
  readonly callback_id: string;
  readonly title: SlackPlainText;
  readonly submit: SlackPlainText;
  readonly close: SlackPlainText;
  readonly private_metadata?: string;
  /** Our key for the view, unique in the workspace; Slack hands it back with the submission. */
  readonly external_id?: string;
  readonly blocks: readonly SlackModalBlock[];
}

/** The body of a view_submission acknowledgement that keeps the modal open and shows errors by block_id. */
export interface SlackViewErrorsResponse {
  readonly response_action: 'errors';
  readonly errors: Readonly<Record<string, string>>;
}

export const plainText = (text: string): SlackPlainText => ({ type: 'plain_text', text });
export const mrkdwn = (text: string): SlackMrkdwn => ({ type: 'mrkdwn', text });
