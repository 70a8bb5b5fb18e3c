import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Form } from '../../../../src/messages/message-model.js';
import {
  decodeCaseViewState,
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
  submit,
} from './handling-harness.js';

const handler = actor(people.handler, 'en-GB');
const reporter = actor(people.student, 'da-DK');

async function askForm(harness: Harness, caseId: string): Promise<Form> {
  return formOf(
    await click(harness, handler, await openView(harness, handler, caseId), handlingActions.askForm, caseId),
  );
}

async function ask(harness: Harness, caseId: string, question: string): Promise<Form> {
  return formOf(
    await submit(harness, handler, await askForm(harness, caseId), { [handlingFields.question]: question }),
  );
}

/** The reporter's last message's Answer button, clicked: the answer form. */
async function answerFormFromMessage(harness: Harness, who = reporter): Promise<Form> {
  const question = messagesTo(harness.slack, people.student).at(-1);
  const answer = buttonsOf(question ?? { fallbackText: '', blocks: [] }).find(
    (button) => button.actionId === handlingActions.answer,
  );
  return formOf(
    await harness.bot.action(who, dm(who), {
      actionId: handlingActions.answer,
      value: answer?.value ?? null,
    }),
  );
}

describe(`asking the reporter (${testDatabaseEngine()})`, () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await openHarness();
  });
  afterAll(async () => harness.close());

  it('the handler asks: the question is stored with an “asked” event, and the reporter gets it in her language with an Answer button', async () => {
    const deviation = await caseInHandling(harness);
    const form = await askForm(harness, deviation.id);
    expect(form).toMatchObject({ formId: handlingForms.ask, title: 'Ask the reporter', submitLabel: 'Send' });
    expect(form.fields.map((field) => [field.id, field.kind, field.maxLength])).toEqual([
      [handlingFields.question, 'multiline', 1500],
    ]);

    const view = formOf(
      await submit(harness, handler, form, { [handlingFields.question]: 'Which two lectures clash?' }),
    );

    const [exchange, ...more] = await harness.store.exchanges(deviation.id);
    expect(more).toEqual([]);
    expect(exchange).toMatchObject({
      kind: 'question',
      askedByEmail: people.handler,
      addressee: people.student,
      text: 'Which two lectures clash?',
      answer: null,
    });
    expect((await harness.store.history(deviation.id)).at(-1)).toMatchObject({
      kind: 'asked',
      actor: { email: people.handler, name: 'Hanne Handler' },
      occurredAt: harness.clock.now(),
      details: { exchangeId: exchange?.id },
    });
    // The handler's view turns to the exchanges, with what became of the question.
    expect(decodeCaseViewState(view.state ?? null)?.part).toBe('exchanges');
    expect(shown(view)).toContain('The question was sent to Stina Student.');
    expect(shown(view)).toContain(
      'Question from Hanne Handler to Stina Student, 13 October 2026 at 14:30\nWhich two lectures clash?\n\nNot answered yet.',
    );

    const [question, ...others] = messagesTo(harness.slack, people.student);
    expect(others).toEqual([]);
    expect(shown(question ?? { fallbackText: '', blocks: [] })).toBe(
      [
        `Afvigelse ${deviation.number}`,
        `Hanne Handler, der behandler afvigelse ${deviation.number}, har et spørgsmål til dig:`,
        'Spørgsmålet\nWhich two lectures clash?',
        '[Svar]',
        'Dit svar går til sagsbehandleren.',
      ].join('\n'),
    );
    expect(question?.blocks.find((block) => block.type === 'actions')).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          actionId: handlingActions.answer,
          label: 'Svar',
          value: exchange?.id,
          style: 'primary',
          opensForm: true,
        },
      ],
    });
  });

  it('the question reaches the reporter in the language she filed in, whatever her platform says', async () => {
    const deviation = await caseInHandling(harness, { reporter: { language: 'en' } });
    await ask(harness, deviation.id, 'Which rooms?');
    expect(messagesTo(harness.slack, people.student).at(-1)?.fallbackText).toBe(
      `Deviation ${deviation.number}: Hanne Handler, who is handling deviation ${deviation.number}, has a question for you:`,
    );
  });

  it('the reporter answers from the button; the handler gets the answer with her question quoted; a second submit tells nobody again', async () => {
    const deviation = await caseInHandling(harness);
    await ask(harness, deviation.id, 'Which two lectures clash?');
    const form = await answerFormFromMessage(harness);
    expect(form).toMatchObject({
      formId: handlingForms.answer,
      title: 'Svar på spørgsmål',
      submitLabel: 'Send',
    });
    expect(shown(form)).toBe(
      [
        `Hanne Handler har et spørgsmål om afvigelse ${deviation.number}:`,
        'Spørgsmålet\nWhich two lectures clash?',
        '<Dit svar>',
      ].join('\n'),
    );
    const handlerMessages = messagesTo(harness.slack, people.handler).length;
    harness.clock.advanceDays(1);

    const done = formOf(
      await submit(harness, reporter, form, { [handlingFields.answer]: 'TDT4100 and TMA4100 on Mondays.' }),
    );

    expect(done).toMatchObject({ formId: handlingForms.notice, title: 'Tak', fields: [] });
    expect(shown(done)).toBe('Dit svar er sendt til sagsbehandleren.');
    const [exchange] = await harness.store.exchanges(deviation.id);
    expect(exchange).toMatchObject({
      answer: 'TDT4100 and TMA4100 on Mondays.',
      answeredAt: harness.clock.now(),
    });
    expect((await harness.store.history(deviation.id)).at(-1)).toMatchObject({
      kind: 'answered',
      actor: { email: people.student, name: 'Stina Student' },
      details: { exchangeId: exchange?.id },
    });
    const answered = messagesTo(harness.slack, people.handler).slice(handlerMessages);
    expect(answered.map((message) => shown(message))).toEqual([
      [
        `Deviation ${deviation.number}`,
        `Stina Student answered your question about deviation ${deviation.number}.`,
        'The question\nWhich two lectures clash?',
        'The answer\nTDT4100 and TMA4100 on Mondays.',
        '[Open the case]',
      ].join('\n'),
    ]);
    expect(buttonsOf(answered[0] ?? { fallbackText: '', blocks: [] })[0]?.value).toBe(deviation.id);

    // The same form again (a double click): the same thanks, nothing stored or sent again.
    const before = await snapshot(harness, deviation.id);
    const again = formOf(
      await submit(harness, reporter, form, { [handlingFields.answer]: 'TDT4100 and TMA4100 on Mondays.' }),
    );
    expect(shown(again)).toBe('Det var allerede sendt; formularen blev indsendt to gange.');
    expect(await snapshot(harness, deviation.id)).toEqual(before);
    // The button again: answered already.
    const question = messagesTo(harness.slack, people.student).at(-1);
    const value = buttonsOf(question ?? { fallbackText: '', blocks: [] })[0]?.value ?? null;
    expect(
      privateText(
        await harness.bot.action(reporter, dm(reporter), { actionId: handlingActions.answer, value }),
      ),
    ).toBe('Det er allerede besvaret.');
  });

  it('two answer forms open at once: the second to be sent is refused under its field, and only the first reaches the handler', async () => {
    const deviation = await caseInHandling(harness);
    await ask(harness, deviation.id, 'When exactly?');
    const first = await answerFormFromMessage(harness);
    const second = await answerFormFromMessage(harness);
    await submit(harness, reporter, first, { [handlingFields.answer]: 'Mondays at ten.' });
    const before = await snapshot(harness, deviation.id);
    expectErrorsOnly(
      await submit(harness, reporter, second, { [handlingFields.answer]: 'Mondays at ten, I think.' }),
      handlingFields.answer,
      'Det er allerede besvaret.',
    );
    expect(await snapshot(harness, deviation.id)).toEqual(before);
    expect((await harness.store.exchanges(deviation.id))[0]?.answer).toBe('Mondays at ten.');
  });

  it('only the reporter of that case answers: another student, the handler, a report owner and a forged exchange of another case are refused, and nothing changes', async () => {
    const deviation = await caseInHandling(harness);
    await ask(harness, deviation.id, 'Which room?');
    const form = await answerFormFromMessage(harness);
    const [exchange] = await harness.store.exchanges(deviation.id);
    // Another student's own case, to forge from.
    const theirs = await caseInHandling(harness, {
      reporter: { email: people.otherStudent, name: 'Ola Student' },
    });
    const before = await snapshot(harness, deviation.id);
    for (const email of [people.otherStudent, people.handler, people.ownerIe1, people.colleague]) {
      const who = actor(email, 'en-GB');
      expect(
        privateText(
          await harness.bot.action(who, dm(who), {
            actionId: handlingActions.answer,
            value: exchange?.id ?? null,
          }),
        ),
        email,
      ).toBe('You do not have access to this case.');
      expectErrorsOnly(
        await submit(harness, who, form, { [handlingFields.answer]: 'Forged' }),
        handlingFields.answer,
        'You do not have access to this case.',
      );
    }
    expect(await snapshot(harness, deviation.id)).toEqual(before);
    expect(await harness.store.exchanges(theirs.id)).toEqual([]);
    // An exchange id that names nothing, or is no id at all.
    for (const value of ['00000000-0000-4000-8000-000000000000', 'x', null])
      expect(
        privateText(
          await harness.bot.action(reporter, dm(reporter), { actionId: handlingActions.answer, value }),
        ),
      ).toBe('Sagen findes ikke. Den kan være slettet, eller linket er forkert.');
  });

  it('an empty question, one over the limit or with a personal number is said under the field, and nothing is asked', async () => {
    const deviation = await caseInHandling(harness);
    const form = await askForm(harness, deviation.id);
    const before = await snapshot(harness, deviation.id);
    for (const [question, problem] of [
      ['   ', 'Write something here.'],
      ['x'.repeat(1501), 'The text has 1,501 characters; at most 1,500 are allowed. Please shorten it.'],
      [
        'Is 010190-1234 your CPR?',
        'The text seems to contain a personal identity number. Remove it: such numbers must not be sent in chat.',
      ],
    ] as const)
      expectErrorsOnly(
        await submit(harness, handler, form, { [handlingFields.question]: question }),
        handlingFields.question,
        problem,
      );
    expect(await snapshot(harness, deviation.id)).toEqual(before);
    // The reporter's answer is held to its own limit.
    await ask(harness, deviation.id, 'Which?');
    const answer = await answerFormFromMessage(harness);
    expectErrorsOnly(
      await submit(harness, reporter, answer, { [handlingFields.answer]: 'y'.repeat(3001) }),
      handlingFields.answer,
      'Teksten har 3.001 tegn; højst 3.000 er tilladt. Gør den kortere.',
    );
    expect((await harness.store.exchanges(deviation.id))[0]?.answer).toBeNull();
  });

  it('the ask form sent twice asks once', async () => {
    const deviation = await caseInHandling(harness);
    const form = await askForm(harness, deviation.id);
    const reporterMessages = messagesTo(harness.slack, people.student).length;
    const values = { [handlingFields.question]: 'Which lectures?' };
    const [first, second] = await Promise.all([
      submit(harness, handler, form, values),
      submit(harness, handler, form, values),
    ]);
    const notices = [first, second].map((outcome) => shown(formOf(outcome)).split('\n')[0]);
    expect(notices.sort()).toEqual([
      'The question was sent to Stina Student.',
      'This was already sent; the form was submitted twice.',
    ]);
    expect(await harness.store.exchanges(deviation.id)).toHaveLength(1);
    expect(
      (await harness.store.history(deviation.id)).filter((event) => event.kind === 'asked'),
    ).toHaveLength(1);
    expect(messagesTo(harness.slack, people.student)).toHaveLength(reporterMessages + 1);
  });
});

describe(`asking a reporter no surface knows (${testDatabaseEngine()})`, () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await openHarness({ reachable: [people.handler, people.ownerIe1] });
  });
  afterAll(async () => harness.close());

  it('keeps the question with the case and tells the handler she could not be reached', async () => {
    const deviation = await caseInHandling(harness);
    const view = await ask(harness, deviation.id, 'Which lectures?');
    expect(shown(view).split('\n')[0]).toBe(
      'Trafiklys could not reach Stina Student in chat just now. It is kept with the case; let them know another way.',
    );
    expect(await harness.store.exchanges(deviation.id)).toHaveLength(1);
    expect(messagesTo(harness.slack, people.student)).toEqual([]);
  });
});
