import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { BoardMeetingTexts, JournalTexts } from './board-meeting-texts.js';

const periodName = (period: IdentificationPeriod): string => `${period.term} ${period.year}`;

export function englishBoardMeeting(format: LocaleFormat): BoardMeetingTexts {
  const { number, plural } = format;
  const months = (count: number) =>
    plural(count, { one: `${number(count)} month`, other: `${number(count)} months` });
  return {
    heading: ({ period, boardName }) =>
      `For the board meeting: students at risk – ${periodName(period)} – ${boardName}`,
    intro: ({ period, dispatchedOn }) =>
      `The mails to yellow and red students for ${periodName(period)} were sent on ${format.date(dispatchedOn)}. Here is the material for the board's next meeting.`,
    mailsHeading: 'Mails to students',
    mailsSent: 'Sent',
    mailsFailed: 'Not delivered',
    withoutEmail: 'Without an e-mail address (followed up by hand)',
    exclusionsHeading: 'Students sorted out',
    exclusionReason: {
      personal_circumstances: 'Personal circumstances',
      change_of_specialisation: 'Change of specialisation',
      elite_athlete: 'Elite athlete',
      agreed_study_plan: 'Agreed study plan',
      leave_being_registered: 'Leave being registered',
      other: 'Other reason',
    },
    noExclusions: 'No student was sorted out.',
    total: 'Total',
    section31Heading: '§ 31',
    specialGuidance: ({ count, months: limit }) =>
      plural(count, {
        one: `${number(count)} student is more than ${months(limit)} behind and has a right to special guidance (stk. 1).`,
        other: `${number(count)} students are more than ${months(limit)} behind and have a right to special guidance (stk. 1).`,
      }),
    mandatoryContact: ({ count, months: limit }) =>
      plural(count, {
        one: `${number(count)} student is more than ${months(limit)} behind and must be offered an individual meeting (stk. 2).`,
        other: `${number(count)} students are more than ${months(limit)} behind and must be offered an individual meeting (stk. 2).`,
      }),
    mandatoryContactExcluded: (count) =>
      count === 0
        ? 'None of them was sorted out.'
        : `Of these, ${number(count)} ${count === 1 ? 'was' : 'were'} sorted out by the chair, who confirmed it at dispatch.`,
    pdfAttached: 'The material is attached as a PDF.',
    column: {
      category: 'Category',
      students: 'Students',
      change: (since) => `Change since ${periodName(since)}`,
      reason: 'Reason',
      mailStatus: 'Status',
      number: 'Number',
    },
    footer: ({ madeOn, page, pages }) =>
      `Made by Trafiklys on ${format.date(madeOn)} – page ${number(page)} of ${number(pages)}`,
  };
}

export function englishJournal(format: LocaleFormat): JournalTexts {
  const { number, plural } = format;
  const cases = (count: number) =>
    plural(count, { one: `${number(count)} case`, other: `${number(count)} cases` });
  const problemWords = {
    cpr_missing:
      'no CPR number is stored for the student (the export had none), so the case cannot be titled',
    cpr_unreadable: 'the CPR number cannot be read (the key TRAFIKLYS_CPR_KEY is missing or another one)',
    refused: 'the records system refused the case',
    unreachable: 'the records system did not answer, not even after several tries',
    write_failed: 'the journal folder could not be written',
    internal: 'a fault in Trafiklys (see the log)',
  } as const;
  return {
    heading: ({ period, boardName }) =>
      `Journalised: identification of students at risk – ${periodName(period)} – ${boardName}`,
    filed: ({ studentCases, collectiveCases }) =>
      studentCases + collectiveCases === 0
        ? 'No new cases were journalised.'
        : `${cases(studentCases + collectiveCases)} journalised: ${plural(studentCases, {
            one: `${number(studentCases)} student case`,
            other: `${number(studentCases)} student cases`,
          })} and ${plural(collectiveCases, {
            one: `${number(collectiveCases)} collective case`,
            other: `${number(collectiveCases)} collective cases`,
          })}.`,
    alreadyFiled: (count) =>
      plural(count, {
        one: `${cases(count)} was already journalised.`,
        other: `${cases(count)} were already journalised.`,
      }),
    inProgress: (count) =>
      plural(count, {
        one: `${cases(count)} is being journalised by another Trafiklys instance right now.`,
        other: `${cases(count)} are being journalised by another Trafiklys instance right now.`,
      }),
    failed: (count) => `${cases(count)} could not be journalised:`,
    problem: ({ problem, count }) => `${cases(count)}: ${problemWords[problem]}`,
    retryNote:
      'Cases that were not journalised are tried again the next time the cycle is journalised. Whoever runs Trafiklys finds the cause of each in the log.',
  };
}
