import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/cli-io.js';
import { runCli } from '../../src/cli/run-cli.js';
import type { TestDatabaseTarget } from './test-database.js';

export interface CliResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output and a fixed clock. */
export async function runTrafiklys(
  argv: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd: string; now?: Date },
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: options.env ?? {},
    cwd: options.cwd,
    now: () => options.now ?? new Date('2026-04-06T08:00:00Z'),
  };
  const exitCode = await runCli(argv, io);
  return { exitCode, stdout, stderr };
}

/** Runs the built `trafiklys` binary (dist/), as `npx trafiklys` would. */
export function spawnTrafiklys(
  argv: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd: string },
): CliResult {
  const binary = join(import.meta.dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');
  const result = spawnSync(process.execPath, [binary, ...argv], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, ...options.env },
    encoding: 'utf8',
  });
  return { exitCode: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The environment that points the CLI at a test database. */
export function databaseEnv(target: TestDatabaseTarget): NodeJS.ProcessEnv {
  return target.options.databaseUrl
    ? { DATABASE_URL: target.options.databaseUrl }
    : { DATA_DIR: target.options.dataDir };
}
