import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, type DatabaseOptions, openDatabase } from '../../src/storage/database.js';

/**
 * Where a test's database lives. Without DATABASE_URL: a PGlite data folder in
 * a temp dir; with it (CI's second pass): a new database on that PostgreSQL
 * server. Either way it is the test's alone and removed by dispose().
 */
export interface TestDatabaseTarget {
  readonly options: DatabaseOptions;
  dispose(): Promise<void>;
}

export function testDatabaseEngine(): 'pglite' | 'postgresql' {
  return process.env.DATABASE_URL ? 'postgresql' : 'pglite';
}

export async function createTestDatabaseTarget(
  extra: Pick<DatabaseOptions, 'migrationsFolder'> = {},
): Promise<TestDatabaseTarget> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const folder = await mkdtemp(join(tmpdir(), 'trafiklys-test-'));
    return {
      options: { dataDir: folder, ...extra },
      dispose: () => rm(folder, { recursive: true, force: true }),
    };
  }
  const name = `trafiklys_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    options: { databaseUrl: url.toString(), dataDir: 'unused', ...extra },
    dispose: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** A fresh, migrated database for one test file; close() also removes it. */
export async function openTestDatabase(): Promise<Database> {
  if (!process.env.DATABASE_URL) return openDatabase({ dataDir: 'memory://' });
  const target = await createTestDatabaseTarget();
  const database = await openDatabase(target.options);
  return {
    ...database,
    async close() {
      await database.close();
      await target.dispose();
    },
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * One fresh, migrated database as two bot instances see it: two connection
 * pools on PostgreSQL; on PGlite, which one process holds alone, one handle
 * shared by both. close() closes everything and removes the database.
 */
export async function openSharedTestDatabase(): Promise<{
  readonly instances: readonly [Database, Database];
  close(): Promise<void>;
}> {
  if (!process.env.DATABASE_URL) {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { instances: [database, database], close: () => database.close() };
  }
  const target = await createTestDatabaseTarget();
  const first = await openDatabase(target.options).catch(async (error: unknown) => {
    await target.dispose();
    throw error;
  });
  const second = await openDatabase(target.options).catch(async (error: unknown) => {
    await first.close();
    await target.dispose();
    throw error;
  });
  return {
    instances: [first, second],
    async close() {
      await first.close();
      await second.close();
      await target.dispose();
    },
  };
}
