import {
  describeProblem,
  type ExportProblem,
  ProgressExportError,
} from '../../../../src/procedures/at-risk/progress-export/export-problem.js';
import {
  type ReadOptions,
  readProgressExport,
} from '../../../../src/procedures/at-risk/progress-export/read-progress-export.js';

/**
 * The problems of a rejected file as the parser reports them (line, column,
 * reason); fails when the file is accepted or something other than a
 * ProgressExportError is thrown.
 */
export async function problemsOf(
  file: Uint8Array | string,
  options: ReadOptions = { fileName: 'export.csv' },
): Promise<readonly ExportProblem[]> {
  const bytes = typeof file === 'string' ? Buffer.from(file, 'utf8') : file;
  try {
    await readProgressExport(bytes, options);
  } catch (error) {
    if (error instanceof ProgressExportError) return error.problems;
    throw error;
  }
  throw new Error('the file was accepted');
}

/** The problem lines a rejected file gets in English, exactly as the command line prints them. */
export async function rejectionOf(
  file: Uint8Array | string,
  options: ReadOptions = { fileName: 'export.csv' },
): Promise<string[]> {
  return (await problemsOf(file, options)).map(describeProblem);
}

/** Reads a file given as UTF-8 text (or bytes) with default options. */
export function read(file: Uint8Array | string, options: ReadOptions = { fileName: 'export.csv' }) {
  return readProgressExport(typeof file === 'string' ? Buffer.from(file, 'utf8') : file, options);
}
