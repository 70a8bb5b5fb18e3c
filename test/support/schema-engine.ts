import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory, type ErrorRegistry } from '@prisma/driver-adapter-utils';
import * as engineRuntime from '@prisma/schema-engine-wasm/schema_engine_bg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

// Prisma's schema engine, run as WebAssembly so that schema diffs work offline:
// the 7.x CLI downloads a native engine binary for `prisma migrate diff`, the
// wasm build ships in the npm package. It reads the live database through a
// Prisma driver adapter, here PGlite (an in-memory PostgreSQL).
//
// @prisma/schema-engine-wasm 8.1.0-2.59be4fda… is the published build closest
// to prisma 7.10.1's own engine (8.1.0-1.d1b3f377…, bundled in the CLI but not
// published); both give the same diffs for our schema.

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const schemaFile = join(projectRoot, 'prisma', 'schema.prisma');
export const migrationsFolder = join(projectRoot, 'prisma', 'migrations');

// Our lib (es2024, no "dom") does not type the WebAssembly global; this is the
// part of it used here.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let loadedRuntime: Promise<typeof engineRuntime> | undefined;

/**
 * The package's own entry imports the .wasm as an ES module, which Node 24
 * does only as an experimental feature (with a warning on every run); so
 * compile it by hand and hand the instance to the generated JS glue. Once per
 * process: the glue holds a single instance.
 */
function loadEngineRuntime(): Promise<typeof engineRuntime> {
  loadedRuntime ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(join(dirname(gluePath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': engineRuntime });
    engineRuntime.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start !== 'function') throw new Error('schema engine wasm has no __wbindgen_start export');
    start();
    return engineRuntime;
  })();
  return loadedRuntime;
}

// On a Rust panic the glue calls `global.PRISMA_WASM_PANIC_REGISTRY.set_message`
// (Prisma's CLI defines it); without it the panic's message is lost behind a
// TypeError, and the caller only sees "RuntimeError: unreachable".
let lastPanicMessage: string | undefined;
if (!('PRISMA_WASM_PANIC_REGISTRY' in globalThis)) {
  Object.assign(globalThis, {
    PRISMA_WASM_PANIC_REGISTRY: {
      set_message(message: string) {
        lastPanicMessage = message;
      },
    },
  });
}

/** Runs every `prisma/migrations/<name>/migration.sql` in name order, the order Prisma Migrate uses. */
export async function applyMigrationFolder(db: PGlite, folder = migrationsFolder): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    const sql = await readFile(join(folder, name, 'migration.sql'), 'utf8');
    try {
      await db.exec(sql);
    } catch (error) {
      throw new Error(`migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }
  return names;
}

/**
 * The SQL script that would turn the database into the one `schema.prisma`
 * describes: exactly what `prisma migrate diff --from-config-datasource
 * --to-schema prisma/schema.prisma --script` prints. Empty when nothing differs.
 */
export async function diffDatabaseToSchema(db: PGlite, schemaPath = schemaFile): Promise<string> {
  const runtime = await loadEngineRuntime();
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(db));
  const schemaFiles = [{ path: schemaPath, content: await readFile(schemaPath, 'utf8') }];
  // The engine logs JSON lines (start-up, queries) through this callback; a diff does not need them.
  const ignoreEngineLog = () => {};
  let engine: engineRuntime.SchemaEngine | undefined;
  try {
    engine = await runtime.SchemaEngine.new({ datamodels: undefined }, ignoreEngineLog, adapterFactory);
    const result = await engine.diff({
      // `schemaDatasource` is the database behind the adapter; the files only
      // name the provider (the datasource block has no URL in Prisma 7).
      from: { tag: 'schemaDatasource', files: schemaFiles, configDir: projectRoot },
      to: { tag: 'schemaDatamodel', files: schemaFiles },
      script: true,
      // Asks for exit code 2 on a non-empty diff, so "no drift" does not hinge
      // on the wording of the engine's "-- This is an empty migration." comment.
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.exitCode === 2 ? (result.stdout ?? '') : '';
  } catch (error) {
    throw explainEngineError(error, adapterFactory.errorRegistry);
  } finally {
    engine?.free();
  }
}

/** Applies the migrations to a fresh in-memory database and diffs it against `schema.prisma`. */
export async function migrationsToSchemaDiff(
  folder = migrationsFolder,
  schemaPath = schemaFile,
): Promise<string> {
  const db = await PGlite.create();
  try {
    await applyMigrationFolder(db, folder);
    return await diffDatabaseToSchema(db, schemaPath);
  } finally {
    await db.close();
  }
}

/**
 * The engine reports a driver error as "External error id#N", the error itself
 * staying in the adapter's registry; and a panic as a bare "unreachable".
 * Put the real cause in front of the reader. (After a panic the wasm instance
 * is not to be trusted; the glue cannot be re-instantiated in the same process.)
 */
function explainEngineError(error: unknown, registry: ErrorRegistry): unknown {
  if (!(error instanceof Error)) return error;
  const externalId = /External error id#(\d+)/.exec(error.message)?.[1];
  const driverError = externalId === undefined ? undefined : registry.consumeError(Number(externalId));
  if (driverError) {
    const reason = driverError.error instanceof Error ? driverError.error.message : String(driverError.error);
    return new Error(`schema engine: the database failed: ${reason}\n${error.message}`, {
      cause: driverError.error,
    });
  }
  if (error.name === 'RuntimeError' && lastPanicMessage !== undefined) {
    const message = lastPanicMessage;
    lastPanicMessage = undefined;
    return new Error(`schema engine panicked: ${message}`, { cause: error });
  }
  return error;
}
