import { atRiskConfigSection } from '../procedures/at-risk/config-section.js';
import { deviationsConfigSection } from '../procedures/deviations/config-section.js';

/**
 * Every procedure's section of the configuration file, the one list of them.
 * The configuration is read before any procedure module is made (the command
 * line reads it without a bot), so the sections are listed here, each
 * declared in its procedure's folder: a new procedure adds one line.
 */
export const procedureConfigSections = [atRiskConfigSection, deviationsConfigSection] as const;
