import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supportedLanguages } from '../../../../src/i18n/languages.js';
import { plainTextOf } from '../../../../src/messages/plain-text.js';
import { botActor, type CasePerson } from '../../../../src/procedures/deviations/deviation-case.js';
import { handlingActions } from '../../../../src/procedures/deviations/presenters/handling/handling-ids.js';
import type { DeviationTextLanguage } from '../../../../src/procedures/deviations/texts/text-languages.js';
import { people } from '../../../support/deviations-fixture.js';
import { testDatabaseEngine } from '../../../support/test-database.js';
import {
  actor,
  click,
  fileCase,
  formOf,
  type Harness,
  handler,
  names,
  openHarness,
  openView,
  owner,
  shown,
} from './handling-harness.js';

const nvOwner: CasePerson = { email: people.ownerNv, name: names[people.ownerNv] };
const student: CasePerson = { email: people.student, name: names[people.student] };
const colleague: CasePerson = { email: people.colleague, name: names[people.colleague] };
const at = (iso: string) => new Date(iso);

/**
 * A case that went through every kind of event but closing and rejecting
 * (those end a case another way; the last test has them): forwarded to
 * another faculty and back, flagged and unflagged, accepted, a question and
 * its answer, a høringsrunde and a comment, the timers, causes, a
 * preliminary reply, a redirection to whistleblowing and the text removed.
 */
async function aCaseWithEveryEvent(harness: Harness): Promise<string> {
  harness.clock.set(at('2026-10-13T12:30:00Z'));
  const { id } = await fileCase(harness);
  const step = harness.store.step.bind(harness.store);
  await step(id, 'forward', owner, {
    facultyCode: 'NV',
    details: { from: 'IE', to: 'NV' },
    occurredAt: at('2026-10-13T13:00:00Z'),
  });
  await step(id, 'forward', nvOwner, {
    facultyCode: 'IE',
    details: { from: 'NV', to: 'IE' },
    occurredAt: at('2026-10-14T07:00:00Z'),
  });
  await step(id, 'flagSensitive', owner, { sensitive: true, occurredAt: at('2026-10-14T07:05:00Z') });
  await step(id, 'unflagSensitive', owner, { sensitive: false, occurredAt: at('2026-10-14T07:10:00Z') });
  await step(id, 'accept', owner, {
    handler,
    alsoRecord: ['assigned'],
    details: { handler: handler.email },
    occurredAt: at('2026-10-14T08:00:00Z'),
  });
  const question = {
    kind: 'question' as const,
    askedByEmail: handler.email,
    addressee: student.email,
    text: 'Which lectures?',
    dueDate: null,
    askedAt: at('2026-10-15T09:00:00Z'),
  };
  const asked = await step(id, 'ask', handler, { newExchange: question, occurredAt: question.askedAt });
  const answeredAt = at('2026-10-16T06:15:00Z');
  await step(id, 'answer', student, {
    answer: { exchangeId: asked.exchangeId ?? '', answer: 'TDT4100 and TMA4100', answeredAt },
    occurredAt: answeredAt,
  });
  const askedAt = at('2026-10-16T10:00:00Z');
  const request = (addressee: string) => ({
    kind: 'comments' as const,
    askedByEmail: handler.email,
    addressee,
    text: 'Double booked?',
    dueDate: '2026-10-23',
    askedAt,
  });
  const sent = await step(id, 'sendForComments', handler, {
    newExchanges: [request(colleague.email), request(people.employee)],
    details: {
      colleagues: `${colleague.email}, ${people.employee}`,
      dueDate: '2026-10-23',
      textShared: false,
    },
    occurredAt: askedAt,
  });
  const commentedAt = at('2026-10-19T11:30:00Z');
  const toColleague = (await harness.store.exchanges(id)).find(
    (exchange) => exchange.addressee === colleague.email && sent.exchangeIds.includes(exchange.id),
  );
  await step(id, 'comment', colleague, {
    answer: { exchangeId: toColleague?.id ?? '', answer: 'Yes, R7 twice.', answeredAt: commentedAt },
    occurredAt: commentedAt,
  });
  await step(id, 'remind', botActor, { occurredAt: at('2026-11-03T07:00:00Z') });
  await step(id, 'preliminaryReply', handler, {
    preliminaryReplyAt: at('2026-11-03T09:00:00Z'),
    occurredAt: at('2026-11-03T09:00:00Z'),
  });
  await step(id, 'recordCauses', handler, {
    causes: 'Double booking',
    occurredAt: at('2026-11-05T13:00:00Z'),
  });
  await step(id, 'escalate', botActor, { occurredAt: at('2026-11-11T07:00:00Z') });
  const redirectedAt = at('2026-11-12T09:00:00Z');
  await step(id, 'redirect', owner, {
    reason: 'A serious matter',
    closedAt: redirectedAt,
    textPurgeAfter: redirectedAt,
    occurredAt: redirectedAt,
  });
  await step(id, 'removeText', botActor, { removeText: true, occurredAt: at('2026-12-12T07:00:00Z') });
  return id;
}

