import { type HttpServer, type RouteHandler, startHttpServer } from '../../../src/http/http-server.js';
import type { OpenFormStore } from '../../../src/surfaces/open-form-store.js';
import type { ReplayGuard } from '../../../src/surfaces/slack/inbound/replay-guard.js';
import type { SlackCallPolicy } from '../../../src/surfaces/slack/outbound/slack-call-policy.js';
import { createSlackApp, type SlackRuntime } from '../../../src/surfaces/slack/slack-app.js';
import type { SlackCounterName, SlackMetrics } from '../../../src/surfaces/slack/slack-metrics.js';
import { capturedLogger } from '../../support/captured-logger.js';
import { MemoryOpenFormStore } from '../../support/memory-open-form-store.js';
import { RecordingBotRequests } from '../../support/recording-bot-requests.js';
import { type SeedUser, SlackApiDouble, type SlackApiDoubleOptions } from '../../support/slack-api-double.js';
import { SlackRequestSigner } from '../../support/slack-request-signer.js';

export const signingSecret = 'test-signing-secret-0123456789abcdef';
export const appToken = 'xapp-1-test-app-token';

export const anne: SeedUser = {
  id: 'U0ANNE',
  email: 'anne.chair@uni.example',
  realName: 'Anne Chair',
  displayName: 'Anne',
  locale: 'da-DK',
};
export const bo: SeedUser = {
  id: 'U0BO',
  email: 'bo.secretary@uni.example',
  realName: 'Bo Secretary',
  locale: 'en-GB',
};

/** The pace the tests use: Slack's second, shortened. */
export const testPaceMs = 20;

export class RecordingMetrics implements SlackMetrics {
  readonly counts = new Map<string, number>();

  increment(name: SlackCounterName, labels?: Readonly<Record<string, string>>): void {
    const key = labels?.method ? `${name}{${labels.method}}` : name;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (key !== name) this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

export interface SlackHarness {
  readonly double: SlackApiDouble;
  readonly bot: RecordingBotRequests;
  readonly metrics: RecordingMetrics;
  readonly runtime: SlackRuntime;
  readonly signer: SlackRequestSigner;
  /** http://127.0.0.1:…/slack/events on our real HTTP server. */
  readonly eventsUrl: string;
  readonly logs: ReturnType<typeof capturedLogger>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly double?: SlackApiDoubleOptions;
  readonly policy?: Partial<SlackCallPolicy>;
  readonly submissionDeadlineMs?: number;
  /** Socket Mode: the app token is set and no HTTP route is mounted. */
  readonly socketModeUrl?: string;
  /** Where open modals' forms are kept; by default this harness's memory alone. */
  readonly openForms?: OpenFormStore;
  /** Which requests were seen; by default this harness's memory alone. */
  readonly replayGuard?: ReplayGuard;
  /** The slash commands the core lists (a procedure's own among them); `trafiklys` alone by default. */
  readonly slashCommands?: readonly string[];
}

/** The real Bolt app on our real HTTP server, talking to the API double. */
export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const double = await SlackApiDouble.start({
    postIntervalMs: testPaceMs,
    users: [anne, bo],
    appToken,
    ...(options.socketModeUrl ? { socketModeUrl: options.socketModeUrl } : {}),
    ...options.double,
  });
  const bot = new RecordingBotRequests();
  if (options.slashCommands) bot.slashCommands = [...options.slashCommands];
  const metrics = new RecordingMetrics();
  const logs = capturedLogger();
  const runtime = createSlackApp({
    environment: {
      enabled: true,
      botToken: double.botToken,
      signingSecret,
      appToken: options.socketModeUrl ? appToken : null,
      apiUrl: double.apiUrl,
    },
    bot,
    logger: logs.logger,
    openForms: options.openForms ?? new MemoryOpenFormStore(),
    ...(options.replayGuard ? { replayGuard: options.replayGuard } : {}),
    outbound: { metrics, policy: { channelIntervalMs: testPaceMs, ...options.policy } },
    ...(options.submissionDeadlineMs === undefined
      ? {}
      : { submissionDeadlineMs: options.submissionDeadlineMs }),
  });
  const routes = new Map<string, RouteHandler>(
    runtime.route ? [[runtime.route.path, runtime.route.handler]] : [],
  );
  const server: HttpServer = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    routes,
    logger: logs.logger,
  });
  await runtime.start();
  return {
    double,
    bot,
    metrics,
    runtime,
    signer: new SlackRequestSigner(signingSecret),
    eventsUrl: `${server.url}/slack/events`,
    logs,
    close: async () => {
      await runtime.stop();
      await server.close();
      await double.close();
    },
  };
}

/** Polls until `check` stops throwing (the work after Slack's ack is asynchronous). */
export async function eventually<T>(check: () => T, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/** Lets any work still running after the acknowledgement finish, so "never called" means never. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100));
}
