import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { IdentificationPeriod, Term } from '../identification-period.js';
import type { BoardMeetingTexts, JournalTexts } from './board-meeting-texts.js';

const term = { spring: 'forår', autumn: 'efterår' } as const;
const periodName = (period: IdentificationPeriod): string => `${term[period.term]} ${period.year}`;
/** After "siden" the term takes its definite form: "siden efteråret 2025". */
const definiteTerm: Readonly<Record<Term, string>> = { spring: 'foråret', autumn: 'efteråret' };

export function danishBoardMeeting(format: LocaleFormat): BoardMeetingTexts {
  const { number, plural } = format;
  const months = (count: number) =>
    plural(count, { one: `${number(count)} måned`, other: `${number(count)} måneder` });
  return {
    heading: ({ period, boardName }) =>
      `Til studienævnsmødet: frafaldstruede studerende – ${periodName(period)} – ${boardName}`,
    intro: ({ period, dispatchedOn }) =>
      `Mails til gule og røde studerende for ${periodName(period)} blev sendt ${format.date(dispatchedOn)}. Her er materialet til studienævnets næste møde.`,
    mailsHeading: 'Mails til studerende',
    mailsSent: 'Sendt',
    mailsFailed: 'Ikke leveret',
    withoutEmail: 'Uden e-mailadresse (følges op manuelt)',
    exclusionsHeading: 'Frasorterede studerende',
    exclusionReason: {
      personal_circumstances: 'Personlige forhold',
      change_of_specialisation: 'Skift af specialisering',
      elite_athlete: 'Eliteidrætsudøver',
      agreed_study_plan: 'Aftalt studieplan',
      leave_being_registered: 'Orlov under registrering',
      other: 'Anden begrundelse',
    },
    noExclusions: 'Ingen studerende blev frasorteret.',
    total: 'I alt',
    section31Heading: '§ 31',
    specialGuidance: ({ count, months: limit }) =>
      plural(count, {
        one: `${number(count)} studerende er mere end ${months(limit)} forsinket og har ret til særlig vejledning (stk. 1).`,
        other: `${number(count)} studerende er mere end ${months(limit)} forsinkede og har ret til særlig vejledning (stk. 1).`,
      }),
    mandatoryContact: ({ count, months: limit }) =>
      plural(count, {
        one: `${number(count)} studerende er mere end ${months(limit)} forsinket og skal tilbydes en individuel samtale (stk. 2).`,
        other: `${number(count)} studerende er mere end ${months(limit)} forsinkede og skal tilbydes en individuel samtale (stk. 2).`,
      }),
    mandatoryContactExcluded: (count) =>
      count === 0
        ? 'Ingen af dem er frasorteret.'
        : `Heraf er ${number(count)} frasorteret af formanden, som bekræftede det ved afsendelsen.`,
    pdfAttached: 'Materialet er vedhæftet som PDF.',
    column: {
      category: 'Kategori',
      students: 'Studerende',
      change: (since) => `Ændring siden ${definiteTerm[since.term]} ${since.year}`,
      reason: 'Begrundelse',
      mailStatus: 'Status',
      number: 'Antal',
    },
    footer: ({ madeOn, page, pages }) =>
      `Udarbejdet af Trafiklys ${format.date(madeOn)} – side ${number(page)} af ${number(pages)}`,
  };
}

export function danishJournal(format: LocaleFormat): JournalTexts {
  const { number, plural } = format;
  const cases = (count: number) =>
    plural(count, { one: `${number(count)} sag`, other: `${number(count)} sager` });
  const problemWords = {
    cpr_missing:
      'intet CPR-nummer gemt for den studerende (eksporten havde intet), så sagen kan ikke få sin titel',
    cpr_unreadable: 'CPR-nummeret kan ikke læses (nøglen TRAFIKLYS_CPR_KEY mangler eller er en anden)',
    refused: 'journalsystemet afviste sagen',
    unreachable: 'journalsystemet svarede ikke, heller ikke efter flere forsøg',
    write_failed: 'journalmappen kunne ikke skrives',
    internal: 'en fejl i Trafiklys (se loggen)',
  } as const;
  return {
    heading: ({ period, boardName }) =>
      `Journaliseret: identifikation af frafaldstruede ${periodName(period)} – ${boardName}`,
    filed: ({ studentCases, collectiveCases }) =>
      studentCases + collectiveCases === 0
        ? 'Ingen nye sager er journaliseret.'
        : `${cases(studentCases + collectiveCases)} er journaliseret: ${plural(studentCases, {
            one: `${number(studentCases)} studentersag`,
            other: `${number(studentCases)} studentersager`,
          })} og ${plural(collectiveCases, {
            one: `${number(collectiveCases)} samlesag`,
            other: `${number(collectiveCases)} samlesager`,
          })}.`,
    alreadyFiled: (count) => `${cases(count)} var allerede journaliseret.`,
    inProgress: (count) => `${cases(count)} journaliseres lige nu af en anden Trafiklys-instans.`,
    failed: (count) => `${cases(count)} kunne ikke journaliseres:`,
    problem: ({ problem, count }) => `${cases(count)}: ${problemWords[problem]}`,
    retryNote:
      'Sager, der ikke blev journaliseret, forsøges igen, næste gang cyklussen journaliseres. Den, der driver Trafiklys, kan se årsagen for hver sag i loggen.',
  };
}
