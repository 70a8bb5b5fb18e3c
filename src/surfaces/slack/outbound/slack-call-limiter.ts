import type { Logger } from '../../../logging/logger.js';
import { SlackSurfaceError } from '../slack-errors.js';
import type { SlackMetrics } from '../slack-metrics.js';
import { MethodWindow } from './method-window.js';
import type { SlackCallPolicy } from './slack-call-policy.js';
import { sleepUntil, type Timing } from './timing.js';

/** Thrown by a call that Slack answered 429; `retryAfterMs` from its Retry-After header. */
export class SlackRateLimited extends Error {
  constructor(
    readonly method: string,
    readonly retryAfterMs: number,
  ) {
    super(`${method} was rate limited (retry after ${retryAfterMs} ms)`);
    this.name = 'SlackRateLimited';
  }
}

export interface CallOptions {
  /** The least time to wait before retrying after a 429, whatever Retry-After says (a channel's pace). */
  readonly minRetryDelayMs?: number;
}

/**
 * Every Web API call passes here: it waits for a free slot under its method's
 * window (see MethodWindow) and under the global concurrency bound, and after a 429 it waits
 * Retry-After and tries the same call again (the WebClient's own retries are
 * off, so nothing else retries behind our back and reorders posts).
 */
export class SlackCallLimiter {
  private inFlight = 0;
  private readonly waitingForSlot: (() => void)[] = [];
  private readonly windows = new Map<string, MethodWindow>();

  constructor(
    private readonly policy: SlackCallPolicy,
    private readonly timing: Timing,
    private readonly metrics: SlackMetrics,
    private readonly logger: Logger,
  ) {}

  async call<T>(method: string, attempt: () => Promise<T>, options: CallOptions = {}): Promise<T> {
    for (let retries = 0; ; retries += 1) {
      try {
        return await this.once(method, attempt);
      } catch (error) {
        if (!(error instanceof SlackRateLimited)) {
          this.metrics.increment('slack_failures', { method, error: failureLabel(error) });
          throw error;
        }
        if (retries >= this.policy.maxRateLimitRetries) {
          this.metrics.increment('slack_failures', { method, error: 'ratelimited' });
          throw new SlackSurfaceError(
            'slack.rate_limited',
            `Slack kept answering ${method} with "too many requests" (${retries + 1} attempts)`,
            'ratelimited',
            { cause: error },
          );
        }
        const delayMs = Math.max(error.retryAfterMs, options.minRetryDelayMs ?? 0);
        this.metrics.increment('slack_retries', { method });
        this.logger.info({ method, delayMs, retry: retries + 1 }, 'Slack rate limited a call; retrying');
        await sleepUntil(this.timing, this.timing.now() + delayMs);
      }
    }
  }

  private async once<T>(method: string, attempt: () => Promise<T>): Promise<T> {
    const answerArrived = await this.windowOf(method)?.enter();
    await this.acquireSlot();
    try {
      return await attempt();
    } finally {
      this.releaseSlot();
      answerArrived?.();
    }
  }

  private windowOf(method: string): MethodWindow | undefined {
    const limit = this.policy.methodLimits[method];
    if (!limit) return undefined;
    let window = this.windows.get(method);
    if (!window) {
      window = new MethodWindow(limit, this.timing);
      this.windows.set(method, window);
    }
    return window;
  }

  private async acquireSlot(): Promise<void> {
    if (this.inFlight < this.policy.maxConcurrentCalls) {
      this.inFlight += 1;
      return;
    }
    // The releasing call hands its slot over, so inFlight stays as it is.
    await new Promise<void>((resolve) => this.waitingForSlot.push(resolve));
  }

  private releaseSlot(): void {
    const next = this.waitingForSlot.shift();
    if (next) next();
    else this.inFlight -= 1;
  }
}

/** Slack's own error string where there is one (`channel_not_found`), else our code: a small, fixed set. */
function failureLabel(error: unknown): string {
  if (!(error instanceof SlackSurfaceError)) return 'unexpected';
  return error.detail ?? error.code;
}
