import { safeLinkUrl } from '../../../messages/link-url.js';
import { markEachLine } from '../../../messages/mark-lines.js';
import type { Inline, PersonRef, RichText } from '../../../messages/message-model.js';
import { splitRuns, type TextRun } from '../../../messages/split-text.js';
import type { MentionEntity } from './adaptive-card-types.js';
import { TEAMS_TEXT_BLOCK_MAX_BYTES } from './teams-limits.js';

/**
 * The model's rich text as the Markdown subset Teams renders in TextBlocks and
 * facts: **bold**, _italic_, [links](url), and `<at>Name</at>` mentions backed
 * by an entity. Characters that would start formatting in text we did not
 * write are backslash-escaped (Teams honours CommonMark escapes), and a line
 * break is written as a blank line because a single "\n" is ignored.
 */

export interface TeamsMentionResolver {
  /** The person's Teams identity (user id, AAD object id or UPN) and the name a mention shows, or null when unknown. */
  mentionFor(person: PersonRef): { readonly id: string; readonly name: string } | null;
}

/** The mentions a card's texts use, by their `<at>` text: what goes in `msteams.entities`. */
export type MentionRegistry = Map<string, MentionEntity>;

export function escapeTeamsMarkdown(text: string): string {
  return text
    .replace(/[\\*_[\]`]/g, '\\$&')
    .replace(/^(\s*)([-+])(?=\s)/gm, '$1\\$2')
    .replace(/^(\s*)(\d+)\.(?=\s)/gm, '$1$2\\.')
    .replaceAll('\n', '\n\n');
}

interface Style {
  readonly bold?: boolean | undefined;
  readonly italic?: boolean | undefined;
}

/** Escaped text in Teams' markers, line by line, with surrounding spaces outside the markers. */
export function styledTeamsMarkdown(text: string, style: Style): string {
  // Teams ignores a single line break, so lines are joined by a blank line.
  return markEachLine(text, '\n\n', (core) => {
    let marked = escapeTeamsMarkdown(core);
    if (style.italic) marked = `_${marked}_`;
    if (style.bold) marked = `**${marked}**`;
    return marked;
  });
}

function linkTarget(url: string): string {
  return url.replaceAll('(', '%28').replaceAll(')', '%29').replaceAll(' ', '%20');
}

function run(inline: Inline, people: TeamsMentionResolver | null, mentions: MentionRegistry): TextRun {
  if (typeof inline === 'string') return { text: inline, render: escapeTeamsMarkdown };
  switch (inline.kind) {
    case 'styled':
      // Teams renders no inline code: code reads as ordinary text.
      return { text: inline.text, render: (text) => styledTeamsMarkdown(text, inline) };
    case 'link': {
      const url = safeLinkUrl(inline.url);
      if (url === null) return { text: inline.text, render: escapeTeamsMarkdown };
      return {
        text: inline.text,
        render: (text) => `[${escapeTeamsMarkdown(text)}](${linkTarget(url)})`,
        atomic: true,
      };
    }
    case 'mention': {
      const identity = people?.mentionFor(inline.person) ?? null;
      if (identity === null)
        return {
          text: inline.person.displayName,
          render: (text) => styledTeamsMarkdown(text, { bold: true }),
        };
      // A mention reads "@" + its text: the name Teams knows the person by.
      // The `<at>` text must equal the entity's text exactly, so it is not escaped; only the tag's own brackets go.
      const tag = `<at>${identity.name.replaceAll(/[<>]/g, '')}</at>`;
      if (!mentions.has(tag)) mentions.set(tag, { type: 'mention', text: tag, mentioned: identity });
      return { text: identity.name, render: () => tag, atomic: true };
    }
  }
}

export function markdownRuns(
  content: RichText,
  people: TeamsMentionResolver | null,
  mentions: MentionRegistry,
): TextRun[] {
  return content.map((inline) => run(inline, people, mentions));
}

export function markdownOf(
  content: RichText,
  people: TeamsMentionResolver | null,
  mentions: MentionRegistry,
): string {
  return markdownRuns(content, people, mentions)
    .map((piece) => piece.render(piece.text))
    .join('');
}

/** The entities whose `<at>` text occurs in `rendered`. */
export function mentionsIn(rendered: string, mentions: MentionRegistry): MentionEntity[] {
  return [...mentions.values()].filter((entity) => rendered.includes(entity.text));
}

/** Markdown chunks that each fit a TextBlock of TEAMS_TEXT_BLOCK_MAX_BYTES, counting the mentions they carry. */
export function splitMarkdown(runs: readonly TextRun[], mentions: MentionRegistry): string[] {
  return splitRuns(runs, {
    max: TEAMS_TEXT_BLOCK_MAX_BYTES,
    measure: (rendered) =>
      Buffer.byteLength(JSON.stringify(rendered)) +
      mentionsIn(rendered, mentions).reduce(
        (sum, entity) => sum + Buffer.byteLength(JSON.stringify(entity)),
        0,
      ),
  });
}
