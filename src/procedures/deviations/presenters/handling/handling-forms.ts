import type { Translator } from '../../../../i18n/translator.js';
import type { Block, Form } from '../../../../messages/message-model.js';
import type { CalendarDate } from '../../../../shared/calendar-date.js';
import type { DeviationCase } from '../../deviation-case.js';
import type { Exchange } from '../../storage/deviation-store.js';
import { isBlank } from './case-view.js';
import { dueText, quoteBlock } from './exchange-blocks.js';
import {
  type CaseFormState,
  type ExchangeFormState,
  encodeCaseFormState,
  encodeExchangeFormState,
  handlingFields,
  handlingForms,
  handlingLimits,
} from './handling-ids.js';

/**
 * The handling forms: the handler's (ask the reporter, send for comments,
 * preliminary reply, causes and measures, close), opened from the case view
 * and answered by the case view again; the reporter's answer and a
 * colleague's comment, opened from the message that asked; and a form that
 * only says something. Fields the core requires are marked optional where a
 * surface would otherwise refuse to send the form (Teams disables a dialog's
 * button while a required field is empty): the core checks them and says so
 * under the field.
 */
export function askForm(reader: Translator, state: CaseFormState): Form {
  const texts = reader.t.deviations.handling;
  return {
    ...handlerForm(reader, handlingForms.ask, texts.forms.ask.title, state),
    fields: [
      {
        id: handlingFields.question,
        kind: 'multiline',
        label: texts.forms.ask.label,
        hint: texts.forms.ask.hint,
        maxLength: handlingLimits.question,
      },
    ],
  };
}

export function commentsForm(
  reader: Translator,
  state: CaseFormState,
  deviation: DeviationCase,
  suggestedDue: CalendarDate,
): Form {
  const texts = reader.t.deviations.handling.forms.comments;
  return {
    ...handlerForm(reader, handlingForms.comments, texts.title, state),
    intro: [texts.intro],
    fields: [
      {
        id: handlingFields.colleagues,
        kind: 'multiline',
        label: texts.colleaguesLabel,
        hint: texts.colleaguesHint,
        maxLength: handlingLimits.colleaguesField,
      },
      {
        id: handlingFields.request,
        kind: 'multiline',
        label: texts.questionLabel,
        maxLength: handlingLimits.request,
      },
      { id: handlingFields.dueDate, kind: 'date', label: texts.dueDateLabel, initialValue: suggestedDue },
      // Sensitive personal data goes to the colleagues only when the handler says so.
      ...(deviation.sensitive
        ? [
            {
              id: handlingFields.shareText,
              kind: 'checkbox' as const,
              label: texts.shareTextLabel,
              hint: texts.shareTextHint,
              optional: true,
            },
          ]
        : []),
    ],
  };
}

export function preliminaryReplyForm(reader: Translator, state: CaseFormState): Form {
  const texts = reader.t.deviations.handling.forms.preliminaryReply;
  return {
    ...handlerForm(reader, handlingForms.preliminaryReply, texts.title, state),
    intro: [texts.intro],
    fields: [
      { id: handlingFields.reply, kind: 'multiline', label: texts.label, maxLength: handlingLimits.reply },
    ],
  };
}

/** Filled in with what is recorded: recording again replaces it. */
export function causesForm(reader: Translator, state: CaseFormState, deviation: DeviationCase): Form {
  const texts = reader.t.deviations.handling.forms.causes;
  return {
    ...handlerForm(reader, handlingForms.causes, texts.title, state),
    intro: [texts.intro],
    fields: [
      {
        id: handlingFields.causes,
        kind: 'multiline',
        label: texts.causesLabel,
        optional: true,
        maxLength: handlingLimits.causes,
        ...(isBlank(deviation.causes) ? {} : { initialValue: deviation.causes ?? '' }),
      },
      {
        id: handlingFields.measures,
        kind: 'multiline',
        label: texts.measuresLabel,
        optional: true,
        maxLength: handlingLimits.measures,
        ...(isBlank(deviation.measures) ? {} : { initialValue: deviation.measures ?? '' }),
      },
    ],
  };
}

