import type { ProcedureModuleFactory } from '../bot/module-environment.js';
import { atRisk } from '../procedures/at-risk/module.js';
import { deviations } from '../procedures/deviations/module.js';

/**
 * Every procedure the bot runs, in the order `help` lists them. A new
 * procedure is one line here; the bot and the surfaces learn its commands,
 * buttons, forms, files and jobs from the module itself.
 */
export const procedureModules: readonly ProcedureModuleFactory[] = [atRisk, deviations];
