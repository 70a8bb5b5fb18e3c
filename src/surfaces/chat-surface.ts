import type { Message } from '../messages/message-model.js';

export const surfaceNames = ['slack', 'teams', 'console'] as const;
export type SurfaceName = (typeof surfaceNames)[number];

/** Where a message goes: a study board's channel, or one person directly. */
export type Destination =
  | { readonly kind: 'channel'; readonly channelId: string }
  | { readonly kind: 'direct'; readonly email: string };

/** A posted message, as the surface needs it to update the message later. */
export interface PostedMessage {
  readonly surface: SurfaceName;
  /** Slack: channel id; Teams: conversation id; console: channel name. */
  readonly conversationId: string;
  /** Slack: ts; Teams: activity id; console: message id. The first one when a message was split in pages. */
  readonly messageIds: readonly string[];
  /**
   * Images and files shown apart from the pages, by id (Slack shares charts
   * and attached files after the message): an update shares only the ones
   * not listed here, whichever instance posted the message.
   */
  readonly separateImageIds?: readonly string[];
}

export interface ResolveOptions {
  readonly locale?: boolean;
}

/** A person as a surface knows them. */
export interface SurfaceUser {
  readonly surface: SurfaceName;
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  /** BCP 47, e.g. `da-DK`, when the platform tells it. */
  readonly locale: string | null;
}

/**
 * The outbound side of a chat platform. Renderers and platform limits live
 * behind it; the core hands over neutral messages only.
 */
export interface ChatSurface {
  readonly name: SurfaceName;
  /** Posts (splitting into several posts where the platform's limits demand it, never truncating). */
  postMessage(destination: Destination, message: Message): Promise<PostedMessage>;
  /**
   * Replaces a posted message's content in place. Returns the message as it
   * now stands: a message that grew needs pages the old one did not have, and
   * the next update must find them (keep the returned one, not the old one).
   */
  updateMessage(posted: PostedMessage, message: Message): Promise<PostedMessage>;
  /**
   * By e-mail; null when the platform does not know the address (the caller
   * reports who could not be reached). With `locale`, the person's locale is
   * looked up too where the platform needs another call for it (Slack): ask
   * only for people who will read something in their own language.
   */
  resolveUser(email: string, options?: ResolveOptions): Promise<SurfaceUser | null>;
}
