import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { ReviewFilterCategory, ReviewTexts } from './review-texts.js';

/** The review list in Norwegian Bokmål; values are quoted «…» as elsewhere in the Norwegian catalogue. */
export function norwegianReview(
  format: LocaleFormat,
  periodName: (period: IdentificationPeriod) => string,
): ReviewTexts {
  const { number, plural } = format;
  const students = (count: number, kind = '') =>
    plural(count, { one: `${number(count)} ${kind}student`, other: `${number(count)} ${kind}studenter` });
  const categoryOption: Readonly<Record<ReviewFilterCategory, string>> = {
    at_risk: 'Røde og gule',
    excluded: 'Unntatt',
    red: 'Røde',
    yellow: 'Gule',
    blue: 'Blå (inaktive, kontaktes ikke)',
  };
  return {
    title: ({ period, boardName }) => `Studenter til gjennomgang – ${periodName(period)} – ${boardName}`,
    formTitle: 'Gå gjennom studenter',
    searchButton: 'Søk',
    closeButton: 'Lukk',
    searchLabel: 'Søk etter navn eller studentnummer',
    searchPlaceholder: 'f.eks. Hansen eller 20231234',
    clearSearch: 'Tøm søket',
    column: {
      studentNumber: 'Studentnr.',
      name: 'Navn',
      programme: 'Studieprogram',
      category: 'Kategori',
      // ECTS credits are studiepoeng in Norway; "behind" is what the student lacks.
      ectsBehind: 'Manglende studiepoeng',
      delayMonths: 'Forsinkelse (mnd.)',
      section31: '§ 31',
      routing: 'Studieutvalg',
      email: 'E-post',
    },
    routing: {
      own: 'Eget',
      forwardedTo: (board) => `Sendt videre til ${board}`,
      receivedFrom: (board) => `Mottatt fra ${board}`,
    },
    section31: {
      specialGuidance: (months) => `Rett til særskilt veiledning (over ${number(months)} mnd.)`,
      mandatoryContact: (months) => `Skal tilbys en samtale (over ${number(months)} mnd.)`,
    },
    noEmail: 'Mangler',
    empty: 'Det er ingen studenter å gå gjennom.',
    summary: ({ red, yellow, blue }) =>
      `I risiko for frafall: ${number(red)} røde og ${number(yellow)} gule ${plural(red + yellow, { one: 'student', other: 'studenter' })}. ` +
      `I tillegg ${students(blue, 'blå ')}: de håndteres etter reglene om inaktivitet og kontaktes ikke (velg Blå for å se dem).`,
    blueNote: (months) =>
      `Blå studenter har ikke bestått noe emne på ${plural(months, { one: '1 måned', other: `${number(months)} måneder` })}. De håndteres etter reglene om opphør av studieretten ved inaktivitet og kontaktes ikke gjennom denne prosedyren.`,
    receivedNote: (count) =>
      plural(count, {
        one: 'Listen inneholder også 1 sidefagsstudent mottatt fra et annet studieutvalg. Vedkommende er ikke med i påminnelsens tall, men telles under sitt hjemmeutvalg.',
        other: `Listen inneholder også ${number(count)} sidefagsstudenter mottatt fra andre studieutvalg. De er ikke med i påminnelsens tall, men telles under sine hjemmeutvalg.`,
      }),
    filter: {
      category: 'Kategori',
      programme: 'Studieprogram',
      allProgrammes: 'Alle studieprogrammer',
      categoryOption: ({ category, count }) => `${categoryOption[category]} (${number(count)})`,
    },
    searchResult: ({ search, total }) => `${students(total)} samsvarer med «${search}».`,
    noMatch: 'Ingen studenter samsvarer.',
    pageStatus: ({ page, pages, total }) => `Side ${number(page)} av ${number(pages)} · ${students(total)}`,
    previousPage: '← Forrige',
    nextPage: 'Neste →',
    outOfDate: 'Listen er utdatert. Lukk den og åpne den igjen fra påminnelsen.',
    cprNotSearched: 'Søk etter navn eller studentnummer; det søkes ikke på CPR-numre.',
  };
}
