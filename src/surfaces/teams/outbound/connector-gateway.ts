import type { ActivityParams, Client as ApiClient } from '@microsoft/teams.api';
import { z } from 'zod';
import type { Logger } from '../../../logging/logger.js';
import { isTeamsSurfaceError, TeamsSurfaceError } from '../teams-errors.js';

export type TeamsCounter = 'teams_posts' | 'teams_failures' | 'teams_retries';

/** Counters the caller exports (Prometheus); the surface only counts. */
export interface TeamsMetrics {
  /** Labels are low-cardinality (an operation), never a conversation or a person. */
  increment(counter: TeamsCounter, labels?: Readonly<Record<string, string>>): void;
}

export const noTeamsMetrics: TeamsMetrics = { increment: () => {} };

export interface RetryPolicy {
  /** Tries in all, the first included. */
  readonly maxAttempts: number;
  /** Back-off without Retry-After: base, 2×base, 4×base… */
  readonly baseDelayMs: number;
  /** Longest wait between tries, Retry-After included. */
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 30_000 };

/** Teams' own advice: retry throttling (429), precondition (412) and gateway (502, 504) failures. */
export const retryableStatuses: ReadonlySet<number> = new Set([429, 412, 502, 504]);

/** Teams allows a bot 7 messages per second in one conversation thread. */
export const minIntervalPerConversationMs = Math.ceil(1000 / 7);

/** Where a conversation lives: enough to call the connector for it. */
export interface ConnectorAddress {
  readonly serviceUrl: string;
  readonly conversationId: string;
}

export interface ConnectorGatewayOptions {
  /** The app's API client (it carries the outbound token source); cloned per service URL. */
  readonly api: ApiClient;
  readonly metrics: TeamsMetrics;
  readonly logger: Logger;
  readonly retry?: Partial<RetryPolicy>;
  /** Injected in tests so a Retry-After of seconds costs none. */
  readonly sleep?: (milliseconds: number) => Promise<void>;
  readonly now?: () => number;
  readonly minIntervalMs?: number;
}

const errorShape = z.object({
  response: z.object({ status: z.number(), headers: z.unknown().optional() }),
});

const resourceShape = z.object({ id: z.string().min(1) });

/**
 * Every call the surface makes to the Bot Connector goes through here: writes
 * to one conversation run one after another in order (a small FIFO per
 * conversation, spaced to Teams' per-thread rate), and throttled or gateway
 * failures are retried after Retry-After or with back-off.
 */
export class ConnectorGateway {
  readonly #api: ApiClient;
  readonly #clients = new Map<string, ApiClient>();
  readonly #tails = new Map<string, Promise<void>>();
  readonly #lastWrite = new Map<string, number>();
  readonly #policy: RetryPolicy;
  readonly #sleep: (milliseconds: number) => Promise<void>;
  readonly #now: () => number;
  readonly #minIntervalMs: number;

