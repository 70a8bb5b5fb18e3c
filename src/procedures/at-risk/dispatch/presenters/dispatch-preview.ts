import { nameIn, type StudyBoard } from '../../../../config/institution-config.js';
import type { Translator } from '../../../../i18n/translator.js';
import type { Block, Form } from '../../../../messages/message-model.js';
import type { CalendarDate } from '../../../../shared/calendar-date.js';
import type { IdentificationPeriod } from '../../identification-period.js';
import type { StudentMail } from '../../mail/mail-templates.js';
import type { DispatchPlan } from '../dispatch-cycle.js';

/** The dispatch view's id; its in-view actions start with it (`at-risk.dispatch.test`). */
export const dispatchFormId = 'at-risk.dispatch';
export const dispatchTestActionId = `${dispatchFormId}.test`;
/** A "Prepare the mails" button's action (value `BOARD|term|year`). */
export const dispatchOpenActionId = `${dispatchFormId}.open`;
/** The checkbox by which the chair confirms § 31 stk. 2 exclusions. */
export const confirmOverdueField = 'confirmOverdue';

/** How many excluded students the view names one by one; the rest are counted (Slack's text limits). */
const namedExclusions = 25;
/** A sample mail's text in the view, cut to stay within a section's 3,000 characters on Slack. */
const sampleTextLength = 2_400;

export interface DispatchView {
  readonly board: StudyBoard;
  readonly period: IdentificationPeriod;
  readonly plan: DispatchPlan;
  readonly samples: readonly StudentMail[];
  /** The chair or a delegate: she may send and test. */
  readonly decides: boolean;
  /** SMTP_URL is set. */
  readonly mailServer: boolean;
  /** When the mails were sent, in the institution's time zone; null while a draft. */
  readonly dispatchedOn: CalendarDate | null;
  /** What the last action did, shown at the top (a test sent, a refusal). */
  readonly notice?: string;
}

/** `SN-DAT|spring|2026`: the board and period the view is about, carried through the round trip. */
export function dispatchState(board: StudyBoard, period: IdentificationPeriod): string {
  return `${board.code}|${period.term}|${period.year}`;
}

/**
 * The chair's preview before the § 31 mails go (spec step 4): who gets which
 * mail in which language, one rendered sample of each, who has no address,
 * who is excluded and why, and (§ 31 stk. 2) the excluded students the
 * university must otherwise contact, to be confirmed.
 */
export function dispatchPreviewForm(reader: Translator, view: DispatchView): Form {
  const { t } = reader;
  const { plan, board, period } = view;
  const draft = plan.cycle.status === 'draft';
  const canSend = view.decides && view.mailServer && draft;
  const blocks: Block[] = [
    { type: 'heading', text: t.dispatch.heading({ period, boardName: nameIn(board, reader.language) }) },
  ];
  const notes = [
    view.notice,
    view.dispatchedOn ? t.dispatch.alreadyDispatched(reader.formatDate(view.dispatchedOn)) : null,
    view.decides ? null : t.dispatch.onlyDeciders,
    view.mailServer ? null : t.dispatch.noMailServer,
  ].filter((note): note is string => Boolean(note));
  for (const note of notes) blocks.push({ type: 'context', content: [note] });

  blocks.push({ type: 'heading', text: t.dispatch.recipientsHeading });
  if (plan.groups.length === 0) blocks.push({ type: 'text', content: [t.dispatch.noRecipients] });
  else
    blocks.push({
      type: 'facts',
      facts: plan.groups.map((group) => ({
        label: t.dispatch.templateName(group),
        value: [t.dispatch.students(group.count)],
      })),
    });
  if (plan.withoutEmail.length > 0)
    blocks.push({
      type: 'text',
      content: [
        t.dispatch.withoutEmail({
          count: plan.withoutEmail.length,
          names: reader.formatList(
            plan.withoutEmail.map((student) => `${student.name} (${student.studentNumber})`),
          ),
        }),
      ],
    });

  blocks.push({ type: 'heading', text: t.dispatch.excludedHeading });
  const excludedLines = plan.excluded.slice(0, namedExclusions).map(({ exclusion }) =>
    t.dispatch.excludedLine({
      name: exclusion.snapshot.name,
      studentNumber: exclusion.studentNumber,
      reason: t.dispatch.exclusionReason[exclusion.reason],
      note: exclusion.note,
    }),
  );
  const unnamed = plan.excluded.length - excludedLines.length;
  if (unnamed > 0) excludedLines.push(`+ ${reader.formatNumber(unnamed)}`);
  blocks.push({
    type: 'text',
    content: [excludedLines.length > 0 ? excludedLines.join('\n') : t.dispatch.noExclusions],
  });
  if (plan.excludedMandatoryContact.length > 0)
    blocks.push({
      type: 'text',
      content: [
        {
          kind: 'styled',
          bold: true,
          text: t.dispatch.mandatoryContactExcluded({
            count: plan.excludedMandatoryContact.length,
            names: reader.formatList(
              plan.excludedMandatoryContact.map(({ exclusion }) => exclusion.snapshot.name),
            ),
          }),
        },
      ],
    });

  if (view.samples.length > 0) blocks.push({ type: 'heading', text: t.dispatch.sampleHeading });
  for (const sample of view.samples) {
    const template = { template: sample.template, language: sample.language };
    blocks.push({
      type: 'text',
      content: [{ kind: 'styled', bold: true, text: t.dispatch.templateName(template) }],
    });
    blocks.push({ type: 'text', content: [t.dispatch.sampleSubject(sample.subject)] });
    blocks.push({ type: 'context', content: [shortened(sample.text, sampleTextLength)] });
    if (view.decides && view.mailServer)
      blocks.push({
        type: 'actions',
        elements: [
          {
            type: 'button',
            actionId: dispatchTestActionId,
            label: t.dispatch.testButton(template),
            value: `${sample.template}/${sample.language}`,
          },
        ],
      });
  }
  return {
    formId: dispatchFormId,
    title: t.dispatch.formTitle,
    submitLabel: canSend ? t.dispatch.sendButton(plan.mails.length) : t.dispatch.cancelButton,
    cancelLabel: t.dispatch.cancelButton,
    state: dispatchState(board, period),
    blocks,
    fields:
      canSend && plan.excludedMandatoryContact.length > 0
        ? [
            {
              id: confirmOverdueField,
              kind: 'checkbox',
              label: t.dispatch.confirmMandatoryLabel,
              // Optional in the form (Teams blocks every button while a required field is empty); the core checks it.
              optional: true,
            },
          ]
        : [],
  };
}

function shortened(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}
