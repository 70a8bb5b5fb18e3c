import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { ExclusionTexts } from './exclusion-texts.js';

/** The exclusion controls in English. */
export function englishExclusions(format: LocaleFormat): ExclusionTexts {
  const { number, plural, list } = format;
  const students = (count: number) =>
    plural(count, { one: `${number(count)} student`, other: `${number(count)} students` });
  return {
    reason: {
      personal_circumstances: 'Personal circumstances',
      change_of_specialisation: 'Change of specialisation',
      elite_athlete: 'Elite athlete',
      agreed_study_plan: 'Agreed study plan',
      leave_being_registered: 'Leave being registered (§ 31 stk. 3)',
      other: 'Other',
    },
    howTo:
      'Exclude students who show as at risk without being so: choose them on this page, a reason and, if needed, a note below, then press “Exclude selected”. They get no mail.',
    studentsLabel: 'Students to exclude (this page)',
    studentsPlaceholder: 'Choose students',
    reasonLabel: 'Reason',
    reasonPlaceholder: 'Choose a reason',
    noteLabel: 'Note',
    noteHint: 'Required for “Other”. It goes to the journal and the board meeting: no CPR numbers.',
    excludeButton: 'Exclude selected',
    undoHowTo:
      'To undo exclusions until the mails are sent: choose the students below and press “Undo exclusion”. They are in the list again and get their mail.',
    undoLabel: 'Exclusions to undo (this page)',
    undoButton: 'Undo exclusion',
    studentOption: ({ name, studentNumber }) => `${name} (${studentNumber})`,
    excludedMark: ({ category, reason }) => `${category} – excluded: ${reason.toLowerCase()}`,
    column: { reason: 'Reason', note: 'Note', excludedBy: 'Excluded by', excludedOn: 'Excluded on' },
    noLongerInFile: 'No longer at risk in the new file',
    noneExcluded: 'No student is excluded.',
    excluded: ({ added, reason, alreadyExcluded }) =>
      `${students(added)} excluded: ${reason.toLowerCase()}.` +
      (alreadyExcluded === 0
        ? ''
        : ` ${plural(alreadyExcluded, { one: '1 was excluded already and keeps its reason.', other: `${number(alreadyExcluded)} were excluded already and keep their reasons.` })}`),
    mandatoryContactExcluded: ({ count, months }) =>
      `§ 31 stk. 2: ${plural(count, { one: `1 of them is more than ${number(months)} months behind; the university must offer such a student a meeting, so she will be named again at dispatch for you to confirm.`, other: `${number(count)} of them are more than ${number(months)} months behind; the university must offer such students a meeting, so they will be named again at dispatch for you to confirm.` })}`,
    undone: (removed) =>
      plural(removed, {
        one: '1 exclusion undone: the student is in the list again and gets her mail.',
        other: `${number(removed)} exclusions undone: the students are in the list again and get their mail.`,
      }),
    onlyDeciders: 'Only the chair or a delegate can exclude students.',
    refused: 'Only the chair or a delegate can exclude students or undo exclusions. Nothing was changed.',
    dispatched: (sentOn) =>
      `The mails were sent${sentOn === null ? '' : ` on ${sentOn}`}; the list can no longer change.`,
    unmatched: ({ count, students: named, more }) =>
      `${plural(count, { one: '1 exclusion no longer matches', other: `${number(count)} exclusions no longer match` })} a student at risk in the new file: ${list(more === 0 ? named : [...named, plural(more, { one: '1 more', other: `${number(more)} more` })])}. Undo ${plural(count, { one: 'it', other: 'them' })} under Excluded if ${plural(count, { one: 'it no longer applies', other: 'they no longer apply' })}.`,
    problem: (problem, noteMaxLength) =>
      ({
        no_students: 'Choose at least one student.',
        not_in_list:
          'A chosen student is no longer in the list. Close it and open it again from the reminder.',
        not_followed_here: 'A chosen student is followed up by her side-subject board, not by this board.',
        not_at_risk: 'Only red and yellow students can be excluded.',
        reason_missing: 'Choose a reason.',
        reason_unknown: 'Choose one of the reasons in the menu.',
        note_required: 'Say why in the note: it is required for “Other”.',
        note_too_long: `The note can be at most ${number(noteMaxLength)} characters.`,
        note_has_cpr: 'The note may not hold a CPR number.',
      })[problem],
  };
}
