import { type AtRiskTexts, atRiskTexts } from '../../procedures/at-risk/texts/index.js';
import { type DeviationTexts, deviationTexts } from '../../procedures/deviations/texts/deviation-texts.js';
import type { Language } from '../languages.js';
import type { LocaleFormat } from '../locale-format.js';
import { joinSections } from './join-sections.js';

/**
 * The one list of procedures whose texts the bot speaks: each procedure
 * declares its catalogue section in its own folder (`src/procedures/<name>/texts/`),
 * and this list joins them to the core's texts (`catalogue.ts`). A new
 * procedure adds its section's interface to `extends` and its texts below.
 *
 * The list lives here rather than on `ProcedureModuleFactory` because texts
 * are needed where no module is created: a translator is made on first use,
 * by the surfaces, the command line and a rejected export's error alike,
 * while src/app creates the modules only once the configuration is parsed
 * and storage is open. And `t.reminder…` only type-checks if the catalogue's
 * type knows the section, which a list of modules made at run time cannot give.
 */
export interface ProcedureTexts extends AtRiskTexts, DeviationTexts {}

/** Every procedure's catalogue section in one language, made with that language's formats. */
export function procedureTexts(language: Language, format: LocaleFormat): ProcedureTexts {
  return joinSections(atRiskTexts[language](format), deviationTexts[language](format));
}
