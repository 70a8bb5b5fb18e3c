import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../../src/storage/database.js';
import { PrismaReplayGuard } from '../../../src/storage/prisma-replay-guard.js';
import { postSigned } from '../../support/slack-request-signer.js';
import { openTestDatabase, testDatabaseEngine } from '../../support/test-database.js';
import { anne, eventually, type SlackHarness, settle, startSlackHarness } from './slack-harness.js';
import { boardChannel, eventCallback, fileShareMessage, slashCommand } from './slack-payloads.js';

// Two instances behind one load balancer, each its own Bolt app, sharing the
// database's replay guard as `npm start` wires it.
let database: Database;
let first: SlackHarness;
let second: SlackHarness;
beforeAll(async () => {
  database = await openTestDatabase();
  first = await startSlackHarness({ replayGuard: new PrismaReplayGuard(database.prisma) });
  second = await startSlackHarness({ replayGuard: new PrismaReplayGuard(database.prisma) });
});
afterAll(async () => {
  await first?.close();
  await second?.close();
  await database?.close();
});

const coreRequests = () => first.bot.requests.length + second.bot.requests.length;

describe(`Slack requests across instances (${testDatabaseEngine()})`, () => {
  test('an event Slack retries reaches the core once, whichever instance gets the retry', async () => {
    const file = first.double.addSharedFile('spring.csv', new TextEncoder().encode('a;b\n'), 'text/csv');
    const delivery = eventCallback(
      fileShareMessage({ userId: anne.id, channelId: boardChannel, file }),
      'Ev0ACROSS',
    );

    await postSigned(first.eventsUrl, first.signer.event(delivery));
    await eventually(() => expect(coreRequests()).toBe(1));
    const retry = await postSigned(
      second.eventsUrl,
      second.signer.event(delivery, { retryNum: 1, retryReason: 'http_timeout', timestampOffsetSeconds: 1 }),
    );

    expect(retry.status).toBe(200);
    await settle();
    expect(coreRequests()).toBe(1);
  });

  test('a signed request replayed word for word to another instance is acknowledged without effect', async () => {
    const before = coreRequests();
    const command = first.signer.command(
      slashCommand({
        userId: anne.id,
        channelId: boardChannel,
        text: 'status',
        responseUrl: first.double.responseUrl(),
      }),
    );

    const original = await postSigned(first.eventsUrl, command);
    const replayed = await postSigned(second.eventsUrl, command);

    expect([original.status, replayed.status]).toEqual([200, 200]);
    await settle();
    expect(coreRequests()).toBe(before + 1);
    expect(second.logs.text()).toContain('Slack request replayed; acknowledged without effect');
  });
});
