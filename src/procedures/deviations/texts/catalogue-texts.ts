import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { DeviationTextLanguage } from './text-languages.js';

/** What a search found: how many are shown, of how many, for which words (shown back as typed, masked). */
interface Found {
  readonly shown: number;
  readonly total: number;
  readonly search: string;
}

/**
 * The catalogue part's texts: finding a programme or course in the report
 * form when there are too many to list (a search field, its button, the
 * matches and what went wrong). The list itself is labelled by the common
 * `field.unit`.
 */
export interface CatalogueTexts {
  /** The search field's label. */
  readonly searchLabel: string;
  /** Inside the empty search field (Slack shows at most 150 characters). */
  readonly searchPlaceholder: string;
  /** The button that searches (Slack: 75 characters; short on every surface). */
  readonly searchButton: string;
  /** Above the button: what to do. The field comes right below it. */
  readonly searchPrompt: string;
  /** Inside the list of matches before one is chosen. */
  readonly matchesPlaceholder: string;
  /** Under the list of matches. */
  matches(found: Found): string;
  /** Under the search field: nothing matched. */
  noMatch(params: { readonly search: string }): string;
  /** Under the search field: the button was pressed with nothing in it. */
  readonly searchMissing: string;
  /** Under the search field: the report was sent before a programme or course was found and chosen. */
  readonly unitNotChosen: string;
  searchTooLong(lengths: { readonly max: number; readonly length: number }): string;
}

export const catalogueTexts: Readonly<
  Record<DeviationTextLanguage, (format: LocaleFormat) => CatalogueTexts>
> = {
  nb: (format) => ({
    searchLabel: 'Studieprogram eller emne (kode eller navn)',
    searchPlaceholder: 'For eksempel TDT4100 eller objektorientert',
    searchButton: 'Søk',
    searchPrompt:
      'Finn studieprogrammet eller emnet: skriv koden eller en del av navnet i feltet under, trykk Søk og velg blant treffene.',
    matchesPlaceholder: 'Velg blant treffene',
    matches: ({ shown, total, search }) =>
      total <= shown
        ? `${format.number(total)} treff for «${search}».`
        : `De ${format.number(shown)} beste av ${format.number(total)} treff for «${search}». Skriv mer av koden eller navnet for å snevre inn.`,
    noMatch: ({ search }) =>
      `Ingen studieprogram eller emner passer til «${search}». Prøv koden eller et annet ord fra navnet.`,
    searchMissing: 'Skriv koden eller en del av navnet, og trykk Søk.',
    unitNotChosen: 'Søk opp studieprogrammet eller emnet, og velg det blant treffene.',
    searchTooLong: ({ max, length }) => `Skriv høyst ${max} tegn i søket (nå ${length}).`,
  }),
  da: (format) => ({
    searchLabel: 'Uddannelse eller kursus (kode eller navn)',
    searchPlaceholder: 'For eksempel TDT4100 eller objektorienteret',
    searchButton: 'Søg',
    searchPrompt:
      'Find uddannelsen eller kurset: skriv koden eller en del af navnet i feltet nedenfor, tryk på Søg, og vælg blandt resultaterne.',
    matchesPlaceholder: 'Vælg blandt resultaterne',
    matches: ({ shown, total, search }) =>
      total <= shown
        ? `${format.plural(total, { one: `${format.number(total)} resultat`, other: `${format.number(total)} resultater` })} for »${search}«.`
        : `De ${format.number(shown)} bedste af ${format.number(total)} resultater for »${search}«. Skriv mere af koden eller navnet for at indsnævre søgningen.`,
    noMatch: ({ search }) =>
      `Ingen uddannelser eller kurser passer til »${search}«. Prøv koden eller et andet ord fra navnet.`,
    searchMissing: 'Skriv koden eller en del af navnet, og tryk på Søg.',
    unitNotChosen: 'Søg uddannelsen eller kurset frem, og vælg det blandt resultaterne.',
    searchTooLong: ({ max, length }) => `Skriv højst ${max} tegn i søgningen (nu ${length}).`,
  }),
  en: (format) => ({
    searchLabel: 'Programme or course (code or name)',
    searchPlaceholder: 'For example TDT4100 or object-oriented',
    searchButton: 'Search',
    searchPrompt:
      'Find the programme or course: type its code or part of its name in the field below, press Search and choose from the matches.',
    matchesPlaceholder: 'Choose from the matches',
    matches: ({ shown, total, search }) =>
      total <= shown
        ? `${format.plural(total, { one: `${format.number(total)} match`, other: `${format.number(total)} matches` })} for “${search}”.`
        : `The best ${format.number(shown)} of ${format.number(total)} matches for “${search}”. Type more of the code or name to narrow the list.`,
    noMatch: ({ search }) =>
      `No programme or course matches “${search}”. Try its code or another word of its name.`,
    searchMissing: 'Type the code or part of the name, then press Search.',
    unitNotChosen: 'Search for the programme or course and choose it from the matches.',
    searchTooLong: ({ max, length }) => `Type at most ${max} characters in the search (now ${length}).`,
  }),
};
