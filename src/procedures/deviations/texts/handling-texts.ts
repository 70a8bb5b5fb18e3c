import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { DeviationTextLanguage } from './text-languages.js';

/** The handling part's texts (filled in as the part is built). */
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the part is built
export interface HandlingTexts {}

export const handlingTexts: Readonly<Record<DeviationTextLanguage, (format: LocaleFormat) => HandlingTexts>> =
  {
    nb: () => ({}),
    da: () => ({}),
    en: () => ({}),
  };
