import { resolve } from 'node:path';
import { type Environment, parseEnvironment } from '../config/environment.js';
import { type LoadedConfig, loadConfig } from '../config/load-config.js';
import { type CprCipher, createCprCipher } from '../security/cpr-cipher.js';
import { type Database, openDatabase } from '../storage/database.js';
import { mirrorInstitution } from '../storage/institution-mirror.js';
import { PrismaIdentificationStorage } from '../storage/prisma-identification-storage.js';

/** Everything a command or the server needs, opened once from env and config. */
export interface Runtime {
  readonly environment: Environment;
  readonly loadedConfig: LoadedConfig;
  readonly database: Database;
  readonly identificationStorage: PrismaIdentificationStorage;
  readonly cprCipher: CprCipher | null;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** --config on the command line */
  readonly configPath?: string | undefined;
  /** Where a PostgreSQL connection's failure outside a query is reported (see DatabaseOptions). */
  readonly onConnectionError?: (error: Error) => void;
  /** The environment, when the caller parsed it already (it is parsed here otherwise). */
  readonly environment?: Environment;
}

export async function openRuntime(options: RuntimeOptions): Promise<Runtime> {
  const environment = options.environment ?? parseEnvironment(options.env);
  const loadedConfig = await loadConfig({
    explicitPath: options.configPath,
    env: options.env,
    cwd: options.cwd,
  });
  const database = await openDatabase({
    databaseUrl: environment.DATABASE_URL,
    dataDir: resolve(options.cwd, environment.DATA_DIR),
    ...(options.onConnectionError ? { onConnectionError: options.onConnectionError } : {}),
  });
  try {
    await mirrorInstitution(database.prisma, loadedConfig.config);
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    environment,
    loadedConfig,
    database,
    identificationStorage: new PrismaIdentificationStorage(database.prisma),
    cprCipher: environment.TRAFIKLYS_CPR_KEY ? createCprCipher(environment.TRAFIKLYS_CPR_KEY) : null,
    close: () => database.close(),
  };
}

/** Where the data lives, in words: for the first line of a command's output. */
export function describeDatabase(database: Database): string {
  return database.engine === 'pglite'
    ? `the embedded database in ${database.location}`
    : `PostgreSQL at ${database.location}`;
}
