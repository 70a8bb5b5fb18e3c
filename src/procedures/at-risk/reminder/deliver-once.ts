import { createHash } from 'node:crypto';
import type { Message } from '../../../messages/message-model.js';
import type { ChatSurface, Destination } from '../../../surfaces/chat-surface.js';
import type { DeliveryKey, ReminderDeliveries, ReminderKind } from './reminder-deliveries.js';

/** What happened to one place. */
export type DeliveryOutcome = 'posted' | 'updated' | 'unchanged' | 'already_claimed' | 'failed';

/**
 * Posts a reminder to one place at most once. If it was posted before, the
 * posted message is updated in place when its content changed (an upload
 * request becoming the summary after the import) and left alone otherwise.
 */
export async function deliverOnce(options: {
  readonly deliveries: ReminderDeliveries;
  readonly surface: ChatSurface;
  readonly key: DeliveryKey;
  readonly kind: ReminderKind;
  readonly destination: Destination;
  readonly message: Message;
  readonly now: Date;
}): Promise<DeliveryOutcome> {
  const { deliveries, surface, key, kind, destination, message, now } = options;
  const contentHash = hashMessage(message);
  const existing = await deliveries.claim(key, kind, now);
  if (existing) {
    if (existing.status === 'posted' && existing.posted) {
      if (existing.contentHash === contentHash) return 'unchanged';
      const updated = await surface.updateMessage(existing.posted, message);
      await deliveries.recordUpdated(key, kind, updated, contentHash, now);
      return 'updated';
    }
    // A claim whose instance died before recording its post is taken over
    // (that instance may have posted in its last moment; see the README).
    const retaken =
      existing.status === 'claimed'
        ? await deliveries.reclaimFromGoneHolder(key, kind, now)
        : await deliveries.reclaimFailed(key, kind, now);
    if (!retaken) return 'already_claimed';
  }
  try {
    const posted = await surface.postMessage(destination, message);
    await deliveries.recordPosted(key, kind, posted, contentHash, now);
    return 'posted';
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    await deliveries.recordProblem(key, 'failed', problem.slice(0, 500));
    return 'failed';
  }
}

/** Images count by their id (a hash of the PNG), so the hash stays small and stable. */
export function hashMessage(message: Message): string {
  const json = JSON.stringify(message, (_key, value: unknown) =>
    value instanceof Uint8Array ? undefined : value,
  );
  return createHash('sha256').update(json).digest('hex');
}
