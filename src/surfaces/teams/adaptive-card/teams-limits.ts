/**
 * Microsoft Teams limits for bot messages with Adaptive Cards. The renderer
 * never truncates: it splits a message into several activities, or throws
 * when one indivisible piece (an image) cannot fit.
 */

/** Teams refuses a bot message over 40 KB ("Format your bot messages"; "Cards in Teams"). */
export const TEAMS_MESSAGE_MAX_BYTES = 40 * 1024;

/**
 * What one rendered activity may measure as `Buffer.byteLength(JSON.stringify(page))`.
 * The margin under 40 KB leaves room for what the surface adds to the
 * activity (type, conversation, recipient, replyToId…).
 */
export const TEAMS_ACTIVITY_MAX_BYTES = 38_000;

/**
 * A dialog's card (a task module's `continue` response). Teams documents no
 * size of its own for it; we hold it to a message's budget, since the same
 * clients render it and it is never split: the procedure pages what it shows.
 */
export const TEAMS_DIALOG_CARD_MAX_BYTES = TEAMS_ACTIVITY_MAX_BYTES;

/**
 * Long text is cut into TextBlocks of at most this many bytes, so a page
 * break never strands much unused room; ordinary paragraphs stay whole.
 */
export const TEAMS_TEXT_BLOCK_MAX_BYTES = 8_000;

/** Teams' host config shows at most 6 actions in an action set: more go in another set below. */
export const TEAMS_ACTIONS_PER_SET = 6;

/** The page-number suffix we reserve room for when measuring ("(999/999)"). */
export const TEAMS_PAGE_SUFFIX_RESERVE = ' (999/999)';

/** A multiselect with up to this many options shows them all as checkboxes; more use a dropdown. */
export const TEAMS_EXPANDED_CHOICES_MAX = 10;

/** The button that sends a menu's choice: cards have no "on change" in 1.5, and "OK" reads in every Nordic language. */
export const TEAMS_SELECT_SUBMIT_TITLE = 'OK';

export function byteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
