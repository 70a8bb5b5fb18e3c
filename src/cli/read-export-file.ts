import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exportFile } from '../procedures/at-risk/progress-export/export-source.js';
import type { ColumnAliases } from '../procedures/at-risk/progress-export/progress-row.js';
import {
  openProgressExport,
  type ProgressExportReading,
} from '../procedures/at-risk/progress-export/read-progress-export.js';
import { CodedError } from '../shared/coded-error.js';

/**
 * Opens an export named on the command line for reading as it is used (the
 * file is streamed, never held whole); errors name the path as the user typed it.
 */
export async function openExportFile(
  path: string,
  cwd: string,
  columnAliases: ColumnAliases | undefined,
): Promise<ProgressExportReading> {
  const fullPath = resolve(cwd, path);
  const reason = await unreadableBecause(fullPath);
  if (reason !== null) throw new CodedError('file.unreadable', `${path}: cannot read the file (${reason})`);
  return openProgressExport(exportFile(fullPath), {
    fileName: path,
    ...(columnAliases ? { columnAliases } : {}),
  });
}

/** Why the file cannot be read, checked before the reading starts; null when it can. */
async function unreadableBecause(fullPath: string): Promise<string | null> {
  try {
    await access(fullPath, constants.R_OK);
    return (await stat(fullPath)).isDirectory() ? 'it is a folder' : null;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'ENOENT'
      ? 'no such file'
      : String(error);
  }
}
