import { type HttpServer, startHttpServer } from '../../../../src/http/http-server.js';
import type { OpenFormStore } from '../../../../src/surfaces/open-form-store.js';
import { InMemoryConversationReferenceStore } from '../../../../src/surfaces/teams/conversation-reference-store.js';
import type {
  TeamsCounter,
  TeamsMetrics,
} from '../../../../src/surfaces/teams/outbound/connector-gateway.js';
import type { FileUrlFor } from '../../../../src/surfaces/teams/outbound/teams-renderer.js';
import {
  createTeamsBot,
  type TeamsAuthentication,
  type TeamsBot,
} from '../../../../src/surfaces/teams/teams-app.js';
import { teamsCloud } from '../../../../src/surfaces/teams/teams-environment.js';
import { BotFrameworkDouble } from '../../../support/bot-framework-double.js';
import { capturedLogger } from '../../../support/captured-logger.js';
import { MemoryOpenFormStore } from '../../../support/memory-open-form-store.js';
import { FakeBotRequests } from './fake-bot-requests.js';

export class CountingMetrics implements TeamsMetrics {
  readonly counts: Record<TeamsCounter, number> = { teams_posts: 0, teams_failures: 0, teams_retries: 0 };
  increment(counter: TeamsCounter): void {
    this.counts[counter] += 1;
  }
}

export interface TeamsHarness {
  readonly double: BotFrameworkDouble;
  readonly requests: FakeBotRequests;
  readonly references: InMemoryConversationReferenceStore;
  readonly bot: TeamsBot;
  readonly server: HttpServer;
  readonly metrics: CountingMetrics;
  /** Every wait the connector gateway asked for, in milliseconds (none is actually waited). */
  readonly sleeps: number[];
  readonly log: ReturnType<typeof capturedLogger>;
  /** POSTs an activity to /api/messages; `token: null` sends no Authorization header. */
  post(
    activity: object,
    options?: { readonly token?: string | null },
  ): Promise<{ status: number; body: unknown }>;
  /** A valid Bot Framework token for activities from the double's connector. */
  validToken(): string;
  close(): Promise<void>;
}

/**
 * The real Teams SDK app behind our real HTTP server, talking to the Bot
 * Framework double on loopback, with a fake core.
 */
export async function startTeamsHarness(
  options: {
    readonly mode?: 'bot-framework' | 'local-development';
    /** Where open dialogs' forms are kept; by default this harness's memory alone. */
    readonly openForms?: OpenFormStore;
    /** Where the bot serves files posted with messages (HostedFiles.urlFor). */
    readonly fileUrlFor?: FileUrlFor;
  } = {},
): Promise<TeamsHarness> {
  const double = await BotFrameworkDouble.start();
  const requests = new FakeBotRequests();
  const references = new InMemoryConversationReferenceStore();
  const metrics = new CountingMetrics();
  const sleeps: number[] = [];
  const log = capturedLogger();
  const authentication: TeamsAuthentication =
    options.mode === 'local-development'
      ? { kind: 'local-development' }
      : {
          kind: 'bot-framework',
          clientId: double.clientId,
          cloud: teamsCloud(double.cloud),
          credential: { token: double.token },
        };
  if (options.mode === 'local-development') double.requireOutboundToken = false;
  const bot = await createTeamsBot({
    authentication,
    requests,
    references,
    openForms: options.openForms ?? new MemoryOpenFormStore(),
    ...(options.fileUrlFor ? { fileUrlFor: options.fileUrlFor } : {}),
    logger: log.logger,
    metrics,
    connector: {
      minIntervalMs: 0,
      sleep: async (milliseconds) => {
        sleeps.push(milliseconds);
      },
    },
  });
  const server = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    routes: new Map([['/api/messages', bot.messagesRoute]]),
    logger: log.logger,
  });
  return {
    double,
    requests,
    references,
    bot,
    server,
    metrics,
    sleeps,
    log,
    validToken: () => double.signInboundToken({ serviceUrl: double.serviceUrl }),
    async post(activity, postOptions = {}) {
      const token =
        postOptions.token === undefined
          ? double.signInboundToken({ serviceUrl: double.serviceUrl })
          : postOptions.token;
      const response = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
    },
    async close() {
      await server.close();
      await double.close();
    },
  };
}
