import type { Block, TableColumn } from '../../../messages/message-model.js';
import type { TextRun } from '../../../messages/split-text.js';
import type { SlackModalBlock, SlackSectionBlock } from './block-kit-types.js';
import { sections, slackBlocks } from './slack-message.js';
import { escapeMrkdwn, type SlackMentionResolver, styledMrkdwn } from './slack-mrkdwn.js';

/**
 * A form's blocks in a modal: as in a message, but a table is one section per
 * row. A modal is about 500 pixels wide, where the message renderer's padded
 * columns in a code block would wrap into an unreadable grid; each row reads
 * instead as its first column in bold, the second beside it, and the other
 * non-empty cells below as "header: value". Rows cost a block each, so a
 * form's table must be a page of a list (the modal's 100 blocks are checked).
 * Buttons and menus render as in a message: Slack sends their clicks as
 * block_actions that carry the view (see listeners/actions/view-action.ts).
 */
export function slackModalBlocks(block: Block, context: SlackMentionResolver): SlackModalBlock[] {
  if (block.type === 'table') return tableRowSections(block.columns, block.rows);
  if (block.type === 'image') throw new Error('A form cannot show an image.');
  // A form has no image, so no image URL is ever asked for.
  const blocks = slackBlocks(block, { ...context, imageUrlFor: () => null });
  return blocks.flatMap((rendered) => (rendered.type === 'image' ? [] : [rendered]));
}

function tableRowSections(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
): SlackSectionBlock[] {
  return rows.flatMap((row, index) => {
    if (row.length > columns.length) {
      throw new Error(`Table row ${index + 1} has ${row.length} cells for ${columns.length} columns.`);
    }
    const cells = columns.map((column, position) => ({
      header: column.header,
      cell: oneLine(row[position] ?? ''),
    }));
    const [first, second, ...rest] = cells;
    const runs: TextRun[] = [];
    if (first && first.cell !== '')
      runs.push({ text: first.cell, render: (text) => styledMrkdwn(text, { bold: true }) });
    if (second && second.cell !== '')
      runs.push({ text: `${runs.length > 0 ? '  ' : ''}${second.cell}`, render: escapeMrkdwn });
    const details = rest.filter(({ cell }) => cell !== '').map(({ header, cell }) => `${header}: ${cell}`);
    if (details.length > 0)
      runs.push({ text: `${runs.length > 0 ? '\n' : ''}${details.join(' · ')}`, render: escapeMrkdwn });
    return runs.length === 0 ? [] : sections(runs);
  });
}

/** A row's cell is one line: a line break inside it reads as a space. */
function oneLine(cell: string): string {
  return cell.replaceAll(/\s*\n\s*/g, ' ');
}
