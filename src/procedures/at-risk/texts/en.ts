import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { SurfaceName } from '../../../surfaces/chat-surface.js';
import type { IdentificationPeriod } from '../identification-period.js';
import { type TrafficLight, trafficLights } from '../traffic-light.js';
import type { AtRiskTexts } from './at-risk-texts.js';
import { englishBoardMeeting, englishJournal } from './en-board-meeting.js';
import { englishDispatch } from './en-dispatch.js';
import { englishDispatchReminder } from './en-dispatch-reminder.js';
import { englishExclusions } from './en-exclusions.js';
import { englishExportProblem } from './en-export-problems.js';
import { englishReview } from './en-review.js';

const term = { spring: 'spring', autumn: 'autumn' } as const;
const periodName = (period: IdentificationPeriod): string => `${term[period.term]} ${period.year}`;

const surfaceName = { slack: 'Slack', teams: 'Teams', console: 'the console' } as const;

const categoryName: AtRiskTexts['category'] = {
  green: 'Green',
  yellow: 'Yellow',
  red: 'Red',
  blue: 'Blue',
  out_of_scope: 'Out of scope',
};

const lightWord: Readonly<Record<TrafficLight, string>> = {
  green: 'green',
  yellow: 'yellow',
  red: 'red',
  blue: 'blue',
};

