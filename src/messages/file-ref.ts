import { randomBytes } from 'node:crypto';
import type { FileRef } from './message-model.js';

/**
 * A file for a message, with a fresh random id (32 bytes, base64url): a
 * download link that names it cannot be guessed from the file's content.
 */
export function newFileRef(file: Omit<FileRef, 'id'>): FileRef {
  return { id: randomBytes(32).toString('base64url'), ...file };
}

/** The ids newFileRef makes, as a route reads them from a path. */
export const fileIdPattern = /^[A-Za-z0-9_-]{43}$/;