  constructor(private readonly options: ConnectorGatewayOptions) {
    this.#api = options.api;
    this.#policy = { ...defaultRetryPolicy, ...options.retry };
    this.#sleep =
      options.sleep ?? ((milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)));
    this.#now = options.now ?? Date.now;
    this.#minIntervalMs = options.minIntervalMs ?? minIntervalPerConversationMs;
  }

  /** Posts; resolves with the new activity's id. */
  async send(address: ConnectorAddress, activity: ActivityParams): Promise<string> {
    const sent = await this.#write(address, 'post a message', () =>
      this.#client(address.serviceUrl).conversations.createActivity(address.conversationId, activity),
    );
    return resourceShape.parse(sent).id;
  }

  async update(address: ConnectorAddress, activityId: string, activity: ActivityParams): Promise<void> {
    await this.#write(address, 'update a message', () =>
      this.#client(address.serviceUrl).conversations.updateActivity(address.conversationId, activityId, {
        ...activity,
        id: activityId,
      }),
    );
  }

  async delete(address: ConnectorAddress, activityId: string): Promise<void> {
    await this.#inOrder(address.conversationId, () =>
      this.#withRetry('delete a message', () =>
        this.#client(address.serviceUrl).conversations.deleteActivity(address.conversationId, activityId),
      ),
    );
  }

  /** Creates (or, Teams being idempotent here, finds) the 1:1 chat between the bot and a member. */
  async createPersonalConversation(
    serviceUrl: string,
    parties: { readonly botId: string; readonly memberId: string; readonly tenantId: string | null },
  ): Promise<string> {
    const created = await this.#withRetry('open a 1:1 chat', () =>
      this.#client(serviceUrl).conversations.create({
        isGroup: false,
        bot: { id: parties.botId },
        members: [{ id: parties.memberId, role: 'user', name: '' }],
        ...(parties.tenantId
          ? { tenantId: parties.tenantId, channelData: { tenant: { id: parties.tenantId } } }
          : {}),
      }),
    );
    return resourceShape.parse(created).id;
  }

  /** GET v3/conversations/{id}/members: the roster, unparsed. */
  members(address: ConnectorAddress): Promise<unknown[]> {
    return this.#withRetry('read a member list', () =>
      this.#client(address.serviceUrl).conversations.getMembers(address.conversationId),
    );
  }

  member(address: ConnectorAddress, memberId: string): Promise<unknown> {
    return this.#withRetry('read a member', () =>
      this.#client(address.serviceUrl).conversations.getMemberById(address.conversationId, memberId),
    );
  }

  /** GET v3/teams/{id}/conversations: a team's channels. */
  teamChannels(serviceUrl: string, teamId: string): Promise<unknown[]> {
    return this.#withRetry('list the channels of a team', () =>
      this.#client(serviceUrl).teams.getConversations(teamId),
    );
  }

  async #write<T>(address: ConnectorAddress, what: string, operation: () => Promise<T>): Promise<T> {
    const result = await this.#inOrder(address.conversationId, async () => {
      await this.#spaceWrites(address.conversationId);
      return this.#withRetry(what, operation);
    });
    this.options.metrics.increment('teams_posts');
    return result;
  }

  /** One conversation's calls run one at a time, in the order they were asked for. */
  #inOrder<T>(key: string, operation: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(operation);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  async #spaceWrites(key: string): Promise<void> {
    const last = this.#lastWrite.get(key);
    if (last !== undefined) {
      const wait = last + this.#minIntervalMs - this.#now();
      if (wait > 0) await this.#sleep(wait);
    }
    this.#lastWrite.set(key, this.#now());
  }

  async #withRetry<T>(what: string, operation: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await operation();
      } catch (error) {
        // No token: the call never left, and MSAL has already retried the login endpoint.
        if (isTeamsSurfaceError(error) && error.code === 'teams.token_failed') {
          this.options.metrics.increment('teams_failures');
          throw error;
        }
        const status = statusOf(error);
        if (status !== null && retryableStatuses.has(status) && attempt < this.#policy.maxAttempts) {
          const delay = Math.min(
            retryAfterMs(error, this.#now()) ?? this.#policy.baseDelayMs * 2 ** (attempt - 1),
            this.#policy.maxDelayMs,
          );
          this.options.metrics.increment('teams_retries');
          this.options.logger.warn({ status, attempt, delayMs: delay }, `Teams: retrying to ${what}`);
          await this.#sleep(delay);
          continue;
        }
        this.options.metrics.increment('teams_failures');
        throw new TeamsSurfaceError(
          'teams.connector_failed',
          status === null
            ? `Teams could not be reached to ${what}`
            : `Teams refused to ${what} (HTTP ${status}${attempt > 1 ? ` after ${attempt} tries` : ''})`,
          { cause: error },
        );
      }
    }
  }

  #client(serviceUrl: string): ApiClient {
    let client = this.#clients.get(serviceUrl);
    if (!client) {
      client = this.#api.clone({ serviceUrl });
      this.#clients.set(serviceUrl, client);
    }
    return client;
  }
}

export function statusOf(error: unknown): number | null {
  const parsed = errorShape.safeParse(error);
  return parsed.success ? parsed.data.response.status : null;
}

/** Retry-After as seconds or as an HTTP date. */
function retryAfterMs(error: unknown, now: number): number | null {
  const parsed = errorShape.safeParse(error);
  if (!parsed.success) return null;
  const value = headerValue(parsed.data.response.headers, 'retry-after');
  if (value === null) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function headerValue(headers: unknown, name: string): string | null {
  if (typeof headers !== 'object' || headers === null) return null;
  const value: unknown = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}
