import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CodedError } from '../shared/coded-error.js';

const lockFileName = 'trafiklys.pid';

/**
 * PGlite is PostgreSQL compiled into this process: two processes opening one
 * data folder would corrupt it. The first process writes its pid here; a second
 * one is refused with an explanation, and a lock left by a dead process is taken over.
 */
export async function lockEmbeddedDataFolder(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const lockPath = join(dataDir, lockFileName);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockPath, String(process.pid), { flag: 'wx' });
      return async () => {
        await rm(lockPath, { force: true });
      };
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      const holder = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
        throw new CodedError(
          'storage.data_folder_in_use',
          `the embedded database in ${dataDir} is in use by another Trafiklys process (pid ${holder}); stop it first, or set DATABASE_URL to a PostgreSQL server, which several processes can share`,
        );
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new CodedError('storage.data_folder_in_use', `could not lock the embedded database in ${dataDir}`);
}

function isAlreadyExists(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EEXIST';
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}
