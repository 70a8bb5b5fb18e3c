import type { Catalogue } from '../../../../src/i18n/catalogue/catalogue.js';
import type { RichText } from '../../../../src/messages/message-model.js';
import type { TriageTexts } from '../../../../src/procedures/deviations/texts/triage-texts.js';

/** Calls every message function of the deviations triage texts with typical values, keyed by its path. */
export function triageMessages(t: Catalogue): Record<string, string | RichText> {
  return Object.fromEntries(
    Object.entries(triageTextMessages(t.deviations.triage)).map(([path, text]) => [
      `deviations.triage.${path}`,
      text,
    ]),
  );
}

/** The same for the triage texts of one language alone (Norwegian is written before the bot speaks it). */
export function triageTextMessages(triage: TriageTexts): Record<string, string | RichText> {
  const byAt = { by: 'Olav Owner', at: '14 October 2026 at 14:05' };
  return {
    'trail.forwarded': triage.trail.forwarded({
      ...byAt,
      from: 'Faculty of Information Technology',
      to: 'Faculty of Natural Sciences',
    }),
    'trail.accepted': triage.trail.accepted(byAt),
    'trail.assigned': triage.trail.assigned({ ...byAt, handler: 'Hanne Handler' }),
    'trail.rejected': triage.trail.rejected(byAt),
    'trail.redirected': triage.trail.redirected(byAt),
    'trail.flagged': triage.trail.flagged(byAt),
    'trail.unflagged': triage.trail.unflagged(byAt),
    reason: triage.reason('This is about a grade; please appeal instead.'),
    forwardedAway: triage.forwardedAway('Faculty of Natural Sciences'),
    forwardNote: triage.forwardNote({
      by: 'Olav Owner',
      from: 'Faculty of Information Technology',
      number: '2026-0042',
      note: 'The course is taught by IMF.',
    }),
    handlerNote: triage.handlerNote({
      by: 'Olav Owner',
      note: 'Please talk to the timetabling office first.',
    }),
    'error.tooLong': triage.error.tooLong(2000),
    'done.accepted': triage.done.accepted({ number: '2026-0042', handler: 'Hanne Handler' }),
    'done.forwarded': triage.done.forwarded({ number: '2026-0042', faculty: 'Faculty of Natural Sciences' }),
    'done.rejected': triage.done.rejected('2026-0042'),
    'done.redirected': triage.done.redirected('2026-0042'),
    'done.flagged': triage.done.flagged('2026-0042'),
    'done.unflagged': triage.done.unflagged('2026-0042'),
    couldNotReach: triage.couldNotReach(['Hanne Handler (handler@uni.example)', 'Stina']),
    cardsNotUpdated: triage.cardsNotUpdated(['owner.ie2@uni.example']),
    'reporter.accepted': triage.reporter.accepted({ number: '2026-0042', deadline: '9 November 2026' }),
    'reporter.forwarded': triage.reporter.forwarded({
      number: '2026-0042',
      faculty: 'Faculty of Natural Sciences',
    }),
    'reporter.rejected': triage.reporter.rejected('2026-0042'),
    'reporter.redirected': triage.reporter.redirected('2026-0042'),
    handlerRedirected: triage.handlerRedirected({ number: '2026-0042', by: 'Olav Owner' }),
  };
}
