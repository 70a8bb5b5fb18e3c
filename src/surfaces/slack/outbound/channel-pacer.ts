import type { SlackCallLimiter } from './slack-call-limiter.js';
import { sleepUntil, type Timing } from './timing.js';

/** Sends one call in the channel, paced and retried; what a task gets to post, update or delete with. */
export type PacedSend = <T>(method: string, call: () => Promise<T>) => Promise<T>;

interface ChannelState {
  /** The end of the last task queued for this channel. */
  tail: Promise<void>;
  /** When the last call in this channel finished (answered or failed). */
  lastCallEndedAt: number;
  queued: number;
}

/**
 * One FIFO queue per channel. Tasks for a channel run one after another in the
 * order they were queued; inside a task every call starts at least
 * `intervalMs` after the previous call in that channel ended, and a call Slack
 * answers 429 is retried (after Retry-After, and never sooner than the
 * interval) before anything else is sent there. A failed task does not stop
 * the ones behind it. Different channels run in parallel, bounded by the
 * limiter's global concurrency.
 */
export class ChannelPacer {
  private readonly channels = new Map<string, ChannelState>();

  constructor(
    private readonly limiter: SlackCallLimiter,
    private readonly intervalMs: number,
    private readonly timing: Timing,
  ) {}

  run<T>(channelId: string, task: (send: PacedSend) => Promise<T>): Promise<T> {
    const state = this.stateOf(channelId);
    const send: PacedSend = async (method, call) => {
      await sleepUntil(this.timing, state.lastCallEndedAt + this.intervalMs);
      try {
        return await this.limiter.call(method, call, { minRetryDelayMs: this.intervalMs });
      } finally {
        state.lastCallEndedAt = this.timing.now();
      }
    };
    state.queued += 1;
    const result = state.tail.then(() => task(send));
    state.tail = result.then(
      () => this.settle(channelId, state),
      () => this.settle(channelId, state),
    );
    return result;
  }

  private stateOf(channelId: string): ChannelState {
    let state = this.channels.get(channelId);
    if (!state) {
      state = { tail: Promise.resolve(), lastCallEndedAt: Number.NEGATIVE_INFINITY, queued: 0 };
      this.channels.set(channelId, state);
    }
    return state;
  }

  // Forget an idle channel once its pause has passed, so DMs to many people do not pile up state.
  private settle(channelId: string, state: ChannelState): void {
    state.queued -= 1;
    if (state.queued > 0) return;
    const forget = () => {
      if (state.queued === 0 && this.channels.get(channelId) === state) this.channels.delete(channelId);
    };
    const wait = state.lastCallEndedAt + this.intervalMs - this.timing.now();
    if (wait <= 0) forget();
    else setTimeout(forget, Math.ceil(wait)).unref();
  }
}
