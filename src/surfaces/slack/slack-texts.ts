import type { SlackTexts } from '../../i18n/catalogue/catalogue.js';
import { translatorForLocale } from '../../i18n/translator.js';

export type { SlackTexts };

/**
 * The Slack surface's own sentences, from the message catalogue in the
 * reader's language; English where Slack did not tell the locale.
 */
export function slackTexts(locale: string | null): SlackTexts {
  return translatorForLocale(locale, 'en').t.surfaces.slack;
}
