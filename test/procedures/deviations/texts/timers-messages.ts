import type { Catalogue } from '../../../../src/i18n/catalogue/catalogue.js';
import type { RichText } from '../../../../src/messages/message-model.js';

/** Calls every message function of the deviations timers texts with typical values, keyed by its path. */
export function timersMessages(_t: Catalogue): Record<string, string | RichText> {
  return {};
}
