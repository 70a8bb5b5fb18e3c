import type { Translator } from '../../../../i18n/translator.js';
import type { Message } from '../../../../messages/message-model.js';
import type { CalendarDate } from '../../../../shared/calendar-date.js';
import { fileSafeName } from '../../journal/file-safe-name.js';
import type { BoardMeetingFacts } from '../board-meeting-facts.js';
import { boardMeetingMessage } from './board-meeting-message.js';
import { boardMeetingPdf } from './board-meeting-pdf.js';

/** A file to post beside a message (the message model has no files of its own). */
export interface PackFile {
  readonly fileName: string;
  readonly mediaType: 'application/pdf';
  /** The PDF's title, for a surface that shows one beside the file. */
  readonly title: string;
  readonly bytes: Uint8Array;
}

/**
 * Procedure step 7, after dispatch: the summary for the board's next
 * meeting, as a chat message and a PDF with the same content, both in the
 * reader's language (a board's channel: the institution's).
 */
export async function boardMeetingPack(
  facts: BoardMeetingFacts,
  reader: Translator,
  madeOn: CalendarDate,
): Promise<{ readonly message: Message; readonly pdf: PackFile }> {
  const message = boardMeetingMessage(facts, reader);
  const { board, period } = facts;
  return {
    message,
    pdf: {
      fileName: `${fileSafeName(`board-meeting-${board.code}-${period.year}-${period.term}`)}-${reader.language}.pdf`,
      mediaType: 'application/pdf',
      title: message.fallbackText,
      bytes: await boardMeetingPdf(facts, reader, madeOn),
    },
  };
}
