import { openRuntime, type Runtime } from '../app/runtime.js';
import type { CliIo } from './cli-io.js';

/** Opens the runtime for one command and always closes it (the embedded database's lock with it). */
export async function withRuntime(
  io: CliIo,
  configPath: string | undefined,
  work: (runtime: Runtime) => Promise<number>,
): Promise<number> {
  const runtime = await openRuntime({
    env: io.env,
    cwd: io.cwd,
    configPath,
    onConnectionError: (error) =>
      io.stderr.write(
        `warning: a PostgreSQL connection failed (${error.message}); the command goes on with a new one\n`,
      ),
  });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

/** A first line that says which configuration was used, loudly when it is the demo. */
export function describeRuntimeConfig(runtime: Runtime): string {
  const { loadedConfig } = runtime;
  return loadedConfig.isDemo
    ? `Using the built-in demo configuration (${loadedConfig.config.institution.name}); create trafiklys.config.yaml or pass --config for your own.`
    : `Using ${loadedConfig.path} (${loadedConfig.config.institution.name}).`;
}
