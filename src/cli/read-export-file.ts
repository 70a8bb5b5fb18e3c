import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ColumnAliases, ProgressExport } from '../procedures/at-risk/progress-export/progress-row.js';
import { readProgressExport } from '../procedures/at-risk/progress-export/read-progress-export.js';
import { CodedError } from '../shared/coded-error.js';

/** Reads an export named on the command line; errors name the path as the user typed it. */
export async function readExportFile(
  path: string,
  cwd: string,
  columnAliases: ColumnAliases | undefined,
): Promise<ProgressExport> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(cwd, path));
  } catch (error) {
    const reason =
      error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such file' : String(error);
    throw new CodedError('file.unreadable', `${path}: cannot read the file (${reason})`);
  }
  return readProgressExport(bytes, { fileName: path, ...(columnAliases ? { columnAliases } : {}) });
}
