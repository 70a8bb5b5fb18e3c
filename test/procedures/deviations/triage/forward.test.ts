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

const ie = 'Faculty of Information Technology and Electrical Engineering';
const nv = 'Faculty of Natural Sciences';

describe(`a report owner forwards a report to another faculty (${testDatabaseEngine()})`, () => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  it('the Forward button offers the other faculties with report owners, not the case’s own', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    const reply = await click(world, people.ownerIe1, triageActions.forward, deviation.id);
    if (reply.kind !== 'form') throw new Error(`expected the forward form, got ${reply.kind}`);
    expect(reply.form).toMatchObject({ formId: triageForms.forward, state: deviation.id });
    expect(reply.form.fields.map((field) => [field.id, field.kind, field.options ?? null])).toEqual([
      ['faculty', 'select', [{ value: 'NV', label: nv }]],
      ['note', 'multiline', null],
    ]);
  });

  it('the case goes to NV, received there; the move is audited from IE to NV by the owner', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    world.clock.set(new Date('2026-10-14T09:15:00Z'));

    const outcome = await submit(world, people.ownerIe2, triageForms.forward, deviation.id, {
      faculty: 'NV',
      note: 'The course is taught by IMF.',
    });

    expect(outcome).toEqual({ kind: 'close' });
    expect(await world.dependencies.store.find(deviation.id)).toMatchObject({
      state: 'received',
      facultyCode: 'NV',
    });
    const history = await world.dependencies.store.history(deviation.id);
    expect(
      history.slice(1).map((event) => [event.kind, event.actor, event.occurredAt, event.details]),
    ).toEqual([
      [
        'forwarded',
        { email: people.ownerIe2, name: 'Oda Eier' },
        new Date('2026-10-14T09:15:00Z'),
        { from: 'IE', to: 'NV' },
      ],
    ]);
  });

  it('NV’s owner gets the note and a triage card with every button; the reporter is told, in Danish, which faculty has it', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    world.clock.set(new Date('2026-10-14T09:15:00Z'));
    await submit(world, people.ownerIe2, triageForms.forward, deviation.id, {
      faculty: 'NV',
      note: 'The course is taught by IMF.',
    });

    const [note, card, ...more] = postsTo(world, people.ownerNv);
    expect(more).toEqual([]);
    if (note === undefined || card === undefined) throw new Error('NV’s owner got no note and card');
    expect(textOf(note)).toBe(
      `Oda Eier (${ie}) forwarded deviation ${deviation.number} to your faculty with a note:\nThe course is taught by IMF.`,
    );
    expect(textOf(card)).toContain('Two mandatory lectures are scheduled at the same time.');
    expect(textOf(card)).toContain(`Forwarded from ${ie} to ${nv} by Oda Eier, 14 October 2026 at 11:15.`);
    expect(buttonsOf(card)).toEqual([
      triageActions.accept,
      triageActions.forward,
      triageActions.reject,
      triageActions.redirect,
      triageActions.flagSensitive,
    ]);
    const notices = await world.dependencies.store.notices(deviation.id, 'triage');
    expect(notices.map((notice) => notice.recipientEmail).sort()).toEqual(
      [people.ownerIe1, people.ownerIe2, people.ownerNv].sort(),
    );

    expect(textOf(onlyPostTo(world, people.student))).toBe(
      `Afvigelse ${deviation.number}\nDin afvigelse ${deviation.number} hører under ${nv} og er sendt videre til de meldingsansvarlige der.`,
    );
  });

  it('both IE owners’ cards say where it went and lose their buttons', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    await submit(world, people.ownerIe1, triageForms.forward, deviation.id, { faculty: 'NV', note: null });

    const english = theCardOf(world, people.ownerIe1, deviation.number);
    const danish = theCardOf(world, people.ownerIe2, deviation.number);
    expect(textOf(english)).toContain(
      `The case is now with the report owners of ${nv}. You can no longer act on it.`,
    );
    expect(textOf(danish)).toContain(`Sagen ligger nu hos de meldingsansvarlige på ${nv}.`);
    expect(buttonsOf(english)).toEqual([]);
    expect(buttonsOf(danish)).toEqual([]);
    // Without a note, NV's owner gets the card alone.
    expect(postsTo(world, people.ownerNv)).toHaveLength(1);
  });

  it('a sensitive case forwarded away: the old owners’ cards no longer show its text; the new owner’s does', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    await click(world, people.ownerIe1, triageActions.flagSensitive, deviation.id);
    await submit(world, people.ownerIe1, triageForms.forward, deviation.id, { faculty: 'NV', note: null });

    for (const owner of [people.ownerIe1, people.ownerIe2]) {
      const card = textOf(theCardOf(world, owner, deviation.number));
      expect(card).not.toContain('Two mandatory lectures');
      expect(card).not.toContain('Lecture hall R7');
    }
    expect(textOf(theCardOf(world, people.ownerIe1, deviation.number))).toContain(
      'The text contains sensitive personal data and is shown only to the handler, the report owners and the line managers.',
    );
    expect(textOf(theCardOf(world, people.ownerNv, deviation.number))).toContain('Two mandatory lectures');
  });

  it('after the forward, IE’s owners can no longer act on it; NV’s owner can, and IE’s old cards stay as they were', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    await submit(world, people.ownerIe1, triageForms.forward, deviation.id, { faculty: 'NV', note: null });
    const before = traffic(world);

    expect(privateText(await click(world, people.ownerIe2, triageActions.accept, deviation.id))).toBe(
      'Du har ikke adgang til denne sag.',
    );
    expect(
      await submit(world, people.ownerIe1, triageForms.accept, deviation.id, {
        handler: people.handler,
        note: null,
      }),
    ).toMatchObject({
      kind: 'form',
      form: { blocks: [{ type: 'text', content: ['You do not have access to this case.'] }] },
    });
    expect(traffic(world)).toEqual(before);
    expect((await world.dependencies.store.find(deviation.id))?.state).toBe('received');

    const ieCardBefore = theCardOf(world, people.ownerIe1, deviation.number);
    await submit(world, people.ownerNv, triageForms.accept, deviation.id, {
      handler: people.handler,
      note: null,
    });
    expect((await world.dependencies.store.find(deviation.id))?.state).toBe('in_handling');
    expect(theCardOf(world, people.ownerIe1, deviation.number)).toEqual(ieCardBefore);
    expect(textOf(theCardOf(world, people.ownerNv, deviation.number))).toContain('Accepted by Nils Naturfag');
  });

  it('no faculty, the case’s own faculty or an unknown one, or a note over the limit: field errors, nothing changes', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    const before = traffic(world);
    for (const faculty of [null, 'IE', 'XX']) {
      expect(
        await submit(world, people.ownerIe1, triageForms.forward, deviation.id, { faculty, note: null }),
      ).toEqual({
        kind: 'errors',
        errors: { faculty: 'Choose the faculty the case goes to.' },
      });
    }
    expect(
      await submit(world, people.ownerIe1, triageForms.forward, deviation.id, {
        faculty: 'NV',
        note: 'x'.repeat(1001),
      }),
    ).toEqual({ kind: 'errors', errors: { note: 'At most 1,000 characters.' } });
    expect(await world.dependencies.store.find(deviation.id)).toMatchObject({
      facultyCode: 'IE',
      version: 0,
    });
    expect(traffic(world)).toEqual(before);
  });

  it('the same forward submitted twice moves the case once and gives NV’s owner one card', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    const values = { faculty: 'NV', note: null };
    const [first, second] = await Promise.all([
      submit(world, people.ownerIe1, triageForms.forward, deviation.id, values),
      submit(world, people.ownerIe1, triageForms.forward, deviation.id, values),
    ]);
    expect([first, second]).toEqual([{ kind: 'close' }, { kind: 'close' }]);
    expect((await world.dependencies.store.history(deviation.id)).map((event) => event.kind)).toEqual([
      'filed',
      'forwarded',
    ]);
    expect(postsTo(world, people.ownerNv)).toHaveLength(1);
    expect(postsTo(world, people.student)).toHaveLength(1);
  });
});
