import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.js';
import { defaultMigrationsFolder } from '../../src/storage/migrations/migration-files.js';
import {
  createTestDatabaseTarget,
  type TestDatabaseTarget,
  testDatabaseEngine,
} from '../support/test-database.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function copyOfMigrations(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'trafiklys-migrations-'));
  await cp(defaultMigrationsFolder(), folder, { recursive: true });
  cleanups.push(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

async function target(migrationsFolder: string): Promise<TestDatabaseTarget> {
  const created = await createTestDatabaseTarget({ migrationsFolder });
  cleanups.push(() => created.dispose());
  return created;
}

describe(`migrations at start-up (${testDatabaseEngine()})`, () => {
  it('a new database gets every migration, recorded like Prisma Migrate records them', async () => {
    const database = await openDatabase((await target(await copyOfMigrations())).options);
    try {
      expect(database.migrations.applied).toContain('20261123100000_initial');
      const history = await database.prisma.$queryRaw<
        { migration_name: string; checksum: string; steps: number }[]
      >`
        SELECT migration_name, checksum, applied_steps_count AS steps FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
      expect(history.map((row) => row.migration_name)).toContain('20261123100000_initial');
      expect(history.every((row) => /^[0-9a-f]{64}$/.test(row.checksum) && row.steps === 1)).toBe(true);
    } finally {
      await database.close();
    }
  });

  it('a second start applies nothing again', async () => {
    const { options } = await target(await copyOfMigrations());
    await (await openDatabase(options)).close();
    const again = await openDatabase(options);
    await again.close();
    expect(again.migrations.applied).toEqual([]);
    expect(again.migrations.alreadyApplied).toBeGreaterThan(0);
  });

  it('a migration edited after it was applied stops the start with its name', async () => {
    const folder = await copyOfMigrations();
    const { options } = await target(folder);
    await (await openDatabase(options)).close();
    await writeFile(join(folder, '20261123100000_initial', 'migration.sql'), '-- edited\n', { flag: 'a' });
    await expect(openDatabase(options)).rejects.toMatchObject({
      code: 'storage.migration_changed',
      message: expect.stringContaining('migration 20261123100000_initial was changed after it was applied'),
    });
  });

  it('a failing migration is rolled back whole and not recorded', async () => {
    const folder = await copyOfMigrations();
    await cp(join(folder, '20261123100000_initial'), join(folder, '99991231000000_broken'), {
      recursive: true,
    });
    await writeFile(
      join(folder, '99991231000000_broken', 'migration.sql'),
      'CREATE TABLE "half_done" (id INT);\nALTER TABLE "no_such_table" ADD COLUMN x INT;\n',
    );
    const { options } = await target(folder);
    await expect(openDatabase(options)).rejects.toMatchObject({
      code: 'storage.migration_failed',
      message: expect.stringContaining('migration 99991231000000_broken failed and was rolled back'),
    });
    await rm(join(folder, '99991231000000_broken'), { recursive: true });
    const database = await openDatabase(options);
    try {
      const tables = await database.prisma.$queryRaw<{ count: bigint }[]>`
        SELECT count(*) AS count FROM information_schema.tables WHERE table_name = 'half_done'`;
      expect(Number(tables[0]?.count)).toBe(0);
      expect(database.migrations.applied).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
