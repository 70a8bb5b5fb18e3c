import type { Catalogue } from '../../../../src/i18n/catalogue/catalogue.js';
import type { RichText } from '../../../../src/messages/message-model.js';

/** Calls every message function of the deviations timers texts with typical values, keyed by its path. */
export function timersMessages(t: Catalogue): Record<string, string | RichText> {
  const timers = t.deviations.timers;
  return {
    'deviations.timers.reminderHeading': timers.reminderHeading({ number: '2026-0042' }),
    'deviations.timers.reminderBody': timers.reminderBody({ deadline: '10 November 2026', daysLeft: 7 }),
    'deviations.timers.untriagedReminderBody': timers.untriagedReminderBody({
      deadline: '10 November 2026',
      daysLeft: 1,
    }),
    'deviations.timers.escalationHeading': timers.escalationHeading({ number: '2026-0042' }),
    'deviations.timers.escalationBody': timers.escalationBody({
      deadline: '10 November 2026',
      faculty: 'Faculty of Information Technology',
      responsible: 'Hanne Handler',
    }),
  };
}
