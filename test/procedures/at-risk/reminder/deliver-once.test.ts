import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../../src/messages/message-model.js';
import { deliverOnce } from '../../../../src/procedures/at-risk/reminder/deliver-once.js';
import type { DeliveryKey } from '../../../../src/procedures/at-risk/reminder/reminder-deliveries.js';
import type { Database } from '../../../../src/storage/database.js';
import { PrismaReminderDeliveries } from '../../../../src/storage/prisma-reminder-deliveries.js';
import type { Destination, PostedMessage } from '../../../../src/surfaces/chat-surface.js';
import { seedInstance } from '../../../support/instances.js';
import { RecordingSurface } from '../../../support/recording-surface.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';

let database: Database;
let deliveries: PrismaReminderDeliveries;
beforeAll(async () => {
  database = await openTestDatabase();
  deliveries = new PrismaReminderDeliveries(database.prisma, await instance('this-instance', 'alive'));
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.prisma.reminderDelivery.deleteMany();
});

/** An instance as the `instance` table knows it, alive or dead (see seedInstance). */
const instance = (id: string, state: 'alive' | 'dead') => seedInstance(database.prisma, id, state);

const key: DeliveryKey = {
  boardCode: 'SN-DAT',
  period: { term: 'spring', year: 2026 },
  surface: 'slack',
  recipient: 'channel',
};
const destination = { kind: 'channel', channelId: 'C0123' } as const;
const summary = (text: string): Message => ({ fallbackText: text, blocks: [{ type: 'heading', text }] });
const now = new Date('2026-04-06T07:00:00Z');

function deliver(surface: RecordingSurface, message: Message, at = now) {
  return deliverOnce({ deliveries, surface, key, kind: 'summary', destination, message, now: at });
}

describe(`a reminder is delivered once per board, period, surface and recipient (${testDatabaseEngine()})`, () => {
  it('the first delivery posts; the same reminder again posts nothing', async () => {
    const surface = new RecordingSurface('slack');
    expect(await deliver(surface, summary('12 red'))).toBe('posted');
    expect(await deliver(surface, summary('12 red'))).toBe('unchanged');
    expect(surface.posts).toHaveLength(1);
    expect(surface.updates).toHaveLength(0);
  });

  it('two instances delivering at the same moment post it once', async () => {
    // Whichever claims first is held in its post until the other has finished:
    // the other must find the claim, however the two are scheduled.
    let oneFinished!: () => void;
    const either = new Promise<void>((resolve) => (oneFinished = resolve));
    const first = new RecordingSurface('slack', new Map(), either);
    const second = new RecordingSurface('slack', new Map(), either);
    const outcomes = await Promise.all([
      deliver(first, summary('x')).finally(oneFinished),
      deliver(second, summary('x')).finally(oneFinished),
    ]);
    expect(outcomes.sort()).toEqual(['already_claimed', 'posted']);
    expect(first.posts.length + second.posts.length).toBe(1);
  });

  it('a changed reminder updates the posted message instead of posting anew', async () => {
    const surface = new RecordingSurface('slack');
    await deliver(surface, summary('Please upload the export'));
    expect(await deliver(surface, summary('12 red'))).toBe('updated');
    expect(surface.posts).toHaveLength(1);
    expect(surface.updates).toEqual([{ posted: surface.posts[0]?.posted, message: summary('12 red') }]);
  });

  it('an update that added pages is remembered, so the next update edits those pages too', async () => {
    /** A surface whose updates grow the message by one page each time (a longer list in a thread reply). */
    class GrowingSurface extends RecordingSurface {
      override async updateMessage(posted: PostedMessage, message: Message): Promise<PostedMessage> {
        await super.updateMessage(posted, message);
        return { ...posted, messageIds: [...posted.messageIds, `page-${posted.messageIds.length + 1}`] };
      }
    }
    const surface = new GrowingSurface('slack');
    await deliver(surface, summary('Please upload the export'));
    await deliver(surface, summary('12 red'));
    await deliver(surface, summary('13 red'));

    const firstId = surface.posts[0]?.posted.messageIds[0];
    expect(surface.updates.map((update) => update.posted.messageIds)).toEqual([
      [firstId],
      [firstId, 'page-2'],
    ]);
    const [record] = await deliveries.forPeriod(key.boardCode, key.period);
    expect(record?.posted?.messageIds).toEqual([firstId, 'page-2', 'page-3']);
  });

  it('the images a post shared apart from its pages are recorded, so any instance’s update knows them', async () => {
    class ChartSharingSurface extends RecordingSurface {
      override async postMessage(destination: Destination, message: Message): Promise<PostedMessage> {
        return { ...(await super.postMessage(destination, message)), separateImageIds: ['chart-1'] };
      }
    }
    const surface = new ChartSharingSurface('slack');
    await deliver(surface, summary('12 red'));
    await deliver(new RecordingSurface('slack'), summary('13 red'));

    const [record] = await deliveries.forPeriod(key.boardCode, key.period);
    expect(record?.posted?.separateImageIds).toEqual(['chart-1']);
  });

  it('a failed post is recorded and tried again next time', async () => {
    const surface = new RecordingSurface('slack');
    surface.failNextPost = new Error('channel_not_found');
    expect(await deliver(surface, summary('x'))).toBe('failed');
    expect(await database.prisma.reminderDelivery.findFirstOrThrow()).toMatchObject({
      status: 'failed',
      problem: 'channel_not_found',
    });
    expect(await deliver(surface, summary('x'))).toBe('posted');
    expect(surface.posts).toHaveLength(1);
  });

  it('a claim stays with its instance while that instance lives, however old the claim', async () => {
    const busy = new PrismaReminderDeliveries(database.prisma, await instance('busy', 'alive'));
    await busy.claim(key, 'summary', now);
    const surface = new RecordingSurface('slack');
    expect(await deliver(surface, summary('x'), new Date(now.getTime() + 60 * 60_000))).toBe(
      'already_claimed',
    );
    expect(surface.posts).toHaveLength(0);
  });

  it('a claim whose instance died mid-post is taken over at once, and posted once', async () => {
    const killed = new PrismaReminderDeliveries(database.prisma, await instance('killed', 'dead'));
    await killed.claim(key, 'summary', now);
    const surface = new RecordingSurface('slack');
    const [first, second] = await Promise.all([
      deliver(surface, summary('x')),
      deliver(surface, summary('x')),
    ]);
    expect([first, second].sort()).toEqual(['already_claimed', 'posted']);
    expect(surface.posts).toHaveLength(1);
    expect(await database.prisma.reminderDelivery.findFirstOrThrow()).toMatchObject({
      status: 'posted',
      holder: 'this-instance',
    });
  });

  it('other surfaces and recipients are separate places', async () => {
    const slack = new RecordingSurface('slack');
    const teams = new RecordingSurface('teams');
    await deliver(slack, summary('x'));
    await deliverOnce({
      deliveries,
      surface: teams,
      key: { ...key, surface: 'teams' },
      kind: 'summary',
      destination,
      message: summary('x'),
      now,
    });
    await deliverOnce({
      deliveries,
      surface: slack,
      key: { ...key, recipient: 'hod@demo.example' },
      kind: 'summary',
      destination: { kind: 'direct', email: 'hod@demo.example' },
      message: summary('x'),
      now,
    });
    expect(slack.posts).toHaveLength(2);
    expect(teams.posts).toHaveLength(1);
  });
});