const ie = 'Faculty of Information Technology and Electrical Engineering';
const nv = 'Faculty of Natural Sciences';

/** The history as each language reads it, oldest first. */
const expectedHistory: Readonly<Record<DeviationTextLanguage, readonly string[]>> = {
  en: [
    '13 October 2026 at 14:30 – Stina Student reported the deviation',
    `13 October 2026 at 15:00 – Olav Owner forwarded the case from ${ie} to ${nv}`,
    `14 October 2026 at 09:00 – Nils Owner forwarded the case from ${nv} to ${ie}`,
    '14 October 2026 at 09:05 – Olav Owner marked the case as sensitive',
    '14 October 2026 at 09:10 – Olav Owner removed the sensitive mark',
    '14 October 2026 at 10:00 – Olav Owner accepted the report as a deviation',
    '14 October 2026 at 10:00 – Olav Owner assigned the case to Hanne Handler',
    '15 October 2026 at 11:00 – Hanne Handler asked the reporter a question',
    '16 October 2026 at 08:15 – Stina Student answered the question',
    '16 October 2026 at 12:00 – Hanne Handler sent the case for comments to Kari Kollega and lecturer@uni.example, due 23 October 2026',
    '19 October 2026 at 13:30 – Kari Kollega gave their comments',
    '3 November 2026 at 08:00 – Trafiklys reminded the handler to send a preliminary reply',
    '3 November 2026 at 10:00 – Hanne Handler sent the reporter a preliminary reply',
    '5 November 2026 at 14:00 – Hanne Handler recorded causes and measures',
    '11 November 2026 at 08:00 – Trafiklys told the line manager that the deadline has passed',
    '12 November 2026 at 10:00 – Olav Owner redirected the case to the whistleblowing route',
    '12 December 2026 at 08:00 – Trafiklys removed the report’s text under the retention rule',
  ],
  da: [
    '13. oktober 2026 kl. 14.30 – Stina Student indberettede afvigelsen',
    `13. oktober 2026 kl. 15.00 – Olav Owner sendte sagen videre fra ${ie} til ${nv}`,
    `14. oktober 2026 kl. 09.00 – Nils Owner sendte sagen videre fra ${nv} til ${ie}`,
    '14. oktober 2026 kl. 09.05 – Olav Owner markerede sagen som følsom',
    '14. oktober 2026 kl. 09.10 – Olav Owner fjernede markeringen som følsom',
    '14. oktober 2026 kl. 10.00 – Olav Owner godkendte indberetningen som en afvigelse',
    '14. oktober 2026 kl. 10.00 – Olav Owner tildelte sagen til Hanne Handler',
    '15. oktober 2026 kl. 11.00 – Hanne Handler stillede indberetteren et spørgsmål',
    '16. oktober 2026 kl. 08.15 – Stina Student svarede på spørgsmålet',
    '16. oktober 2026 kl. 12.00 – Hanne Handler sendte sagen i høring hos Kari Kollega og lecturer@uni.example med svarfrist 23. oktober 2026',
    '19. oktober 2026 kl. 13.30 – Kari Kollega afgav sit høringssvar',
    '3. november 2026 kl. 08.00 – Trafiklys mindede sagsbehandleren om at sende et foreløbigt svar',
    '3. november 2026 kl. 10.00 – Hanne Handler sendte et foreløbigt svar til indberetteren',
    '5. november 2026 kl. 14.00 – Hanne Handler registrerede årsager og tiltag',
    '11. november 2026 kl. 08.00 – Trafiklys underrettede lederen om, at fristen er overskredet',
    '12. november 2026 kl. 10.00 – Olav Owner sendte sagen til whistleblowerordningen',
    '12. december 2026 kl. 08.00 – Trafiklys slettede indberetningens tekst efter opbevaringsreglen',
  ],
  nb: [
    '13. oktober 2026 kl. 14:30 – Stina Student meldte avviket',
    `13. oktober 2026 kl. 15:00 – Olav Owner sendte saken videre fra ${ie} til ${nv}`,
    `14. oktober 2026 kl. 09:00 – Nils Owner sendte saken videre fra ${nv} til ${ie}`,
    '14. oktober 2026 kl. 09:05 – Olav Owner merket saken som sensitiv',
    '14. oktober 2026 kl. 09:10 – Olav Owner fjernet merkingen som sensitiv',
    '14. oktober 2026 kl. 10:00 – Olav Owner godtok meldingen som et avvik',
    '14. oktober 2026 kl. 10:00 – Olav Owner tildelte saken til Hanne Handler',
    '15. oktober 2026 kl. 11:00 – Hanne Handler stilte melder et spørsmål',
    '16. oktober 2026 kl. 08:15 – Stina Student svarte på spørsmålet',
    '16. oktober 2026 kl. 12:00 – Hanne Handler sendte saken på høring til Kari Kollega og lecturer@uni.example med svarfrist 23. oktober 2026',
    '19. oktober 2026 kl. 13:30 – Kari Kollega ga sin høringskommentar',
    '3. november 2026 kl. 08:00 – Trafiklys minnet behandleren om å sende foreløpig svar',
    '3. november 2026 kl. 10:00 – Hanne Handler sendte foreløpig svar til melder',
    '5. november 2026 kl. 14:00 – Hanne Handler registrerte årsaker og tiltak',
    '11. november 2026 kl. 08:00 – Trafiklys varslet linjeleder om at fristen er overskredet',
    '12. november 2026 kl. 10:00 – Olav Owner sendte saken til varslingskanalen',
    '12. desember 2026 kl. 08:00 – Trafiklys slettet meldingens tekst etter oppbevaringsregelen',
  ],
};

