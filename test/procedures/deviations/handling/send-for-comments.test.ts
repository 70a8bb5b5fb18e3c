import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Form, FormValues, Message } from '../../../../src/messages/message-model.js';
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
  dm,
  expectErrorsOnly,
  formOf,
  type Harness,
  messagesTo,
  openHarness,
  openView,
  privateText,
  shown,
  snapshot,
  stranger,
  submit,
} from './handling-harness.js';

const handler = actor(people.handler, 'en-GB');
const colleague = actor(people.colleague, 'da-DK');
const none: Message = { fallbackText: '', blocks: [] };

async function commentsForm(harness: Harness, caseId: string): Promise<Form> {
  const view = await openView(harness, handler, caseId);
  return formOf(await click(harness, handler, view, handlingActions.commentsForm, caseId));
}

function request(values: Partial<Record<string, string | boolean>> = {}): FormValues {
  return {
    [handlingFields.colleagues]: `${people.colleague},\n ${people.employee}`,
    [handlingFields.request]: 'Was R7 booked twice on Mondays?',
    [handlingFields.dueDate]: '2026-10-23',
    ...values,
  };
}

async function commentFormOf(harness: Harness, who = colleague): Promise<Form> {
  const value = buttonsOf(messagesTo(harness.slack, who.email ?? '').at(-1) ?? none).find(
    (button) => button.actionId === handlingActions.comment,
  )?.value;
  return formOf(
    await harness.bot.action(who, dm(who), { actionId: handlingActions.comment, value: value ?? null }),
  );
}

