import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.js';
import { pgliteCopyIn, postgresCopyIn, registerCopyIn } from './copy-in.js';
import { lockEmbeddedDataFolder } from './embedded-data-lock.js';
import {
  applyMigrations,
  type MigrationReport,
  type MigrationSession,
} from './migrations/apply-migrations.js';
import { readMigrationFiles } from './migrations/migration-files.js';
import { compileWebAssemblyWithBaselineOnly, pgliteOptions } from './pglite-footprint.js';
import { pristineCopyFor, pristineDataFolderFile } from './pristine-data-folder.js';

export type DatabaseEngine = 'pglite' | 'postgresql';

export interface Database {
  readonly prisma: PrismaClient;
  readonly engine: DatabaseEngine;
  /** Where the data lives, safe to print: the data folder, or the URL without its password. */
  readonly location: string;
  readonly migrations: MigrationReport;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL server; when absent, the embedded PGlite in dataDir. */
  readonly databaseUrl?: string | undefined;
  /** The embedded database's folder, or `memory://` for a throwaway one (tests). */
  readonly dataDir: string;
  readonly migrationsFolder?: string;
  /**
   * A PostgreSQL connection failed outside any query (the server restarted,
   * failed over, or an administrator ended it). The pool replaces it; this
   * says so (a log line), so it never passes unseen.
   */
  readonly onConnectionError?: (error: Error) => void;
  /** What a new embedded database starts from; by default the build's (see pristine-data-folder.ts). */
  readonly pristineDataFolder?: string;
}

// An import of 100,000 students runs in one transaction; Prisma's default 5 s
// would abort it on a slow disk.
const transactionOptions = { maxWait: 30_000, timeout: 300_000 };

/** Opens the database, migrating it first, so callers always see the current schema. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const migrations = await readMigrationFiles(options.migrationsFolder);
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, migrations, options.onConnectionError ?? (() => {}))
    : openPglite(options.dataDir, options.pristineDataFolder ?? (await pristineDataFolderFile()), migrations);
}

async function openPostgres(
  databaseUrl: string,
  migrations: Awaited<ReturnType<typeof readMigrationFiles>>,
  onConnectionError: (error: Error) => void,
): Promise<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // A connection the server closes (a restart, a failover, an administrator)
  // is reported as an 'error' event, on the pool while idle and on the client
  // while it is ending; without a listener either would end the process. A
  // query under way still fails with the error; the pool opens a new connection.
  pool.on('error', onConnectionError);
  pool.on('connect', (client) => client.on('error', onConnectionError));
  const copyIn = postgresCopyIn(pool);
  let report: MigrationReport;
  try {
    const client = await pool.connect();
    try {
      report = await applyMigrations(pgSession(client), migrations);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions });
  registerCopyIn(prisma, copyIn);
  return {
    prisma,
    engine: 'postgresql',
    location: redactPassword(databaseUrl),
    migrations: report,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(
  dataDir: string,
  pristineDataFolder: string,
  migrations: Awaited<ReturnType<typeof readMigrationFiles>>,
): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const folder = inMemory ? dataDir : resolve(dataDir);
  const unlock = inMemory ? async () => {} : await lockEmbeddedDataFolder(folder);
  let pglite: PGlite | undefined;
  try {
    compileWebAssemblyWithBaselineOnly();
    const dataFolder = inMemory ? folder : join(folder, 'pglite');
    // A new database starts from the build's copy; without one (a checkout not built yet) PGlite runs initdb.
    const pristine = await pristineCopyFor(dataFolder, pristineDataFolder);
    pglite = await PGlite.create(dataFolder, {
      ...pgliteOptions(),
      ...(pristine ? { loadDataDir: pristine } : {}),
    });
    const report = await applyMigrations(pgliteSession(pglite), migrations);
    const copyIn = pgliteCopyIn(pglite);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions });
    registerCopyIn(prisma, copyIn);
    const openedPglite = pglite;
    return {
      prisma,
      engine: 'pglite',
      location: folder,
      migrations: report,
      async close() {
        await prisma.$disconnect();
        await openedPglite.close();
        await unlock();
      },
    };
  } catch (error) {
    await pglite?.close();
    await unlock();
    throw error;
  }
}

function pgSession(client: pg.PoolClient): MigrationSession {
  return {
    async exec(script) {
      await client.query(script);
    },
    async query(sql, params = []) {
      const result = await client.query(sql, [...params]);
      return result.rows;
    },
  };
}

function pgliteSession(pglite: PGlite): MigrationSession {
  return {
    async exec(script) {
      await pglite.exec(script);
    },
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await pglite.query<Row>(sql, [...params]);
      return result.rows;
    },
  };
}

export function redactPassword(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgresql://…';
  }
}
