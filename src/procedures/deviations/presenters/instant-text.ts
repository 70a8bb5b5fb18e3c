import type { Translator } from '../../../i18n/translator.js';

/** `12. mars 2026 kl. 14:05`-like: an instant in the institution's time zone, in the reader's locale. */
export function instantText(reader: Translator, instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(reader.locale, {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
}

/** `12. mars 2026`: the day an instant falls on in the institution's calendar. */
export function dayText(reader: Translator, instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(reader.locale, {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(instant);
}
