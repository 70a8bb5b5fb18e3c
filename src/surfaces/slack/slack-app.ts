import { App, type Authorize, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { BotRequests } from '../../bot/bot-requests.js';
import type { RouteHandler } from '../../http/http-server.js';
import type { Logger } from '../../logging/logger.js';
import type { OpenFormStore } from '../open-form-store.js';
import { boltLogger } from './bolt-logger.js';
import { deduplicateEvents } from './inbound/deduplicate-events.js';
import { OpenModals } from './inbound/open-modals.js';
import { InMemoryReplayGuard, type ReplayGuard } from './inbound/replay-guard.js';
import { SlackHttpReceiver, slackEventsPath } from './inbound/slack-http-receiver.js';
import { registerListeners } from './listeners/index.js';
import { type SlackWebApi, slackClientOptions } from './outbound/slack-web-api.js';
import type { SlackEnvironment } from './slack-environment.js';
import { createSlackOutbound, type SlackOutboundOptions } from './slack-outbound.js';
import type { SlackSurface } from './slack-surface.js';

export interface SlackAppOptions {
  readonly environment: Extract<SlackEnvironment, { enabled: true }>;
  readonly bot: BotRequests;
  readonly logger: Logger;
  /** The forms behind open modals, shared by every instance so any of them can take the submission. */
  readonly openForms: OpenFormStore;
  /** Remembers requests and event ids so a delivery repeated by Slack (or replayed) has one effect. */
  readonly replayGuard?: ReplayGuard;
  /** Metrics, pacing policy, user cache expiries, clock: see SlackOutboundOptions. */
  readonly outbound?: Omit<SlackOutboundOptions, 'botToken' | 'apiUrl' | 'logger'>;
  /** How long a form submission waits for the core before answering by direct message (Slack waits 3 s). */
  readonly submissionDeadlineMs?: number;
  /** Wall clock in milliseconds, for signature timestamps (tests move it). */
  readonly now?: () => number;
}

export interface SlackRuntime {
  readonly app: App;
  readonly surface: SlackSurface;
  /** For our HTTP server; null in Socket Mode, where Slack's events arrive over the WebSocket. */
  readonly route: { readonly path: string; readonly handler: RouteHandler } | null;
  /** Socket Mode: connects. HTTP: nothing to do (the route is served by our server). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Wires the Slack surface: the Bolt app with our receiver (HTTP route or
 * Socket Mode), the listeners, and the outbound surface they answer with. No
 * Slack call happens here: the bot's identity (auth.test) is asked for on the
 * first request and kept.
 */
export function createSlackApp(options: SlackAppOptions): SlackRuntime {
  const { environment, logger } = options;
  const replayGuard = options.replayGuard ?? new InMemoryReplayGuard(options.now);
  const outbound = createSlackOutbound({
    ...options.outbound,
    botToken: environment.botToken,
    apiUrl: environment.apiUrl,
    logger,
  });

  let httpReceiver: SlackHttpReceiver | null = null;
  let receiver: Receiver;
  if (environment.appToken) {
    receiver = new SocketModeReceiver({
      appToken: environment.appToken,
      logger: boltLogger(logger),
      // The Socket Mode client reads the API URL (apps.connections.open) from here, not from the App's options.
      installerOptions: { clientOptions: environment.apiUrl ? { slackApiUrl: environment.apiUrl } : {} },
    });
  } else {
    httpReceiver = new SlackHttpReceiver({
      signingSecret: environment.signingSecret,
      replayGuard,
      logger,
      ...(options.now ? { now: options.now } : {}),
    });
    receiver = httpReceiver;
  }

  const app = new App({
    receiver,
    authorize: lazyAuthorize(outbound.api, environment.botToken),
    logger: boltLogger(logger),
    clientOptions: slackClientOptions({ apiUrl: environment.apiUrl, logger }),
    // No conversation state is kept between requests; the core owns all state.
    convoStore: false,
  });
  app.use(deduplicateEvents(replayGuard, logger));
  registerListeners(app, {
    bot: options.bot,
    surface: outbound.surface,
    users: outbound.users,
    api: outbound.api,
    openModals: new OpenModals(options.openForms),
    logger,
    submissionDeadlineMs: options.submissionDeadlineMs ?? 2_500,
  });

  return {
    app,
    surface: outbound.surface,
    route: httpReceiver ? { path: slackEventsPath, handler: httpReceiver.route } : null,
    start: async () => {
      await app.start();
      logger.info({ mode: environment.appToken ? 'socket' : 'http' }, 'Slack surface started');
    },
    stop: async () => {
      await app.stop();
    },
  };
}

/**
 * Bolt's authorize, asking auth.test on first use instead of in the App's
 * constructor (which would call Slack at boot and crash offline); a failed
 * answer is forgotten so the next request asks again.
 */
function lazyAuthorize(api: SlackWebApi, botToken: string): Authorize<boolean> {
  let identity: ReturnType<SlackWebApi['authTest']> | null = null;
  return async () => {
    if (!identity) {
      identity = api.authTest();
      identity.catch(() => {
        identity = null;
      });
    }
    const { botId, botUserId, teamId } = await identity;
    return { botToken, botId, botUserId, ...(teamId ? { teamId } : {}) };
  };
}
