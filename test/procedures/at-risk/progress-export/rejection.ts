import {
  describeProblem,
  ProgressExportError,
} from '../../../../src/procedures/at-risk/progress-export/export-problem.js';
import {
  type ReadOptions,
  readProgressExport,
} from '../../../../src/procedures/at-risk/progress-export/read-progress-export.js';

/**
 * The problem lines a rejected file gets, exactly as the person sees them;
 * fails when the file is accepted or something other than a
 * ProgressExportError is thrown.
 */
export async function rejectionOf(
  file: Uint8Array | string,
  options: ReadOptions = { fileName: 'export.csv' },
): Promise<string[]> {
  const bytes = typeof file === 'string' ? Buffer.from(file, 'utf8') : file;
  try {
    await readProgressExport(bytes, options);
  } catch (error) {
    if (error instanceof ProgressExportError) return error.problems.map(describeProblem);
    throw error;
  }
  throw new Error('the file was accepted');
}

/** Reads a file given as UTF-8 text (or bytes) with default options. */
export function read(file: Uint8Array | string, options: ReadOptions = { fileName: 'export.csv' }) {
  return readProgressExport(typeof file === 'string' ? Buffer.from(file, 'utf8') : file, options);
}
