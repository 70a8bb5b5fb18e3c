import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { ExclusionTexts } from './exclusion-texts.js';

/** The exclusion controls in Danish. */
export function danishExclusions(format: LocaleFormat): ExclusionTexts {
  const { number, plural, list } = format;
  const students = (count: number) =>
    plural(count, { one: `${number(count)} studerende`, other: `${number(count)} studerende` });
  return {
    reason: {
      personal_circumstances: 'Personlige forhold',
      change_of_specialisation: 'Skift af specialisering',
      elite_athlete: 'Eliteidrætsudøver',
      agreed_study_plan: 'Aftalt studieplan',
      leave_being_registered: 'Orlov under registrering (§ 31 stk. 3)',
      other: 'Anden begrundelse',
    },
    howTo:
      'Frasortér studerende, der står som frafaldstruede uden at være det: vælg dem på denne side, en begrundelse og om nødvendigt en note nedenfor, og tryk på “Frasortér valgte”. De får ingen mail.',
    studentsLabel: 'Studerende, der skal frasorteres (denne side)',
    studentsPlaceholder: 'Vælg studerende',
    reasonLabel: 'Begrundelse',
    reasonPlaceholder: 'Vælg en begrundelse',
    noteLabel: 'Note',
    noteHint:
      'Skal udfyldes ved “Anden begrundelse”. Den journaliseres og forelægges nævnet: ingen CPR-numre.',
    excludeButton: 'Frasortér valgte',
    undoHowTo:
      'Frasorteringer kan fortrydes, indtil mailene er sendt: vælg de studerende nedenfor, og tryk på “Fortryd frasortering”. De kommer på listen igen og får deres mail.',
    undoLabel: 'Frasorteringer, der skal fortrydes (denne side)',
    undoButton: 'Fortryd frasortering',
    studentOption: ({ name, studentNumber }) => `${name} (${studentNumber})`,
    excludedMark: ({ category, reason }) => `${category} – frasorteret: ${reason.toLowerCase()}`,
    column: {
      reason: 'Begrundelse',
      note: 'Note',
      excludedBy: 'Frasorteret af',
      excludedOn: 'Frasorteret den',
    },
    noLongerInFile: 'Ikke længere frafaldstruet i den nye fil',
    noneExcluded: 'Ingen studerende er frasorteret.',
    excluded: ({ added, reason, alreadyExcluded }) =>
      `${students(added)} frasorteret: ${reason.toLowerCase()}.` +
      (alreadyExcluded === 0
        ? ''
        : ` ${plural(alreadyExcluded, { one: '1 var allerede frasorteret og beholder sin begrundelse.', other: `${number(alreadyExcluded)} var allerede frasorteret og beholder deres begrundelser.` })}`),
    mandatoryContactExcluded: ({ count, months }) =>
      `§ 31 stk. 2: ${plural(count, { one: `1 af dem er mere end ${number(months)} måneder forsinket; universitetet skal tilbyde en sådan studerende en samtale, så den studerende nævnes igen ved afsendelsen, og du bekræfter det der.`, other: `${number(count)} af dem er mere end ${number(months)} måneder forsinket; universitetet skal tilbyde sådanne studerende en samtale, så de nævnes igen ved afsendelsen, og du bekræfter det der.` })}`,
    undone: (removed) =>
      plural(removed, {
        one: '1 frasortering fortrudt: den studerende er på listen igen og får sin mail.',
        other: `${number(removed)} frasorteringer fortrudt: de studerende er på listen igen og får deres mail.`,
      }),
    onlyDeciders: 'Kun formanden eller en stedfortræder kan frasortere studerende.',
    refused:
      'Kun formanden eller en stedfortræder kan frasortere studerende eller fortryde frasorteringer. Intet blev ændret.',
    dispatched: (sentOn) =>
      `Mailene blev sendt${sentOn === null ? '' : ` den ${sentOn}`}; listen kan ikke længere ændres.`,
    unmatched: ({ count, students: named, more }) =>
      `${plural(count, { one: '1 frasortering passer', other: `${number(count)} frasorteringer passer` })} ikke længere til en frafaldstruet studerende i den nye fil: ${list(more === 0 ? named : [...named, `${number(more)} flere`])}. Fortryd ${plural(count, { one: 'den', other: 'dem' })} under Frasorteret, hvis ${plural(count, { one: 'den', other: 'de' })} ikke længere gælder.`,
    problem: (problem, noteMaxLength) =>
      ({
        no_students: 'Vælg mindst én studerende.',
        not_in_list:
          'En valgt studerende er ikke længere på listen. Luk den, og åbn den igen fra påmindelsen.',
        not_followed_here: 'En valgt studerende følges op af sit sidefagsnævn, ikke af dette nævn.',
        not_at_risk: 'Kun røde og gule studerende kan frasorteres.',
        reason_missing: 'Vælg en begrundelse.',
        reason_unknown: 'Vælg en af begrundelserne i menuen.',
        note_required: 'Skriv begrundelsen i noten: den skal udfyldes ved “Anden begrundelse”.',
        note_too_long: `Noten må højst være ${number(noteMaxLength)} tegn.`,
        note_has_cpr: 'Noten må ikke indeholde et CPR-nummer.',
      })[problem],
  };
}
