import type { TeamsTexts } from '../../../i18n/catalogue/catalogue.js';
import { translatorForLocale } from '../../../i18n/translator.js';

export type { TeamsTexts };

/**
 * The Teams surface's own sentences, from the message catalogue in the
 * reader's language; English where Teams did not tell the locale.
 */
export function teamsTexts(locale: string | null | undefined): TeamsTexts {
  return translatorForLocale(locale ?? null, 'en').t.surfaces.teams;
}
