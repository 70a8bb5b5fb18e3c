import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../../shared/package-root.js';

/** One folder of prisma/migrations/, as Prisma Migrate lays them out. */
export interface MigrationFile {
  readonly name: string;
  readonly sql: string;
  /** sha256 of migration.sql, hex: the checksum Prisma records in _prisma_migrations. */
  readonly checksum: string;
}

export function defaultMigrationsFolder(): string {
  return join(packageRoot(), 'prisma', 'migrations');
}

/** The migrations in the order they must be applied: by folder name (timestamp first). */
export async function readMigrationFiles(folder = defaultMigrationsFolder()): Promise<MigrationFile[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(folder, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}
