import type { Message } from '../../../messages/message-model.js';
import type { ChatSurface, Destination } from '../../../surfaces/chat-surface.js';
import type { AfterDispatchPostKey, AfterDispatchPosts } from './after-dispatch-store.js';

/** What happened to one post on one surface. */
export type PostOutcome = 'posted' | 'already_posted' | 'in_progress_elsewhere' | 'failed';

/**
 * Posts a message to one place at most once (per cycle, surface and kind).
 * A claim whose instance died before recording its post is taken over: that
 * instance may have posted in its last moment (the one window no chat API
 * closes; see the README); a failed post is tried again.
 */
export async function postOnce(options: {
  readonly posts: AfterDispatchPosts;
  readonly surface: ChatSurface;
  readonly key: AfterDispatchPostKey;
  readonly destination: Destination;
  /** Made only when this caller holds the claim (a pack's PDF is not made for nothing). */
  readonly message: () => Promise<Message> | Message;
  readonly now: () => Date;
}): Promise<{ readonly outcome: PostOutcome; readonly problem?: string }> {
  const { posts, surface, key, now } = options;
  const existing = await posts.claim(key, now());
  if (existing) {
    if (existing.status === 'posted') return { outcome: 'already_posted' };
    const retaken =
      existing.status === 'claimed'
        ? await posts.reclaimFromGoneHolder(key, now())
        : await posts.reclaimFailed(key, now());
    if (!retaken) return { outcome: 'in_progress_elsewhere' };
  }
  try {
    const posted = await surface.postMessage(options.destination, await options.message());
    await posts.recordPosted(key, posted, now());
    return { outcome: 'posted' };
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    await posts.recordFailed(key, problem);
    return { outcome: 'failed', problem };
  }
}
