import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { ExclusionTexts } from './exclusion-texts.js';

/**
 * The exclusion controls in Norwegian Bokmål. The chair exempts (unntar) a
 * student from the follow-up; an exclusion is an unntak, which she can undo (angre).
 */
export function norwegianExclusions(format: LocaleFormat): ExclusionTexts {
  const { number, plural, list } = format;
  const students = (count: number) =>
    plural(count, { one: `${number(count)} student`, other: `${number(count)} studenter` });
  return {
    reason: {
      personal_circumstances: 'Personlige forhold',
      change_of_specialisation: 'Bytte av spesialisering',
      elite_athlete: 'Toppidrettsutøver',
      agreed_study_plan: 'Avtalt studieplan',
      leave_being_registered: 'Permisjon under registrering (§ 31 stk. 3)',
      other: 'Annen begrunnelse',
    },
    howTo:
      'Unnta studenter som står oppført som i risiko for frafall uten å være det: velg dem på denne siden, en begrunnelse og eventuelt et notat nedenfor, og trykk på «Unnta valgte». De får ingen e-post.',
    studentsLabel: 'Studenter som skal unntas (denne siden)',
    studentsPlaceholder: 'Velg studenter',
    reasonLabel: 'Begrunnelse',
    reasonPlaceholder: 'Velg en begrunnelse',
    noteLabel: 'Notat',
    noteHint:
      'Må fylles ut ved «Annen begrunnelse». Det journalføres og legges fram for studieutvalget: ingen CPR-numre.',
    excludeButton: 'Unnta valgte',
    undoHowTo:
      'Unntak kan angres til e-postene er sendt: velg studentene nedenfor og trykk på «Angre unntak». De kommer tilbake på listen og får e-posten sin.',
    undoLabel: 'Unntak som skal angres (denne siden)',
    undoButton: 'Angre unntak',
    studentOption: ({ name, studentNumber }) => `${name} (${studentNumber})`,
    excludedMark: ({ category, reason }) => `${category} – unntatt: ${reason.toLowerCase()}`,
    column: {
      reason: 'Begrunnelse',
      note: 'Notat',
      excludedBy: 'Unntatt av',
      excludedOn: 'Unntatt den',
    },
    noLongerInFile: 'Ikke lenger i risiko for frafall i den nye filen',
    noneExcluded: 'Ingen studenter er unntatt.',
    excluded: ({ added, reason, alreadyExcluded }) =>
      `${students(added)} unntatt: ${reason.toLowerCase()}.` +
      (alreadyExcluded === 0
        ? ''
        : ` ${plural(alreadyExcluded, { one: '1 var allerede unntatt og beholder sin begrunnelse.', other: `${number(alreadyExcluded)} var allerede unntatt og beholder sine begrunnelser.` })}`),
    mandatoryContactExcluded: ({ count, months }) =>
      `§ 31 stk. 2: ${plural(count, { one: `1 av dem er forsinket mer enn ${number(months)} måneder; universitetet skal tilby en slik student en samtale, så studenten nevnes igjen ved utsendingen, og du bekrefter det der.`, other: `${number(count)} av dem er forsinket mer enn ${number(months)} måneder; universitetet skal tilby slike studenter en samtale, så de nevnes igjen ved utsendingen, og du bekrefter det der.` })}`,
    undone: (removed) =>
      plural(removed, {
        one: '1 unntak angret: studenten er på listen igjen og får e-posten sin.',
        other: `${number(removed)} unntak angret: studentene er på listen igjen og får e-posten sin.`,
      }),
    onlyDeciders: 'Bare lederen eller en stedfortreder kan unnta studenter.',
    refused:
      'Bare lederen eller en stedfortreder kan unnta studenter eller angre unntak. Ingenting ble endret.',
    dispatched: (sentOn) =>
      `E-postene ble sendt${sentOn === null ? '' : ` den ${sentOn}`}; listen kan ikke lenger endres.`,
    unmatched: ({ count, students: named, more }) =>
      // "unntak" is the same in the singular and the plural.
      `${number(count)} unntak passer ikke lenger med en student i risiko for frafall i den nye filen: ${list(more === 0 ? named : [...named, `${number(more)} flere`])}. Angre ${plural(count, { one: 'det', other: 'dem' })} under Unntatt hvis ${plural(count, { one: 'det', other: 'de' })} ikke lenger gjelder.`,
    problem: (problem, noteMaxLength) =>
      ({
        no_students: 'Velg minst én student.',
        not_in_list: 'En valgt student er ikke lenger på listen. Lukk den og åpne den igjen fra påminnelsen.',
        not_followed_here: 'En valgt student følges opp av sidefagets studieutvalg, ikke av dette utvalget.',
        not_at_risk: 'Bare røde og gule studenter kan unntas.',
        reason_missing: 'Velg en begrunnelse.',
        reason_unknown: 'Velg en av begrunnelsene i menyen.',
        note_required: 'Skriv begrunnelsen i notatet: det må fylles ut ved «Annen begrunnelse».',
        note_too_long: `Notatet kan være på høyst ${number(noteMaxLength)} tegn.`,
        note_has_cpr: 'Notatet kan ikke inneholde et CPR-nummer.',
      })[problem],
  };
}
