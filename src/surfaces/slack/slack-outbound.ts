import type { Logger } from '../../logging/logger.js';
import { ChannelPacer } from './outbound/channel-pacer.js';
import { SlackCallLimiter } from './outbound/slack-call-limiter.js';
import { type SlackCallPolicy, slackCallPolicy } from './outbound/slack-call-policy.js';
import { SlackUsers, type SlackUsersOptions } from './outbound/slack-users.js';
import { SlackWebApi } from './outbound/slack-web-api.js';
import { realTiming, type Timing } from './outbound/timing.js';
import { noSlackMetrics, type SlackMetrics } from './slack-metrics.js';
import { SlackSurface } from './slack-surface.js';

export interface SlackOutboundOptions {
  readonly botToken: string;
  /** null: https://slack.com/api/ */
  readonly apiUrl: string | null;
  readonly logger: Logger;
  readonly metrics?: SlackMetrics;
  /** Concurrency, per-method limits, channel pace, 429 retries; the defaults follow Slack's published limits. */
  readonly policy?: Partial<SlackCallPolicy>;
  readonly users?: SlackUsersOptions;
  readonly timing?: Timing;
  readonly maxDownloadBytes?: number;
}

/** Everything that calls Slack, wired once: the surface and the parts the listeners share with it. */
export interface SlackOutbound {
  readonly api: SlackWebApi;
  readonly users: SlackUsers;
  readonly pacer: ChannelPacer;
  readonly surface: SlackSurface;
}

export function createSlackOutbound(options: SlackOutboundOptions): SlackOutbound {
  const policy = slackCallPolicy(options.policy);
  const timing = options.timing ?? realTiming;
  const metrics = options.metrics ?? noSlackMetrics;
  const limiter = new SlackCallLimiter(policy, timing, metrics, options.logger);
  const api = new SlackWebApi({
    botToken: options.botToken,
    apiUrl: options.apiUrl,
    limiter,
    logger: options.logger,
    ...(options.maxDownloadBytes === undefined ? {} : { maxDownloadBytes: options.maxDownloadBytes }),
  });
  const users = new SlackUsers(api, options.users);
  const pacer = new ChannelPacer(limiter, policy.channelIntervalMs, timing);
  const surface = new SlackSurface({ api, pacer, users, metrics, logger: options.logger });
  return { api, users, pacer, surface };
}
