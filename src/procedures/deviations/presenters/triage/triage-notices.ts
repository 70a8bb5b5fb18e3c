import type { Translator } from '../../../../i18n/translator.js';
import type { Block, Message } from '../../../../messages/message-model.js';
import { plainTextOf } from '../../../../messages/plain-text.js';
import type { DeviationCase } from '../../deviation-case.js';
import type { WhistleblowingRoute } from '../../deviation-config.js';
import type { UnitDirectory } from '../../unit-directory.js';
import { assignedToHandlerMessage } from '../handler-notice.js';
import { dayText } from '../instant-text.js';
import { whistleblowingRouteBlocks } from './whistleblowing-route.js';

/**
 * What the triage says to people other than the report owners: the reporter
 * at each decision (in her language, never the handler's name or the
 * owners' notes), the handler, and the new faculty's owners.
 */

function titled(reader: Translator, deviation: DeviationCase, body: readonly Block[]): Message {
  const title = reader.t.deviations.caseTitle({ number: deviation.number });
  return { fallbackText: title, blocks: [{ type: 'heading', text: title }, ...body] };
}

function reasonBlock(reader: Translator, reason: string): Block {
  return { type: 'text', content: reader.t.deviations.triage.reason(reason) };
}

/** Accepted: being handled, and the day she will have an answer by (forvaltningsloven § 11a). */
export function reporterAccepted(reader: Translator, deviation: DeviationCase, timeZone: string): Message {
  // The deadline is the instant the fourth week ends: the last day within it is the day before.
  const deadline = dayText(reader, new Date(deviation.deadlineAt.getTime() - 1), timeZone);
  return titled(reader, deviation, [
    {
      type: 'text',
      content: [reader.t.deviations.triage.reporter.accepted({ number: deviation.number, deadline })],
    },
  ]);
}

export function reporterForwarded(reader: Translator, deviation: DeviationCase, faculty: string): Message {
  return titled(reader, deviation, [
    {
      type: 'text',
      content: [reader.t.deviations.triage.reporter.forwarded({ number: deviation.number, faculty })],
    },
  ]);
}

export function reporterRejected(reader: Translator, deviation: DeviationCase, reason: string): Message {
  return titled(reader, deviation, [
    { type: 'text', content: [reader.t.deviations.triage.reporter.rejected(deviation.number)] },
    reasonBlock(reader, reason),
  ]);
}

/** Redirected: the reason, and where serious matters go instead (the guideline's whistleblowing route). */
export function reporterRedirected(
  reader: Translator,
  deviation: DeviationCase,
  reason: string,
  route: WhistleblowingRoute,
): Message {
  return titled(reader, deviation, [
    { type: 'text', content: [reader.t.deviations.triage.reporter.redirected(deviation.number)] },
    reasonBlock(reader, reason),
    ...whistleblowingRouteBlocks(reader, route),
  ]);
}

/** The handler's assignment (the handling part's message), with the report owner's note when there is one. */
export function handlerAssignment(
  reader: Translator,
  deviation: DeviationCase,
  options: {
    readonly units: UnitDirectory;
    readonly timeZone: string;
    readonly note: string | null;
    readonly by: string;
  },
): Message {
  const assignment = assignedToHandlerMessage(reader, deviation, options);
  if (options.note === null) return assignment;
  return {
    ...assignment,
    blocks: [
      ...assignment.blocks,
      {
        type: 'text',
        content: reader.t.deviations.triage.handlerNote({ by: options.by, note: options.note }),
      },
    ],
  };
}

/** A handler whose case a report owner redirected to whistleblowing: nothing more to do. */
export function handlerRedirected(reader: Translator, deviation: DeviationCase, by: string): Message {
  return titled(reader, deviation, [
    {
      type: 'text',
      content: [reader.t.deviations.triage.handlerRedirected({ number: deviation.number, by })],
    },
  ]);
}

/** The forwarding owner's note to the new faculty's owners, sent beside their card. */
export function forwardNoteMessage(
  reader: Translator,
  deviation: DeviationCase,
  options: { readonly by: string; readonly fromFaculty: string; readonly note: string },
): Message {
  const content = reader.t.deviations.triage.forwardNote({
    by: options.by,
    from: options.fromFaculty,
    number: deviation.number,
    note: options.note,
  });
  return { fallbackText: plainTextOf(content), blocks: [{ type: 'text', content }] };
}