/** The at-risk procedure's texts in English. */
export function englishAtRiskTexts(format: LocaleFormat): AtRiskTexts {
  const { number, plural } = format;
  const countsInWords = (counts: Readonly<Record<TrafficLight, number>>): string =>
    format.list(trafficLights.map((light) => `${lightWord[light]} ${number(counts[light])}`));
  const monthsInWords = (months: number): string =>
    plural(months, { one: `${number(months)} month`, other: `${number(months)} months` });

  return {
    category: categoryName,

    period: { term, name: periodName },

    reminder: {
      heading: ({ period, boardName }) => `At-risk students – ${periodName(period)} – ${boardName}`,
      intro: ({ chair, secretary, period }) => [
        chair,
        ' (chair) and ',
        secretary,
        ` (secretary): it is time to identify students at risk of dropping out for ${periodName(period)}.`,
      ],
      countsHeading: 'Students by category',
      countWithChange: ({ count, change, since }) =>
        `${number(count)} (${format.signedChange(change)} since ${periodName(since)})`,
      noPreviousCycle: 'There is no previous identification to compare with.',
      newlyRed: (count) =>
        plural(count, {
          one: `${number(count)} student has turned red since the last identification.`,
          other: `${number(count)} students have turned red since the last identification.`,
        }),
      leftRed: (count) =>
        plural(count, {
          one: `${number(count)} student is no longer red.`,
          other: `${number(count)} students are no longer red.`,
        }),
      forwardedOut: (count) =>
        plural(count, {
          one: `${number(count)} student with a side subject was forwarded to the study board of the side subject.`,
          other: `${number(count)} students with side subjects were forwarded to the study boards of their side subjects.`,
        }),
      forwardedIn: (count) =>
        plural(count, {
          one: `${number(count)} side-subject student was forwarded here by another study board.`,
          other: `${number(count)} side-subject students were forwarded here by other study boards.`,
        }),
      uncontactedOverdue: ({ count, months }) =>
        plural(count, {
          one: `§ 31: ${number(count)} student is more than ${monthsInWords(months)} behind and will not be contacted (blue).`,
          other: `§ 31: ${number(count)} students are more than ${monthsInWords(months)} behind and will not be contacted (blue).`,
        }),
      noEmail: (count) =>
        plural(count, {
          one: `${number(count)} student has no e-mail address in the export and cannot be contacted by e-mail.`,
          other: `${number(count)} students have no e-mail address in the export and cannot be contacted by e-mail.`,
        }),
      couldNotNotify: (names) =>
        plural(names.length, {
          one: `Could not notify ${format.list(names)}: this platform does not know their e-mail address.`,
          other: `Could not notify ${format.list(names)}: this platform does not know their e-mail addresses.`,
        }),
      reviewRequest: 'Please review the students and decide whom to contact.',
      reviewButton: 'Review students',
      exportMissing: (period) =>
        `There is no export for ${periodName(period)} yet. Please upload the study-progress export (CSV or XLSX) in this channel.`,
    },

    reminderFailure: {
      heading: ({ boardName, period }) =>
        `The exam-period reminder for ${boardName} (${periodName(period)}) could not be sent`,
      body: ({ places, attempts, remindCommand }) =>
        [
          places.length > 0
            ? `Trafiklys could not post it to ${format.list(places)}.`
            : 'Trafiklys could not start sending it: an internal problem, which your administrator can find in the log.',
          `It tried ${plural(attempts, { one: 'once', other: `${number(attempts)} times` })} and has stopped trying.`,
          `Once the cause is fixed (for example, Trafiklys invited to the channel again), send it with ${remindCommand} in the board's channel.`,
        ].join(' '),
      place: ({ surface, recipient, problem }) =>
        `${recipient === null ? "the board's channel" : `the copy for ${recipient}`} on ${surfaceName[surface]}${problem ? ` (${problem})` : ''}`,
    },

    review: englishReview(format, periodName),
    dispatch: englishDispatch(format, periodName),

    exclusions: englishExclusions(format),

    progressImport: {
      fileKind: 'a study-progress export (CSV or Excel)',
      imported: ({ fileName, asOf, students, outOfScope }) =>
        `The export has been imported: ${fileName} as of ${format.date(asOf)}, ${plural(students, {
          one: `${number(students)} student`,
          other: `${number(students)} students`,
        })}, ${number(outOfScope)} of them out of scope.`,
      replacedDraft: (period) => `It replaces the previous export for ${periodName(period)}.`,
      alreadyImported: ({ fileName, period }) =>
        `${fileName} has already been imported for ${periodName(period)}; nothing has changed.`,
      cycleLocked: ({ period, boardName, fileName }) =>
        `The mails for ${boardName}, ${periodName(period)}, have already been sent, so its identification can no longer be replaced by a new export. Nothing from ${fileName} was stored: a file is imported whole or not at all.`,
      cprKeyMissing: (fileName) => [
        `${fileName} holds CPR numbers, which are stored only encrypted, but Trafiklys has no key for that (TRAFIKLYS_CPR_KEY). Nothing was stored. Ask whoever runs Trafiklys to create a key (`,
        { kind: 'styled', text: 'npx trafiklys key generate', code: true },
        '), then share the file again.',
      ],
      boardImported: ({ boardName, students, outcome, period }) => {
        const count = plural(students, {
          one: `${number(students)} student`,
          other: `${number(students)} students`,
        });
        const what = {
          created: `, imported for ${periodName(period)}.`,
          replaced: `; replaces the previous export for ${periodName(period)}.`,
          unchanged: `; already imported from this file for ${periodName(period)}, so nothing has changed.`,
        }[outcome];
        return `${boardName}: ${count}${what}`;
      },
      boardsNotInFile: (boardNames) =>
        plural(boardNames.length, {
          one: `The file has no rows for ${format.list(boardNames)}, so its own students were left as they were.`,
          other: `The file has no rows for ${format.list(boardNames)}, so their own students were left as they were.`,
        }),
      otherBoardsLeftOut: (rows) =>
        plural(rows, {
          one: `${number(rows)} row of another study board was left out.`,
          other: `${number(rows)} rows of other study boards were left out.`,
        }),
      noRowsForBoard: ({ fileName, boardName }) =>
        `${fileName} has no rows for ${boardName}, so nothing was stored.`,
      noneOfYourBoards: ({ fileName, boardNames }) =>
        `You import exports for ${format.list(boardNames)}, and ${fileName} has no rows for ${plural(
          boardNames.length,
          { one: 'it', other: 'any of them' },
        )}, so nothing was stored.`,
      rejected: ({ fileName, problems, more }) =>
        [
          `${fileName} could not be used, and nothing from it was stored:`,
          ...problems,
          ...(more > 0 ? [`… and ${number(more)} more`] : []),
          'Please correct the file and upload it again.',
        ].join('\n'),
      problem: englishExportProblem(format),
      rejectionReport: ({ fileName, problems, more }) =>
        [
          `${fileName} cannot be used:`,
          ...problems,
          ...(more > 0 ? [`… and ${number(more)} more`] : []),
        ].join('\n'),
    },

    copyToManager: {
      intro: ({ period, boardName }) =>
        `Copy for your information: at-risk students – ${periodName(period)} – ${boardName}.`,
    },

    commands: {
      description: {
        remindNow: "Post this period's at-risk reminder to the study board now",
        status: "Show the status of the study board's identification for this period",
      },
    },

    bot: {
      notABoardChannel:
        'Exports are imported in a study board’s own channel, or in a direct message to Trafiklys. Share the file there.',
      remindResult: ({ boardName, period, channel, copies, unreachable }) => {
        const on = (surfaces: readonly SurfaceName[]) =>
          format.list(surfaces.map((surface) => surfaceName[surface]));
        const copiesOf = (count: number) =>
          plural(count, { one: '1 copy', other: `${number(count)} copies` });
        const parts = [
          channel.posted.length > 0 ? `posted in the board's channel on ${on(channel.posted)}` : null,
          channel.updated.length > 0 ? `updated in the board's channel on ${on(channel.updated)}` : null,
          channel.unchanged.length > 0 ? `already in the board's channel on ${on(channel.unchanged)}` : null,
          channel.inProgress.length > 0
            ? `being posted in the board's channel on ${on(channel.inProgress)} by another Trafiklys instance`
            : null,
          channel.failed.length > 0
            ? `could not be posted in the board's channel on ${on(channel.failed)} (Trafiklys tries again)`
            : null,
          copies.posted > 0
            ? `${plural(copies.posted, { one: 'a copy', other: 'copies' })} sent to ${plural(copies.posted, { one: '1 manager', other: `${number(copies.posted)} managers` })}`
            : null,
          copies.updated > 0 ? `${copiesOf(copies.updated)} to managers updated` : null,
          copies.unchanged > 0 ? `${copiesOf(copies.unchanged)} to managers already sent` : null,
          copies.inProgress > 0
            ? `${copiesOf(copies.inProgress)} being sent by another Trafiklys instance`
            : null,
          copies.failed > 0 ? `${copiesOf(copies.failed)} could not be sent (Trafiklys tries again)` : null,
          unreachable.length > 0 ? `could not reach ${format.list(unreachable)}` : null,
        ].filter((part) => part !== null);
        return `${boardName}, ${periodName(period)}: ${parts.length > 0 ? parts.join('; ') : 'no channel to post in'}.`;
      },
      remindRetrying:
        "The reminder could not be sent just now. Trafiklys tries again in a minute and for some hours after, and tells the board's secretary if it never gets through.",
      noCycles: 'No export has been imported for this study board yet.',
      statusColumn: { period: 'Period', status: 'Status' },
      cycleStatus: { draft: 'Draft', dispatched: 'Dispatched', closed: 'Closed' },
      unknownBoard: 'That study board is no longer in the configuration.',
    },

    errors: {
      notAllowed: (action) => {
        const refused = {
          remind_now: 'You are not allowed to send the reminder.',
          review_students: "You are not allowed to review this study board's students.",
          import_export: 'You are not allowed to import exports for this study board.',
        }[action];
        return `${refused} If you think you should be, contact the study board's secretary.`;
      },
    },

    boardMeeting: englishBoardMeeting(format),

    journal: englishJournal(format),
    dispatchReminder: englishDispatchReminder(format),

    charts: {
      categoryTitle: (period) => `Students by category – ${periodName(period)}`,
      trendTitle: 'Students by category over time',
      studentsAxis: 'Number of students',
      periodAxis: 'Period',
      categoryAltText: (counts) => `Bar chart of students by category: ${countsInWords(counts)}.`,
      trendAltText: (cycles) =>
        `Bar chart of students by category over ${plural(cycles.length, {
          one: `${number(cycles.length)} period`,
          other: `${number(cycles.length)} periods`,
        })}, one row per category. ${trafficLights
          .map(
            (light) =>
              `${categoryName[light]}: ${cycles.map((cycle) => `${cycle.label} ${number(cycle.counts[light])}`).join(', ')}`,
          )
          .join('; ')}.`,
    },
  };
}
