import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { DeviationTextLanguage } from './text-languages.js';

/** The triage part's texts (filled in as the part is built). */
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the part is built
export interface TriageTexts {}

export const triageTexts: Readonly<Record<DeviationTextLanguage, (format: LocaleFormat) => TriageTexts>> = {
  nb: () => ({}),
  da: () => ({}),
  en: () => ({}),
};
