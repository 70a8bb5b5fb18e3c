import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../../src/messages/message-model.js';
import {
  handlingActions,
  handlingFields,
} from '../../../../src/procedures/deviations/presenters/handling/handling-ids.js';
import { people } from '../../../support/deviations-fixture.js';
import { RecordingSurface } from '../../../support/recording-surface.js';
import { testDatabaseEngine } from '../../../support/test-database.js';
import {
  actor,
  buttonsOf,
  caseInHandling,
  click,
  dm,
  formOf,
  type Harness,
  messagesTo,
  openHarness,
  openView,
  submit,
} from './handling-harness.js';

// The bot lists the console first, and the console knows everyone the
// configuration names. Messages about a case must still go where the people
// working on it are: a surface listed first is no reason to write there.
const handler = actor(people.handler, 'en-GB');
const reporter = actor(people.student, 'da-DK');
const colleague = actor(people.colleague, 'da-DK');
const none: Message = { fallbackText: '', blocks: [] };

describe(`messages about a case go where the people working on it are (${testDatabaseEngine()})`, () => {
  let harness: Harness;
  let consoleLike: RecordingSurface;
  beforeAll(async () => {
    consoleLike = new RecordingSurface(
      'console',
      new Map(
        [people.handler, people.colleague, people.student].map((email) => [email, { displayName: email }]),
      ),
    );
    harness = await openHarness({ before: [consoleLike] });
  });
  afterAll(async () => harness.close());

  it('the reporter answers on Slack: the handler gets the answer on Slack, not on the surface listed first', async () => {
    const deviation = await caseInHandling(harness);
    const view = await openView(harness, handler, deviation.id);
    const ask = formOf(await click(harness, handler, view, handlingActions.askForm, deviation.id));
    await submit(harness, handler, ask, { [handlingFields.question]: 'Which lectures clash?' });
    const question = messagesTo(harness.slack, people.student).at(-1) ?? none;
    const answerButton = buttonsOf(question).find((button) => button.actionId === handlingActions.answer);
    const answerForm = formOf(
      await harness.bot.action(reporter, dm(reporter), {
        actionId: handlingActions.answer,
        value: answerButton?.value ?? null,
      }),
    );

    await submit(harness, reporter, answerForm, { [handlingFields.answer]: 'TDT4100 and TMA4100.' });

    expect(messagesTo(harness.slack, people.handler).at(-1)?.fallbackText).toContain(
      `answered your question about deviation ${deviation.number}`,
    );
    expect(consoleLike.posts).toEqual([]);
  });

  it('the handler sends the case for comments on Slack: the colleague is asked on Slack, and her comment comes back there', async () => {
    const deviation = await caseInHandling(harness);
    const view = await openView(harness, handler, deviation.id);
    const form = formOf(await click(harness, handler, view, handlingActions.commentsForm, deviation.id));

    await submit(harness, handler, form, {
      [handlingFields.colleagues]: people.colleague,
      [handlingFields.request]: 'Was R7 booked twice?',
      [handlingFields.dueDate]: '2026-10-23',
    });

    const request = messagesTo(harness.slack, people.colleague).at(-1) ?? none;
    expect(request.fallbackText).toContain(deviation.number);
    const commentButton = buttonsOf(request).find((button) => button.actionId === handlingActions.comment);
    const commentForm = formOf(
      await harness.bot.action(colleague, dm(colleague), {
        actionId: handlingActions.comment,
        value: commentButton?.value ?? null,
      }),
    );
    await submit(harness, colleague, commentForm, { [handlingFields.comment]: 'Yes, twice.' });

    expect(messagesTo(harness.slack, people.handler).at(-1)?.fallbackText).toContain(
      `comments on deviation ${deviation.number}`,
    );
    expect(consoleLike.posts).toEqual([]);
  });
});