/** The platform locale a reader of each language has. */
const localeOf: Readonly<Record<DeviationTextLanguage, string>> = { nb: 'nb-NO', da: 'da-DK', en: 'en-GB' };

describe(`the case’s history in the case view (${testDatabaseEngine()})`, () => {
  let harness: Harness;
  let caseId: string;
  beforeAll(async () => {
    harness = await openHarness();
    caseId = await aCaseWithEveryEvent(harness);
  });
  afterAll(async () => harness.close());

  async function historyShownTo(email: string, locale: string, id = caseId): Promise<string[]> {
    const who = actor(email, locale);
    const view = await openView(harness, who, id);
    const history = formOf(await click(harness, who, view, `${handlingActions.showPart}.history`, 'history'));
    return (history.blocks ?? []).flatMap((block) =>
      block.type === 'text' ? plainTextOf(block.content).split('\n') : [],
    );
  }

  // Every language the bot speaks (Norwegian's lines are written and run once the bot speaks it).
  it.each(supportedLanguages)(
    'lists every event in order: when, who and what, in the reader’s language (%s)',
    async (language) => {
      expect(await historyShownTo(people.handler, localeOf[language])).toEqual(expectedHistory[language]);
      // Every kind of event is there but two, which end a case another way (below).
      expect(new Set((await harness.store.history(caseId)).map((event) => event.kind)).size).toBe(16);
    },
  );

  it('a line manager reads the same history as the handler', async () => {
    expect(await historyShownTo(people.headIdi, 'en-GB')).toEqual(expectedHistory.en);
  });

  it('a rejected case and a closed case end with their own lines', async () => {
    harness.clock.set(at('2026-10-20T08:00:00Z'));
    const rejected = await fileCase(harness);
    await harness.store.step(rejected.id, 'reject', owner, {
      reason: 'Not a deviation',
      closedAt: harness.clock.now(),
      occurredAt: harness.clock.now(),
    });
    expect((await historyShownTo(people.ownerIe2, 'en-GB', rejected.id)).at(-1)).toBe(
      '20 October 2026 at 10:00 – Olav Owner rejected the report, with the reason sent to the reporter',
    );
    // The case itself says the reason the reporter was given.
    expect(shown(await openView(harness, actor(people.ownerIe2, 'en-GB'), rejected.id))).toContain(
      'Reason\nNot a deviation',
    );
    const closed = await fileCase(harness);
    await harness.store.step(closed.id, 'accept', owner, { handler, occurredAt: harness.clock.now() });
    await harness.store.step(closed.id, 'close', handler, {
      outcome: 'Moved',
      closedAt: harness.clock.now(),
      occurredAt: harness.clock.now(),
    });
    expect((await historyShownTo(people.handler, 'da-DK', closed.id)).at(-1)).toBe(
      '20. oktober 2026 kl. 10.00 – Hanne Handler lukkede sagen og sendte udfaldet til indberetteren',
    );
  });
});
