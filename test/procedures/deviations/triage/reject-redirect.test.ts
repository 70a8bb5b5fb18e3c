import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  triageActions,
  triageForms,
} from '../../../../src/procedures/deviations/presenters/triage/triage-ids.js';
import type { Database } from '../../../../src/storage/database.js';
import { people } from '../../../support/deviations-fixture.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';
import {
  buttonsOf,
  click,
  fileCase,
  onlyPostTo,
  postsTo,
  privateText,
  submit,
  textOf,
  theCardOf,
  traffic,
  triageWorld,
} from './triage-harness.js';

const reason = 'This is about a grade you disagree with.\nPlease file a formal appeal instead (klage).';
const dayMs = 86_400_000;

describe(`a report owner rejects a report, or redirects it to whistleblowing (${testDatabaseEngine()})`, () => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  it('the Reject and Redirect buttons open a form with one required reason', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    for (const [actionId, formId] of [
      [triageActions.reject, triageForms.reject],
      [triageActions.redirect, triageForms.redirect],
    ] as const) {
      const reply = await click(world, people.ownerIe1, actionId, deviation.id);
      if (reply.kind !== 'form') throw new Error(`expected a form, got ${reply.kind}`);
      expect(reply.form).toMatchObject({ formId, state: deviation.id });
      expect(
        reply.form.fields.map((field) => [field.id, field.kind, field.optional ?? false, field.maxLength]),
      ).toEqual([['reason', 'multiline', false, 2000]]);
    }
  });

  it('rejecting closes the case with the reason, audited; its timers stop', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    world.clock.set(new Date('2026-10-14T09:15:00Z'));

    expect(await submit(world, people.ownerIe1, triageForms.reject, deviation.id, { reason })).toEqual({
      kind: 'close',
    });

    expect(await world.dependencies.store.find(deviation.id)).toMatchObject({
      state: 'rejected',
      reason,
      closedAt: new Date('2026-10-14T09:15:00Z'),
      textPurgeAfter: null,
    });
    expect(
      (await world.dependencies.store.history(deviation.id)).map((event) => [event.kind, event.actor.email]),
    ).toEqual([
      ['filed', people.student],
      ['rejected', people.ownerIe1],
    ]);
    expect((await world.dependencies.store.timers(deviation.id)).map((timer) => timer.status)).toEqual([
      'cancelled',
      'cancelled',
    ]);
  });

  it('the reporter gets the reason as written, in Danish; every card shows it, without buttons', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    await submit(world, people.ownerIe1, triageForms.reject, deviation.id, { reason });

    expect(textOf(onlyPostTo(world, people.student))).toBe(
      [
        `Afvigelse ${deviation.number}`,
        `Din afvigelse ${deviation.number} er afvist og bliver ikke behandlet som en afvigelse.`,
        `Begrundelse\n${reason}`,
      ].join('\n'),
    );
    for (const owner of [people.ownerIe1, people.ownerIe2]) {
      const card = theCardOf(world, owner, deviation.number);
      expect(buttonsOf(card)).toEqual([]);
      expect(textOf(card)).toContain(reason);
    }
    expect(textOf(theCardOf(world, people.ownerIe2, deviation.number))).toContain('Afvist af Olav Owner');
  });

  it('a CPR number or fødselsnummer typed into a reason is a field error: nothing is stored or sent', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    const before = traffic(world);
    for (const reason of [
      'The student 010190-1234 is not the reporter.',
      'Fødselsnummer 01019012345 står her.',
    ]) {
      for (const formId of [triageForms.reject, triageForms.redirect]) {
        expect(await submit(world, people.ownerIe1, formId, deviation.id, { reason })).toEqual({
          kind: 'errors',
          errors: { reason: 'Remove the personal identity number: such numbers must not be sent in chat.' },
        });
      }
    }
    expect(await world.dependencies.store.find(deviation.id)).toMatchObject({
      state: 'received',
      reason: null,
    });
    expect(traffic(world)).toEqual(before);
  });

  it('a missing or blank reason, or one over the limit, is a field error and nothing changes', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    const before = traffic(world);
    for (const formId of [triageForms.reject, triageForms.redirect]) {
      for (const blank of [null, '  \n ']) {
        expect(await submit(world, people.ownerIe1, formId, deviation.id, { reason: blank })).toEqual({
          kind: 'errors',
          errors: { reason: 'Write a reason.' },
        });
      }
      expect(
        await submit(world, people.ownerIe2, formId, deviation.id, { reason: 'x'.repeat(2001) }),
      ).toEqual({
        kind: 'errors',
        errors: { reason: 'Højst 2.000 tegn.' },
      });
    }
    expect(await world.dependencies.store.find(deviation.id)).toMatchObject({
      state: 'received',
      version: 0,
    });
    expect(traffic(world)).toEqual(before);
  });

  it('a case in handling cannot be rejected any more', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    await submit(world, people.ownerIe1, triageForms.accept, deviation.id, {
      handler: people.handler,
      note: null,
    });
    const before = traffic(world);
    expect(privateText(await click(world, people.ownerIe1, triageActions.reject, deviation.id))).toBe(
      `Deviation ${deviation.number} is now “In handling”, so this can no longer be done.`,
    );
    expect(await submit(world, people.ownerIe1, triageForms.reject, deviation.id, { reason })).toMatchObject({
      kind: 'form',
      form: { formId: triageForms.result },
    });
    expect((await world.dependencies.store.find(deviation.id))?.state).toBe('in_handling');
    expect(traffic(world)).toEqual(before);
  });

  it('redirecting closes the case with the reason and keeps the text for the retention period (30 days by default)', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    const now = new Date('2026-10-14T09:15:00Z');
    world.clock.set(now);

    expect(await submit(world, people.ownerIe1, triageForms.redirect, deviation.id, { reason })).toEqual({
      kind: 'close',
    });

    expect(await world.dependencies.store.find(deviation.id)).toMatchObject({
      state: 'redirected',
      reason,
      closedAt: now,
      textPurgeAfter: new Date(now.getTime() + 30 * dayMs),
      description: 'Two mandatory lectures are scheduled at the same time.',
    });
    expect((await world.dependencies.store.history(deviation.id)).map((event) => event.kind)).toEqual([
      'filed',
      'redirected',
    ]);
    for (const owner of [people.ownerIe1, people.ownerIe2])
      expect(buttonsOf(theCardOf(world, owner, deviation.number))).toEqual([]);
    expect(textOf(theCardOf(world, people.ownerIe1, deviation.number))).toContain(
      'Redirected to whistleblowing by Olav Owner',
    );
  });

  it('the reporter gets the reason, the whistleblowing route and the confidential contacts, in Danish', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    await submit(world, people.ownerIe1, triageForms.redirect, deviation.id, { reason });

    const message = onlyPostTo(world, people.student);
    expect(textOf(message)).toBe(
      [
        `Afvigelse ${deviation.number}`,
        `Det, du indberettede i ${deviation.number}, behandles ikke som en afvigelse, men i whistleblowerordningen. Sagen er lukket her.`,
        `Begrundelse\n${reason}`,
        'Sådan indberetter du til whistleblowerordningen\nWhistleblowerordningen',
        'Er du i tvivl, kan du tale med en, der har tavshedspligt:\nVera Varsel, Student ombudsman: ombud@uni.example',
      ].join('\n'),
    );
    const links = message.blocks.flatMap((block) =>
      block.type === 'text'
        ? block.content.flatMap((inline) =>
            typeof inline !== 'string' && inline.kind === 'link' ? [inline.url] : [],
          )
        : [],
    );
    expect(links).toEqual(['https://uni.example/whistleblowing', 'mailto:ombud@uni.example']);
  });

  it('with a retention of 0 days the text is due for removal at once', async () => {
    const world = triageWorld(database, { redirectedTextRetentionDays: 0 });
    const deviation = await fileCase(world);
    const now = new Date('2026-10-14T09:15:00Z');
    world.clock.set(now);
    await submit(world, people.ownerIe1, triageForms.redirect, deviation.id, { reason });
    expect((await world.dependencies.store.find(deviation.id))?.textPurgeAfter).toEqual(now);
  });

  it('a case in handling can be redirected: its handler is told to stop, and the reporter gets the route', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    await submit(world, people.ownerIe1, triageForms.accept, deviation.id, {
      handler: people.handler,
      note: null,
    });
    const handlerPosts = postsTo(world, people.handler).length;
    const reporterPosts = postsTo(world, people.student).length;

    expect(await submit(world, people.ownerIe2, triageForms.redirect, deviation.id, { reason })).toEqual({
      kind: 'close',
    });

    expect((await world.dependencies.store.find(deviation.id))?.state).toBe('redirected');
    const toHandler = postsTo(world, people.handler).slice(handlerPosts);
    expect(toHandler.map(textOf)).toEqual([
      `Deviation ${deviation.number}\nOda Eier has redirected deviation ${deviation.number} to whistleblowing. The case is closed and needs no further handling from you.`,
    ]);
    expect(postsTo(world, people.student).slice(reporterPosts).map(textOf)[0]).toContain(
      'whistleblowerordningen',
    );
    expect(
      (await world.dependencies.store.timers(deviation.id)).every((timer) => timer.status === 'cancelled'),
    ).toBe(true);
  });

  it('the same rejection submitted twice rejects once and tells the reporter once', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    const [first, second] = await Promise.all([
      submit(world, people.ownerIe1, triageForms.reject, deviation.id, { reason }),
      submit(world, people.ownerIe1, triageForms.reject, deviation.id, { reason }),
    ]);
    expect([first, second]).toEqual([{ kind: 'close' }, { kind: 'close' }]);
    expect((await world.dependencies.store.history(deviation.id)).map((event) => event.kind)).toEqual([
      'filed',
      'rejected',
    ]);
    expect(postsTo(world, people.student)).toHaveLength(1);
  });
});
