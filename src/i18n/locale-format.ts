import { type CalendarDate, utcMidnightOf } from '../shared/calendar-date.js';

/** A message's forms by CLDR plural category; `other` is required, the rest fall back to it. */
export type PluralForms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>>> & { readonly other: string };

/** How one locale writes numbers, dates, lists and plurals: what catalogues and the translator share. */
export interface LocaleFormat {
  /** BCP 47, e.g. `da-DK`. */
  readonly locale: string;
  /** `1.234` (da-DK), `1,234` (en-GB); up to three decimals: `7,5`. */
  number(value: number): string;
  /** Exactly `fractionDigits` decimals: `14,0`. */
  decimal(value: number, fractionDigits: number): string;
  /** A change between two counts: `+3`, `−2` (U+2212 MINUS SIGN), `±0`. */
  signedChange(value: number): string;
  /** `6. april 2026` (da-DK), `6 April 2026` (en-GB). */
  date(date: CalendarDate): string;
  /** `A, B og C` (da-DK), `A, B and C` (en-GB). */
  list(items: readonly string[]): string;
  /** Choices: `A, B eller C` (da-DK), `A, B or C` (en-GB). */
  alternatives(items: readonly string[]): string;
  /** The form for `count` by the language's plural rules (`one` for 1 in Danish and English). */
  plural(count: number, forms: PluralForms): string;
}

const minusSign = '\u2212';

export function localeFormat(locale: string): LocaleFormat {
  const numbers = new Intl.NumberFormat(locale);
  const decimals = new Map<number, Intl.NumberFormat>();
  // A CalendarDate has no zone: format its UTC midnight in UTC so the server's zone never shifts the day.
  const dates = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const lists = new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' });
  const choices = new Intl.ListFormat(locale, { type: 'disjunction', style: 'long' });
  const plurals = new Intl.PluralRules(locale);

  const number = (value: number): string => numbers.format(value);
  return {
    locale,
    number,
    decimal(value, fractionDigits) {
      let format = decimals.get(fractionDigits);
      if (!format) {
        format = new Intl.NumberFormat(locale, {
          minimumFractionDigits: fractionDigits,
          maximumFractionDigits: fractionDigits,
        });
        decimals.set(fractionDigits, format);
      }
      return format.format(value);
    },
    signedChange(value) {
      if (value === 0) return '±0';
      return value > 0 ? `+${number(value)}` : `${minusSign}${number(-value)}`;
    },
    date: (date) => dates.format(utcMidnightOf(date)),
    list: (items) => lists.format(items),
    alternatives: (items) => choices.format(items),
    plural: (count, forms) => forms[plurals.select(count)] ?? forms.other,
  };
}
