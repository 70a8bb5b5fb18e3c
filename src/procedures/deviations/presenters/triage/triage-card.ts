import type { InstitutionConfig } from '../../../../config/institution-config.js';
import type { Translator } from '../../../../i18n/translator.js';
import type { Block, ButtonElement, Message } from '../../../../messages/message-model.js';
import { stepAllowed } from '../../case-states.js';
import type { CaseEvent, DeviationCase } from '../../deviation-case.js';
import type { UnitDirectory } from '../../unit-directory.js';
import { caseFactBlocks } from '../case-facts.js';
import { instantText } from '../instant-text.js';
import { facultyName } from './faculty-name.js';
import { triageActions } from './triage-ids.js';

/**
 * Who reads a triage card: a report owner of the faculty that has the case
 * now (who may act on it), or an owner of a faculty it was forwarded away
 * from (told where it went, without buttons).
 */
export type TriageAudience = 'owner' | 'former_owner';

export interface TriageCardView {
  readonly deviation: DeviationCase;
  /** The case's audit trail: the card shows what the report owners did. */
  readonly history: readonly CaseEvent[];
  readonly audience: TriageAudience;
  /**
   * Whether the reader may read a sensitive case's text: the case's report
   * owners may; a former owner only where she may still see the full case
   * (a line manager over it, say).
   */
  readonly mayReadText: boolean;
  readonly units: UnitDirectory;
  readonly config: InstitutionConfig;
}

/**
 * The report owners' card: the case (owners may read its text, sensitive or
 * not), what was done to it and by whom, and the buttons that still apply
 * in its state. Every owner's card is this message, updated in place.
 */
export function triageCard(reader: Translator, view: TriageCardView): Message {
  const { deviation } = view;
  const texts = reader.t.deviations;
  const title = texts.caseTitle({ number: deviation.number });
  const sensitiveMark: Block[] = deviation.sensitive
    ? [{ type: 'context', content: [texts.triage.sensitiveMark] }]
    : [];
  const blocks: Block[] = [
    { type: 'heading', text: title },
    ...sensitiveMark,
    ...caseFactBlocks(reader, deviation, {
      units: view.units,
      timeZone: view.config.institution.timeZone,
      mayReadText: view.mayReadText,
      showReporter: true,
    }),
    ...trailBlocks(reader, view),
  ];
  if (view.audience === 'former_owner') {
    blocks.push({
      type: 'context',
      content: [texts.triage.forwardedAway(facultyName(view.config, deviation.facultyCode, reader.language))],
    });
  } else {
    const buttons = triageButtons(reader, deviation, view.units);
    if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  }
  return { fallbackText: title, blocks };
}

/** What the report owners did, oldest first, and the reason given to the reporter. */
function trailBlocks(reader: Translator, view: TriageCardView): Block[] {
  const { deviation } = view;
  const texts = reader.t.deviations.triage;
  const lines = view.history.flatMap((event) => {
    const line = trailLine(reader, event, view);
    return line === null ? [] : [line];
  });
  if (lines.length === 0 && deviation.state === 'received') lines.push(texts.awaitingTriage);
  const blocks: Block[] = lines.length === 0 ? [] : [{ type: 'text', content: [lines.join('\n')] }];
  if (deviation.reason !== null) {
    blocks.push({
      type: 'text',
      content: texts.reason(deviation.reason),
    });
  }
  return blocks;
}

/** An event of the triage as one line; null for the others (the handling's, the timers'). */
function trailLine(reader: Translator, event: CaseEvent, view: TriageCardView): string | null {
  const texts = reader.t.deviations.triage.trail;
  const byAt = {
    by: event.actor.name,
    at: instantText(reader, event.occurredAt, view.config.institution.timeZone),
  };
  const detail = (key: string): string => {
    const value = event.details[key];
    return typeof value === 'string' ? value : '';
  };
  switch (event.kind) {
    case 'forwarded':
      return texts.forwarded({
        ...byAt,
        from: facultyName(view.config, detail('from'), reader.language),
        to: facultyName(view.config, detail('to'), reader.language),
      });
    case 'accepted':
      return texts.accepted(byAt);
    case 'assigned':
      return texts.assigned({ ...byAt, handler: handlerName(view.deviation, detail('handler')) });
    case 'rejected':
      return texts.rejected(byAt);
    case 'redirected':
      return texts.redirected(byAt);
    case 'flagged_sensitive':
      return texts.flagged(byAt);
    case 'unflagged_sensitive':
      return texts.unflagged(byAt);
    default:
      return null;
  }
}

/** The handler by name where the case knows it (the current one), else by address. */
function handlerName(deviation: DeviationCase, email: string): string {
  return deviation.handler !== null && deviation.handler.email.toLowerCase() === email.toLowerCase()
    ? deviation.handler.name
    : email;
}

/** The buttons that can still work in the case's state (the use-cases check again when clicked). */
function triageButtons(reader: Translator, deviation: DeviationCase, units: UnitDirectory): ButtonElement[] {
  const labels = reader.t.deviations.triage.button;
  const value = deviation.id;
  const buttons: ButtonElement[] = [];
  if (stepAllowed('accept', deviation.state))
    buttons.push({
      type: 'button',
      actionId: triageActions.accept,
      label: labels.accept,
      value,
      style: 'primary',
      opensForm: true,
    });
  const elsewhere = units.facultiesWithOwners().some((code) => code !== deviation.facultyCode);
  if (stepAllowed('forward', deviation.state) && elsewhere)
    buttons.push({
      type: 'button',
      actionId: triageActions.forward,
      label: labels.forward,
      value,
      opensForm: true,
    });
  if (stepAllowed('reject', deviation.state))
    buttons.push({
      type: 'button',
      actionId: triageActions.reject,
      label: labels.reject,
      value,
      style: 'danger',
      opensForm: true,
    });
  if (stepAllowed('redirect', deviation.state))
    buttons.push({
      type: 'button',
      actionId: triageActions.redirect,
      label: labels.redirect,
      value,
      opensForm: true,
    });
  if (stepAllowed(deviation.sensitive ? 'unflagSensitive' : 'flagSensitive', deviation.state)) {
    buttons.push(
      deviation.sensitive
        ? { type: 'button', actionId: triageActions.unflagSensitive, label: labels.unflagSensitive, value }
        : { type: 'button', actionId: triageActions.flagSensitive, label: labels.flagSensitive, value },
    );
  }
  return buttons;
}
