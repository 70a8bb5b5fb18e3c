import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { ReviewFilterCategory, ReviewTexts } from './review-texts.js';

/** The review list in Danish; values are quoted »…« as elsewhere in the Danish catalogue. */
export function danishReview(
  format: LocaleFormat,
  periodName: (period: IdentificationPeriod) => string,
): ReviewTexts {
  const { number, plural } = format;
  const students = (count: number) => `${number(count)} studerende`;
  const categoryOption: Readonly<Record<ReviewFilterCategory, string>> = {
    at_risk: 'Røde og gule',
    excluded: 'Frasorteret',
    red: 'Røde',
    yellow: 'Gule',
    blue: 'Blå (inaktive, kontaktes ikke)',
  };
  return {
    title: ({ period, boardName }) => `Studerende til gennemgang – ${periodName(period)} – ${boardName}`,
    formTitle: 'Gennemgå studerende',
    searchButton: 'Søg',
    closeButton: 'Luk',
    searchLabel: 'Søg efter navn eller studienummer',
    searchPlaceholder: 'fx Hansen eller 20231234',
    clearSearch: 'Ryd søgning',
    column: {
      studentNumber: 'Studienr.',
      name: 'Navn',
      programme: 'Uddannelse',
      category: 'Kategori',
      ectsBehind: 'ECTS bagud',
      delayMonths: 'Forsinkelse (mdr.)',
      section31: '§ 31',
      routing: 'Studienævn',
      email: 'E-mail',
    },
    routing: {
      own: 'Eget',
      forwardedTo: (board) => `Sendt videre til ${board}`,
      receivedFrom: (board) => `Modtaget fra ${board}`,
    },
    section31: {
      specialGuidance: (months) => `Ret til særlig vejledning (over ${number(months)} mdr.)`,
      mandatoryContact: (months) => `Skal tilbydes en samtale (over ${number(months)} mdr.)`,
    },
    noEmail: 'Mangler',
    empty: 'Der er ingen studerende at gennemgå.',
    summary: ({ red, yellow, blue }) =>
      `Frafaldstruede: ${number(red)} røde og ${number(yellow)} gule studerende. ` +
      `Derudover ${number(blue)} blå studerende: de håndteres efter reglerne om inaktivitet og kontaktes ikke (vælg Blå for at se dem).`,
    blueNote: (months) =>
      `Blå studerende har ikke bestået et modul i ${plural(months, { one: '1 måned', other: `${number(months)} måneder` })}. De håndteres efter reglerne om ophør af indskrivning på grund af inaktivitet og kontaktes ikke af denne procedure.`,
    receivedNote: (count) =>
      plural(count, {
        one: 'Listen rummer også 1 sidefagsstuderende modtaget fra et andet studienævn, som påmindelsens tal ikke medregner: vedkommende tælles med under sit hjemstudienævn.',
        other: `Listen rummer også ${number(count)} sidefagsstuderende modtaget fra andre studienævn, som påmindelsens tal ikke medregner: de tælles med under deres hjemstudienævn.`,
      }),
    filter: {
      category: 'Kategori',
      programme: 'Uddannelse',
      allProgrammes: 'Alle uddannelser',
      categoryOption: ({ category, count }) => `${categoryOption[category]} (${number(count)})`,
    },
    searchResult: ({ search, total }) => `${students(total)} matcher »${search}«.`,
    noMatch: 'Ingen studerende matcher.',
    pageStatus: ({ page, pages, total }) => `Side ${number(page)} af ${number(pages)} · ${students(total)}`,
    previousPage: '← Forrige',
    nextPage: 'Næste →',
    outOfDate: 'Listen er forældet. Luk den, og åbn den igen fra påmindelsen.',
    cprNotSearched: 'Søg efter navn eller studienummer; der søges ikke på CPR-numre.',
  };
}
