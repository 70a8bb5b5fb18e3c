/**
 * How fast and how widely Trafiklys calls Slack's Web API. Slack publishes its
 * limits as tiers per method (Tier 3: 50+ calls a minute, Tier 4: 100+) and a
 * special limit for posting (about one message a second per channel); a call
 * over a limit is answered 429 with `Retry-After` in seconds.
 */

/** At most `calls` calls in any window of `perMs` milliseconds (as Slack counts them: on arrival). */
export interface MethodRateLimit {
  readonly calls: number;
  readonly perMs: number;
}

export interface SlackCallPolicy {
  /** Web API calls in flight at once, over all methods and channels. */
  readonly maxConcurrentCalls: number;
  /** Per-method limits; a method not listed is bounded by the concurrency only. */
  readonly methodLimits: Readonly<Record<string, MethodRateLimit>>;
  /** Minimum time from the end of one post (or update) in a channel to the start of the next. */
  readonly channelIntervalMs: number;
  /** How many times one call is retried after a 429 before it fails. */
  readonly maxRateLimitRetries: number;
}

const perMinute = (calls: number): MethodRateLimit => ({ calls, perMs: 60_000 });

export const defaultSlackCallPolicy: SlackCallPolicy = {
  maxConcurrentCalls: 8,
  methodLimits: {
    // Tier 3 (50+ per minute).
    'chat.update': perMinute(50),
    'chat.delete': perMinute(50),
    'conversations.open': perMinute(50),
    'users.lookupByEmail': perMinute(50),
    // Tier 4 (100+ per minute).
    'chat.postEphemeral': perMinute(100),
    'users.info': perMinute(100),
    'views.open': perMinute(100),
    'views.update': perMinute(100),
    'files.getUploadURLExternal': perMinute(100),
    'files.completeUploadExternal': perMinute(100),
  },
  // chat.postMessage: "about one message per second per channel".
  channelIntervalMs: 1_000,
  maxRateLimitRetries: 5,
};

/** The default policy with some fields replaced (tests use short intervals). */
export function slackCallPolicy(overrides: Partial<SlackCallPolicy> = {}): SlackCallPolicy {
  return { ...defaultSlackCallPolicy, ...overrides };
}
