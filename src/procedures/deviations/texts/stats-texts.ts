import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { DeviationTextLanguage } from './text-languages.js';

/** The stats part's texts (filled in as the part is built). */
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the part is built
export interface StatsTexts {}

export const statsTexts: Readonly<Record<DeviationTextLanguage, (format: LocaleFormat) => StatsTexts>> = {
  nb: () => ({}),
  da: () => ({}),
  en: () => ({}),
};
