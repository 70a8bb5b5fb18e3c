import { describe, expect, it } from 'vitest';
import { BotRouter } from '../../../src/bot/bot-router.js';
import { deviationsChat } from '../../../src/procedures/deviations/module.js';
import { deviationDependencies, deviationsInstitution, TestClock } from '../../support/deviations-fixture.js';
import { assertSlackWouldDeliver, readSlackManifest } from '../../support/slack-manifest.js';
import { openTestDatabase } from '../../support/test-database.js';
import { fileShareMessage } from './slack-payloads.js';

const manifest = readSlackManifest();
const fileShareIn = (channelType: 'channel' | 'group' | 'im' | 'mpim') => ({
  ...fileShareMessage({ userId: 'U0ANNE', channelId: channelType === 'im' ? 'D0ANNE' : 'C0BOARD', file: {} }),
  channel_type: channelType,
});

describe('the Slack app manifest', () => {
  it('lets a person share an export with Trafiklys in their direct chat: a writable Messages tab, message.im and im:history', () => {
    expect(manifest.peopleCanWriteToTheBot).toBe(true);
    expect(() => assertSlackWouldDeliver(manifest, fileShareIn('im'))).not.toThrow();
  });

  it('delivers an export shared in a public or a private board channel', () => {
    expect(() => assertSlackWouldDeliver(manifest, fileShareIn('channel'))).not.toThrow();
    expect(() => assertSlackWouldDeliver(manifest, fileShareIn('group'))).not.toThrow();
  });

  it('asks for nothing it does not use: no group direct messages, no posting where it was not invited', () => {
    expect(() => assertSlackWouldDeliver(manifest, fileShareIn('mpim'))).toThrow(/message\.mpim/);
    expect(manifest.botScopes).not.toContain('chat:write.public');
  });

  it('downloads shared files, shares charts, opens direct messages, reads people and their e-mail addresses, and has /trafiklys', () => {
    expect(manifest.botScopes).toEqual(
      expect.arrayContaining([
        'files:read',
        'files:write',
        'im:write',
        'users:read',
        'users:read.email',
        'chat:write',
        'commands',
      ]),
    );
    expect(manifest.commands).toEqual(['/trafiklys', '/deviation']);
  });

  it('lists only commands the bot answers (with the deviations procedure configured)', async () => {
    const database = await openTestDatabase();
    try {
      const config = deviationsInstitution();
      const deviations = deviationsChat(
        deviationDependencies({ database, surfaces: [], clock: new TestClock(new Date()), config }),
      );
      const bot = new BotRouter(config, [deviations]);
      for (const command of manifest.commands) expect(bot.commandNames()).toContain(command.slice(1));
    } finally {
      await database.close();
    }
  });
});
