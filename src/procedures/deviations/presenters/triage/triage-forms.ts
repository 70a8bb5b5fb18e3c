import type { Translator } from '../../../../i18n/translator.js';
import type { Form, RichText, SelectOption } from '../../../../messages/message-model.js';
import type { DeviationCase } from '../../deviation-case.js';
import { triageFields, triageForms } from './triage-ids.js';

/** A note to the handler or to another faculty's report owners: a few paragraphs. */
export const triageNoteMaxLength = 1000;
/** A reason sent to the reporter: room to explain, within Slack's 3,000-character input. */
export const triageReasonMaxLength = 2000;

/** The case the form is about, above its fields. */
function caseIntro(reader: Translator, deviation: DeviationCase): RichText {
  const texts = reader.t.deviations;
  return [
    { kind: 'styled', text: texts.caseTitle({ number: deviation.number }), bold: true },
    `\n${texts.category[deviation.category]}`,
  ];
}

/** Accept and assign: the handler (a person picker) and an optional note to her. */
export function acceptForm(reader: Translator, deviation: DeviationCase): Form {
  const texts = reader.t.deviations.triage.form;
  return {
    formId: triageForms.accept,
    title: texts.accept.title,
    submitLabel: texts.accept.submit,
    cancelLabel: texts.cancel,
    state: deviation.id,
    intro: caseIntro(reader, deviation),
    fields: [
      { id: triageFields.handler, kind: 'user', label: texts.accept.handler, hint: texts.accept.handlerHint },
      {
        id: triageFields.note,
        kind: 'multiline',
        label: texts.accept.note,
        hint: texts.accept.noteHint,
        optional: true,
        maxLength: triageNoteMaxLength,
      },
    ],
  };
}

/** Forward: the faculty (those with report owners, but the case's own) and an optional note to its owners. */
export function forwardForm(
  reader: Translator,
  deviation: DeviationCase,
  faculties: readonly SelectOption[],
): Form {
  const texts = reader.t.deviations.triage.form;
  return {
    formId: triageForms.forward,
    title: texts.forward.title,
    submitLabel: texts.forward.submit,
    cancelLabel: texts.cancel,
    state: deviation.id,
    intro: caseIntro(reader, deviation),
    fields: [
      {
        id: triageFields.faculty,
        kind: 'select',
        label: texts.forward.faculty,
        placeholder: texts.forward.facultyPlaceholder,
        options: faculties,
      },
      {
        id: triageFields.note,
        kind: 'multiline',
        label: texts.forward.note,
        hint: texts.forward.noteHint,
        optional: true,
        maxLength: triageNoteMaxLength,
      },
    ],
  };
}

/** Reject, or redirect to whistleblowing: a reason, which the reporter receives as written. */
export function closingForm(reader: Translator, deviation: DeviationCase, kind: 'reject' | 'redirect'): Form {
  const texts = reader.t.deviations.triage.form[kind];
  return {
    formId: triageForms[kind],
    title: texts.title,
    submitLabel: texts.submit,
    cancelLabel: reader.t.deviations.triage.form.cancel,
    state: deviation.id,
    intro: caseIntro(reader, deviation),
    fields: [
      {
        id: triageFields.reason,
        kind: 'multiline',
        label: texts.reason,
        hint: texts.reasonHint,
        maxLength: triageReasonMaxLength,
      },
    ],
  };
}

/** What became of a submission, when something needs saying: the form turns into these lines. */
export function resultForm(reader: Translator, lines: readonly string[]): Form {
  const texts = reader.t.deviations.triage.form.result;
  return {
    formId: triageForms.result,
    title: texts.title,
    submitLabel: texts.close,
    cancelLabel: texts.close,
    blocks: lines.map((line) => ({ type: 'text', content: [line] })),
    fields: [],
  };
}
