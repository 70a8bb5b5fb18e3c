import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotFrameworkDouble } from './bot-framework-double.js';
import { startTestBot } from './running-bot.js';
import { SlackApiDouble, type SlackApiDoubleOptions } from './slack-api-double.js';
import { SlackRequestSigner } from './slack-request-signer.js';

export interface BotOnEverySurface {
  readonly bot: Awaited<ReturnType<typeof startTestBot>>;
  readonly slack: SlackApiDouble;
  readonly teams: BotFrameworkDouble;
  /** Signs requests with the secret the bot was given. */
  readonly slackSigner: SlackRequestSigner;
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
}): Promise<BotOnEverySurface> {
  const folder = await mkdtemp(join(tmpdir(), 'trafiklys-every-surface-'));
  await writeFile(join(folder, 'trafiklys.config.yaml'), options.configYaml);
  const slack = await SlackApiDouble.start({ users: options.slackUsers });
  const teams = await BotFrameworkDouble.start();
  options.seedTeams?.(teams);
  const bot = await startTestBot({
    now: () => new Date('2026-04-06T06:00:00Z'),
    cwd: folder,
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
  return {
    bot,
    slack,
    teams,
    slackSigner: new SlackRequestSigner(slackSigningSecret),
    async dispose() {
      await bot.dispose();
      await slack.close();
      await teams.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
