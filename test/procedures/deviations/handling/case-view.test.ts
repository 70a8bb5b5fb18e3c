import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../../../src/messages/plain-text.js';
import { botActor } from '../../../../src/procedures/deviations/deviation-case.js';
import {
  decodeCaseViewState,
  encodeCaseViewState,
  handlingActions,
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
  fileCase,
  formOf,
  type Harness,
  handler,
  names,
  openHarness,
  openView,
  owner,
  privateText,
  shown,
  stranger,
} from './handling-harness.js';

const en = (email: string) => actor(email, 'en-GB');
const partActions = ['case', 'exchanges', 'history'].map((part) => `${handlingActions.showPart}.${part}`);

describe(`the case view (${testDatabaseEngine()})`, () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await openHarness();
  });
  afterAll(async () => harness.close());

  it('the handler opens her case from the button: the facts, the report’s text, what is recorded, and the handling buttons', async () => {
    const deviation = await caseInHandling(harness);
    const form = await openView(harness, en(people.handler), deviation.id);

    expect(form).toMatchObject({
      formId: handlingForms.caseView,
      title: `Deviation ${deviation.number}`,
      fields: [],
    });
    expect(decodeCaseViewState(form.state ?? null)).toEqual({ caseId: deviation.id, part: 'case', page: 1 });
    const words = shown(form);
    for (const fact of [
      'Status: In handling',
      'Category: Timetabling',
      'Programme or course: Object-oriented programming (TDT4100)',
      'Received: 13 October 2026 at 14:30',
      'Deadline: 10 November 2026',
      'Handler: Hanne Handler',
      'Reporter: Stina Student (Student)',
      'Where and when\nLecture hall R7, Mondays 10–12',
      'Description\nTwo mandatory lectures are scheduled at the same time.',
      'Causes\nNot recorded yet.',
      'Measures\nNot recorded yet.',
    ])
      expect(words).toContain(fact);
    expect(buttonsOf(form).map((button) => [button.actionId, button.label, button.value])).toEqual([
      [partActions[0], 'The case', 'case'],
      [partActions[1], 'Questions and comments (0)', 'exchanges'],
      [partActions[2], 'History (3)', 'history'],
      [handlingActions.askForm, 'Ask the reporter', deviation.id],
      [handlingActions.commentsForm, 'Send for comments', deviation.id],
      [handlingActions.preliminaryReplyForm, 'Send a preliminary reply', deviation.id],
      [handlingActions.causesForm, 'Causes and measures', deviation.id],
      [handlingActions.closeForm, 'Close the case', deviation.id],
    ]);
    // Done and Close only close it.
    expect(
      await harness.bot.submitForm(en(people.handler), {
        formId: form.formId,
        state: form.state ?? null,
        values: {},
      }),
    ).toEqual({ kind: 'close' });
  });

  it('`sak`, `sag` and `case` after any of the command’s names open the same view; a number may lose its zeros', async () => {
    const deviation = await caseInHandling(harness);
    const short = deviation.number.replace(/-0+/, '-');
    // Every name the bot registers for the command (`avvik` too, once the bot speaks Norwegian).
    const commandNames = harness.bot.commandNames().filter((name) => name !== 'trafiklys');
    expect(commandNames).toEqual(expect.arrayContaining(['afvigelse', 'deviation']));
    for (const [name, words] of [
      ...commandNames.flatMap((name) =>
        ['sak', 'sag', 'case'].map((word) => [name, `${word} ${deviation.number}`]),
      ),
      ['deviation', `case ${short}`],
    ] as const) {
      const who = en(people.handler);
      const form = formOf(await harness.bot.command(who, dm(who), words, name));
      expect(decodeCaseViewState(form.state ?? null)?.caseId, `/${name} ${words}`).toBe(deviation.id);
    }
  });

  it('a report owner of the faculty and the line managers over the unit see the case, but only the handler handles it', async () => {
    const deviation = await caseInHandling(harness);
    for (const viewer of [people.ownerIe1, people.ownerIe2, people.headIdi, people.deanIe]) {
      const form = await openView(harness, en(viewer), deviation.id);
      expect(
        buttonsOf(form).map((button) => button.actionId),
        viewer,
      ).toEqual(partActions);
      expect(shown(form), viewer).toContain(
        'Hanne Handler is handling the case. You can see it, but only the handler can handle it.',
      );
      expect(shown(form), viewer).toContain(
        'Description\nTwo mandatory lectures are scheduled at the same time.',
      );
    }
  });

  it('the reporter, a colleague, another faculty’s report owner and dean, the quality department and a stranger are refused, and shown nothing of the case', async () => {
    const deviation = await caseInHandling(harness);
    const posts = harness.slack.posts.length;
    for (const refused of [
      people.student,
      people.colleague,
      people.ownerNv,
      people.deanNv,
      people.quality,
      stranger,
    ]) {
      const who = en(refused);
      expect(
        privateText(
          await harness.bot.action(who, dm(who), { actionId: handlingActions.openCase, value: deviation.id }),
        ),
        refused,
      ).toBe('You do not have access to this case.');
      expect(
        privateText(await harness.bot.command(who, dm(who), `case ${deviation.number}`, 'deviation')),
        refused,
      ).toBe('You do not have access to this case.');
    }
    // In her own language, the reporter is pointed nowhere near the case either.
    const student = actor(people.student, 'da-DK');
    expect(
      privateText(
        await harness.bot.action(student, dm(student), {
          actionId: handlingActions.openCase,
          value: deviation.id,
        }),
      ),
    ).toBe('Du har ikke adgang til denne sag.');
    expect(harness.slack.posts).toHaveLength(posts);
  });

  it('an unknown or forged case id, an unknown number and a missing number are said so', async () => {
    const who = en(people.handler);
    for (const value of [randomUUID(), 'not-a-case', null]) {
      expect(
        privateText(await harness.bot.action(who, dm(who), { actionId: handlingActions.openCase, value })),
      ).toBe('The case cannot be found. It may have been removed, or the link is wrong.');
    }
    expect(privateText(await harness.bot.command(who, dm(who), 'case 2031-9999', 'deviation'))).toBe(
      'The case cannot be found. It may have been removed, or the link is wrong.',
    );
    for (const typed of ['case', 'case R7', 'case 42'])
      expect(privateText(await harness.bot.command(who, dm(who), typed, 'deviation')), typed).toBe(
        'Write the case number after the command, for example “/deviation case 2026-0042”.',
      );
    const danish = actor(people.handler, 'da-DK');
    expect(privateText(await harness.bot.command(danish, dm(danish), 'sag', 'afvigelse'))).toBe(
      'Skriv sagsnummeret efter kommandoen, for eksempel »/afvigelse sag 2026-0042«.',
    );
  });

  it('a click in the view whose state names another faculty’s case shows nothing of that case', async () => {
    const own = await caseInHandling(harness);
    const other = await fileCase(harness, { unit: 'MA1101' });
    const form = await openView(harness, en(people.handler), own.id);
    const forged = { ...form, state: encodeCaseViewState({ caseId: other.id, part: 'case', page: 1 }) };
    const outcome = formOf(await click(harness, en(people.handler), forged, partActions[2] ?? '', 'history'));
    expect(outcome.formId).toBe(handlingForms.notice);
    expect(shown(outcome)).toBe('You do not have access to this case.');
    const garbled = { ...form, state: '{"v":1,"case":' };
    expect(
      shown(formOf(await click(harness, en(people.handler), garbled, partActions[1] ?? '', 'exchanges'))),
    ).toBe('The case cannot be found. It may have been removed, or the link is wrong.');
  });

  it('the history pages by 25 events, the questions and comments by 4', async () => {
    const deviation = await caseInHandling(harness);
    for (let time = 0; time < 25; time += 1)
      await harness.store.step(deviation.id, 'recordCauses', handler, { causes: `Cause ${time}` });
    for (let asked = 0; asked < 5; asked += 1)
      await harness.store.step(deviation.id, 'ask', handler, {
        newExchange: {
          kind: 'question',
          askedByEmail: handler.email,
          addressee: people.student,
          text: `Question ${asked}`,
          dueDate: null,
          askedAt: new Date(Date.UTC(2026, 9, 14, 8, asked)),
        },
      });
    const who = en(people.handler);
    const view = await openView(harness, who, deviation.id);
    const history = formOf(await click(harness, who, view, partActions[2] ?? '', 'history'));
    const lines = (form: typeof history) =>
      (form.blocks ?? []).flatMap((block) =>
        block.type === 'text' ? plainTextOf(block.content).split('\n') : [],
      );
    expect(lines(history)).toHaveLength(25);
    expect(shown(history)).toContain('Page 1 of 2');
    expect(
      buttonsOf(history)
        .map((button) => [button.label, button.value])
        .slice(3),
    ).toEqual([['Next', '2']]);
    const second = formOf(await click(harness, who, history, handlingActions.nextPage, '2'));
    expect(lines(second)).toHaveLength(3 + 25 + 5 - 25);
    expect(
      buttonsOf(second)
        .map((button) => [button.label, button.value])
        .slice(3),
    ).toEqual([['Previous', '1']]);

    const exchanges = formOf(await click(harness, who, second, partActions[1] ?? '', 'exchanges'));
    expect(shown(exchanges)).toContain('Question 0');
    expect(shown(exchanges)).toContain('Question 3');
    expect(shown(exchanges)).not.toContain('Question 4');
    const lastPage = formOf(await click(harness, who, exchanges, handlingActions.nextPage, '2'));
    expect(shown(lastPage)).toContain('Question 4');
    expect(shown(lastPage)).toContain('Page 2 of 2');
    // A page past the end (the case changed since the click was made) shows the last one.
    const past = formOf(await click(harness, who, exchanges, handlingActions.nextPage, '7'));
    expect(shown(past)).toContain('Page 2 of 2');
  });

  it('a preliminary reply is among the exchanges, with its words, as told (no answer awaited)', async () => {
    const deviation = await caseInHandling(harness);
    await harness.store.step(deviation.id, 'preliminaryReply', handler, {
      preliminaryReplyAt: new Date('2026-11-02T12:30:00Z'),
      occurredAt: new Date('2026-11-02T12:30:00Z'),
      newExchange: {
        kind: 'reply',
        askedByEmail: handler.email,
        addressee: people.student,
        text: 'We expect an answer by 20 November.',
        dueDate: null,
        askedAt: new Date('2026-11-02T12:30:00Z'),
      },
    });
    const who = en(people.handler);
    const exchanges = formOf(
      await click(
        harness,
        who,
        await openView(harness, who, deviation.id),
        partActions[1] ?? '',
        'exchanges',
      ),
    );
    expect(shown(exchanges)).toContain(
      'Preliminary reply from Hanne Handler to Stina Student, 2 November 2026 at 13:30\nWe expect an answer by 20 November.',
    );
    expect(shown(exchanges)).not.toContain('Not answered yet.');
  });

  it('a sensitive case shows its mark and, to those who may see the case, its text', async () => {
    const deviation = await caseInHandling(harness, { sensitive: true });
    for (const viewer of [people.handler, people.ownerIe2, people.headIdi]) {
      const words = shown(await openView(harness, en(viewer), deviation.id));
      expect(words).toContain('Marked: the case contains sensitive personal data.');
      expect(words).toContain('Description\nTwo mandatory lectures are scheduled at the same time.');
    }
  });

  it('who did what is named as the audit trail names them: the bot’s own timers as Trafiklys', async () => {
    const deviation = await caseInHandling(harness);
    await harness.store.step(deviation.id, 'remind', botActor, {
      occurredAt: new Date('2026-11-03T07:00:00Z'),
    });
    const who = en(people.handler);
    const history = formOf(
      await click(harness, who, await openView(harness, who, deviation.id), partActions[2] ?? '', 'history'),
    );
    expect(shown(history)).toContain(
      `3 November 2026 at 08:00 – Trafiklys reminded the handler to send a preliminary reply`,
    );
    expect(shown(history)).toContain(
      `13 October 2026 at 14:30 – ${owner.name} assigned the case to ${names[people.handler]}`,
    );
  });
});
