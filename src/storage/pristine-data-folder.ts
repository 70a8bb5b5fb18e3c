import { existsSync, openAsBlob } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { z } from 'zod';
import { packageRoot } from '../shared/package-root.js';
import { compileWebAssemblyWithBaselineOnly, pgliteOptions } from './pglite-footprint.js';

/**
 * A new embedded database is a copy of the data folder that PostgreSQL's
 * initdb leaves, made once by `npm run build` and kept in dist/. Without it,
 * PGlite runs initdb in the bot's own process on the first start, in a
 * second PostgreSQL instance next to the first: that start peaked at 690 MB
 * where a later one peaks at 310 MB. It is the same copy PGlite itself makes
 * (initdb in a scratch instance, then loadDataDir), made ahead of time. The
 * migrations are applied on top at every start as before, so the copy only
 * depends on PGlite's version, which its name carries.
 */
export async function pristineDataFolderFile(): Promise<string> {
  return join(packageRoot(), 'dist', 'pglite', `pristine-${await installedPgliteVersion()}.tar.gz`);
}

/**
 * What PGlite loads into `dataFolder` (its loadDataDir): the pristine copy in
 * `file` when the folder holds no database yet; null for a database that
 * exists, and when the build has not made the copy.
 */
export async function pristineCopyFor(dataFolder: string, file: string): Promise<Blob | null> {
  const isNew = dataFolder.startsWith('memory://') || !existsSync(join(dataFolder, 'PG_VERSION'));
  return isNew && existsSync(file) ? openAsBlob(file, { type: 'application/gzip' }) : null;
}

/**
 * Runs initdb in a throwaway in-memory PGlite and keeps its data folder in
 * `file` (written under another name and renamed, so a half-written file is
 * never taken for a whole one). Nothing happens if the file exists.
 */
export async function preparePristineDataFolder(file: string): Promise<'prepared' | 'present'> {
  if (existsSync(file)) return 'present';
  compileWebAssemblyWithBaselineOnly();
  const pglite = await PGlite.create('memory://', pgliteOptions());
  let dump: Blob;
  try {
    // Everything initdb wrote is in the data files, so the copy starts without replaying anything.
    await pglite.exec('CHECKPOINT');
    dump = await pglite.dumpDataDir('gzip');
  } finally {
    await pglite.close();
  }
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
  await rename(partial, file);
  return 'prepared';
}

const pgliteManifest = z.object({ version: z.string().min(1) });

async function installedPgliteVersion(): Promise<string> {
  // The package exports no package.json; it sits two folders above the entry point (dist/index.js).
  const entryPoint = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  const manifest = join(dirname(dirname(entryPoint)), 'package.json');
  return pgliteManifest.parse(JSON.parse(await readFile(manifest, 'utf8'))).version;
}
