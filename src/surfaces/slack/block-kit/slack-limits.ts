/**
 * Slack Block Kit limits, as documented on docs.slack.dev (block and element
 * references) and in @slack/types 3.2 unless a line says otherwise. The
 * renderer never truncates content: it splits it, or throws when a string we
 * author ourselves (a label, a title) breaks a limit, because that is a bug.
 */

/** Blocks in one message (chat.postMessage `blocks`). */
export const SLACK_MESSAGE_MAX_BLOCKS = 50;

/**
 * Text characters in one message, all blocks together. Undocumented: Slack
 * answers `msg_blocks_too_long` at about 13,200 characters even when every
 * block is within its own limit (slackapi/bolt-js#2509, where Slack's SDK team
 * points at 12,000 text characters plus room for the block structure).
 */
export const SLACK_MESSAGE_MAX_TEXT_CHARACTERS = 12_000;

/** A message's top-level `text`: Slack truncates beyond this ("Truncating really long messages", 2018). */
export const SLACK_MESSAGE_TEXT_MAX_CHARACTERS = 40_000;

/** A section block's `text`. */
export const SLACK_SECTION_TEXT_MAX_CHARACTERS = 3_000;
/** Each of a section's `fields`, and how many a section may have. */
export const SLACK_SECTION_FIELD_MAX_CHARACTERS = 2_000;
export const SLACK_SECTION_MAX_FIELDS = 10;
/** A context block's mrkdwn element (a text object). */
export const SLACK_CONTEXT_TEXT_MAX_CHARACTERS = 3_000;
/** A header block's plain text. */
export const SLACK_HEADER_MAX_CHARACTERS = 150;

/** Elements in one actions block. */
export const SLACK_ACTIONS_MAX_ELEMENTS = 25;
export const SLACK_BUTTON_TEXT_MAX_CHARACTERS = 75;
export const SLACK_BUTTON_VALUE_MAX_CHARACTERS = 2_000;
export const SLACK_ACTION_ID_MAX_CHARACTERS = 255;
export const SLACK_PLACEHOLDER_MAX_CHARACTERS = 150;

/** Confirmation dialog object. */
export const SLACK_CONFIRM_TITLE_MAX_CHARACTERS = 100;
export const SLACK_CONFIRM_TEXT_MAX_CHARACTERS = 300;
export const SLACK_CONFIRM_BUTTON_MAX_CHARACTERS = 30;

/**
 * Select menus: `options` holds at most 100; `option_groups` holds at most 100
 * groups of at most 100 options each. Longer lists go into groups of 100.
 */
export const SLACK_SELECT_MAX_OPTIONS = 100;
export const SLACK_SELECT_MAX_OPTION_GROUPS = 100;
export const SLACK_OPTION_GROUP_MAX_OPTIONS = 100;
export const SLACK_OPTION_TEXT_MAX_CHARACTERS = 75;
export const SLACK_OPTION_VALUE_MAX_CHARACTERS = 150;
export const SLACK_OPTION_GROUP_LABEL_MAX_CHARACTERS = 75;

/** Image block. */
export const SLACK_IMAGE_URL_MAX_CHARACTERS = 3_000;
export const SLACK_IMAGE_ALT_TEXT_MAX_CHARACTERS = 2_000;
export const SLACK_IMAGE_TITLE_MAX_CHARACTERS = 2_000;

/** Modal views. */
export const SLACK_MODAL_MAX_BLOCKS = 100;
export const SLACK_MODAL_TITLE_MAX_CHARACTERS = 24;
export const SLACK_MODAL_BUTTON_MAX_CHARACTERS = 24;
export const SLACK_CALLBACK_ID_MAX_CHARACTERS = 255;
export const SLACK_PRIVATE_METADATA_MAX_CHARACTERS = 3_000;
export const SLACK_BLOCK_ID_MAX_CHARACTERS = 255;
export const SLACK_INPUT_LABEL_MAX_CHARACTERS = 2_000;
export const SLACK_INPUT_HINT_MAX_CHARACTERS = 2_000;
export const SLACK_PLAIN_TEXT_INPUT_MAX_LENGTH = 3_000;

/** Throws when a string we wrote ourselves is longer than Slack accepts: a bug to fix, not data to cut. */
export function requireSlackLength(text: string, max: number, what: string): string {
  if (text.length > max) {
    throw new Error(
      `${what} is ${text.length} characters; Slack accepts at most ${max}: "${text.slice(0, 60)}…"`,
    );
  }
  return text;
}
