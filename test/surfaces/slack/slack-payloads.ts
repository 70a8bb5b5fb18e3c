import type { Form, Message } from '../../../src/messages/message-model.js';

/** A study board's channel. */
export const boardChannel = 'C0SNDAT';

/** A one-line answer from the core. */
export const reviewReady: Message = {
  fallbackText: 'The review list is ready',
  blocks: [{ type: 'text', content: ['The review list is ready.'] }],
};

/** A form the core might ask for. */
export const deviationForm: Form = {
  formId: 'at-risk.note',
  title: 'Note',
  submitLabel: 'Save',
  cancelLabel: 'Cancel',
  state: 'cycle-7',
  fields: [
    { id: 'note', kind: 'multiline', label: 'Note' },
    { id: 'meeting', kind: 'date', label: 'Meeting date', optional: true },
  ],
};

/**
 * Payloads shaped like Slack's own (docs.slack.dev "Slash commands",
 * "block_actions payload", "view_submission payload", "message" event with
 * subtype file_share), with the fields Trafiklys reads and the ones around them.
 */

let sequence = 0;
const next = () => {
  sequence += 1;
  return sequence;
};

export function slashCommand(fields: {
  readonly userId: string;
  readonly channelId: string;
  readonly text: string;
  readonly responseUrl: string;
  /** The command as typed, with its slash; `/trafiklys` unless a procedure's own. */
  readonly command?: string;
}): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: 'T0001',
    team_domain: 'test-university',
    channel_id: fields.channelId,
    channel_name: fields.channelId.startsWith('D') ? 'directmessage' : 'sn-dat-board',
    user_id: fields.userId,
    user_name: 'someone',
    command: fields.command ?? '/trafiklys',
    text: fields.text,
    api_app_id: 'A0001',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: `${next()}.1.trigger`,
  };
}

export function blockActions(fields: {
  readonly userId: string;
  readonly channelId: string;
  readonly actionId: string;
  readonly value: string;
  readonly responseUrl: string;
}): Record<string, unknown> {
  const messageTs = '1767225600.000100';
  return {
    type: 'block_actions',
    user: { id: fields.userId, username: 'someone', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: messageTs, channel_id: fields.channelId, is_ephemeral: false },
    trigger_id: `${next()}.1.trigger`,
    team: { id: 'T0001', domain: 'test-university' },
    channel: { id: fields.channelId, name: 'sn-dat-board' },
    message: { type: 'message', ts: messageTs, text: 'Review', blocks: [] },
    response_url: fields.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: fields.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'Review' },
        value: fields.value,
        action_ts: '1767225601.000200',
      },
    ],
  };
}

export function viewSubmission(fields: {
  readonly userId: string;
  readonly viewId: string;
  /** What the app set when it opened the view; Slack sends "" for a view without one. */
  readonly externalId?: string;
  readonly callbackId: string;
  readonly privateMetadata: string;
  readonly values: Record<string, Record<string, unknown>>;
}): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: 'T0001', domain: 'test-university' },
    user: { id: fields.userId, username: 'someone', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'deprecated-verification-token',
    trigger_id: `${next()}.1.trigger`,
    view: {
      id: fields.viewId,
      external_id: fields.externalId ?? '',
      team_id: 'T0001',
      type: 'modal',
      callback_id: fields.callbackId,
      private_metadata: fields.privateMetadata,
      title: { type: 'plain_text', text: 'Form' },
      blocks: [],
      state: { values: fields.values },
      hash: '1767225600.abc',
    },
    response_urls: [],
  };
}

export function eventCallback(
  event: Record<string, unknown>,
  eventId = `Ev${next()}`,
): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: 'T0001',
    api_app_id: 'A0001',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_767_225_600,
    authorizations: [{ team_id: 'T0001', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export function fileShareMessage(fields: {
  readonly userId: string;
  readonly channelId: string;
  readonly file: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    type: 'message',
    subtype: 'file_share',
    text: '',
    user: fields.userId,
    ts: '1767225700.000300',
    channel: fields.channelId,
    channel_type: 'channel',
    event_ts: '1767225700.000300',
    files: [fields.file],
    upload: false,
    display_as_bot: false,
  };
}

/** A block_actions payload from a button or a menu inside an open modal: the view comes along, no channel. */
export function viewBlockActions(fields: {
  readonly userId: string;
  readonly viewId: string;
  readonly hash: string;
  readonly externalId: string;
  readonly callbackId: string;
  readonly privateMetadata: string;
  readonly values: Record<string, Record<string, unknown>>;
  readonly action:
    | { readonly type: 'button'; readonly actionId: string; readonly value?: string }
    | { readonly type: 'static_select'; readonly actionId: string; readonly value: string };
}): Record<string, unknown> {
  const { action } = fields;
  return {
    type: 'block_actions',
    user: { id: fields.userId, username: 'someone', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'deprecated-verification-token',
    container: { type: 'view', view_id: fields.viewId },
    trigger_id: `${next()}.1.trigger`,
    team: { id: 'T0001', domain: 'test-university' },
    is_enterprise_install: false,
    view: {
      id: fields.viewId,
      team_id: 'T0001',
      type: 'modal',
      blocks: [],
      private_metadata: fields.privateMetadata,
      callback_id: fields.callbackId,
      state: { values: fields.values },
      hash: fields.hash,
      title: { type: 'plain_text', text: 'Form' },
      external_id: fields.externalId,
      root_view_id: fields.viewId,
      previous_view_id: null,
      app_id: 'A0001',
      bot_id: 'B0001',
    },
    actions: [
      action.type === 'button'
        ? {
            type: 'button',
            action_id: action.actionId,
            block_id: 'b1',
            text: { type: 'plain_text', text: 'Next' },
            ...(action.value === undefined ? {} : { value: action.value }),
            action_ts: '1767225601.000200',
          }
        : {
            type: 'static_select',
            action_id: action.actionId,
            block_id: 'b2',
            selected_option: { text: { type: 'plain_text', text: action.value }, value: action.value },
            placeholder: { type: 'plain_text', text: 'Choose' },
            action_ts: '1767225601.000300',
          },
    ],
  };
}
