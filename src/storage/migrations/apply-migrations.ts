import { randomUUID } from 'node:crypto';
import { CodedError } from '../../shared/coded-error.js';
import type { MigrationFile } from './migration-files.js';

/** The little a migration needs from a driver: scripts and parameterised queries on one session. */
export interface MigrationSession {
  exec(script: string): Promise<void>;
  query<Row extends Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly alreadyApplied: number;
}

// The same table Prisma Migrate keeps, so `prisma migrate status/deploy` on a
// machine that has the schema engine sees our history as its own.
const createHistoryTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// Several instances may start at once on one PostgreSQL: they queue on this
// lock so each migration runs exactly once. (Any constant; it names our lock.)
const migrationLockKey = 7_302_119_451;

interface HistoryRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

/**
 * Applies the migrations not yet applied, in order, each in its own
 * transaction, and records them. An applied migration whose file has since
 * changed is an error: the database would no longer match the files.
 */
export async function applyMigrations(
  session: MigrationSession,
  migrations: readonly MigrationFile[],
): Promise<MigrationReport> {
  await session.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
  try {
    await session.exec(createHistoryTable);
    const history = await session.query<HistoryRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const recorded = new Map(history.map((row) => [row.migration_name, row]));
    const applied: string[] = [];
    for (const migration of migrations) {
      const row = recorded.get(migration.name);
      if (row) {
        assertUnchanged(migration, row);
        continue;
      }
      await applyOne(session, migration);
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await session.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]);
  }
}

function assertUnchanged(migration: MigrationFile, row: HistoryRow): void {
  if (row.finished_at === null) {
    throw new CodedError(
      'storage.migration_failed',
      `migration ${migration.name} is recorded as started but never finished; repair the database, then mark it resolved (prisma migrate resolve)`,
    );
  }
  if (row.checksum !== migration.checksum) {
    throw new CodedError(
      'storage.migration_changed',
      `migration ${migration.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${migration.checksum.slice(0, 12)}… on disk); restore the file and put the change in a new migration`,
    );
  }
}

async function applyOne(session: MigrationSession, migration: MigrationFile): Promise<void> {
  const startedAt = new Date();
  await session.exec('BEGIN');
  try {
    await session.exec(migration.sql);
    await session.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, now(), 1)`,
      [randomUUID(), migration.checksum, migration.name, startedAt],
    );
    await session.exec('COMMIT');
  } catch (error) {
    await session.exec('ROLLBACK');
    const reason = error instanceof Error ? error.message : String(error);
    throw new CodedError(
      'storage.migration_failed',
      `migration ${migration.name} failed and was rolled back: ${reason}`,
    );
  }
}
