import { safeLinkUrl } from '../../../messages/link-url.js';
import type {
  ActionElement,
  Block,
  ButtonElement,
  FileRef,
  ImageRef,
  Inline,
  Message,
  RichText,
  SelectElement,
} from '../../../messages/message-model.js';
import { attributes, element, escapeHtml } from './html-escape.js';

export interface ConsoleRenderContext {
  /** Where the console serves the image's PNG. */
  imageUrlFor(image: ImageRef): string;
  /** Where the console serves a file posted with a message (a download link). */
  fileUrlFor(file: Pick<FileRef, 'id' | 'fileName'>): string;
}

/**
 * A message as an HTML fragment for the console page. Semantic elements
 * only; every text and attribute value is escaped; buttons and menus carry
 * their action ids in data attributes for the page's script. No limits apply.
 */
export function renderConsoleMessage(message: Message, context: ConsoleRenderContext): string {
  return message.blocks.map((block) => consoleBlock(block, context, onMessage)).join('\n');
}

/**
 * Where a block is shown: in a message, whose buttons and menus act on the
 * message (`data-action-id`), or in a form's dialog, whose buttons and menus
 * act inside the open form (`data-form-action-id`) and whose headings rank
 * under the form's title.
 */
export interface BlockPlace {
  readonly actionAttribute: 'data-action-id' | 'data-form-action-id';
  readonly heading: 'h3' | 'h4';
}

const onMessage: BlockPlace = { actionAttribute: 'data-action-id', heading: 'h3' };

export function richTextHtml(content: RichText): string {
  return content.map(inlineHtml).join('');
}

function inlineHtml(inline: Inline): string {
  if (typeof inline === 'string') return lines(inline);
  switch (inline.kind) {
    case 'styled': {
      let html = lines(inline.text);
      if (inline.code) html = `<code>${html}</code>`;
      if (inline.italic) html = `<em>${html}</em>`;
      if (inline.bold) html = `<strong>${html}</strong>`;
      return html;
    }
    case 'link': {
      const url = safeLinkUrl(inline.url);
      if (url === null) return lines(inline.text);
      return element('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, lines(inline.text));
    }
    case 'mention':
      return element('span', { class: 'mention' }, `@${escapeHtml(inline.person.displayName)}`);
  }
}

/** Escaped text with its line breaks kept. */
function lines(text: string): string {
  return escapeHtml(text).replaceAll('\n', '<br>');
}

export function consoleBlock(block: Block, context: ConsoleRenderContext, place: BlockPlace): string {
  switch (block.type) {
    case 'heading':
      return element(place.heading, {}, escapeHtml(block.text));
    case 'text':
      return element('p', {}, richTextHtml(block.content));
    case 'context':
      return element('p', { class: 'context' }, richTextHtml(block.content));
    case 'facts':
      return element(
        'dl',
        {},
        block.facts
          .map(
            (fact) =>
              `${element('dt', {}, escapeHtml(fact.label))}${element('dd', {}, richTextHtml(fact.value))}`,
          )
          .join(''),
      );
    case 'table': {
      const numeric = (column: number) => (block.columns[column]?.align === 'right' ? 'num' : undefined);
      const head = block.columns
        .map((column, columnIndex) =>
          element('th', { scope: 'col', class: numeric(columnIndex) }, escapeHtml(column.header)),
        )
        .join('');
      const body = block.rows
        .map((row) =>
          element(
            'tr',
            {},
            block.columns
              .map((_, columnIndex) =>
                element('td', { class: numeric(columnIndex) }, escapeHtml(row[columnIndex] ?? '')),
              )
              .join(''),
          ),
        )
        .join('\n');
      return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}${body === '' ? '' : '\n'}</tbody>\n</table>`;
    }
    case 'image': {
      const image = `<img${attributes({
        src: context.imageUrlFor(block.image),
        alt: block.altText,
        width: block.image.width,
        height: block.image.height,
      })}>`;
      if (block.title === undefined) return image;
      return element('figure', {}, `${image}${element('figcaption', {}, escapeHtml(block.title))}`);
    }
    case 'file': {
      const link = element(
        'a',
        { href: context.fileUrlFor(block.file), download: block.file.fileName },
        `📎 ${escapeHtml(block.file.title)}`,
      );
      const name = element('span', { class: 'file-name' }, escapeHtml(block.file.fileName));
      return element('p', { class: 'file' }, `${link} ${name}`);
    }
    case 'actions':
      return element(
        'div',
        { class: 'actions', role: 'group' },
        block.elements.map((action) => actionHtml(action, place)).join(''),
      );
    case 'divider':
      return '<hr>';
  }
}

function actionHtml(action: ActionElement, place: BlockPlace): string {
  return action.type === 'button' ? buttonHtml(action, place) : selectHtml(action, place);
}

function buttonHtml(button: ButtonElement, place: BlockPlace): string {
  return element(
    'button',
    {
      type: 'button',
      class: button.style,
      [place.actionAttribute]: button.actionId,
      'data-value': button.value,
      'data-confirm-title': button.confirm?.title,
      'data-confirm-text': button.confirm?.text,
      'data-confirm-label': button.confirm?.confirmLabel,
      'data-deny-label': button.confirm?.denyLabel,
    },
    escapeHtml(button.label),
  );
}

/** A menu's placeholder is its accessible name and its first, unselectable entry. */
function selectHtml(select: SelectElement, place: BlockPlace): string {
  const placeholder = element(
    'option',
    { value: '', disabled: true, selected: select.initialValue === undefined },
    escapeHtml(select.placeholder),
  );
  const options = select.options
    .map((option) =>
      element(
        'option',
        { value: option.value, selected: option.value === select.initialValue },
        escapeHtml(option.label),
      ),
    )
    .join('');
  return element(
    'select',
    { [place.actionAttribute]: select.actionId, 'aria-label': select.placeholder },
    placeholder + options,
  );
}
