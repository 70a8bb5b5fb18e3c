import type { Catalogue } from '../../../../src/i18n/catalogue/catalogue.js';
import type { RichText } from '../../../../src/messages/message-model.js';

/**
 * Calls every message function of the deviations handling texts with typical values, keyed by its path.
 * It needs only the deviations section, so the Norwegian texts can be checked before the bot speaks Norwegian.
 */
export function handlingMessages(t: Pick<Catalogue, 'deviations'>): Record<string, string | RichText> {
  const handling = t.deviations.handling;
  const at = '13 October 2026, 14:30';
  return {
    'deviations.handling.caseNumberMissing': handling.caseNumberMissing({ example: '/avvik sak 2026-0042' }),
    'deviations.handling.view.tabExchanges': handling.view.tabExchanges(3),
    'deviations.handling.view.tabHistory': handling.view.tabHistory(12),
    'deviations.handling.view.pageStatus': handling.view.pageStatus({ page: 2, pages: 3 }),
    'deviations.handling.view.viewOnly': handling.view.viewOnly({ handler: 'Hanne Handler' }),
    'deviations.handling.view.question': handling.view.question({
      askedBy: 'Hanne Handler',
      reporter: 'Stina Student',
      at,
    }),
    'deviations.handling.view.preliminaryReply': handling.view.preliminaryReply({
      handler: 'Hanne Handler',
      reporter: 'Stina Student',
      at: '3 November 2026 at 09:15',
    }),
    'deviations.handling.view.commentRequest': handling.view.commentRequest({
      askedBy: 'Hanne Handler',
      colleague: 'Kari Kollega',
      at,
      due: '20 October 2026',
    }),
    'deviations.handling.view.answer': handling.view.answer({ at }),
    'deviations.handling.history.forwarded': handling.history.forwarded({ from: 'IE', to: 'NV' }),
    'deviations.handling.history.assigned': handling.history.assigned({ handler: 'Hanne Handler' }),
    'deviations.handling.history.sentForComments': handling.history.sentForComments({
      colleagues: 'Kari Kollega and Per Person',
      due: '20 October 2026',
    }),
    'deviations.handling.forms.answer.intro': handling.forms.answer.intro({
      handler: 'Hanne Handler',
      number: '2026-0042',
    }),
    'deviations.handling.forms.comment.intro': handling.forms.comment.intro({
      handler: 'Hanne Handler',
      number: '2026-0042',
      due: '20 October 2026',
    }),
    'deviations.handling.errors.tooLong': handling.errors.tooLong({ max: 3000, length: 3012 }),
    'deviations.handling.errors.notAnAddress': handling.errors.notAnAddress('kari.uni.example'),
    'deviations.handling.errors.unknownPerson': handling.errors.unknownPerson('kari@uni.example'),
    'deviations.handling.errors.notTheReporter': handling.errors.notTheReporter('stina@stud.uni.example'),
    'deviations.handling.errors.tooManyColleagues': handling.errors.tooManyColleagues(10),
    'deviations.handling.notices.asked': handling.notices.asked({ reporter: 'Stina Student' }),
    'deviations.handling.notices.sentForComments': handling.notices.sentForComments({
      colleagues: 'kari@uni.example and per@uni.example',
    }),
    'deviations.handling.notices.unreachable': handling.notices.unreachable({ people: 'Stina Student' }),
    'deviations.handling.messages.question': handling.messages.question({
      handler: 'Hanne Handler',
      number: '2026-0042',
    }),
    'deviations.handling.messages.answered': handling.messages.answered({
      reporter: 'Stina Student',
      number: '2026-0042',
    }),
    'deviations.handling.messages.commentRequestTitle': handling.messages.commentRequestTitle({
      number: '2026-0042',
    }),
    'deviations.handling.messages.commentRequestWithdrawn': handling.messages.commentRequestWithdrawn({
      number: '2026-0042',
      handler: 'Hanne Handler',
    }),
    'deviations.handling.messages.commentRequest': handling.messages.commentRequest({
      handler: 'Hanne Handler',
      due: '20 October 2026',
    }),
    'deviations.handling.messages.commented': handling.messages.commented({
      colleague: 'Kari Kollega',
      number: '2026-0042',
    }),
    'deviations.handling.messages.preliminaryReply': handling.messages.preliminaryReply({
      number: '2026-0042',
    }),
    'deviations.handling.messages.closed': handling.messages.closed({ number: '2026-0042' }),
    'deviations.handling.messages.assigned': handling.messages.assigned({ deadline: '10 November 2026' }),
  };
}
