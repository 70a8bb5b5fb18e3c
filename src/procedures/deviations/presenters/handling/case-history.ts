import type { InstitutionConfig } from '../../../../config/institution-config.js';
import { nameIn } from '../../../../config/institution-config.js';
import type { Translator } from '../../../../i18n/translator.js';
import { parseIsoDate } from '../../../../shared/calendar-date.js';
import type { CaseEvent, CaseEventKind } from '../../deviation-case.js';
import { instantText } from '../instant-text.js';
import type { PeopleNames } from './people-names.js';

/**
 * The case's audit trail as people read it: one line an event, oldest first,
 * `when – who what`, in the reader's language and the institution's time
 * zone. Only plain details are shown (faculties, the handler, colleagues, a
 * due date); no event carries the report's text, so none is shown.
 */
export function historyLines(
  reader: Translator,
  events: readonly CaseEvent[],
  context: { readonly config: InstitutionConfig; readonly names: PeopleNames },
): string[] {
  return events.map((event) => {
    const when = instantText(reader, event.occurredAt, context.config.institution.timeZone);
    return `${when} – ${event.actor.name} ${whatHappened(reader, event, context)}`;
  });
}

function whatHappened(
  reader: Translator,
  event: CaseEvent,
  context: { readonly config: InstitutionConfig; readonly names: PeopleNames },
): string {
  const texts = reader.t.deviations.handling.history;
  const detail = (key: string): string | null => {
    const value = event.details[key];
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  };
  const faculty = (code: string | null): string | null => {
    if (code === null) return null;
    const known = context.config.faculties.find((candidate) => candidate.code === code);
    return known === undefined ? code : nameIn(known, reader.language);
  };
  const kind: CaseEventKind = event.kind;
  switch (kind) {
    case 'filed':
      return texts.filed;
    case 'forwarded':
      return texts.forwarded({ from: faculty(detail('from')), to: faculty(detail('to')) });
    case 'accepted':
      return texts.accepted;
    case 'assigned': {
      const handler = detail('handler');
      return texts.assigned({ handler: handler === null ? null : context.names.of(handler) });
    }
    case 'asked':
      return texts.asked;
    case 'answered':
      return texts.answered;
    case 'sent_for_comments': {
      const colleagues = detail('colleagues');
      const due = parseIsoDate(detail('dueDate') ?? '');
      return texts.sentForComments({
        colleagues:
          colleagues === null
            ? null
            : reader.formatList(colleagues.split(',').map((email) => context.names.of(email.trim()))),
        due: due === null ? null : reader.formatDate(due),
      });
    }
    case 'commented':
      return texts.commented;
    case 'preliminary_reply':
      return texts.preliminaryReply;
    case 'causes_recorded':
      return texts.causesRecorded;
    case 'closed':
      return texts.closed;
    case 'rejected':
      return texts.rejected;
    case 'redirected':
      return texts.redirected;
    case 'flagged_sensitive':
      return texts.flaggedSensitive;
    case 'unflagged_sensitive':
      return texts.unflaggedSensitive;
    case 'reminded':
      return texts.reminded;
    case 'escalated':
      return texts.escalated;
    case 'text_removed':
      return texts.textRemoved;
  }
}
