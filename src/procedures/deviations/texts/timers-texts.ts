import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { DeviationTextLanguage } from './text-languages.js';

/** The timers part's texts (filled in as the part is built). */
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the part is built
export interface TimersTexts {}

export const timersTexts: Readonly<Record<DeviationTextLanguage, (format: LocaleFormat) => TimersTexts>> = {
  nb: () => ({}),
  da: () => ({}),
  en: () => ({}),
};
