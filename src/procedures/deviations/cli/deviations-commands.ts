import type { CliCommand } from '../../../cli/cli-io.js';
import { deviationsCoursesImportCommand } from './courses-import-command.js';
import { deviationsStatsCommand } from './stats-command.js';

/** The deviations procedure's commands, joined into the command line's list (src/cli/run-cli.ts). */
export const deviationsCommands: readonly CliCommand[] = [
  deviationsStatsCommand,
  deviationsCoursesImportCommand,
];
