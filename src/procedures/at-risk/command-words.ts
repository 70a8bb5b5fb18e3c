import type { Language } from '../../i18n/languages.js';

/**
 * The at-risk procedure's command words per language, after `/trafiklys` (or
 * `@Trafiklys` on Teams). Any language's words are understood from anyone;
 * help, and a message that tells a reader what to type, show the reader's own.
 */
export const atRiskCommandWords = {
  remindNow: { da: 'remind now', en: 'remind now', nb: 'påminn nå' },
  status: { da: 'status', en: 'status', nb: 'status' },
  dispatch: { da: 'udsend', en: 'dispatch', nb: 'send ut' },
} as const satisfies Readonly<Record<string, Readonly<Record<Language, string>>>>;
