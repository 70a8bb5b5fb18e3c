import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { YearMonth } from '../use-cases/stats/stats-period.js';
import type { DeviationTextLanguage } from './text-languages.js';

/** What `/avvik statistikk` says: the statistics' headings, facts, columns and charts, and its refusals. */
export interface StatsTexts {
  /** In help, beside the subcommand's words. */
  readonly subcommandDescription: string;
  /** `faculty` null: every faculty. */
  heading(params: { readonly faculty: string | null; readonly period: string }): string;
  /** `januar–juni 2026`, `2026`, `mars 2026` */
  periodName(period: { readonly from: YearMonth; readonly to: YearMonth }): string;
  /** A month in the trend: `sep. 2026` */
  monthName(month: YearMonth): string;
  readonly fact: {
    readonly total: string;
    readonly medianDays: string;
    readonly overdue: string;
    readonly finishedLate: string;
  };
  /** The median handling days and how many finished cases they are the median of. */
  medianDays(params: { readonly median: number | null; readonly finished: number }): string;
  readonly column: {
    readonly category: string;
    readonly faculty: string;
    readonly state: string;
    readonly count: string;
    readonly month: string;
    readonly received: string;
    readonly finished: string;
  };
  readonly noCases: string;
  /** What the figures mean: which cases, which days, as of when. */
  definitions(params: { readonly timeZone: string; readonly asOf: string }): string;
  readonly categoryChartTitle: string;
  readonly trendChartTitle: string;
  categoryAltText(rows: readonly { readonly label: string; readonly count: number }[]): string;
  trendAltText(
    months: readonly { readonly label: string; readonly received: number; readonly finished: number }[],
  ): string;
  /** To someone who may see no deviation statistics. */
  readonly notAllowed: string;
  /** To someone who may see some statistics, not this faculty's. */
  notAllowedFor(params: { readonly faculty: string }): string;
  unknownFaculty(params: { readonly argument: string; readonly known: readonly string[] }): string;
  badPeriod(params: { readonly argument: string }): string;
  periodReversed(params: { readonly argument: string }): string;
  periodTooLong(params: { readonly argument: string; readonly months: number }): string;
  tooManyArguments(params: { readonly argument: string }): string;
  /** To someone who may see several faculties and named none. */
  chooseFaculty(params: { readonly faculties: readonly string[] }): string;
}

