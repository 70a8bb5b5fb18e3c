import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Form, FormValues } from '../../../../src/messages/message-model.js';
import {
  handlingActions,
  handlingFields,
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
  owner,
  privateText,
  shown,
  snapshot,
  stranger,
  submit,
} from './handling-harness.js';

const handler = actor(people.handler, 'en-GB');
const notAllowed = 'You do not have access to this case.';

/** Each handling action: the button in the case view, the form's main field, and values it would accept. */
const handlingSteps: readonly { name: string; button: string; field: string; values: FormValues }[] = [
  {
    name: 'ask the reporter',
    button: handlingActions.askForm,
    field: handlingFields.question,
    values: { [handlingFields.question]: 'Which?' },
  },
  {
    name: 'send for comments',
    button: handlingActions.commentsForm,
    field: handlingFields.colleagues,
    values: {
      [handlingFields.colleagues]: people.employee,
      [handlingFields.request]: 'Thoughts?',
      [handlingFields.dueDate]: '2026-10-30',
    },
  },
  {
    name: 'preliminary reply',
    button: handlingActions.preliminaryReplyForm,
    field: handlingFields.reply,
    values: { [handlingFields.reply]: 'Soon.' },
  },
  {
    name: 'causes and measures',
    button: handlingActions.causesForm,
    field: handlingFields.causes,
    values: { [handlingFields.causes]: 'Booking' },
  },
  {
    name: 'close',
    button: handlingActions.closeForm,
    field: handlingFields.outcome,
    values: { [handlingFields.outcome]: 'Fixed.' },
  },
];

/**
 * Everyone but the handler: a report owner and the line managers may look but
 * not handle; the reporter, a colleague asked for comments on this very case,
 * another faculty's report owner and a stranger may do neither.
 */
const wrongPeople = [
  people.ownerIe1,
  people.headIdi,
  people.deanIe,
  people.student,
  people.colleague,
  people.ownerNv,
  stranger,
];

