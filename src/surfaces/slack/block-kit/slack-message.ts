import type { ActionElement, Block, ImageRef, Message, RichText } from '../../../messages/message-model.js';
import { type GroupRole, type PageGroup, paginate } from '../../../messages/paginate.js';
import type { TextRun } from '../../../messages/split-text.js';
import {
  mrkdwn,
  plainText,
  type SlackActionElement,
  type SlackBlock,
  type SlackContextBlock,
  type SlackMessagePage,
  type SlackSectionBlock,
} from './block-kit-types.js';
import { slackButton, slackStaticSelect } from './slack-elements.js';
import {
  requireSlackLength,
  SLACK_ACTIONS_MAX_ELEMENTS,
  SLACK_CONTEXT_TEXT_MAX_CHARACTERS,
  SLACK_HEADER_MAX_CHARACTERS,
  SLACK_IMAGE_ALT_TEXT_MAX_CHARACTERS,
  SLACK_IMAGE_TITLE_MAX_CHARACTERS,
  SLACK_IMAGE_URL_MAX_CHARACTERS,
  SLACK_MESSAGE_MAX_BLOCKS,
  SLACK_MESSAGE_MAX_TEXT_CHARACTERS,
  SLACK_MESSAGE_TEXT_MAX_CHARACTERS,
  SLACK_SECTION_FIELD_MAX_CHARACTERS,
  SLACK_SECTION_MAX_FIELDS,
  SLACK_SECTION_TEXT_MAX_CHARACTERS,
} from './slack-limits.js';
import {
  escapeMrkdwn,
  mrkdwnOf,
  mrkdwnRuns,
  type SlackMentionResolver,
  splitMrkdwn,
  styledMrkdwn,
} from './slack-mrkdwn.js';
import { slackTableSections } from './slack-table.js';

export interface SlackRenderContext extends SlackMentionResolver {
  /** A public URL for the image when the surface has uploaded it, else null. */
  imageUrlFor(image: ImageRef): string | null;
}

/**
 * A message as Block Kit pages: one chat.postMessage each, in order. A
 * message that breaks Slack's limits is split, never cut: long text into
 * several sections, long tables into several code blocks, many blocks into
 * several pages.
 */
export function renderSlackMessage(message: Message, context: SlackRenderContext): SlackMessagePage[] {
  const groups = message.blocks.map((block) => slackGroup(block, context));
  const pages = paginate(groups, {
    limits: [SLACK_MESSAGE_MAX_BLOCKS, SLACK_MESSAGE_MAX_TEXT_CHARACTERS],
    cost: (block) => [1, textCharacters(block)],
  });
  if (pages.length === 0) return [{ text: fallbackText(message.fallbackText, ''), blocks: [] }];
  return pages.map((blocks, index) => ({
    text: fallbackText(message.fallbackText, pages.length > 1 ? ` (${index + 1}/${pages.length})` : ''),
    blocks,
  }));
}

function slackGroup(block: Block, context: SlackRenderContext): PageGroup<SlackBlock> {
  const role: GroupRole =
    block.type === 'heading' ? 'heading' : block.type === 'actions' ? 'actions' : 'content';
  return { role, items: slackBlocks(block, context) };
}

/** One model block as Block Kit blocks, in a message or (apart from tables, see slack-modal-blocks) a modal. */
export function slackBlocks(block: Block, context: SlackRenderContext): SlackBlock[] {
  switch (block.type) {
    case 'heading':
      if (block.text.length <= SLACK_HEADER_MAX_CHARACTERS)
        return [{ type: 'header', text: plainText(block.text) }];
      // Too long for a header: the same words as bold text, split like any text.
      return sections([{ text: block.text, render: (text) => styledMrkdwn(text, { bold: true }) }]);
    case 'text':
      return sections(mrkdwnRuns(block.content, context));
    case 'facts':
      return factSections(block.facts, context);
    case 'table':
      return slackTableSections(block.columns, block.rows);
    case 'image':
      return imageBlocks(block, context);
    // A file is uploaded into the channel right after the pages (SlackSurface), with its title.
    case 'file':
      return [];
    case 'actions':
      return actionsBlocks(block.elements);
    case 'context':
      return splitMrkdwn(mrkdwnRuns(block.content, context), SLACK_CONTEXT_TEXT_MAX_CHARACTERS).map(
        (text): SlackContextBlock => ({ type: 'context', elements: [mrkdwn(text)] }),
      );
    case 'divider':
      return [{ type: 'divider' }];
  }
}

export function sections(runs: readonly TextRun[]): SlackSectionBlock[] {
  return splitMrkdwn(runs, SLACK_SECTION_TEXT_MAX_CHARACTERS).map((text) => ({
    type: 'section',
    text: mrkdwn(text),
  }));
}