describe(`sending a case for comments (${testDatabaseEngine()})`, () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await openHarness();
  });
  afterAll(async () => harness.close());

  it('one step asks each colleague apart: the case’s facts and text, not the reporter’s name, the due date and a Comment button', async () => {
    const deviation = await caseInHandling(harness);
    const form = await commentsForm(harness, deviation.id);
    expect(form).toMatchObject({ formId: handlingForms.comments, title: 'Send for comments' });
    expect(form.fields.map((field) => [field.id, field.kind, field.initialValue])).toEqual([
      [handlingFields.colleagues, 'multiline', undefined],
      [handlingFields.request, 'multiline', undefined],
      // A week from today, in Oslo.
      [handlingFields.dueDate, 'date', '2026-10-20'],
    ]);

    const view = formOf(
      await submit(
        harness,
        handler,
        form,
        request({
          [handlingFields.colleagues]: `${people.colleague},\n Lecturer@uni.example; ${people.colleague}`,
        }),
      ),
    );

    const exchanges = await harness.store.exchanges(deviation.id);
    expect(
      exchanges
        .map((exchange) => [exchange.kind, exchange.addressee, exchange.dueDate, exchange.text])
        .sort(),
    ).toEqual([
      ['comments', people.colleague, '2026-10-23', 'Was R7 booked twice on Mondays?'],
      ['comments', people.employee, '2026-10-23', 'Was R7 booked twice on Mondays?'],
    ]);
    const events = (await harness.store.history(deviation.id)).filter(
      (event) => event.kind === 'sent_for_comments',
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toMatchObject({
      colleagues: `${people.colleague}, ${people.employee}`,
      dueDate: '2026-10-23',
      textShared: false,
    });
    expect(shown(view).split('\n')[0]).toBe(
      `The case was sent for comments to ${people.colleague} and ${people.employee}.`,
    );
    expect(shown(view)).toContain(
      `Request for comments from Hanne Handler to ${people.colleague}, 13 October 2026 at 14:30, due 23 October 2026\nWas R7 booked twice on Mondays?\n\nNot answered yet.`,
    );

    const [toColleague, ...more] = messagesTo(harness.slack, people.colleague);
    expect(more).toEqual([]);
    const words = shown(toColleague ?? none);
    expect(words).toBe(
      [
        `Høring: afvigelse ${deviation.number}`,
        'Hanne Handler beder om din kommentar senest 23. oktober 2026.',
        'Spørgsmålet i høringen\nWas R7 booked twice on Mondays?',
        'Status: Under behandling',
        'Kategori: Skemalægning',
        'Uddannelse eller kursus: Object-oriented programming (TDT4100)',
        'Modtaget: 13. oktober 2026 kl. 14.30',
        'Frist: 10. november 2026',
        'Sagsbehandler: Hanne Handler',
        'Hvor og hvornår\nLecture hall R7, Mondays 10–12',
        'Beskrivelse\nTwo mandatory lectures are scheduled at the same time.',
        '[Kommentér]',
        'Din kommentar går kun til sagsbehandleren. Sagen er intern; del den ikke videre.',
      ].join('\n'),
    );
    expect(words).not.toContain('Stina');
    const colleagueExchange = exchanges.find((exchange) => exchange.addressee === people.colleague);
    expect(buttonsOf(toColleague ?? none)).toEqual([
      { actionId: handlingActions.comment, label: 'Kommentér', value: colleagueExchange?.id },
    ]);
    expect(messagesTo(harness.slack, people.employee).map((message) => message.fallbackText)).toEqual([
      `Comments wanted: deviation ${deviation.number}: Hanne Handler asks for your comments by 23 October 2026.`,
    ]);
  });

  it('a sensitive case’s text reaches the colleagues only when the handler ticks that they may read it', async () => {
    const deviation = await caseInHandling(harness, { sensitive: true });
    const form = await commentsForm(harness, deviation.id);
    expect(form.fields.at(-1)).toMatchObject({
      id: handlingFields.shareText,
      kind: 'checkbox',
      label: 'The colleagues may read the report’s text',
    });
    await submit(harness, handler, form, request({ [handlingFields.colleagues]: people.employee }));
    const hidden = shown(messagesTo(harness.slack, people.employee).at(-1) ?? none);
    expect(hidden).toContain(
      'The text contains sensitive personal data and is shown only to the handler, the report owners and the line managers.',
    );
    expect(hidden).not.toContain('Two mandatory lectures');

    const again = await commentsForm(harness, deviation.id);
    await submit(
      harness,
      handler,
      again,
      request({ [handlingFields.colleagues]: people.employee, [handlingFields.shareText]: true }),
    );
    expect(shown(messagesTo(harness.slack, people.employee).at(-1) ?? none)).toContain(
      'Description\nTwo mandatory lectures are scheduled at the same time.',
    );
    const shared = (await harness.store.history(deviation.id)).filter(
      (event) => event.kind === 'sent_for_comments',
    );
    expect(shared.map((event) => event.details.textShared)).toEqual([false, true]);
  });

  it('every address is checked before anything is stored or sent, and each problem names the address', async () => {
    const deviation = await caseInHandling(harness);
    const form = await commentsForm(harness, deviation.id);
    const before = await snapshot(harness, deviation.id);
    const colleaguesSaying = async (colleagues: string, problem: string) =>
      expectErrorsOnly(
        await submit(harness, handler, form, request({ [handlingFields.colleagues]: colleagues })),
        handlingFields.colleagues,
        problem,
      );
    await colleaguesSaying('kari.uni.example', '“kari.uni.example” is not an e-mail address.');
    await colleaguesSaying(people.handler, 'You cannot send the case for comments to yourself.');
    await colleaguesSaying(
      people.student,
      `${people.student} is the reporter. Comments are internal; use “Ask the reporter” instead.`,
    );
    await colleaguesSaying(
      `${people.colleague}, nobody@uni.example`,
      'Nobody with the address nobody@uni.example is on Slack, Teams or the console, so Trafiklys cannot reach them.',
    );
    await colleaguesSaying(
      'kari, nobody@uni.example',
      '“kari” is not an e-mail address. Nobody with the address nobody@uni.example is on Slack, Teams or the console, so Trafiklys cannot reach them.',
    );
    await colleaguesSaying(
      Array.from({ length: 11 }, (_, index) => `c${index}@uni.example`).join(', '),
      'At most 10 colleagues a request.',
    );
    await colleaguesSaying(' ,\n ', 'Write at least one e-mail address.');
    expect(
      await submit(harness, handler, form, {
        [handlingFields.colleagues]: people.colleague,
        [handlingFields.request]: '',
        [handlingFields.dueDate]: '2026-10-12',
      }),
    ).toEqual({
      kind: 'errors',
      errors: {
        [handlingFields.request]: 'Write something here.',
        [handlingFields.dueDate]: 'The due date cannot be before today.',
      },
    });
    expectErrorsOnly(
      await submit(harness, handler, form, request({ [handlingFields.dueDate]: '23.10.2026' })),
      handlingFields.dueDate,
      'Choose the date the comments are due.',
    );
    expect(await snapshot(harness, deviation.id)).toEqual(before);
    // Today itself will do.
    expect(
      (await submit(harness, handler, form, request({ [handlingFields.dueDate]: '2026-10-13' }))).kind,
    ).toBe('form');
  });

  it('a colleague comments from the button; the handler gets the comment with the request quoted; a second submit tells nobody again', async () => {
    const deviation = await caseInHandling(harness);
    await submit(harness, handler, await commentsForm(harness, deviation.id), request());
    const form = await commentFormOf(harness);
    expect(form).toMatchObject({ formId: handlingForms.comment, title: 'Høringssvar' });
    expect(shown(form)).toBe(
      [
        `Hanne Handler beder om din kommentar til afvigelse ${deviation.number} senest 23. oktober 2026:`,
        'Spørgsmålet i høringen\nWas R7 booked twice on Mondays?',
        '<Din kommentar>',
      ].join('\n'),
    );
    const handlerMessages = messagesTo(harness.slack, people.handler).length;
    harness.clock.advanceDays(2);

    const done = formOf(
      await submit(harness, colleague, form, {
        [handlingFields.comment]: 'Yes: the booking system allowed it.',
      }),
    );

    expect(shown(done)).toBe('Din kommentar er sendt til sagsbehandleren.');
    const exchange = (await harness.store.exchanges(deviation.id)).find(
      (candidate) => candidate.addressee === people.colleague,
    );
    expect(exchange).toMatchObject({
      answer: 'Yes: the booking system allowed it.',
      answeredAt: harness.clock.now(),
    });
    expect((await harness.store.history(deviation.id)).at(-1)).toMatchObject({
      kind: 'commented',
      actor: { email: people.colleague, name: 'Kari Kollega' },
      details: { exchangeId: exchange?.id },
    });
    expect(
      messagesTo(harness.slack, people.handler)
        .slice(handlerMessages)
        .map((message) => shown(message)),
    ).toEqual([
      [
        `Deviation ${deviation.number}`,
        `Kari Kollega gave comments on deviation ${deviation.number}.`,
        'The request\nWas R7 booked twice on Mondays?',
        'The comments\nYes: the booking system allowed it.',
        '[Open the case]',
      ].join('\n'),
    ]);
    const before = await snapshot(harness, deviation.id);
    expect(shown(formOf(await submit(harness, colleague, form, { [handlingFields.comment]: 'Yes.' })))).toBe(
      'Det var allerede sendt; formularen blev indsendt to gange.',
    );
    expect(await snapshot(harness, deviation.id)).toEqual(before);
  });

  it('closing the case tells the colleagues who have not commented yet that the round is over; those who did hear nothing more', async () => {
    const deviation = await caseInHandling(harness);
    await submit(harness, handler, await commentsForm(harness, deviation.id), request());
    await submit(harness, colleague, await commentFormOf(harness), { [handlingFields.comment]: 'Yes.' });
    const colleagueMessages = messagesTo(harness.slack, people.colleague).length;
    const employeeMessages = messagesTo(harness.slack, people.employee).length;

    const view = await openView(harness, handler, deviation.id);
    const close = formOf(await click(harness, handler, view, handlingActions.closeForm, deviation.id));
    await submit(harness, handler, close, { [handlingFields.outcome]: 'The booking system is fixed.' });

    expect(messagesTo(harness.slack, people.colleague)).toHaveLength(colleagueMessages);
    expect(
      messagesTo(harness.slack, people.employee)
        .slice(employeeMessages)
        .map((message) => shown(message)),
    ).toEqual([
      `Hanne Handler has closed deviation ${deviation.number}. The request for comments is over; no comment is needed.`,
    ]);
  });

  it('only the named colleague comments on her request: the other colleague, the reporter, the handler and a stranger are refused', async () => {
    const deviation = await caseInHandling(harness);
    await submit(harness, handler, await commentsForm(harness, deviation.id), request());
    const form = await commentFormOf(harness);
    const exchange = (await harness.store.exchanges(deviation.id)).find(
      (candidate) => candidate.addressee === people.colleague,
    );
    const before = await snapshot(harness, deviation.id);
    for (const email of [people.employee, people.student, people.handler, stranger]) {
      const who = actor(email, 'en-GB');
      expect(
        privateText(
          await harness.bot.action(who, dm(who), {
            actionId: handlingActions.comment,
            value: exchange?.id ?? null,
          }),
        ),
        email,
      ).toBe('You do not have access to this case.');
      expectErrorsOnly(
        await submit(harness, who, form, { [handlingFields.comment]: 'Forged' }),
        handlingFields.comment,
        'You do not have access to this case.',
      );
    }
    expect(await snapshot(harness, deviation.id)).toEqual(before);
    // Named for comments, she still may not open the case itself.
    expect(
      privateText(
        await harness.bot.action(colleague, dm(colleague), {
          actionId: handlingActions.openCase,
          value: deviation.id,
        }),
      ),
    ).toBe('Du har ikke adgang til denne sag.');
    expectErrorsOnly(
      await submit(harness, colleague, form, { [handlingFields.comment]: 'z'.repeat(3001) }),
      handlingFields.comment,
      'Teksten har 3.001 tegn; højst 3.000 er tilladt. Gør den kortere.',
    );
    expect(await snapshot(harness, deviation.id)).toEqual(before);
  });
});
