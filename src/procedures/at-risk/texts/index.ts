import type { Language } from '../../../i18n/languages.js';
import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { AtRiskTexts } from './at-risk-texts.js';
import { danishAtRiskTexts } from './da.js';
import { englishAtRiskTexts } from './en.js';
import { norwegianAtRiskTexts } from './nb.js';

export type { AtRiskTexts } from './at-risk-texts.js';

/**
 * The at-risk procedure's catalogue section in every supported language, made
 * with that language's formats. Keyed by the language list, so a language
 * added in `src/i18n/languages.ts` needs its texts here too.
 */
export const atRiskTexts: Readonly<Record<Language, (format: LocaleFormat) => AtRiskTexts>> = {
  da: danishAtRiskTexts,
  en: englishAtRiskTexts,
  nb: norwegianAtRiskTexts,
};
