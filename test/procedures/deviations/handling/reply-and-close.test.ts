import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Form, Message } from '../../../../src/messages/message-model.js';
import {
  handlingActions,
  handlingFields,
  handlingForms,
} from '../../../../src/procedures/deviations/presenters/handling/handling-ids.js';
import { people } from '../../../support/deviations-fixture.js';
import { testDatabaseEngine } from '../../../support/test-database.js';
import {
  actor,
  buttonsOf,
  caseInHandling,
  click,
  expectErrorsOnly,
  formOf,
  type Harness,
  messagesTo,
  openHarness,
  openView,
  shown,
  snapshot,
  submit,
} from './handling-harness.js';

const handler = actor(people.handler, 'en-GB');
const none: Message = { fallbackText: '', blocks: [] };

async function handlerForm(harness: Harness, caseId: string, actionId: string): Promise<Form> {
  return formOf(await click(harness, handler, await openView(harness, handler, caseId), actionId, caseId));
}

describe(`the preliminary reply, causes and measures, and closing (${testDatabaseEngine()})`, () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await openHarness();
  });
  afterAll(async () => harness.close());

  it('a preliminary reply goes to the reporter in her language, is recorded with its time, and stops the reminder to send one', async () => {
    const deviation = await caseInHandling(harness);
    const form = await handlerForm(harness, deviation.id, handlingActions.preliminaryReplyForm);
    expect(form).toMatchObject({ formId: handlingForms.preliminaryReply, title: 'Preliminary reply' });
    harness.clock.advanceDays(20);

    const view = formOf(
      await submit(harness, handler, form, {
        [handlingFields.reply]: 'We are waiting for the timetable office; expect an answer by 20 November.',
      }),
    );

    expect((await harness.store.find(deviation.id))?.preliminaryReplyAt).toEqual(harness.clock.now());
    expect((await harness.store.timers(deviation.id)).map((timer) => [timer.kind, timer.status])).toEqual([
      ['preliminary_reminder', 'cancelled'],
      ['overdue_escalation', 'pending'],
    ]);
    expect((await harness.store.history(deviation.id)).at(-1)).toMatchObject({
      kind: 'preliminary_reply',
      actor: { email: people.handler, name: 'Hanne Handler' },
      occurredAt: harness.clock.now(),
    });
    // The words are the reporter's, not the audit trail's.
    expect(JSON.stringify(await harness.store.history(deviation.id))).not.toContain('timetable office');
    expect(shown(view).split('\n')[0]).toBe('The preliminary reply was sent to the reporter.');
    expect(shown(view)).toContain('Preliminary reply sent: 2 November 2026 at 13:30');
    // The words are kept with the case, among its exchanges: what she was told stays on record.
    expect(await harness.store.exchanges(deviation.id)).toMatchObject([
      {
        kind: 'reply',
        askedByEmail: people.handler,
        addressee: people.student,
        text: 'We are waiting for the timetable office; expect an answer by 20 November.',
        answer: null,
      },
    ]);
    expect(shown(messagesTo(harness.slack, people.student).at(-1) ?? none)).toBe(
      [
        `Afvigelse ${deviation.number}`,
        `Foreløbigt svar om din afvigelse ${deviation.number}:`,
        'We are waiting for the timetable office; expect an answer by 20 November.',
        'Sagen er stadig under behandling. Du får besked, når den er afsluttet.',
      ].join('\n'),
    );
  });

  it('causes and measures may be recorded again and again: the latest is kept, each time is in the history, and they are the handler’s alone', async () => {
    const deviation = await caseInHandling(harness);
    const posts = harness.slack.posts.length;
    const first = await handlerForm(harness, deviation.id, handlingActions.causesForm);
    expect(first.fields.map((field) => [field.id, field.initialValue])).toEqual([
      [handlingFields.causes, undefined],
      [handlingFields.measures, undefined],
    ]);
    const view = formOf(
      await submit(harness, handler, first, { [handlingFields.causes]: 'R7 was booked twice.' }),
    );
    expect(shown(view).split('\n')[0]).toBe('Causes and measures are recorded.');
    expect(shown(view)).toContain('Causes\nR7 was booked twice.');
    expect(shown(view)).toContain('Measures\nNot recorded yet.');

    const second = await handlerForm(harness, deviation.id, handlingActions.causesForm);
    expect(second.fields.map((field) => [field.id, field.initialValue])).toEqual([
      [handlingFields.causes, 'R7 was booked twice.'],
      [handlingFields.measures, undefined],
    ]);
    await submit(harness, handler, second, {
      [handlingFields.causes]: 'R7 was booked twice by the booking system.',
      [handlingFields.measures]: 'One lecture moved to R9.',
    });
    expect(await harness.store.find(deviation.id)).toMatchObject({
      causes: 'R7 was booked twice by the booking system.',
      measures: 'One lecture moved to R9.',
    });
    const recorded = (await harness.store.history(deviation.id)).filter(
      (event) => event.kind === 'causes_recorded',
    );
    expect(
      recorded.map((event) => [event.actor.email, event.details.causes, event.details.measures]),
    ).toEqual([
      [people.handler, true, false],
      [people.handler, true, true],
    ]);
    expect(JSON.stringify(recorded)).not.toContain('R7');
    expect(harness.slack.posts).toHaveLength(posts);
  });

  it('causes and measures both empty, too long, or with a personal number are said under their fields', async () => {
    const deviation = await caseInHandling(harness);
    const form = await handlerForm(harness, deviation.id, handlingActions.causesForm);
    const before = await snapshot(harness, deviation.id);
    expectErrorsOnly(
      await submit(harness, handler, form, {}),
      handlingFields.causes,
      'Write causes, measures or both.',
    );
    expect(
      await submit(harness, handler, form, {
        [handlingFields.causes]: 'c'.repeat(3001),
        [handlingFields.measures]: 'Call 1201991234 about it',
      }),
    ).toEqual({
      kind: 'errors',
      errors: {
        [handlingFields.causes]:
          'The text has 3,001 characters; at most 3,000 are allowed. Please shorten it.',
        [handlingFields.measures]:
          'The text seems to contain a personal identity number. Remove it: such numbers must not be sent in chat.',
      },
    });
    expect(await snapshot(harness, deviation.id)).toEqual(before);
  });

  it('closing shows what is recorded, needs an outcome, sends the outcome to the reporter and stops the timers', async () => {
    const deviation = await caseInHandling(harness);
    const bare = await handlerForm(harness, deviation.id, handlingActions.closeForm);
    expect(shown(bare)).toBe(['No causes or measures are recorded.', '<Outcome>'].join('\n'));
    await submit(harness, handler, await handlerForm(harness, deviation.id, handlingActions.causesForm), {
      [handlingFields.measures]: 'One lecture moved to R9.',
    });
    const form = await handlerForm(harness, deviation.id, handlingActions.closeForm);
    expect(form).toMatchObject({ formId: handlingForms.close, title: 'Close the case', submitLabel: 'Send' });
    expect(shown(form)).toBe(
      [
        'Recorded in the case:',
        'Causes\nNot recorded yet.',
        'Measures\nOne lecture moved to R9.',
        '<Outcome>',
      ].join('\n'),
    );
    const before = await snapshot(harness, deviation.id);
    for (const [outcome, problem] of [
      ['', 'Write something here.'],
      ['o'.repeat(3001), 'The text has 3,001 characters; at most 3,000 are allowed. Please shorten it.'],
    ] as const)
      expectErrorsOnly(
        await submit(harness, handler, form, { [handlingFields.outcome]: outcome }),
        handlingFields.outcome,
        problem,
      );
    expect(await snapshot(harness, deviation.id)).toEqual(before);
    harness.clock.advanceDays(3);

    const view = formOf(
      await submit(harness, handler, form, {
        [handlingFields.outcome]: 'The clash is resolved: one lecture moved to R9.',
      }),
    );

    expect(await harness.store.find(deviation.id)).toMatchObject({
      state: 'closed',
      outcome: 'The clash is resolved: one lecture moved to R9.',
      closedAt: harness.clock.now(),
    });
    expect((await harness.store.timers(deviation.id)).map((timer) => timer.status)).toEqual([
      'cancelled',
      'cancelled',
    ]);
    expect((await harness.store.history(deviation.id)).at(-1)).toMatchObject({
      kind: 'closed',
      actor: { email: people.handler },
    });
    expect(shown(messagesTo(harness.slack, people.student).at(-1) ?? none)).toBe(
      [
        `Afvigelse ${deviation.number}`,
        `Din afvigelse ${deviation.number} er behandlet og lukket. Udfald:`,
        'The clash is resolved: one lecture moved to R9.',
        'Tak, fordi du sagde til.',
      ].join('\n'),
    );
    // The view now shows the closed case, with its outcome and without the handling buttons.
    expect(shown(view).split('\n')[0]).toBe('The case is closed, and the outcome was sent to the reporter.');
    expect(shown(view)).toContain('Status: Closed');
    expect(shown(view)).toContain('Outcome\nThe clash is resolved: one lecture moved to R9.');
    expect(buttonsOf(view).map((button) => button.actionId)).not.toContain(handlingActions.closeForm);
    // Sent twice: closed once, the reporter told once.
    const reporterMessages = messagesTo(harness.slack, people.student).length;
    expect(
      shown(formOf(await submit(harness, handler, form, { [handlingFields.outcome]: 'Again' }))).split(
        '\n',
      )[0],
    ).toBe('This was already sent; the form was submitted twice.');
    expect(messagesTo(harness.slack, people.student)).toHaveLength(reporterMessages);
    expect(
      (await harness.store.history(deviation.id)).filter((event) => event.kind === 'closed'),
    ).toHaveLength(1);
  });
});

describe(`replies to a reporter no surface knows (${testDatabaseEngine()})`, () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await openHarness({ reachable: [people.handler] });
  });
  afterAll(async () => harness.close());

  it('the preliminary reply and the closing are kept, and the handler is told the reporter could not be reached', async () => {
    const deviation = await caseInHandling(harness);
    const unreachable =
      'Trafiklys could not reach Stina Student in chat just now. It is kept with the case; let them know another way.';
    const reply = await handlerForm(harness, deviation.id, handlingActions.preliminaryReplyForm);
    expect(
      shown(formOf(await submit(harness, handler, reply, { [handlingFields.reply]: 'Soon.' }))).split(
        '\n',
      )[0],
    ).toBe(unreachable);
    const close = await handlerForm(harness, deviation.id, handlingActions.closeForm);
    expect(
      shown(formOf(await submit(harness, handler, close, { [handlingFields.outcome]: 'Fixed.' }))).split(
        '\n',
      )[0],
    ).toBe(unreachable);
    expect((await harness.store.find(deviation.id))?.state).toBe('closed');
  });
});
