import type { Translator } from '../../../../i18n/translator.js';
import type { Message } from '../../../../messages/message-model.js';
import { isFinal } from '../../case-states.js';
import type { DeviationCase } from '../../deviation-case.js';
import type { UnitDirectory } from '../../unit-directory.js';
import { dayText } from '../instant-text.js';

/**
 * `/avvik status`: the reporter's own cases, newest first, with where each
 * stands and by when she should have an answer. Her own cases only, and
 * nothing of the internal handling (no handler, no notes, no comments).
 */
export function ownCasesMessage(
  reader: Translator,
  cases: readonly DeviationCase[],
  context: { readonly units: UnitDirectory; readonly timeZone: string; readonly command: string },
): Message {
  const texts = reader.t.deviations;
  const status = texts.intake.status;
  if (cases.length === 0) {
    const empty = status.empty({ command: context.command });
    return { fallbackText: empty, blocks: [{ type: 'text', content: [empty] }] };
  }
  const day = (instant: Date) => dayText(reader, instant, context.timeZone);
  const rows = cases.map((deviation) => {
    const unit = context.units.unit(deviation.unit);
    return [
      deviation.number,
      texts.category[deviation.category],
      unit === null ? deviation.unit.code : `${unit.name} (${unit.code})`,
      texts.state[deviation.state],
      day(deviation.receivedAt),
      // The deadline instant is the end of its day; a final case has none left.
      isFinal(deviation.state) ? status.noDeadline : day(new Date(deviation.deadlineAt.getTime() - 1)),
    ];
  });
  return {
    fallbackText: status.heading,
    blocks: [
      { type: 'heading', text: status.heading },
      {
        type: 'table',
        columns: [
          { header: status.numberColumn },
          { header: texts.field.category },
          { header: texts.field.unit },
          { header: texts.field.state },
          { header: texts.field.received },
          { header: texts.field.deadline },
        ],
        rows,
      },
    ],
  };
}
