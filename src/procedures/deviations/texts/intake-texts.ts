import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { DeviationTextLanguage } from './text-languages.js';

/** The intake part's texts (filled in as the part is built). */
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the part is built
export interface IntakeTexts {}

export const intakeTexts: Readonly<Record<DeviationTextLanguage, (format: LocaleFormat) => IntakeTexts>> = {
  nb: () => ({}),
  da: () => ({}),
  en: () => ({}),
};
