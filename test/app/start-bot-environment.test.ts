import { describe, expect, it } from 'vitest';
import { startTestBot } from '../support/running-bot.js';

const now = () => new Date('2026-04-06T06:00:00Z');

describe('starting the bot with a platform configured', () => {
  it('Teams with credentials but no PUBLIC_URL is refused at start, naming the variable', async () => {
    await expect(
      startTestBot({
        now,
        env: {
          TEAMS_CLIENT_ID: '00000000-0000-0000-0000-000000000001',
          TEAMS_CLIENT_SECRET: 'secret-of-the-test',
          TEAMS_TENANT_ID: '00000000-0000-0000-0000-000000000002',
        },
      }),
    ).rejects.toMatchObject({
      code: 'env.invalid',
      message: expect.stringContaining('PUBLIC_URL: required when Teams'),
    });
  });

  it('a Slack token without its signing secret is refused at start, naming the missing variable', async () => {
    await expect(startTestBot({ now, env: { SLACK_BOT_TOKEN: 'xoxb-1' } })).rejects.toMatchObject({
      code: 'env.invalid',
      message: expect.stringContaining('SLACK_SIGNING_SECRET'),
    });
  });

  it('with Slack configured the console is off unless asked for', async () => {
    const bot = await startTestBot({
      now,
      env: {
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 'secret',
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
      },
    });
    try {
      expect((await fetch(`${bot.url}/console`)).status).toBe(404);
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    } finally {
      await bot.dispose();
    }
  });
});
