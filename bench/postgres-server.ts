/**
 * The PostgreSQL server the import stage measures against: DATABASE_URL, or a
 * local default. Each import gets a database of its own, created empty and
 * dropped afterwards, so runs never see each other's data.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { redactPassword } from '../src/storage/database.js';

export const defaultServerUrl = 'postgresql://postgres@127.0.0.1:5432/test';

export interface PostgresServer {
  /** Safe to print. */
  readonly location: string;
  readonly version: string;
  /** Creates an empty database, hands its URL to `work`, and drops it afterwards. */
  withFreshDatabase<T>(work: (databaseUrl: string) => Promise<T>): Promise<T>;
}

export type ServerConnection =
  | { readonly reachable: true; readonly server: PostgresServer }
  | { readonly reachable: false; readonly location: string; readonly reason: string };

export async function connectPostgresServer(serverUrl: string): Promise<ServerConnection> {
  const location = redactPassword(serverUrl);
  let version: string;
  try {
    const rows = await adminQuery<{ server_version: string }>(serverUrl, 'SHOW server_version');
    version = rows[0]?.server_version ?? 'unknown';
  } catch (error) {
    return { reachable: false, location, reason: error instanceof Error ? error.message : String(error) };
  }
  return {
    reachable: true,
    server: {
      location,
      version,
      async withFreshDatabase(work) {
        const name = `trafiklys_bench_${randomBytes(6).toString('hex')}`;
        await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
        try {
          const url = new URL(serverUrl);
          url.pathname = `/${name}`;
          return await work(url.toString());
        } finally {
          await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        }
      },
    },
  };
}

async function adminQuery<Row extends pg.QueryResultRow>(serverUrl: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}
