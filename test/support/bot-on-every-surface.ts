import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventCallback } from '../surfaces/slack/slack-payloads.js';
import { BotFrameworkDouble } from './bot-framework-double.js';
import { startTestBot } from './running-bot.js';
import { SlackApiDouble, type SlackApiDoubleOptions } from './slack-api-double.js';
import { assertSlackWouldDeliver, readSlackManifest } from './slack-manifest.js';
import { postSigned, SlackRequestSigner } from './slack-request-signer.js';
import { createTestDatabaseTarget } from './test-database.js';

export interface BotOnEverySurface {
  /** The bot as it runs now (another one after `restart()`). */
  readonly bot: Awaited<ReturnType<typeof startTestBot>>;
  readonly slack: SlackApiDouble;
  readonly teams: BotFrameworkDouble;
  /** Signs requests with the secret the bot was given. */
  readonly slackSigner: SlackRequestSigner;
  /**
   * Delivers a Slack event to the bot as Slack would for an app installed
   * from manifests/slack/manifest.yaml: refused (the test fails) when the
   * manifest does not subscribe to it or lacks its scope.
   */
  postSlackEvent(event: Record<string, unknown>): Promise<{ status: number; body: string }>;
  /**
   * Stops the bot and starts it again on the same database, configuration,
   * environment and platform doubles, as after a deployment: what it does at
   * start-up (catching up its jobs) happens again, at its clock's time.
   */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

const slackSigningSecret = 'signing-secret-of-the-test';

/**
 * The whole bot (`startBot`, as `npm start` wires it) with the console, Slack
 * and Teams all on, the platforms' APIs being local doubles, and `configYaml`
 * as the working folder's `trafiklys.config.yaml`.
 */
export async function startBotOnEverySurface(options: {
  readonly configYaml: string;
  readonly slackUsers: SlackApiDoubleOptions['users'];
  /** Members and conversations the Bot Framework double knows before the bot starts. */
  readonly seedTeams?: (teams: BotFrameworkDouble) => void;
  readonly env?: NodeJS.ProcessEnv;
  readonly logDestination?: NodeJS.WritableStream;
  /** The bot's clock; 6 April 2026, 08:00 in Copenhagen unless given (a test may move it). */
  readonly now?: () => Date;
}): Promise<BotOnEverySurface> {
  const folder = await mkdtemp(join(tmpdir(), 'trafiklys-every-surface-'));
  await writeFile(join(folder, 'trafiklys.config.yaml'), options.configYaml);
  // The bot token has exactly the scopes the manifest requests, so a call the
  // app may not make fails here as it would in a workspace.
  const manifest = readSlackManifest();
  const slack = await SlackApiDouble.start({ users: options.slackUsers, grantedScopes: manifest.botScopes });
  const teams = await BotFrameworkDouble.start();
  options.seedTeams?.(teams);
  const database = await createTestDatabaseTarget();
  const start = () =>
    startTestBot({
      now: options.now ?? (() => new Date('2026-04-06T06:00:00Z')),
      cwd: folder,
      database,
      ...(options.logDestination ? { logDestination: options.logDestination } : {}),
      env: {
        TRAFIKLYS_CONSOLE: 'on',
        SLACK_BOT_TOKEN: slack.botToken,
        SLACK_SIGNING_SECRET: slackSigningSecret,
        SLACK_API_URL: slack.apiUrl,
        TEAMS_LOCAL_DEVELOPMENT: 'true',
        ...options.env,
      },
    });
  let bot = await start().catch(async (error: unknown) => {
    await Promise.all([slack.close(), teams.close(), database.dispose()]);
    await rm(folder, { recursive: true, force: true });
    throw error;
  });
  const slackSigner = new SlackRequestSigner(slackSigningSecret);
  return {
    get bot() {
      return bot;
    },
    slack,
    teams,
    slackSigner,
    postSlackEvent(event) {
      assertSlackWouldDeliver(manifest, event);
      return postSigned(`${bot.url}/slack/events`, slackSigner.event(eventCallback(event)));
    },
    async restart() {
      await bot.dispose();
      bot = await start();
    },
    async dispose() {
      await bot.dispose();
      await database.dispose();
      await slack.close();
      await teams.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
