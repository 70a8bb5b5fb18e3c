import { describe, expect, test } from 'vitest';
import { CodedError } from '../../../src/shared/coded-error.js';
import { parseSlackEnvironment } from '../../../src/surfaces/slack/slack-environment.js';

const botToken = 'xoxb-1234-5678-secretpart';
const signingSecret = '8f742231b10e8888abcd99yyyzzz85a5';

function problemsOf(env: NodeJS.ProcessEnv): string {
  try {
    parseSlackEnvironment(env);
  } catch (error) {
    if (!(error instanceof CodedError)) throw error;
    expect(error.code).toBe('env.invalid');
    return error.message;
  }
  throw new Error('expected the Slack settings to be rejected');
}

describe('the Slack settings', () => {
  test('none set: Slack is off', () => {
    expect(parseSlackEnvironment({ PATH: '/usr/bin', SLACK_BOT_TOKEN: '' })).toEqual({ enabled: false });
  });

  test('bot token and signing secret: Slack over HTTP on Slack’s own API', () => {
    expect(parseSlackEnvironment({ SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret })).toEqual(
      {
        enabled: true,
        botToken,
        signingSecret,
        appToken: null,
        apiUrl: null,
      },
    );
  });

  test('with an app token, Socket Mode; with an API URL, that API', () => {
    expect(
      parseSlackEnvironment({
        SLACK_BOT_TOKEN: botToken,
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_APP_TOKEN: 'xapp-1-A0001-secret',
        SLACK_API_URL: 'https://slack-proxy.uni.example/api/',
      }),
    ).toMatchObject({ appToken: 'xapp-1-A0001-secret', apiUrl: 'https://slack-proxy.uni.example/api/' });
  });

  test('a bot token without a signing secret names the missing variable and never the token', () => {
    const problems = problemsOf({ SLACK_BOT_TOKEN: botToken });

    expect(problems).toContain('SLACK_SIGNING_SECRET: is required when SLACK_BOT_TOKEN is set');
    expect(problems).not.toContain('secretpart');
  });

  test('a signing secret without a bot token names the missing variable and never the secret', () => {
    const problems = problemsOf({ SLACK_SIGNING_SECRET: signingSecret });

    expect(problems).toContain('SLACK_BOT_TOKEN: is required when SLACK_SIGNING_SECRET is set');
    expect(problems).not.toContain(signingSecret);
  });

  test('wrong kinds of token and an API URL without /api/ are each named, without their values', () => {
    const problems = problemsOf({
      SLACK_BOT_TOKEN: 'xoxp-user-token-secretpart',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_APP_TOKEN: 'xoxb-not-an-app-token-secretpart',
      SLACK_API_URL: 'https://slack.com/',
    });

    expect(problems.split('\n').slice(1)).toEqual([
      'SLACK_BOT_TOKEN: must be a bot token starting with xoxb- (OAuth & Permissions page)',
      'SLACK_APP_TOKEN: must be an app-level token starting with xapp- (Basic Information, App-Level Tokens, scope connections:write)',
      'SLACK_API_URL: must be an http:// or https:// URL ending in /api/, like https://slack.com/api/',
    ]);
    expect(problems).not.toContain('secretpart');
  });
});