export const statsTexts: Readonly<Record<DeviationTextLanguage, (format: LocaleFormat) => StatsTexts>> = {
  nb: (format) => ({
    subcommandDescription: 'Avviksstatistikk for et fakultet og en periode',
    heading: ({ faculty, period }) =>
      faculty === null
        ? `Avviksstatistikk for alle fakulteter, ${period}`
        : `Avviksstatistikk for ${faculty}, ${period}`,
    periodName: (period) => periodName(format.locale, period),
    monthName: (month) => monthName(format.locale, month),
    fact: {
      total: 'Mottatte avvik',
      medianDays: 'Median behandlingstid',
      overdue: 'Åpne saker over fristen',
      finishedLate: 'Avsluttet etter fristen',
    },
    medianDays: ({ median, finished }) =>
      median === null
        ? 'Ingen saker er avsluttet ennå'
        : `${format.number(median)} ${format.plural(median, { one: 'dag', other: 'dager' })} (${format.number(finished)} ${format.plural(finished, { one: 'avsluttet sak', other: 'avsluttede saker' })})`,
    column: {
      category: 'Kategori',
      faculty: 'Fakultet',
      state: 'Status',
      count: 'Antall',
      month: 'Måned',
      received: 'Mottatt',
      finished: 'Avsluttet',
    },
    noCases: 'Ingen avvik ble mottatt i perioden.',
    definitions: ({ timeZone, asOf }) =>
      `Tallene gjelder saker mottatt i perioden (tidssone ${timeZone}). Behandlingstid er kalenderdager fra dagen saken ble mottatt til dagen den ble lukket, avvist eller sendt til varsling, for sakene som er kommet så langt. «Over fristen» gjelder åpne saker per ${asOf}. Saker med sensitive personopplysninger telles med, men ingen tekst fra sakene vises.`,
    categoryChartTitle: 'Avvik per kategori',
    trendChartTitle: 'Mottatt og avsluttet per måned',
    categoryAltText: (rows) =>
      `Stolpediagram over avvik per kategori: ${rows.map((row) => `${row.label} ${format.number(row.count)}`).join(', ')}.`,
    trendAltText: (months) =>
      `Stolpediagram over mottatte og avsluttede avvik per måned: ${months
        .map(
          (month) =>
            `${month.label}: ${format.number(month.received)} mottatt, ${format.number(month.finished)} avsluttet`,
        )
        .join('; ')}.`,
    notAllowed:
      'Avviksstatistikken er for fakultetenes meldingsansvarlige, linjeledere og kvalitetsavdelingen.',
    notAllowedFor: ({ faculty }) =>
      `Du har ikke tilgang til avviksstatistikken for ${faculty}. Den ser fakultetets meldingsansvarlige, linjeledere og kvalitetsavdelingen.`,
    unknownFaculty: ({ argument, known }) =>
      `«${argument}» er verken et fakultet eller en periode. Fakultetene er ${format.list(known)}.`,
    badPeriod: ({ argument }) =>
      `«${argument}» er ikke en periode. Skriv for eksempel 2026, 2026-03, 2026-01..2026-06, vår-2026 eller høst-2026.`,
    periodReversed: ({ argument }) => `I perioden «${argument}» kommer slutten før starten.`,
    periodTooLong: ({ argument, months }) =>
      `Perioden «${argument}» er for lang: den kan være på høyst ${format.number(months)} måneder.`,
    tooManyArguments: ({ argument }) =>
      `«${argument}»: oppgi høyst ett fakultet og én periode, for eksempel «IE 2026».`,
    chooseFaculty: ({ faculties }) =>
      `Du ser avviksstatistikken for flere fakulteter. Oppgi hvilket: ${format.alternatives(faculties)}.`,
  }),
  da: (format) => ({
    subcommandDescription: 'Afvigelsesstatistik for et fakultet og en periode',
    heading: ({ faculty, period }) =>
      faculty === null
        ? `Afvigelsesstatistik for alle fakulteter, ${period}`
        : `Afvigelsesstatistik for ${faculty}, ${period}`,
    periodName: (period) => periodName(format.locale, period),
    monthName: (month) => monthName(format.locale, month),
    fact: {
      total: 'Modtagne afvigelser',
      medianDays: 'Median sagsbehandlingstid',
      overdue: 'Åbne sager over fristen',
      finishedLate: 'Afsluttet efter fristen',
    },
    medianDays: ({ median, finished }) =>
      median === null
        ? 'Ingen sager er afsluttet endnu'
        : `${format.number(median)} ${format.plural(median, { one: 'dag', other: 'dage' })} (${format.number(finished)} ${format.plural(finished, { one: 'afsluttet sag', other: 'afsluttede sager' })})`,
    column: {
      category: 'Kategori',
      faculty: 'Fakultet',
      state: 'Status',
      count: 'Antal',
      month: 'Måned',
      received: 'Modtaget',
      finished: 'Afsluttet',
    },
    noCases: 'Der blev ikke modtaget nogen afvigelser i perioden.',
    definitions: ({ timeZone, asOf }) =>
      `Tallene gælder sager modtaget i perioden (tidszone ${timeZone}). Sagsbehandlingstiden er kalenderdage fra den dag, sagen blev modtaget, til den dag, den blev lukket, afvist eller sendt til whistleblowerordningen, for de sager, der er nået så langt. »Over fristen« gælder åbne sager pr. ${asOf}. Sager med følsomme personoplysninger tælles med, men ingen tekst fra sagerne vises.`,
    categoryChartTitle: 'Afvigelser pr. kategori',
    trendChartTitle: 'Modtaget og afsluttet pr. måned',
    categoryAltText: (rows) =>
      `Søjlediagram over afvigelser pr. kategori: ${rows.map((row) => `${row.label} ${format.number(row.count)}`).join(', ')}.`,
    trendAltText: (months) =>
      `Søjlediagram over modtagne og afsluttede afvigelser pr. måned: ${months
        .map(
          (month) =>
            `${month.label}: ${format.number(month.received)} modtaget, ${format.number(month.finished)} afsluttet`,
        )
        .join('; ')}.`,
    notAllowed:
      'Afvigelsesstatistikken er for fakulteternes meldingsansvarlige, ledere og kvalitetsafdelingen.',
    notAllowedFor: ({ faculty }) =>
      `Du har ikke adgang til afvigelsesstatistikken for ${faculty}. Den ser fakultetets meldingsansvarlige, ledere og kvalitetsafdelingen.`,
    unknownFaculty: ({ argument, known }) =>
      `»${argument}« er hverken et fakultet eller en periode. Fakulteterne er ${format.list(known)}.`,
    badPeriod: ({ argument }) =>
      `»${argument}« er ikke en periode. Skriv for eksempel 2026, 2026-03, 2026-01..2026-06, forår-2026 eller efterår-2026.`,
    periodReversed: ({ argument }) => `I perioden »${argument}« kommer slutningen før starten.`,
    periodTooLong: ({ argument, months }) =>
      `Perioden »${argument}« er for lang: den må højst være ${format.number(months)} måneder.`,
    tooManyArguments: ({ argument }) =>
      `»${argument}«: angiv højst ét fakultet og én periode, for eksempel »IE 2026«.`,
    chooseFaculty: ({ faculties }) =>
      `Du ser afvigelsesstatistikken for flere fakulteter. Angiv hvilket: ${format.alternatives(faculties)}.`,
  }),
  en: (format) => ({
    subcommandDescription: 'Deviation statistics for a faculty and a period',
    heading: ({ faculty, period }) =>
      faculty === null
        ? `Deviation statistics for all faculties, ${period}`
        : `Deviation statistics for ${faculty}, ${period}`,
    periodName: (period) => periodName(format.locale, period),
    monthName: (month) => monthName(format.locale, month),
    fact: {
      total: 'Deviations received',
      medianDays: 'Median handling time',
      overdue: 'Open cases past the deadline',
      finishedLate: 'Finished after the deadline',
    },
    medianDays: ({ median, finished }) =>
      median === null
        ? 'No case has been finished yet'
        : `${format.number(median)} ${format.plural(median, { one: 'day', other: 'days' })} (${format.number(finished)} ${format.plural(finished, { one: 'finished case', other: 'finished cases' })})`,
    column: {
      category: 'Category',
      faculty: 'Faculty',
      state: 'Status',
      count: 'Count',
      month: 'Month',
      received: 'Received',
      finished: 'Finished',
    },
    noCases: 'No deviations were received in the period.',
    definitions: ({ timeZone, asOf }) =>
      `The figures cover cases received in the period (time zone ${timeZone}). Handling time is calendar days from the day a case was received to the day it was closed, rejected or redirected to whistleblowing, for the cases that have got that far. “Past the deadline” counts open cases as of ${asOf}. Cases with sensitive personal data are counted, but no text from any case is shown.`,
    categoryChartTitle: 'Deviations by category',
    trendChartTitle: 'Received and finished by month',
    categoryAltText: (rows) =>
      `Bar chart of deviations by category: ${rows.map((row) => `${row.label} ${format.number(row.count)}`).join(', ')}.`,
    trendAltText: (months) =>
      `Bar chart of deviations received and finished by month: ${months
        .map(
          (month) =>
            `${month.label}: ${format.number(month.received)} received, ${format.number(month.finished)} finished`,
        )
        .join('; ')}.`,
    notAllowed:
      'Deviation statistics are for the faculties’ report owners, line managers and the quality department.',
    notAllowedFor: ({ faculty }) =>
      `You do not have access to the deviation statistics of ${faculty}. The faculty’s report owners, its line managers and the quality department do.`,
    unknownFaculty: ({ argument, known }) =>
      `“${argument}” is neither a faculty nor a period. The faculties are ${format.list(known)}.`,
    badPeriod: ({ argument }) =>
      `“${argument}” is not a period. Write, for example, 2026, 2026-03, 2026-01..2026-06, spring-2026 or autumn-2026.`,
    periodReversed: ({ argument }) => `In the period “${argument}” the end comes before the start.`,
    periodTooLong: ({ argument, months }) =>
      `The period “${argument}” is too long: it may be at most ${format.number(months)} months.`,
    tooManyArguments: ({ argument }) =>
      `“${argument}”: give at most one faculty and one period, for example “IE 2026”.`,
    chooseFaculty: ({ faculties }) =>
      `You see the deviation statistics of several faculties. Name one: ${format.alternatives(faculties)}.`,
  }),
};

/** A whole year by its number; otherwise the locale's own way of writing a range of months. */
function periodName(
  locale: string,
  { from, to }: { readonly from: YearMonth; readonly to: YearMonth },
): string {
  if (from.year === to.year && from.month === 1 && to.month === 12) return String(from.year);
  const months = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return months.formatRange(firstDayOf(from), firstDayOf(to));
}

function monthName(locale: string, month: YearMonth): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    firstDayOf(month),
  );
}

function firstDayOf(month: YearMonth): Date {
  return new Date(Date.UTC(month.year, month.month - 1, 1));
}
