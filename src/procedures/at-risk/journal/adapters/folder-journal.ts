import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { caseDescription } from '../case-description.js';
import { fileSafeName } from '../file-safe-name.js';
import { type JournalAdapter, type JournalCase, JournalFilingError } from '../journal-case.js';

/**
 * The folder export of the journal: a directory per case, for a records
 * system that imports folders or for a person who files them by hand.
 *
 *   <folder>/<board>-<year>-<term>/<case key>/case.json    title and metadata
 *                                             mail-1.eml   each mail, RFC 822
 *                                             *.csv        the lists
 *
 * Directory names are made from the board, the period and the case key
 * (a student number or a programme code), never from the title: only
 * case.json's `title` holds a CPR number. A case is written in a hidden
 * `.partial-…` directory beside its place and renamed into it when complete,
 * so a crash never leaves half a case under a case's name; a case whose
 * directory is already there was filed by an earlier attempt and is left as
 * it is (exactly once, however often a run is repeated).
 */
export function folderJournal(options: { readonly folder: string }): JournalAdapter {
  return {
    kind: 'folder',
    async file(journalCase) {
      const { metadata } = journalCase;
      const cycleFolder = join(
        options.folder,
        fileSafeName(`${metadata.board.code}-${metadata.period.year}-${metadata.period.term}`),
      );
      const caseName = fileSafeName(journalCase.caseKey);
      const caseFolder = join(cycleFolder, caseName);
      try {
        if (await exists(caseFolder)) return;
        await mkdir(cycleFolder, { recursive: true });
        await removeAbandonedPartials(cycleFolder, caseName);
        const partial = join(cycleFolder, `.partial-${caseName}-${randomBytes(4).toString('hex')}`);
        await mkdir(partial);
        await writeCase(partial, journalCase);
        try {
          await rename(partial, caseFolder);
        } catch (error) {
          // Filed meanwhile by an attempt whose record did not survive: that one stands.
          if (!isFileError(error, 'ENOTEMPTY') && !isFileError(error, 'EEXIST')) throw error;
          await rm(partial, { recursive: true, force: true });
          return;
        }
        await syncFolder(cycleFolder);
      } catch (error) {
        throw new JournalFilingError(
          'write_failed',
          `the case ${journalCase.caseKey} could not be written to ${options.folder}: ${describeFileError(error)}`,
        );
      }
    },
  };
}

async function writeCase(folder: string, journalCase: JournalCase): Promise<void> {
  for (const document of journalCase.documents) {
    await writeDurably(join(folder, fileSafeName(document.fileName)), document.content);
  }
  const description = `${JSON.stringify(caseDescription(journalCase), null, 2)}\n`;
  await writeDurably(join(folder, 'case.json'), new TextEncoder().encode(description));
  await syncFolder(folder);
}

/** Written and flushed to the disk before the case is renamed into place. */
async function writeDurably(path: string, content: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** So the rename itself survives a power cut; not every system lets a folder be opened (Windows), and that is fine. */
async function syncFolder(folder: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // best effort
  } finally {
    await handle?.close();
  }
}

/** What a process that died while writing this case left behind (the case's claim is ours now). */
async function removeAbandonedPartials(cycleFolder: string, caseName: string): Promise<void> {
  const prefix = `.partial-${caseName}-`;
  for (const entry of await readdir(cycleFolder)) {
    if (entry.startsWith(prefix)) await rm(join(cycleFolder, entry), { recursive: true, force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (isFileError(error, 'ENOENT')) return false;
    throw error;
  }
}

function isFileError(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

function describeFileError(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return `${error.code} (${error.message})`;
  }
  return error instanceof Error ? error.message : String(error);
}
