import { createHash } from 'node:crypto';
import type { JournalCase } from './journal-case.js';

/**
 * A case's title and metadata and a line per document (name, type, size,
 * sha256), as the folder's case.json and the HTTP adapter's body hold them.
 */
export function caseDescription(journalCase: JournalCase): Record<string, unknown> {
  const { metadata } = journalCase;
  return {
    title: journalCase.title,
    kind: journalCase.kind,
    caseKey: journalCase.caseKey,
    cycleId: metadata.cycleId,
    board: metadata.board,
    programme: metadata.programme,
    period: metadata.period,
    ...(metadata.studentNumber === null ? {} : { studentNumber: metadata.studentNumber }),
    createdAt: journalCase.createdAt.toISOString(),
    documents: journalCase.documents.map((document) => ({
      fileName: document.fileName,
      mediaType: document.mediaType,
      description: document.description,
      bytes: document.content.byteLength,
      sha256: createHash('sha256').update(document.content).digest('hex'),
    })),
  };
}
