import type { Catalogue } from '../../../../src/i18n/catalogue/catalogue.js';
import type { RichText } from '../../../../src/messages/message-model.js';

/** Calls every message function of the deviations triage texts with typical values, keyed by its path. */
export function triageMessages(t: Catalogue): Record<string, string | RichText> {
  const triage = t.deviations.triage;
  const byAt = { by: 'Olav Owner', at: '14 October 2026 at 14:05' };
  return {
    'deviations.triage.trail.forwarded': triage.trail.forwarded({
      ...byAt,
      from: 'Faculty of Information Technology',
      to: 'Faculty of Natural Sciences',
    }),
    'deviations.triage.trail.accepted': triage.trail.accepted(byAt),
    'deviations.triage.trail.assigned': triage.trail.assigned({ ...byAt, handler: 'Hanne Handler' }),
    'deviations.triage.trail.rejected': triage.trail.rejected(byAt),
    'deviations.triage.trail.redirected': triage.trail.redirected(byAt),
    'deviations.triage.trail.flagged': triage.trail.flagged(byAt),
    'deviations.triage.trail.unflagged': triage.trail.unflagged(byAt),
    'deviations.triage.forwardedAway': triage.forwardedAway('Faculty of Natural Sciences'),
    'deviations.triage.forwardNote': triage.forwardNote({
      by: 'Olav Owner',
      from: 'Faculty of Information Technology',
      number: '2026-0042',
      note: 'The course is taught by IMF.',
    }),
    'deviations.triage.handlerNote': triage.handlerNote({
      by: 'Olav Owner',
      note: 'Please talk to the timetabling office first.',
    }),
    'deviations.triage.reason': triage.reason('This is about a grade; please appeal instead.'),
    'deviations.triage.error.tooLong': triage.error.tooLong(2000),
    'deviations.triage.done.accepted': triage.done.accepted({
      number: '2026-0042',
      handler: 'Hanne Handler',
    }),
    'deviations.triage.done.forwarded': triage.done.forwarded({
      number: '2026-0042',
      faculty: 'Faculty of Natural Sciences',
    }),
    'deviations.triage.done.rejected': triage.done.rejected('2026-0042'),
    'deviations.triage.done.redirected': triage.done.redirected('2026-0042'),
    'deviations.triage.done.flagged': triage.done.flagged('2026-0042'),
    'deviations.triage.done.unflagged': triage.done.unflagged('2026-0042'),
    'deviations.triage.couldNotReach': triage.couldNotReach(['Hanne Handler (handler@uni.example)', 'Stina']),
    'deviations.triage.cardsNotUpdated': triage.cardsNotUpdated(['owner.ie2@uni.example']),
    'deviations.triage.reporter.accepted': triage.reporter.accepted({
      number: '2026-0042',
      deadline: '9 November 2026',
    }),
    'deviations.triage.reporter.forwarded': triage.reporter.forwarded({
      number: '2026-0042',
      faculty: 'Faculty of Natural Sciences',
    }),
    'deviations.triage.reporter.rejected': triage.reporter.rejected('2026-0042'),
    'deviations.triage.reporter.redirected': triage.reporter.redirected('2026-0042'),
    'deviations.triage.handlerRedirected': triage.handlerRedirected({
      number: '2026-0042',
      by: 'Olav Owner',
    }),
  };
}
