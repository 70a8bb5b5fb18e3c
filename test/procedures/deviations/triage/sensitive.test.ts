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
  postsTo,
  privateText,
  submit,
  textOf,
  theCardOf,
  traffic,
  triageWorld,
} from './triage-harness.js';

describe(`a report owner marks a report as containing sensitive personal data (${testDatabaseEngine()})`, () => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  it('marking sets the flag, audited; every card shows the mark and offers Unmark instead', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    world.clock.set(new Date('2026-10-14T09:15:00Z'));

    expect(await click(world, people.ownerIe1, triageActions.flagSensitive, deviation.id)).toEqual({
      kind: 'none',
    });

    expect((await world.dependencies.store.find(deviation.id))?.sensitive).toBe(true);
    expect(
      (await world.dependencies.store.history(deviation.id)).map((event) => [
        event.kind,
        event.actor.email,
        event.details,
      ]),
    ).toEqual([
      ['filed', people.student, expect.any(Object)],
      ['flagged_sensitive', people.ownerIe1, {}],
    ]);
    const english = theCardOf(world, people.ownerIe1, deviation.number);
    const danish = theCardOf(world, people.ownerIe2, deviation.number);
    expect(textOf(english)).toContain('Marked: contains sensitive personal data.');
    expect(textOf(english)).toContain(
      'Marked as containing sensitive personal data by Olav Owner, 14 October 2026 at 11:15.',
    );
    // The owners may still read the text.
    expect(textOf(english)).toContain('Two mandatory lectures are scheduled at the same time.');
    expect(textOf(danish)).toContain('Markeret: indeholder følsomme personoplysninger.');
    for (const card of [english, danish])
      expect(buttonsOf(card)).toEqual([
        triageActions.accept,
        triageActions.forward,
        triageActions.reject,
        triageActions.redirect,
        triageActions.unflagSensitive,
      ]);
    // Nobody else is told.
    expect(postsTo(world, people.student)).toEqual([]);
  });

  it('a double click marks once; Unmark removes the mark and the cards offer Mark again', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    await click(world, people.ownerIe1, triageActions.flagSensitive, deviation.id);
    const before = traffic(world);
    expect(await click(world, people.ownerIe2, triageActions.flagSensitive, deviation.id)).toEqual({
      kind: 'none',
    });
    expect(traffic(world)).toEqual(before);

    await click(world, people.ownerIe2, triageActions.unflagSensitive, deviation.id);

    expect((await world.dependencies.store.find(deviation.id))?.sensitive).toBe(false);
    expect(
      (await world.dependencies.store.history(deviation.id)).map((event) => [event.kind, event.actor.email]),
    ).toEqual([
      ['filed', people.student],
      ['flagged_sensitive', people.ownerIe1],
      ['unflagged_sensitive', people.ownerIe2],
    ]);
    const card = theCardOf(world, people.ownerIe1, deviation.number);
    expect(textOf(card)).not.toContain('Marked: contains sensitive personal data.');
    expect(textOf(card)).toContain('The sensitive personal data mark was removed by Oda Eier');
    expect(buttonsOf(card).at(-1)).toBe(triageActions.flagSensitive);
  });

  it('a case in handling can be marked; its cards keep Redirect and the toggle', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    await submit(world, people.ownerIe1, triageForms.accept, deviation.id, {
      handler: people.handler,
      note: null,
    });
    await click(world, people.ownerIe2, triageActions.flagSensitive, deviation.id);
    expect(await world.dependencies.store.find(deviation.id)).toMatchObject({
      state: 'in_handling',
      sensitive: true,
    });
    expect(buttonsOf(theCardOf(world, people.ownerIe1, deviation.number))).toEqual([
      triageActions.redirect,
      triageActions.unflagSensitive,
    ]);
  });

  it('a closed case can no longer be marked', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    await submit(world, people.ownerIe1, triageForms.reject, deviation.id, { reason: 'Not a deviation.' });
    const before = traffic(world);
    expect(privateText(await click(world, people.ownerIe1, triageActions.flagSensitive, deviation.id))).toBe(
      `Deviation ${deviation.number} is now “Rejected”, so this can no longer be done.`,
    );
    expect((await world.dependencies.store.find(deviation.id))?.sensitive).toBe(false);
    expect(traffic(world)).toEqual(before);
  });

  it('a card that cannot be updated is named back to the owner who acted', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    const update = world.slack.updateMessage.bind(world.slack);
    world.slack.updateMessage = async (posted, message) => {
      if (posted.conversationId === `D-${people.ownerIe2}`) throw new Error('message_not_found');
      return update(posted, message);
    };

    const reply = await click(world, people.ownerIe1, triageActions.flagSensitive, deviation.id);

    expect(privateText(reply)).toBe(
      [
        `Deviation ${deviation.number} is marked as containing sensitive personal data.`,
        `The card of ${people.ownerIe2} could not be updated. It still shows the case as it was.`,
      ].join('\n'),
    );
    expect((await world.dependencies.store.find(deviation.id))?.sensitive).toBe(true);
  });
});