/** The guideline: the handler follows up the measures and closes; what is recorded is shown, not required. */
export function closeForm(reader: Translator, state: CaseFormState, deviation: DeviationCase): Form {
  const texts = reader.t.deviations.handling;
  const recorded: Block[] =
    isBlank(deviation.causes) && isBlank(deviation.measures)
      ? [{ type: 'context', content: [texts.forms.close.noCausesRecorded] }]
      : [
          { type: 'text', content: [texts.forms.close.intro] },
          quoteBlock(
            texts.view.causes,
            isBlank(deviation.causes) ? texts.view.notRecorded : (deviation.causes ?? ''),
          ),
          quoteBlock(
            texts.view.measures,
            isBlank(deviation.measures) ? texts.view.notRecorded : (deviation.measures ?? ''),
          ),
        ];
  return {
    ...handlerForm(reader, handlingForms.close, texts.forms.close.title, state),
    blocks: recorded,
    fields: [
      {
        id: handlingFields.outcome,
        kind: 'multiline',
        label: texts.forms.close.outcomeLabel,
        hint: texts.forms.close.outcomeHint,
        maxLength: handlingLimits.outcome,
      },
    ],
  };
}

/** The reporter's answer: the question quoted, by the handler who asked. */
export function answerForm(
  reader: Translator,
  state: ExchangeFormState,
  deviation: DeviationCase,
  exchange: Exchange,
  askedBy: string,
): Form {
  const texts = reader.t.deviations.handling;
  return {
    formId: handlingForms.answer,
    title: texts.forms.answer.title,
    submitLabel: texts.actions.send,
    cancelLabel: texts.actions.cancel,
    state: encodeExchangeFormState(state),
    blocks: [
      { type: 'text', content: [texts.forms.answer.intro({ handler: askedBy, number: deviation.number })] },
      quoteBlock(texts.messages.theQuestion, exchange.text),
    ],
    fields: [
      {
        id: handlingFields.answer,
        kind: 'multiline',
        label: texts.forms.answer.label,
        maxLength: handlingLimits.answer,
      },
    ],
  };
}

/** A colleague's comment: the request quoted with its due date. */
export function commentForm(
  reader: Translator,
  state: ExchangeFormState,
  deviation: DeviationCase,
  exchange: Exchange,
  askedBy: string,
): Form {
  const texts = reader.t.deviations.handling;
  return {
    formId: handlingForms.comment,
    title: texts.forms.comment.title,
    submitLabel: texts.actions.send,
    cancelLabel: texts.actions.cancel,
    state: encodeExchangeFormState(state),
    blocks: [
      {
        type: 'text',
        content: [
          texts.forms.comment.intro({
            handler: askedBy,
            number: deviation.number,
            due: dueText(reader, exchange.dueDate),
          }),
        ],
      },
      quoteBlock(texts.messages.theRequest, exchange.text),
    ],
    fields: [
      {
        id: handlingFields.comment,
        kind: 'multiline',
        label: texts.forms.comment.label,
        maxLength: handlingLimits.comment,
      },
    ],
  };
}

/** A form that only says something (thanks for an answer, a refusal); its one button closes it. */
export function noticeForm(reader: Translator, title: string, notice: string): Form {
  const texts = reader.t.deviations.handling;
  return {
    formId: handlingForms.notice,
    title,
    submitLabel: texts.forms.done.okLabel,
    cancelLabel: texts.view.closeLabel,
    blocks: [{ type: 'text', content: [notice] }],
    fields: [],
  };
}

function handlerForm(
  reader: Translator,
  formId: string,
  title: string,
  state: CaseFormState,
): Pick<Form, 'formId' | 'title' | 'submitLabel' | 'cancelLabel' | 'state'> {
  const texts = reader.t.deviations.handling.actions;
  return {
    formId,
    title,
    submitLabel: texts.send,
    cancelLabel: texts.cancel,
    state: encodeCaseFormState(state),
  };
}
