import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/storage/database.js';

/**
 * A fresh, migrated database for one test file. Without DATABASE_URL it is an
 * in-memory PGlite; with it (CI's second pass) a new database on that
 * PostgreSQL server, dropped again on close, so test files never share state.
 */
export async function openTestDatabase(): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return openDatabase({ dataDir: 'memory://' });
  const name = `trafiklys_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused' });
  return {
    ...database,
    async close() {
      await database.close();
      await adminQuery(serverUrl, `DROP DATABASE "${name}" WITH (FORCE)`);
    },
  };
}

export function testDatabaseEngine(): 'pglite' | 'postgresql' {
  return process.env.DATABASE_URL ? 'postgresql' : 'pglite';
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
