import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { triageActions } from '../../../../src/procedures/deviations/presenters/triage/triage-ids.js';
import type { Database } from '../../../../src/storage/database.js';
import { people } from '../../../support/deviations-fixture.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';
import {
  buttonsOf,
  cardOf,
  fileCase,
  fileCaseTelling,
  postsTo,
  textOf,
  triageWorld,
} from './triage-harness.js';

describe(`a filed report reaches its faculty's report owners as triage cards (${testDatabaseEngine()})`, () => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  it('both IE report owners get a card with the case, its text and every triage button, each in her own language', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);

    const english = cardOf(world, people.ownerIe1, deviation.number);
    const danish = cardOf(world, people.ownerIe2, deviation.number);
    expect(english).not.toBeNull();
    expect(danish).not.toBeNull();
    if (english === null || danish === null) return;
    expect(textOf(english)).toContain(`Deviation ${deviation.number}`);
    expect(textOf(english)).toContain('Category: Timetabling');
    expect(textOf(english)).toContain('Programme or course: Object-oriented programming (TDT4100)');
    expect(textOf(english)).toContain('Reporter: Stina Student (Student)');
    expect(textOf(english)).toContain('Two mandatory lectures are scheduled at the same time.');
    expect(textOf(english)).toContain('Waiting for a report owner’s decision.');
    expect(textOf(danish)).toContain(`Afvigelse ${deviation.number}`);
    expect(textOf(danish)).toContain('Kategori: Skemalægning');
    for (const card of [english, danish]) {
      expect(buttonsOf(card)).toEqual([
        triageActions.accept,
        triageActions.forward,
        triageActions.reject,
        triageActions.redirect,
        triageActions.flagSensitive,
      ]);
      const buttons = card.blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []));
      expect(buttons.every((button) => button.type === 'button' && button.value === deviation.id)).toBe(true);
    }
    expect(textOf(danish)).toContain('[Acceptér og tildel sagsbehandler]');
  });

  it('the other faculty’s owner, the handler and the reporter get nothing; each card is kept to be updated', async () => {
    const world = triageWorld(database);
    const deviation = await fileCase(world);

    expect(postsTo(world, people.ownerNv)).toEqual([]);
    expect(postsTo(world, people.handler)).toEqual([]);
    expect(postsTo(world, people.student)).toEqual([]);
    const notices = await world.dependencies.store.notices(deviation.id, 'triage');
    expect(notices.map((notice) => [notice.recipientEmail, notice.surface]).sort()).toEqual([
      [people.ownerIe1, 'slack'],
      [people.ownerIe2, 'slack'],
    ]);
    const posted = world.slack.posts.filter((post) => post.destination.kind === 'direct');
    for (const notice of notices) {
      const post = posted.find(
        (candidate) =>
          candidate.destination.kind === 'direct' && candidate.destination.email === notice.recipientEmail,
      );
      expect(notice.messageIds).toEqual(post?.posted.messageIds);
      expect(notice.conversationId).toBe(post?.posted.conversationId);
    }
  });

  it('a report about an NV course reaches NV’s one owner, and an owner no surface knows is named back', async () => {
    const world = triageWorld(database, {
      reportOwners: [
        { faculty: 'IE', people: [people.ownerIe1, 'gone@uni.example'] },
        { faculty: 'NV', people: [people.ownerNv] },
      ],
    });
    const nv = await fileCase(world, 'MA1101');
    expect(cardOf(world, people.ownerNv, nv.number)).not.toBeNull();
    expect(cardOf(world, people.ownerIe1, nv.number)).toBeNull();

    const { deviation, unreachable } = await fileCaseTelling(world, 'TDT4100');
    expect(unreachable).toEqual(['gone@uni.example']);
    expect(cardOf(world, people.ownerIe1, deviation.number)).not.toBeNull();
  });
});
