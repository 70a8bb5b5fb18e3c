import type { BotActor } from '../../../bot/bot-requests.js';
import type { SurfaceUser } from '../../chat-surface.js';
import type { SlackUserDirectory } from '../block-kit/index.js';
import type { SlackUser, SlackWebApi } from './slack-web-api.js';

export interface SlackUsersOptions {
  /** How long a found user is trusted (people rarely change address). */
  readonly foundTtlMs?: number;
  /** How long "nobody has this address" is trusted: short, so a new colleague is found soon. */
  readonly notFoundTtlMs?: number;
  /** Wall clock in milliseconds. */
  readonly now?: () => number;
}

/** Past this many entries, expired ones are dropped before another is added. */
const sweepAbove = 5_000;

interface Cached<T> {
  readonly value: Promise<T>;
  /** Set once the lookup has answered. */
  answer?: { readonly value: T };
  expiresAt: number;
}

/**
 * Slack users by e-mail (users.lookupByEmail, for mentions and direct
 * messages) and by id (users.info with the locale, for the actor of a request),
 * each cached with an expiry; a lookup in flight is shared, and a failed one is
 * forgotten at once so the next call asks again.
 */
export class SlackUsers implements SlackUserDirectory {
  private readonly byEmail = new Map<string, Cached<SurfaceUser | null>>();
  private readonly byId = new Map<string, Cached<BotActor>>();
  private readonly foundTtlMs: number;
  private readonly notFoundTtlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly api: SlackWebApi,
    options: SlackUsersOptions = {},
  ) {
    this.foundTtlMs = options.foundTtlMs ?? 6 * 60 * 60 * 1000;
    this.notFoundTtlMs = options.notFoundTtlMs ?? 10 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /** The Slack user with this address, or null when Slack knows none (or only a deactivated one). */
  resolveEmail(email: string): Promise<SurfaceUser | null> {
    const key = email.trim().toLowerCase();
    return this.cached(this.byEmail, key, async () => {
      const user = await this.api.lookupUserByEmail(key);
      return user && !user.deleted ? surfaceUserOf(user, key) : null;
    });
  }

  /** The Slack user id for an address already resolved and found; null when not resolved yet or unknown. */
  userIdFor(email: string): string | null {
    const entry = this.byEmail.get(email.trim().toLowerCase());
    const user = entry?.answer && entry.expiresAt > this.now() ? entry.answer.value : null;
    return user?.userId ?? null;
  }

  /** The address of a user already looked up by id (an actor) or found by address; null otherwise. */
  emailFor(slackUserId: string): string | null {
    const now = this.now();
    const actor = this.byId.get(slackUserId);
    if (actor?.answer && actor.expiresAt > now && actor.answer.value.email) return actor.answer.value.email;
    for (const entry of this.byEmail.values()) {
      if (entry.answer?.value?.userId === slackUserId && entry.expiresAt > now)
        return entry.answer.value.email;
    }
    return null;
  }

  /** Who sent a request: users.info with the locale; e-mail null when the bot may not read it. */
  actor(userId: string): Promise<BotActor> {
    return this.cached(this.byId, userId, async () => {
      const user = await this.api.userInfo(userId);
      return {
        surface: 'slack',
        userId: user.id,
        email: user.profile?.email?.toLowerCase() ?? null,
        displayName: displayNameOf(user),
        locale: user.locale ?? null,
      };
    });
  }

  private cached<T>(cache: Map<string, Cached<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const hit = cache.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    if (cache.size >= sweepAbove) {
      for (const [staleKey, stale] of cache) if (stale.expiresAt <= now) cache.delete(staleKey);
    }
    const value = load();
    // In flight: shared by every caller until it settles and gets its real expiry.
    const entry: Cached<T> = { value, expiresAt: Number.POSITIVE_INFINITY };
    cache.set(key, entry);
    value.then(
      (result) => {
        entry.answer = { value: result };
        entry.expiresAt = this.now() + (result === null ? this.notFoundTtlMs : this.foundTtlMs);
      },
      () => {
        if (cache.get(key) === entry) cache.delete(key);
      },
    );
    return value;
  }
}

function surfaceUserOf(user: SlackUser, email: string): SurfaceUser {
  return {
    surface: 'slack',
    userId: user.id,
    email: user.profile?.email?.toLowerCase() ?? email,
    displayName: displayNameOf(user),
    locale: user.locale ?? null,
  };
}

function displayNameOf(user: SlackUser): string {
  const candidates = [user.profile?.display_name, user.profile?.real_name, user.real_name, user.name];
  return candidates.find((name) => name !== undefined && name.trim() !== '') ?? user.id;
}
