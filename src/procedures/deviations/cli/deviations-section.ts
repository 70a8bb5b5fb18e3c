import type { Runtime } from '../../../app/runtime.js';
import type { CliIo } from '../../../cli/cli-io.js';
import type { DeviationsConfig } from '../deviation-config.js';
import { PrismaDeviationStore } from '../storage/prisma-deviation-store.js';

/**
 * The deviations procedure as a command sees it: its section of the
 * configuration and its store. Null, with the reason written to stderr, when
 * the configuration has no `deviations:` (the procedure is off there).
 */
export function deviationsOfRuntime(
  runtime: Runtime,
  io: CliIo,
): { readonly section: DeviationsConfig; readonly store: PrismaDeviationStore } | null {
  const { loadedConfig } = runtime;
  const section = loadedConfig.config.deviations;
  if (section === null) {
    const source = loadedConfig.isDemo ? 'the built-in demo configuration' : loadedConfig.path;
    io.stderr.write(
      `error: ${source} has no deviations: section, so the deviation procedure is off. Add deviations: with the faculties' reportOwners and the whistleblowing route to use it.\n`,
    );
    return null;
  }
  // The holder names this process's claims on timers; the commands claim none.
  return { section, store: new PrismaDeviationStore(runtime.database.prisma, 'cli') };
}
