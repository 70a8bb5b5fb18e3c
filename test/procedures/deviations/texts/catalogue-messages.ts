import type { Catalogue } from '../../../../src/i18n/catalogue/catalogue.js';
import type { RichText } from '../../../../src/messages/message-model.js';

/** Calls every message function of the deviations catalogue texts with typical values, keyed by its path. */
export function catalogueMessages(t: Catalogue): Record<string, string | RichText> {
  const catalogue = t.deviations.catalogue;
  return {
    'deviations.catalogue.matches': catalogue.matches({ shown: 50, total: 312, search: 'TDT' }),
    'deviations.catalogue.noMatch': catalogue.noMatch({ search: 'kvantefysikk for katter' }),
    'deviations.catalogue.searchTooLong': catalogue.searchTooLong({ max: 100, length: 120 }),
  };
}
