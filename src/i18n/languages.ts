/**
 * The languages the bot speaks: Danish, English and Norwegian Bokmål. Adding
 * one (Swedish `sv`) means adding its code here and its catalogue file in
 * `catalogue/`; the translator's table of catalogues is typed by this list, so
 * the compiler asks for the file.
 */
export const supportedLanguages = ['da', 'en', 'nb'] as const;
export type Language = (typeof supportedLanguages)[number];

/**
 * Language subtags that mean a supported language under another name: `no`
 * (Norwegian, as older platforms say it) and `nn` (Nynorsk, which the bot does
 * not write) readers get Norwegian Bokmål, which every Norwegian reads.
 */
const sameLanguageAs: Readonly<Record<string, string>> = { no: 'nb', nn: 'nb' };

export function isLanguage(value: string): value is Language {
  return (supportedLanguages as readonly string[]).includes(value);
}

/**
 * The reader's language from a platform locale: Slack's `da-DK`, Teams'
 * `en-us`, a console setting, even a POSIX `da_DK.UTF-8`. Only the primary
 * language subtag counts (`en-US` and `en-GB` are both English); an unknown,
 * unsupported or missing locale gives the institution's configured language.
 */
export function languageForLocale(locale: string | null, fallback: Language): Language {
  const primary = locale
    ?.trim()
    .split(/[-_.@]/, 1)[0]
    ?.toLowerCase();
  if (!primary) return fallback;
  const language = sameLanguageAs[primary] ?? primary;
  return isLanguage(language) ? language : fallback;
}
