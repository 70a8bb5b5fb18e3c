import { safeLinkUrl } from '../../../messages/link-url.js';
import { markEachLine } from '../../../messages/mark-lines.js';
import type { Inline, PersonRef, RichText } from '../../../messages/message-model.js';
import { characterCount, splitRuns, type TextRun } from '../../../messages/split-text.js';

/**
 * Slack mrkdwn for the model's rich text. Slack reads `&`, `<` and `>` as
 * control characters (links, mentions, @channel), so every piece of text we
 * did not write ourselves has them escaped; styling markers hug the words
 * (Slack ignores `* bold*`) and never span a line break.
 */

export interface SlackMentionResolver {
  /** The person's Slack user id (U…), or null when they have no Slack account we know of. */
  mentionFor(person: PersonRef): string | null;
}

/** Slack's three control characters as entities (docs.slack.dev "Formatting text: escaping"). */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

interface Style {
  readonly bold?: boolean | undefined;
  readonly italic?: boolean | undefined;
  readonly code?: boolean | undefined;
}

/** Escaped text wrapped in Slack's markers, line by line, with surrounding spaces kept outside the markers. */
export function styledMrkdwn(text: string, style: Style): string {
  return markEachLine(text, '\n', (core) => {
    let marked = escapeMrkdwn(core);
    if (style.code) marked = `\`${marked}\``;
    if (style.italic) marked = `_${marked}_`;
    if (style.bold) marked = `*${marked}*`;
    return marked;
  });
}

/** A link's URL inside `<url|text>`: the separator and angle brackets may not appear raw. */
function linkTarget(url: string): string {
  return url.replaceAll('&', '&amp;').replaceAll('<', '%3C').replaceAll('>', '%3E').replaceAll('|', '%7C');
}

function run(inline: Inline, people: SlackMentionResolver): TextRun {
  if (typeof inline === 'string') return { text: inline, render: escapeMrkdwn };
  switch (inline.kind) {
    case 'styled':
      return { text: inline.text, render: (text) => styledMrkdwn(text, inline) };
    case 'link': {
      const url = safeLinkUrl(inline.url);
      if (url === null) return { text: inline.text, render: escapeMrkdwn };
      return {
        text: inline.text,
        render: (text) => `<${linkTarget(url)}|${escapeMrkdwn(text)}>`,
        atomic: true,
      };
    }
    case 'mention': {
      const userId = people.mentionFor(inline.person);
      if (userId === null) {
        return { text: inline.person.displayName, render: (text) => styledMrkdwn(text, { bold: true }) };
      }
      return { text: inline.person.displayName, render: () => `<@${userId}>`, atomic: true };
    }
  }
}

export function mrkdwnRuns(content: RichText, people: SlackMentionResolver): TextRun[] {
  return content.map((inline) => run(inline, people));
}

/** The whole rich text as one mrkdwn string. */
export function mrkdwnOf(content: RichText, people: SlackMentionResolver): string {
  return mrkdwnRuns(content, people)
    .map((piece) => piece.render(piece.text))
    .join('');
}

/** Rich text as mrkdwn pieces of at most `max` characters each, split at line, else word, boundaries. */
export function splitMrkdwn(runs: readonly TextRun[], max: number): string[] {
  return splitRuns(runs, { max, measure: characterCount });
}
