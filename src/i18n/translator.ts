import type { CalendarDate } from '../shared/calendar-date.js';
import type { Catalogue, LanguagePack } from './catalogue/catalogue.js';
import { da } from './catalogue/da.js';
import { en } from './catalogue/en.js';
import { nb } from './catalogue/nb.js';
import { type Language, languageForLocale } from './languages.js';
import { withoutCprShapes } from './masked-catalogue.js';

/** Keyed by every supported language: a new language in `languages.ts` needs its catalogue here. */
const languagePacks: Readonly<Record<Language, LanguagePack>> = { da, en, nb };

/** Everything needed to speak to one reader: the messages and the locale's formats. */
export interface Translator {
  readonly language: Language;
  /** The locale numbers and dates are written in (`da-DK`, `en-GB`, `nb-NO`), whatever the reader's region. */
  readonly locale: string;
  readonly t: Catalogue;
  /** `6. april 2026`, `6 April 2026` */
  formatDate(date: CalendarDate): string;
  /** `1.234`, `1,234`; `7,5`, `7.5` */
  formatNumber(n: number): string;
  /** `+3`, `−2` (U+2212), `±0` */
  formatSignedChange(n: number): string;
  /** § 31 delay with one decimal: `14,2`, `14.2` */
  formatDelayMonths(n: number): string;
  /** `A, B og C`, `A, B and C` */
  formatList(items: readonly string[]): string;
}

const translators = new Map<Language, Translator>();

export function translator(language: Language): Translator {
  let found = translators.get(language);
  if (!found) {
    found = translatorFor(language, languagePacks[language]);
    translators.set(language, found);
  }
  return found;
}

/** The reader's translator: their platform locale, else the institution's configured language. */
export function translatorForLocale(locale: string | null, fallback: Language): Translator {
  return translator(languageForLocale(locale, fallback));
}

function translatorFor(language: Language, { format, messages }: LanguagePack): Translator {
  return {
    language,
    locale: format.locale,
    // Every text made from the catalogue is masked here, once, whatever path it takes.
    t: withoutCprShapes(messages),
    formatDate: format.date,
    formatNumber: format.number,
    formatSignedChange: format.signedChange,
    formatDelayMonths: (n) => format.decimal(n, 1),
    formatList: format.list,
  };
}
