import type { Catalogue } from '../../../../src/i18n/catalogue/catalogue.js';
import type { RichText } from '../../../../src/messages/message-model.js';

/** Calls every message function of the deviations stats texts with typical values, keyed by its path. */
export function statsMessages(t: Catalogue): Record<string, string | RichText> {
  const stats = t.deviations.stats;
  return {
    'deviations.stats.heading': stats.heading({ faculty: 'IE', period: '2026' }),
    'deviations.stats.periodName': stats.periodName({
      from: { year: 2026, month: 1 },
      to: { year: 2026, month: 6 },
    }),
    'deviations.stats.monthName': stats.monthName({ year: 2026, month: 9 }),
    'deviations.stats.medianDays': stats.medianDays({ median: 15.5, finished: 110 }),
    'deviations.stats.definitions': stats.definitions({
      timeZone: 'Europe/Oslo',
      asOf: '15 October 2026 at 12:00',
    }),
    'deviations.stats.categoryAltText': stats.categoryAltText([
      { label: t.deviations.category.timetabling, count: 30 },
      { label: t.deviations.category.other, count: 0 },
    ]),
    'deviations.stats.trendAltText': stats.trendAltText([
      { label: 'Sep 2026', received: 30, finished: 0 },
      { label: 'Oct 2026', received: 15, finished: 2 },
    ]),
    'deviations.stats.notAllowedFor': stats.notAllowedFor({ faculty: 'NV' }),
    'deviations.stats.unknownFaculty': stats.unknownFaculty({ argument: 'XY', known: ['IE', 'NV'] }),
    'deviations.stats.badPeriod': stats.badPeriod({ argument: '2026-13' }),
    'deviations.stats.periodReversed': stats.periodReversed({ argument: '2026-06..2026-01' }),
    'deviations.stats.periodTooLong': stats.periodTooLong({ argument: '2020-01..2026-01', months: 60 }),
    'deviations.stats.tooManyArguments': stats.tooManyArguments({ argument: 'NV' }),
    'deviations.stats.chooseFaculty': stats.chooseFaculty({ faculties: ['IE', 'NV'] }),
  };
}
