import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/storage/database.js';
import { preparePristineDataFolder } from '../../src/storage/pristine-data-folder.js';

let folder: string;
/** A pristine copy with one extra table, so a database shows whether it started from it. */
let markedCopy: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-pristine-'));
  markedCopy = join(folder, 'marked.tar.gz');
  const pglite = await PGlite.create('memory://');
  try {
    await pglite.exec('CREATE TABLE started_from_the_marked_copy (); CHECKPOINT;');
    await writeFile(markedCopy, new Uint8Array(await (await pglite.dumpDataDir('gzip')).arrayBuffer()));
  } finally {
    await pglite.close();
  }
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function tables(database: Database): Promise<string[]> {
  const rows = await database.prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`;
  return rows.map((row) => row.name);
}

async function withDatabase<T>(
  options: Parameters<typeof openDatabase>[0],
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(options);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

describe('a new embedded database starts from the pristine data folder', () => {
  it('a new data folder is a copy of it, migrated on top; a later start opens what is there', async () => {
    const options = { dataDir: join(folder, 'data'), pristineDataFolder: markedCopy };

    const first = await withDatabase(options, async (database) => ({
      tables: await tables(database),
      migrated: database.migrations.applied.length,
    }));
    expect(first.tables).toContain('started_from_the_marked_copy');
    expect(first.tables).toContain('study_board');
    expect(first.migrated).toBeGreaterThan(0);

    const later = await withDatabase(options, async (database) => {
      await database.prisma.faculty.create({ data: { code: 'TECH', name: 'Technology' } });
      return { tables: await tables(database), migrated: database.migrations.applied.length };
    });
    expect(later).toEqual({ tables: first.tables, migrated: 0 });
    expect(await withDatabase(options, (database) => database.prisma.faculty.count())).toBe(1);
  });

  it('so does an in-memory one', async () => {
    const names = await withDatabase({ dataDir: 'memory://', pristineDataFolder: markedCopy }, tables);
    expect(names).toContain('started_from_the_marked_copy');
    expect(names).toContain('study_board');
  });

  it('without the copy (a checkout not built yet) PostgreSQL’s initdb creates the database', async () => {
    const names = await withDatabase(
      { dataDir: join(folder, 'unbuilt'), pristineDataFolder: join(folder, 'no-such-copy.tar.gz') },
      tables,
    );
    expect(names).not.toContain('started_from_the_marked_copy');
    expect(names).toContain('study_board');
  });

  it('the build prepares the copy once, and new databases start from it', async () => {
    const copy = join(folder, 'build', 'pristine.tar.gz');
    expect(await preparePristineDataFolder(copy)).toBe('prepared');
    const prepared = await stat(copy);
    expect(await preparePristineDataFolder(copy)).toBe('present');
    expect((await stat(copy)).mtimeMs).toBe(prepared.mtimeMs);

    const names = await withDatabase(
      { dataDir: join(folder, 'from-build'), pristineDataFolder: copy },
      tables,
    );
    expect(names).toContain('study_board');
  });
});
