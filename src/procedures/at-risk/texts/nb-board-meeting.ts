import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { IdentificationPeriod, Term } from '../identification-period.js';
import type { BoardMeetingTexts, JournalTexts } from './board-meeting-texts.js';

const term = { spring: 'vår', autumn: 'høst' } as const;
const periodName = (period: IdentificationPeriod): string => `${term[period.term]} ${period.year}`;
/** After "siden" the term takes its definite form: "siden høsten 2025". */
const definiteTerm: Readonly<Record<Term, string>> = { spring: 'våren', autumn: 'høsten' };

export function norwegianBoardMeeting(format: LocaleFormat): BoardMeetingTexts {
  const { number, plural } = format;
  const months = (count: number) =>
    plural(count, { one: `${number(count)} måned`, other: `${number(count)} måneder` });
  const students = (count: number) =>
    plural(count, { one: `${number(count)} student`, other: `${number(count)} studenter` });
  return {
    heading: ({ period, boardName }) =>
      `Til studieutvalgsmøtet: studenter i risiko for frafall – ${periodName(period)} – ${boardName}`,
    intro: ({ period, dispatchedOn }) =>
      `E-postene til gule og røde studenter for ${periodName(period)} ble sendt ${format.date(dispatchedOn)}. Her er materialet til studieutvalgets neste møte.`,
    mailsHeading: 'E-post til studenter',
    mailsSent: 'Sendt',
    mailsFailed: 'Ikke levert',
    withoutEmail: 'Uten e-postadresse (følges opp manuelt)',
    exclusionsHeading: 'Unntatte studenter',
    exclusionReason: {
      personal_circumstances: 'Personlige forhold',
      change_of_specialisation: 'Bytte av spesialisering',
      elite_athlete: 'Toppidrettsutøver',
      agreed_study_plan: 'Avtalt studieplan',
      leave_being_registered: 'Permisjon under registrering',
      other: 'Annen begrunnelse',
    },
    noExclusions: 'Ingen studenter ble unntatt.',
    total: 'Totalt',
    section31Heading: '§ 31',
    specialGuidance: ({ count, months: limit }) =>
      `${students(count)} er forsinket mer enn ${months(limit)} og har rett til særskilt veiledning (stk. 1).`,
    mandatoryContact: ({ count, months: limit }) =>
      `${students(count)} er forsinket mer enn ${months(limit)} og skal tilbys en individuell samtale (stk. 2).`,
    mandatoryContactExcluded: (count) =>
      count === 0
        ? 'Ingen av dem er unntatt.'
        : `Av disse er ${number(count)} unntatt av lederen, som bekreftet det ved utsendingen.`,
    pdfAttached: 'Materialet er vedlagt som PDF.',
    column: {
      category: 'Kategori',
      students: 'Studenter',
      change: (since) => `Endring siden ${definiteTerm[since.term]} ${since.year}`,
      reason: 'Begrunnelse',
      mailStatus: 'Status',
      number: 'Antall',
    },
    footer: ({ madeOn, page, pages }) =>
      `Utarbeidet av Trafiklys ${format.date(madeOn)} – side ${number(page)} av ${number(pages)}`,
  };
}

/** The journal's words: a Norwegian archive journalfører a sak; the records system is the arkivsystem. */
export function norwegianJournal(format: LocaleFormat): JournalTexts {
  const { number, plural } = format;
  const cases = (count: number) =>
    plural(count, { one: `${number(count)} sak`, other: `${number(count)} saker` });
  const problemWords = {
    cpr_missing:
      'ingen CPR-nummer er lagret for studenten (eksporten hadde ingen), så saken kan ikke få sin tittel',
    cpr_unreadable: 'CPR-nummeret kan ikke leses (nøkkelen TRAFIKLYS_CPR_KEY mangler eller er en annen)',
    refused: 'arkivsystemet avviste saken',
    unreachable: 'arkivsystemet svarte ikke, heller ikke etter flere forsøk',
    write_failed: 'journalmappen kunne ikke skrives til',
    internal: 'en feil i Trafiklys (se loggen)',
  } as const;
  return {
    heading: ({ period, boardName }) =>
      `Journalført: identifisering av studenter i risiko for frafall – ${periodName(period)} – ${boardName}`,
    filed: ({ studentCases, collectiveCases }) =>
      studentCases + collectiveCases === 0
        ? 'Ingen nye saker er journalført.'
        : `${cases(studentCases + collectiveCases)} er journalført: ${plural(studentCases, {
            one: `${number(studentCases)} studentsak`,
            other: `${number(studentCases)} studentsaker`,
          })} og ${plural(collectiveCases, {
            one: `${number(collectiveCases)} samlesak`,
            other: `${number(collectiveCases)} samlesaker`,
          })}.`,
    alreadyFiled: (count) => `${cases(count)} var allerede journalført.`,
    inProgress: (count) => `${cases(count)} journalføres akkurat nå av en annen Trafiklys-instans.`,
    failed: (count) => `${cases(count)} kunne ikke journalføres:`,
    problem: ({ problem, count }) => `${cases(count)}: ${problemWords[problem]}`,
    retryNote:
      'Saker som ikke ble journalført, forsøkes igjen neste gang syklusen journalføres. Den som drifter Trafiklys, finner årsaken for hver sak i loggen.',
  };
}