describe(`who may handle a case (${testDatabaseEngine()})`, () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await openHarness();
  });
  afterAll(async () => harness.close());

  async function handlerFormOf(caseId: string, button: string): Promise<{ view: Form; form: Form }> {
    const view = await openView(harness, handler, caseId);
    return { view, form: formOf(await click(harness, handler, view, button, caseId)) };
  }

  describe.each(handlingSteps)('$name', (step) => {
    it.each(wrongPeople)('%s can neither open the form nor send it; nothing changes', async (email) => {
      const deviation = await caseInHandling(harness);
      // The colleague is one this case was sent to for comments: that gives her a request, not the case.
      await submit(harness, handler, (await handlerFormOf(deviation.id, handlingActions.commentsForm)).form, {
        [handlingFields.colleagues]: people.colleague,
        [handlingFields.request]: 'Your view?',
        [handlingFields.dueDate]: '2026-10-30',
      });
      const { view, form } = await handlerFormOf(deviation.id, step.button);
      const before = await snapshot(harness, deviation.id);
      const who = actor(email, 'en-GB');

      const opened = formOf(await click(harness, who, view, step.button, deviation.id));
      // Those who may see the case keep it in view, told why; the others are shown nothing of it.
      expect(shown(opened).split('\n')[0]).toBe(notAllowed);
      const mayLook = ([people.ownerIe1, people.headIdi, people.deanIe] as readonly string[]).includes(email);
      expect(buttonsOf(opened).some((button) => button.actionId === step.button)).toBe(false);
      expect(shown(opened).includes('Two mandatory lectures')).toBe(mayLook);

      expectErrorsOnly(await submit(harness, who, form, step.values), step.field, notAllowed);
      expect(await snapshot(harness, deviation.id)).toEqual(before);
    });
  });

  it('a button value naming a case someone else handles is checked against THAT case: refused, and nothing changes on it', async () => {
    const own = await caseInHandling(harness);
    const theirs = await caseInHandling(harness);
    await harness.store.step(theirs.id, 'assign', owner, {
      handler: { email: people.employee, name: 'Lars Lektor' },
    });
    const view = await openView(harness, handler, own.id);
    const before = await snapshot(harness, theirs.id);
    for (const step of handlingSteps) {
      const outcome = formOf(await click(harness, handler, view, step.button, theirs.id));
      expect(shown(outcome).split('\n')[0], step.name).toBe(notAllowed);
    }
    expect(await snapshot(harness, theirs.id)).toEqual(before);
  });

  it('a closed case refuses every handling action, the reporter’s answer and a colleague’s comment', async () => {
    const deviation = await caseInHandling(harness);
    const stale = new Map<string, { view: Form; form: Form }>();
    for (const step of handlingSteps) stale.set(step.button, await handlerFormOf(deviation.id, step.button));
    const ask = await handlerFormOf(deviation.id, handlingActions.askForm);
    await submit(harness, handler, ask.form, { [handlingFields.question]: 'Which?' });
    const comments = await handlerFormOf(deviation.id, handlingActions.commentsForm);
    await submit(harness, handler, comments.form, {
      [handlingFields.colleagues]: people.colleague,
      [handlingFields.request]: 'Your view?',
      [handlingFields.dueDate]: '2026-10-30',
    });
    const reporter = actor(people.student, 'en-GB');
    const colleague = actor(people.colleague, 'en-GB');
    const exchangeOf = (email: string, actionId: string) =>
      buttonsOf(messagesTo(harness.slack, email).at(-1) ?? { fallbackText: '', blocks: [] }).find(
        (button) => button.actionId === actionId,
      )?.value ?? null;
    const answerId = exchangeOf(people.student, handlingActions.answer);
    const commentId = exchangeOf(people.colleague, handlingActions.comment);
    const answerForm = formOf(
      await harness.bot.action(reporter, dm(reporter), { actionId: handlingActions.answer, value: answerId }),
    );
    const commentForm = formOf(
      await harness.bot.action(colleague, dm(colleague), {
        actionId: handlingActions.comment,
        value: commentId,
      }),
    );
    await harness.store.step(
      deviation.id,
      'close',
      { email: people.handler, name: 'Hanne Handler' },
      { outcome: 'Done', closedAt: harness.clock.now() },
    );
    const before = await snapshot(harness, deviation.id);
    const refused = `Deviation ${deviation.number} is now “Closed”, so this can no longer be done.`;

    for (const step of handlingSteps) {
      const { view, form } = stale.get(step.button) ?? { view: ask.view, form: ask.form };
      expect(
        shown(formOf(await click(harness, handler, view, step.button, deviation.id))).split('\n')[0],
        step.name,
      ).toBe(refused);
      expectErrorsOnly(await submit(harness, handler, form, step.values), step.field, refused);
    }
    expect(
      privateText(
        await harness.bot.action(reporter, dm(reporter), {
          actionId: handlingActions.answer,
          value: answerId,
        }),
      ),
    ).toBe(refused);
    expectErrorsOnly(
      await submit(harness, reporter, answerForm, { [handlingFields.answer]: 'Late' }),
      handlingFields.answer,
      refused,
    );
    expect(
      privateText(
        await harness.bot.action(colleague, dm(colleague), {
          actionId: handlingActions.comment,
          value: commentId,
        }),
      ),
    ).toBe(refused);
    expectErrorsOnly(
      await submit(harness, colleague, commentForm, { [handlingFields.comment]: 'Late' }),
      handlingFields.comment,
      refused,
    );
    expect(await snapshot(harness, deviation.id)).toEqual(before);
  });

  it('a question’s exchange is not a request for comments, nor the other way round, even to its own addressee', async () => {
    const deviation = await caseInHandling(harness);
    await submit(harness, handler, (await handlerFormOf(deviation.id, handlingActions.askForm)).form, {
      [handlingFields.question]: 'Which?',
    });
    const [question] = await harness.store.exchanges(deviation.id);
    const reporter = actor(people.student, 'en-GB');
    expect(
      privateText(
        await harness.bot.action(reporter, dm(reporter), {
          actionId: handlingActions.comment,
          value: question?.id ?? null,
        }),
      ),
    ).toBe(notAllowed);
  });
});
