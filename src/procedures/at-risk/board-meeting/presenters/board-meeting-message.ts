import type { Translator } from '../../../../i18n/translator.js';
import type { Block, Message } from '../../../../messages/message-model.js';
import type { BoardMeetingFacts } from '../board-meeting-facts.js';
import { boardMeetingContent } from './board-meeting-content.js';

/**
 * The pack as the chat message posted in the board's channel after
 * dispatch; the PDF with the same content goes beside it (the surface
 * attaches the file, see boardMeetingPack).
 */
export function boardMeetingMessage(facts: BoardMeetingFacts, reader: Translator): Message {
  const content = boardMeetingContent(facts, reader);
  const blocks: Block[] = [
    { type: 'heading', text: content.heading },
    { type: 'text', content: [content.intro] },
  ];
  for (const section of content.sections) {
    blocks.push({ type: 'text', content: [{ kind: 'styled', text: section.title, bold: true }] });
    if (section.table) {
      const [first = '', ...others] = section.table.header;
      blocks.push({
        type: 'table',
        columns: [{ header: first }, ...others.map((header) => ({ header, align: 'right' as const }))],
        rows: section.table.rows.map((row) => [row.label, ...row.figures]),
      });
    }
    if (section.lines.length > 0) blocks.push({ type: 'text', content: [section.lines.join('\n')] });
  }
  blocks.push({
    type: 'context',
    content: [[...content.notes, reader.t.boardMeeting.pdfAttached].join(' ')],
  });
  return { fallbackText: content.heading, blocks };
}
