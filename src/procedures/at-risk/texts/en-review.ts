import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { ReviewFilterCategory, ReviewTexts } from './review-texts.js';

/** The review list in English. */
export function englishReview(
  format: LocaleFormat,
  periodName: (period: IdentificationPeriod) => string,
): ReviewTexts {
  const { number, plural } = format;
  const students = (count: number, kind = '') =>
    plural(count, { one: `${number(count)} ${kind}student`, other: `${number(count)} ${kind}students` });
  const categoryOption: Readonly<Record<ReviewFilterCategory, string>> = {
    at_risk: 'Red and yellow',
    red: 'Red',
    yellow: 'Yellow',
    blue: 'Blue (inactive, not contacted)',
    excluded: 'Excluded',
  };
  return {
    title: ({ period, boardName }) => `Students to review – ${periodName(period)} – ${boardName}`,
    formTitle: 'Review students',
    searchButton: 'Search',
    closeButton: 'Close',
    searchLabel: 'Search by name or student number',
    searchPlaceholder: 'e.g. Hansen or 20231234',
    clearSearch: 'Clear search',
    column: {
      studentNumber: 'Student no.',
      name: 'Name',
      programme: 'Programme',
      category: 'Category',
      ectsBehind: 'ECTS behind',
      delayMonths: 'Delay (months)',
      section31: '§ 31',
      routing: 'Study board',
      email: 'E-mail',
    },
    routing: {
      own: 'This board',
      forwardedTo: (board) => `Forwarded to ${board}`,
      receivedFrom: (board) => `Received from ${board}`,
    },
    section31: {
      specialGuidance: (months) => `Right to special guidance (over ${number(months)} months)`,
      mandatoryContact: (months) => `Must be offered a meeting (over ${number(months)} months)`,
    },
    noEmail: 'None',
    empty: 'There are no students to review.',
    summary: ({ red, yellow, blue }) =>
      `At risk: ${number(red)} red and ${number(yellow)} yellow ${plural(red + yellow, { one: 'student', other: 'students' })}. ` +
      `Apart from them, ${students(blue, 'blue ')}: handled under the inactivity rules, not contacted (choose Blue to see them).`,
    blueNote: (months) =>
      `Blue students have passed no module in ${plural(months, { one: '1 month', other: `${number(months)} months` })}. They are handled under the rules on ending enrolment for inactivity and are not contacted by this procedure.`,
    receivedNote: (count) =>
      plural(count, {
        one: "The list also holds 1 side-subject student received from another study board. The reminder's counts leave that student out: they count at the home board.",
        other: `The list also holds ${number(count)} side-subject students received from other study boards. The reminder's counts leave them out: they count at their home boards.`,
      }),
    filter: {
      category: 'Category',
      programme: 'Programme',
      allProgrammes: 'All programmes',
      categoryOption: ({ category, count }) => `${categoryOption[category]} (${number(count)})`,
    },
    searchResult: ({ search, total }) =>
      `${plural(total, { one: `${number(total)} student matches`, other: `${number(total)} students match` })} “${search}”.`,
    noMatch: 'No student matches.',
    pageStatus: ({ page, pages, total }) => `Page ${number(page)} of ${number(pages)} · ${students(total)}`,
    previousPage: '← Previous',
    nextPage: 'Next →',
    outOfDate: 'This list is out of date. Close it and open it again from the reminder.',
    cprNotSearched: 'Search by name or student number; CPR numbers are not searched.',
  };
}