/**
 * Facts as a section's two-column fields ("*label*" over the value), ten to a
 * section; a fact too long for a field becomes ordinary text in its place.
 */
function factSections(
  facts: readonly { readonly label: string; readonly value: RichText }[],
  context: SlackRenderContext,
): SlackSectionBlock[] {
  const blocks: SlackSectionBlock[] = [];
  let fields: string[] = [];
  const flushFields = () => {
    if (fields.length > 0) blocks.push({ type: 'section', fields: fields.map(mrkdwn) });
    fields = [];
  };
  for (const fact of facts) {
    const label: TextRun = { text: fact.label, render: (text) => styledMrkdwn(text, { bold: true }) };
    const field = `${label.render(label.text)}\n${mrkdwnOf(fact.value, context)}`;
    if (field.length <= SLACK_SECTION_FIELD_MAX_CHARACTERS) {
      fields.push(field);
      if (fields.length === SLACK_SECTION_MAX_FIELDS) flushFields();
      continue;
    }
    flushFields();
    blocks.push(
      ...sections([label, { text: '\n', render: (text) => text }, ...mrkdwnRuns(fact.value, context)]),
    );
  }
  flushFields();
  return blocks;
}

/** An image block when the surface has a URL for the picture, else its description as small print. */
function imageBlocks(block: Extract<Block, { type: 'image' }>, context: SlackRenderContext): SlackBlock[] {
  const url = context.imageUrlFor(block.image);
  if (url === null) {
    const caption = block.title === undefined ? block.altText : `${block.title}: ${block.altText}`;
    return splitMrkdwn([{ text: caption, render: escapeMrkdwn }], SLACK_CONTEXT_TEXT_MAX_CHARACTERS).map(
      (text): SlackContextBlock => ({ type: 'context', elements: [mrkdwn(text)] }),
    );
  }
  const where = `Image ${block.image.id}`;
  const image: SlackBlock = {
    type: 'image',
    image_url: requireSlackLength(url, SLACK_IMAGE_URL_MAX_CHARACTERS, `${where}: the URL`),
    alt_text: requireSlackLength(
      block.altText,
      SLACK_IMAGE_ALT_TEXT_MAX_CHARACTERS,
      `${where}: the alt text`,
    ),
    ...(block.title === undefined
      ? {}
      : {
          title: plainText(
            requireSlackLength(block.title, SLACK_IMAGE_TITLE_MAX_CHARACTERS, `${where}: the title`),
          ),
        }),
  };
  return [image];
}

/** Buttons and menus, 25 to an actions block. */
function actionsBlocks(elements: readonly ActionElement[]): SlackBlock[] {
  const rendered: SlackActionElement[] = elements.map((element) =>
    element.type === 'button' ? slackButton(element) : slackStaticSelect(element),
  );
  const blocks: SlackBlock[] = [];
  for (let start = 0; start < rendered.length; start += SLACK_ACTIONS_MAX_ELEMENTS) {
    blocks.push({ type: 'actions', elements: rendered.slice(start, start + SLACK_ACTIONS_MAX_ELEMENTS) });
  }
  return blocks;
}

/** Characters of text a block shows: what counts towards Slack's per-message total. */
function textCharacters(block: SlackBlock): number {
  switch (block.type) {
    case 'section':
      return (
        (block.text?.text.length ?? 0) +
        (block.fields ?? []).reduce((sum, field) => sum + field.text.length, 0)
      );
    case 'header':
      return block.text.text.length;
    case 'context':
      return block.elements.reduce((sum, element) => sum + element.text.length, 0);
    case 'actions':
      // Menu options are left out: whether Slack counts them is unknown, and
      // counting them would make a long menu impossible to send at all.
      return block.elements.reduce(
        (sum, element) =>
          sum + (element.type === 'button' ? element.text.text : (element.placeholder?.text ?? '')).length,
        0,
      );
    case 'image':
      return block.alt_text.length + (block.title?.text.length ?? 0);
    case 'divider':
      return 0;
  }
}

/**
 * The notification text: the blocks carry the whole message, so a fallback
 * past Slack's 40,000 characters is shortened at a word with an ellipsis
 * rather than left for Slack to cut anywhere.
 */
function fallbackText(text: string, pageSuffix: string): string {
  const escaped = escapeMrkdwn(text);
  const room = SLACK_MESSAGE_TEXT_MAX_CHARACTERS - pageSuffix.length;
  if (escaped.length <= room) return escaped + pageSuffix;
  const head = escaped.slice(0, room - 1);
  const wordEnd = head.lastIndexOf(' ');
  return `${(wordEnd > 0 ? head.slice(0, wordEnd) : head.replace(/&[a-z]*$/, '')).trimEnd()}…${pageSuffix}`;
}
