import type { TableColumn } from '../../../messages/message-model.js';
import { mrkdwn, type SlackSectionBlock } from './block-kit-types.js';
import { SLACK_SECTION_TEXT_MAX_CHARACTERS } from './slack-limits.js';
import { escapeMrkdwn } from './slack-mrkdwn.js';

/**
 * A table as monospaced text in code blocks: Block Kit's own table block
 * allows one per message and 100 rows, and a study board's list has 2,000.
 * Columns are padded to the widest cell of the whole table, so every section
 * lines up with the others; each section repeats the header; rows are never
 * split between sections.
 */
export function slackTableSections(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
): SlackSectionBlock[] {
  const cells = rows.map((row, index) => {
    if (row.length > columns.length) {
      throw new Error(`Table row ${index + 1} has ${row.length} cells for ${columns.length} columns.`);
    }
    return columns.map((_, column) => oneLine(row[column] ?? ''));
  });
  const header = columns.map((column) => oneLine(column.header));
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: readonly string[]) =>
    escapeMrkdwn(
      row
        .map((cell, column) => {
          const width = widths[column] ?? 0;
          return columns[column]?.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
        })
        .join('  ')
        .trimEnd(),
    );
  const head = [line(header), widths.map((width) => '-'.repeat(width)).join('  ')];
  const section = (lines: readonly string[]): SlackSectionBlock => ({
    type: 'section',
    text: mrkdwn(['```', ...head, ...lines, '```'].join('\n')),
  });
  const emptySize = ['```', ...head, '```'].join('\n').length;

  const sections: SlackSectionBlock[] = [];
  let lines: string[] = [];
  let size = emptySize;
  cells.forEach((row, index) => {
    const rowLine = line(row);
    if (emptySize + rowLine.length + 1 > SLACK_SECTION_TEXT_MAX_CHARACTERS) {
      throw new Error(
        `Table row ${index + 1} is ${rowLine.length} characters wide; with the header it does not fit one ` +
          `Slack section (${SLACK_SECTION_TEXT_MAX_CHARACTERS} characters).`,
      );
    }
    if (size + rowLine.length + 1 > SLACK_SECTION_TEXT_MAX_CHARACTERS) {
      sections.push(section(lines));
      lines = [];
      size = emptySize;
    }
    lines.push(rowLine);
    size += rowLine.length + 1;
  });
  if (lines.length > 0 || sections.length === 0) sections.push(section(lines));
  return sections;
}

/** A code block line is one line: a line break inside a cell reads as a space. */
function oneLine(cell: string): string {
  return cell.replaceAll(/\s*\n\s*/g, ' ');
}
