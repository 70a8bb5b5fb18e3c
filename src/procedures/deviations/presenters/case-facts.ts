import type { Translator } from '../../../i18n/translator.js';
import type { Block, RichText } from '../../../messages/message-model.js';
import { maskCprShapes } from '../../../security/cpr-shape.js';
import type { DeviationCase } from '../deviation-case.js';
import type { UnitDirectory } from '../unit-directory.js';
import { dayText, instantText } from './instant-text.js';

/**
 * A case as its cards show it: the facts, then the report's text. The text
 * of a sensitive case is shown only to those allowed (`mayReadText`); a
 * removed text says so. Never anything but what the reader may see.
 */
export function caseFactBlocks(
  reader: Translator,
  deviation: DeviationCase,
  options: {
    readonly units: UnitDirectory;
    readonly timeZone: string;
    readonly mayReadText: boolean;
    /** The reporter's name and role: for report owners, handlers and line managers. */
    readonly showReporter: boolean;
  },
): Block[] {
  const texts = reader.t.deviations;
  const unit = options.units.unit(deviation.unit);
  const fact = (label: string, value: string) => ({ label, value: [value] as RichText });
  const facts = [
    fact(texts.field.state, texts.state[deviation.state]),
    fact(texts.field.category, texts.category[deviation.category]),
    fact(texts.field.unit, unit === null ? deviation.unit.code : `${unit.name} (${unit.code})`),
    fact(texts.field.received, instantText(reader, deviation.receivedAt, options.timeZone)),
    fact(
      texts.field.deadline,
      dayText(reader, new Date(deviation.deadlineAt.getTime() - 1), options.timeZone),
    ),
    ...(deviation.handler === null ? [] : [fact(texts.field.handler, deviation.handler.name)]),
    ...(options.showReporter
      ? [fact(texts.field.reporter, `${deviation.reporter.name} (${texts.role[deviation.reporter.role]})`)]
      : []),
  ];
  return [{ type: 'facts', facts }, ...reportTextBlocks(reader, deviation, options.mayReadText)];
}

/** The report's own words (where and when, description), or why they are not shown. */
export function reportTextBlocks(
  reader: Translator,
  deviation: DeviationCase,
  mayReadText: boolean,
): Block[] {
  const texts = reader.t.deviations;
  if (deviation.description === null) return [{ type: 'context', content: [texts.textRemoved] }];
  if (deviation.sensitive && !mayReadText) return [{ type: 'context', content: [texts.sensitiveHidden] }];
  return [
    {
      type: 'text',
      content: [
        { kind: 'styled', text: texts.field.whereWhen, bold: true },
        `\n${deviation.whereWhen ?? ''}`,
      ],
    },
    {
      type: 'text',
      // The intake refuses identity numbers; masked here too, whatever path a text came by.
      content: [
        { kind: 'styled', text: texts.field.description, bold: true },
        `\n${maskCprShapes(deviation.description)}`,
      ],
    },
  ];
}
