import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../../src/i18n/translator.js';
import { assignedToHandlerMessage } from '../../../../src/procedures/deviations/presenters/handler-notice.js';
import {
  triageActions,
  triageForms,
} from '../../../../src/procedures/deviations/presenters/triage/triage-ids.js';
import type { Database } from '../../../../src/storage/database.js';
import { people } from '../../../support/deviations-fixture.js';
import { RecordingSurface } from '../../../support/recording-surface.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';
import {
  buttonsOf,
  click,
  fileCase,
  nobody,
  onlyPostTo,
  postsTo,
  privateText,
  resultText,
  submit,
  textOf,
  theCardOf,
  traffic,
  triageWorld,
} from './triage-harness.js';

describe(`a report owner accepts a report and assigns a handler (${testDatabaseEngine()})`, () => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  it('the Accept button opens the form for the case: a person picker for the handler and an optional note', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    const reply = await click(world, people.ownerIe1, triageActions.accept, deviation.id);
    expect(reply.kind).toBe('form');
    if (reply.kind !== 'form') return;
    expect(reply.form).toMatchObject({
      formId: triageForms.accept,
      state: deviation.id,
      title: 'Accept and assign',
    });
    expect(reply.form.fields.map((field) => [field.id, field.kind, field.optional ?? false])).toEqual([
      ['handler', 'user', false],
      ['note', 'multiline', true],
    ]);
  });

  it('accepting puts the case in handling with the handler, audited as accepted and assigned by the owner', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    world.clock.advanceDays(1);

    const outcome = await submit(world, people.ownerIe1, triageForms.accept, deviation.id, {
      handler: people.handler,
      note: 'Please talk to the timetabling office first.',
    });

    expect(outcome).toEqual({ kind: 'close' });
    const accepted = await world.dependencies.store.find(deviation.id);
    expect(accepted).toMatchObject({
      state: 'in_handling',
      handler: { email: people.handler, name: 'Hanne Handler' },
    });
    const history = await world.dependencies.store.history(deviation.id);
    expect(history.map((event) => [event.kind, event.actor.email, event.actor.name, event.details])).toEqual([
      ['filed', people.student, 'Stina Student', expect.any(Object)],
      ['accepted', people.ownerIe1, 'Olav Owner', { handler: people.handler }],
      ['assigned', people.ownerIe1, 'Olav Owner', { handler: people.handler }],
    ]);
  });

  it('the handler is named as the owner’s own platform knows her, though a surface listed first knows her by her address only', async () => {
    // The bot lists the console first, and the console knows people by address alone.
    const consoleLike = new RecordingSurface(
      'console',
      new Map([[people.handler, { displayName: 'handler' }]]),
    );
    const world = triageWorld(database, {}, [consoleLike]);
    const deviation = await fileCase(world);

    await submit(world, people.ownerIe1, triageForms.accept, deviation.id, { handler: people.handler });

    expect((await world.dependencies.store.find(deviation.id))?.handler).toEqual({
      email: people.handler,
      name: 'Hanne Handler',
    });
    expect(postsTo(world, people.handler)).toHaveLength(1);
    expect(consoleLike.posts).toEqual([]);
  });

  it('the handler gets the case with its open button and the owner’s note; the reporter, in Danish, that it is handled and by when, without the handler’s name', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    await submit(world, people.ownerIe1, triageForms.accept, deviation.id, {
      handler: people.handler,
      note: 'Please talk to the timetabling office first.',
    });

    const assignment = onlyPostTo(world, people.handler);
    expect(textOf(assignment)).toContain(`Deviation ${deviation.number}`);
    expect(textOf(assignment)).toContain('Two mandatory lectures are scheduled at the same time.');
    expect(textOf(assignment)).toContain(
      'A note from Olav Owner:\nPlease talk to the timetabling office first.',
    );
    // The handling part's assignment message as it is, with the note after it.
    const accepted = await world.dependencies.store.find(deviation.id);
    if (accepted === null) throw new Error('the case is gone');
    const units = await world.dependencies.units();
    expect(assignment.blocks.slice(0, -1)).toEqual(
      assignedToHandlerMessage(translator('en'), accepted, { units, timeZone: 'Europe/Oslo' }).blocks,
    );

    const toReporter = onlyPostTo(world, people.student);
    expect(toReporter.blocks[0]).toEqual({ type: 'heading', text: `Afvigelse ${deviation.number}` });
    expect(textOf(toReporter)).toBe(
      `Afvigelse ${deviation.number}\nDin afvigelse ${deviation.number} er accepteret og er nu under behandling. Du får svar senest 10. november 2026.`,
    );
  });

  it('every owner’s card is updated in place: who accepted, the handler, and only Redirect and Mark left', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    const postsBefore = world.slack.posts.length;
    world.clock.set(new Date('2026-10-14T09:15:00Z'));
    await submit(world, people.ownerIe1, triageForms.accept, deviation.id, {
      handler: people.handler,
      note: null,
    });

    const english = theCardOf(world, people.ownerIe1, deviation.number);
    const danish = theCardOf(world, people.ownerIe2, deviation.number);
    expect(textOf(english)).toContain('Status: In handling');
    expect(textOf(english)).toContain('Handler: Hanne Handler');
    expect(textOf(english)).toContain(
      'Accepted by Olav Owner, 14 October 2026 at 11:15.\nAssigned to Hanne Handler by Olav Owner, 14 October 2026 at 11:15.',
    );
    expect(textOf(danish)).toContain('Accepteret af Olav Owner');
    for (const card of [english, danish])
      expect(buttonsOf(card)).toEqual([triageActions.redirect, triageActions.flagSensitive]);
    // In place: the two cards were updated, and no new card was posted to an owner.
    expect(world.slack.updates).toHaveLength(2);
    const ownerPosts = world.slack.posts
      .slice(postsBefore)
      .filter((post) => post.destination.kind === 'direct' && post.destination.email.startsWith('owner'));
    expect(ownerPosts).toEqual([]);
  });

  it('a handler no surface knows is a field error on the handler, and nothing changes', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    const before = traffic(world);

    const outcome = await submit(world, people.ownerIe1, triageForms.accept, deviation.id, {
      handler: nobody,
      note: null,
    });

    expect(outcome).toEqual({
      kind: 'errors',
      errors: { handler: 'Trafiklys cannot reach anyone with this address. Choose another handler.' },
    });
    expect(await world.dependencies.store.find(deviation.id)).toMatchObject({
      state: 'received',
      handler: null,
    });
    expect((await world.dependencies.store.history(deviation.id)).map((event) => event.kind)).toEqual([
      'filed',
    ]);
    expect(traffic(world)).toEqual(before);
  });

  it('a handler known only on Teams is reachable: she is told there', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    await submit(world, people.ownerIe1, triageForms.accept, deviation.id, {
      handler: people.colleague,
      note: null,
    });
    expect(await world.dependencies.store.find(deviation.id)).toMatchObject({
      handler: { email: people.colleague, name: 'Kari Kollega' },
    });
    const [assignment] = world.teams.posts;
    expect(assignment?.destination).toEqual({ kind: 'direct', email: people.colleague });
    expect(assignment?.message.blocks[0]).toEqual({ type: 'heading', text: `Afvigelse ${deviation.number}` });
  });

  it('no handler, the reporter as handler, a note over the limit or with an identity number: each a field error, nothing changes', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    const before = traffic(world);

    expect(
      await submit(world, people.ownerIe2, triageForms.accept, deviation.id, { handler: null, note: null }),
    ).toEqual({
      kind: 'errors',
      errors: { handler: 'Vælg en sagsbehandler.' },
    });
    expect(
      await submit(world, people.ownerIe1, triageForms.accept, deviation.id, {
        handler: people.student,
        note: 'x'.repeat(1001),
      }),
    ).toEqual({
      kind: 'errors',
      errors: {
        handler: 'The reporter cannot handle their own report.',
        note: 'At most 1,000 characters.',
      },
    });
    expect(
      await submit(world, people.ownerIe1, triageForms.accept, deviation.id, {
        handler: people.handler,
        note: 'The reporter is 010190-1234 in the student register.',
      }),
    ).toEqual({
      kind: 'errors',
      errors: { note: 'Remove the personal identity number: such numbers must not be sent in chat.' },
    });
    expect((await world.dependencies.store.find(deviation.id))?.state).toBe('received');
    expect((await world.dependencies.store.history(deviation.id)).map((event) => event.kind)).toEqual([
      'filed',
    ]);
    expect(traffic(world)).toEqual(before);
  });

  it('the same form submitted twice (a double click) assigns one handler and tells each person once', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    const values = { handler: people.handler, note: null };

    const [first, second] = await Promise.all([
      submit(world, people.ownerIe1, triageForms.accept, deviation.id, values),
      submit(world, people.ownerIe1, triageForms.accept, deviation.id, values),
    ]);

    expect([first, second]).toEqual([{ kind: 'close' }, { kind: 'close' }]);
    expect((await world.dependencies.store.history(deviation.id)).map((event) => event.kind)).toEqual([
      'filed',
      'accepted',
      'assigned',
    ]);
    expect(postsTo(world, people.handler)).toHaveLength(1);
    expect(postsTo(world, people.student)).toHaveLength(1);
  });

  it('a second accept by the same owner, naming another handler, is refused: one handler', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    await submit(world, people.ownerIe1, triageForms.accept, deviation.id, {
      handler: people.handler,
      note: null,
    });
    const before = traffic(world);

    const again = await submit(world, people.ownerIe1, triageForms.accept, deviation.id, {
      handler: people.colleague,
      note: null,
    });

    expect(resultText(again)).toBe(
      `Deviation ${deviation.number} is now “In handling”, so this can no longer be done.`,
    );
    expect((await world.dependencies.store.find(deviation.id))?.handler?.email).toBe(people.handler);
    expect(traffic(world)).toEqual(before);
  });

  it('a second owner accepting a case already accepted is told someone was quicker; the first handler stays', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    await submit(world, people.ownerIe1, triageForms.accept, deviation.id, {
      handler: people.handler,
      note: null,
    });
    const before = traffic(world);

    const buttonReply = await click(world, people.ownerIe2, triageActions.accept, deviation.id);
    expect(privateText(buttonReply)).toBe(
      `Afvigelse ${deviation.number} er nu »Under behandling«, så det kan ikke gøres længere.`,
    );
    const formReply = await submit(world, people.ownerIe2, triageForms.accept, deviation.id, {
      handler: people.employee,
      note: null,
    });
    expect(resultText(formReply)).toBe(
      `Afvigelse ${deviation.number} er nu »Under behandling«, så det kan ikke gøres længere.`,
    );

    expect((await world.dependencies.store.find(deviation.id))?.handler?.email).toBe(people.handler);
    expect((await world.dependencies.store.history(deviation.id)).map((event) => event.kind)).toEqual([
      'filed',
      'accepted',
      'assigned',
    ]);
    expect(traffic(world)).toEqual(before);
  });

  it('two owners deciding at the same moment: one decision stands, the other owner is told it can no longer be done', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);

    const [accepted, rejected] = await Promise.all([
      submit(world, people.ownerIe1, triageForms.accept, deviation.id, {
        handler: people.handler,
        note: null,
      }),
      submit(world, people.ownerIe2, triageForms.reject, deviation.id, { reason: 'Not a deviation.' }),
    ]);

    const now = await world.dependencies.store.find(deviation.id);
    const history = (await world.dependencies.store.history(deviation.id)).map((event) => event.kind);
    if (now?.state === 'in_handling') {
      expect(accepted).toEqual({ kind: 'close' });
      expect(resultText(rejected)).toBe(
        `Afvigelse ${deviation.number} er nu »Under behandling«, så det kan ikke gøres længere.`,
      );
      expect(history).toEqual(['filed', 'accepted', 'assigned']);
    } else {
      expect(now?.state).toBe('rejected');
      expect(rejected).toEqual({ kind: 'close' });
      expect(resultText(accepted)).toBe(
        `Deviation ${deviation.number} is now “Rejected”, so this can no longer be done.`,
      );
      expect(history).toEqual(['filed', 'rejected']);
    }
    expect(postsTo(world, people.student)).toHaveLength(1);
  });

  it('a reporter the bot cannot reach is named back to the owner, and the case is accepted all the same', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);
    // The reporter's platform refuses the post (the handler, on Teams only, is told there first).
    world.slack.failNextPost = new Error('account_inactive');
    const outcome = await submit(world, people.ownerIe1, triageForms.accept, deviation.id, {
      handler: people.colleague,
      note: null,
    });

    expect(resultText(outcome)).toBe(
      [
        `Deviation ${deviation.number} is accepted and assigned to Kari Kollega.`,
        'Trafiklys could not reach Stina Student (student@stud.uni.example). Please tell them another way.',
      ].join('\n'),
    );
    expect((await world.dependencies.store.find(deviation.id))?.state).toBe('in_handling');
  });
});
