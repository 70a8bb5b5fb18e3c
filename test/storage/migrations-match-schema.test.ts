import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import {
  applyMigrationFolder,
  diffDatabaseToSchema,
  migrationsToSchemaDiff,
} from '../support/schema-engine.js';

// The migrations in prisma/migrations/ are written by hand and applied by the
// application itself, so nothing else keeps them in step with schema.prisma,
// which the Prisma client is generated from. Prisma's schema engine compares
// the database the migrations build with the one the schema describes.
describe('prisma/migrations and prisma/schema.prisma', () => {
  it('the SQL migrations create exactly the schema.prisma database', async () => {
    const missingMigration = await migrationsToSchemaDiff();

    expect(
      missingMigration,
      'schema.prisma describes a different database than the migrations create. ' +
        'Put this SQL in a new prisma/migrations/<timestamp>_<name>/migration.sql ' +
        `(or fix the schema):\n\n${missingMigration}`,
    ).toBe('');
  });

  it('a database that lacks a column of schema.prisma is reported, with the SQL that adds it', async () => {
    const db = await PGlite.create();
    try {
      await applyMigrationFolder(db);
      await db.exec('ALTER TABLE "student" DROP COLUMN "email"');

      const missingMigration = await diffDatabaseToSchema(db);

      expect(missingMigration).toMatch(/ALTER TABLE "student" ADD COLUMN\s+"email" TEXT;/);
    } finally {
      await db.close();
    }
  });
});
