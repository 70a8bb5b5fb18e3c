import { newFileRef } from '../../../src/messages/file-ref.js';
import type { FileRef, Message } from '../../../src/messages/message-model.js';

/** A small PDF-looking file (the renderers and stores do not read it). */
export function packPdf(): FileRef {
  return newFileRef({
    fileName: 'board-meeting-SN-DAT-2026-spring-da.pdf',
    mediaType: 'application/pdf',
    title: 'Til studienævnsmødet – forår 2026',
    bytes: new TextEncoder().encode('%PDF-1.7\n% the pack\n%%EOF\n'),
  });
}

/** The board-meeting pack's shape: a heading, a line and the PDF. */
export function messageWithFile(file: FileRef): Message {
  return {
    fallbackText: 'Til studienævnsmødet',
    blocks: [
      { type: 'heading', text: 'Til studienævnsmødet' },
      { type: 'text', content: ['Mails sendt: 52'] },
      { type: 'file', file },
    ],
  };
}
