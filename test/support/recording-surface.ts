import type { Message } from '../../src/messages/message-model.js';
import type {
  ChatSurface,
  Destination,
  PostedMessage,
  ResolveOptions,
  SurfaceName,
  SurfaceUser,
} from '../../src/surfaces/chat-surface.js';

/** A ChatSurface that records what it is asked to do; for core tests that need no platform. */
export class RecordingSurface implements ChatSurface {
  readonly posts: { destination: Destination; message: Message; posted: PostedMessage }[] = [];
  readonly updates: { posted: PostedMessage; message: Message }[] = [];
  failNextPost: Error | null = null;
  private nextId = 1;

  constructor(
    readonly name: SurfaceName,
    private readonly directory: ReadonlyMap<string, { displayName: string; locale?: string }> = new Map(),
    /** Each post waits for this first: a test holds a post back while something else happens. */
    private readonly postsWaitFor: Promise<unknown> = Promise.resolve(),
  ) {}

  async postMessage(destination: Destination, message: Message): Promise<PostedMessage> {
    if (this.failNextPost) {
      const failure = this.failNextPost;
      this.failNextPost = null;
      throw failure;
    }
    await this.postsWaitFor;
    const posted: PostedMessage = {
      surface: this.name,
      conversationId: destination.kind === 'channel' ? destination.channelId : `D-${destination.email}`,
      messageIds: [`m${this.nextId++}`],
    };
    this.posts.push({ destination, message, posted });
    return posted;
  }

  async updateMessage(posted: PostedMessage, message: Message): Promise<PostedMessage> {
    this.updates.push({ posted, message });
    return posted;
  }

  /** Like Slack, it tells a person's locale only when asked for it (the caller must ask for a copy's reader). */
  async resolveUser(email: string, options: ResolveOptions = {}): Promise<SurfaceUser | null> {
    const person = this.directory.get(email);
    if (!person) return null;
    return {
      surface: this.name,
      userId: `U-${email}`,
      email,
      displayName: person.displayName,
      locale: options.locale ? (person.locale ?? null) : null,
    };
  }
}
