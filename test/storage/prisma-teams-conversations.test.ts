import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { PrismaTeamsConversations } from '../../src/storage/prisma-teams-conversations.js';
import type { StoredConversationReference } from '../../src/surfaces/teams/conversation-reference-store.js';
import { openTestDatabase, testDatabaseEngine } from '../support/test-database.js';

let database: Database;
let store: PrismaTeamsConversations;
beforeAll(async () => {
  database = await openTestDatabase();
  store = new PrismaTeamsConversations(database.prisma);
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.prisma.teamsConversation.deleteMany();
});

const personalChat: StoredConversationReference = {
  conversationId: 'a:1personal',
  serviceUrl: 'https://smba.example/emea/',
  tenantId: 'tenant-1',
  botId: '28:bot',
  kind: 'personal',
  userId: 'aad-head',
};
const boardChannel: StoredConversationReference = {
  conversationId: '19:board@thread.tacv2',
  serviceUrl: 'https://smba.example/emea/',
  tenantId: 'tenant-1',
  botId: '28:bot',
  kind: 'channel',
  channelName: 'SN-DAT',
};

describe(`Teams conversation references in the database (${testDatabaseEngine()})`, () => {
  it('come back as they were saved, found by conversation and a 1:1 chat by its user', async () => {
    await store.save({ ...personalChat, locale: 'en-GB' });
    await store.save(boardChannel);

    expect(await store.findByConversationId(boardChannel.conversationId)).toEqual(boardChannel);
    expect(await store.findPersonalByUser('aad-head')).toEqual({ ...personalChat, locale: 'en-GB' });
    expect(await store.findPersonalByUser('aad-nobody')).toBeNull();
    expect((await store.list()).map((reference) => reference.conversationId)).toEqual([
      boardChannel.conversationId,
      personalChat.conversationId,
    ]);
  });

  it('keep a 1:1 chat’s locale when a later activity tells none, and take a new one when it does', async () => {
    await store.save({ ...personalChat, locale: 'en-GB' });
    await store.save(personalChat);
    expect((await store.findPersonalByUser('aad-head'))?.locale).toBe('en-GB');

    await store.save({ ...personalChat, locale: 'da-DK' });
    expect((await store.findPersonalByUser('aad-head'))?.locale).toBe('da-DK');
  });
});
