import type { Logger } from '../../logging/logger.js';
import type {
  Block,
  FileRef,
  Form,
  ImageRef,
  Message,
  PersonRef,
  RichText,
} from '../../messages/message-model.js';
import type {
  ChatSurface,
  Destination,
  PostedMessage,
  ResolveOptions,
  SurfaceUser,
} from '../chat-surface.js';
import {
  renderSlackMessage,
  renderSlackModal,
  type SlackMessagePage,
  type SlackModalView,
} from './block-kit/index.js';
import type { ChannelPacer, PacedSend } from './outbound/channel-pacer.js';
import type { SlackUsers } from './outbound/slack-users.js';
import type { SlackWebApi } from './outbound/slack-web-api.js';
import { SlackSurfaceError } from './slack-errors.js';
import type { SlackMetrics } from './slack-metrics.js';

export interface SlackSurfaceOptions {
  readonly api: SlackWebApi;
  readonly pacer: ChannelPacer;
  readonly users: SlackUsers;
  readonly metrics: SlackMetrics;
  readonly logger: Logger;
}

/**
 * The outbound side of Slack. A message is rendered into pages (Slack's
 * 50-block and text limits) and each page is one chat.postMessage, in order,
 * through the channel's paced queue. Charts: Block Kit's image block needs a
 * public URL or a file Slack can show, and our renderer emits URLs only, so a
 * chart appears as its caption in the message and its PNG is shared as a file
 * in the same channel (or thread) right after the pages, in the same queue.
 * Mentions and direct messages resolve people by e-mail (users.lookupByEmail,
 * cached with an expiry).
 */
export class SlackSurface implements ChatSurface {
  readonly name = 'slack' as const;
  /** A direct message is queued under the person's address, so its order holds before its channel is known. */
  private readonly queueKeyOfChannel = new Map<string, string>();
  private readonly directChannels = new Map<string, Promise<string>>();

  constructor(private readonly options: SlackSurfaceOptions) {}

  async postMessage(destination: Destination, message: Message): Promise<PostedMessage> {
    if (destination.kind === 'channel') return this.postInConversation(destination.channelId, message);
    const email = destination.email.trim().toLowerCase();
    return this.options.pacer.run(`direct:${email}`, async (send) => {
      const user = await this.options.users.resolveEmail(email);
      if (!user) {
        throw new SlackSurfaceError('slack.user_not_found', 'Slack knows nobody with this e-mail address');
      }
      const channel = await this.directChannelOf(user.userId);
      this.queueKeyOfChannel.set(channel, `direct:${email}`);
      return this.postPages(send, channel, message, null);
    });
  }

  /** A direct message to a Slack user by id (the actor of a request, when nowhere else fits). */
  async postToUser(userId: string, message: Message): Promise<PostedMessage> {
    return this.postInConversation(await this.directChannelOf(userId), message);
  }

  /** The DM channel with a user, opened once: conversations.open is a Tier-3 call (about 50 a minute). */
  private directChannelOf(userId: string): Promise<string> {
    let channel = this.directChannels.get(userId);
    if (!channel) {
      channel = this.options.api.openDirectMessage(userId);
      this.directChannels.set(userId, channel);
      channel.catch(() => this.directChannels.delete(userId));
    }
    return channel;
  }

  /** A message in a channel, or as replies in a thread when `threadTs` is given (the reply to a shared file). */
  postInConversation(
    channelId: string,
    message: Message,
    threadTs: string | null = null,
  ): Promise<PostedMessage> {
    return this.options.pacer.run(this.queueKey(channelId), (send) =>
      this.postPages(send, channelId, message, threadTs),
    );
  }

  /**
   * chat.update page by page. A message that now needs more pages gets the
   * extra pages as replies in the first page's thread (new top-level posts
   * would land below later messages); one that needs fewer has the surplus
   * pages deleted, so no stale part of the old content stays visible.
   */
  async updateMessage(posted: PostedMessage, message: Message): Promise<PostedMessage> {
    const channel = posted.conversationId;
    const [firstTs] = posted.messageIds;
    if (posted.surface !== 'slack' || firstTs === undefined) {
      throw new SlackSurfaceError('slack.api_error', 'not a posted Slack message', 'message_not_found');
    }
    return this.options.pacer.run(this.queueKey(channel), async (send) => {
      const pages = await this.renderPages(message);
      const messageIds: string[] = [];
      for (const [index, page] of pages.entries()) {
        const ts = posted.messageIds[index];
        if (ts !== undefined) await this.options.api.updateMessage(send, channel, ts, page);
        messageIds.push(ts ?? (await this.postPage(send, channel, page, firstTs)));
      }
      for (const surplusTs of posted.messageIds.slice(pages.length)) {
        await this.options.api.deleteMessage(send, channel, surplusTs);
      }
      // A chart shared with the message before stays visible: only new ones are shared, in its thread.
      const alreadyShared = new Set(posted.separateImageIds ?? []);
      const fresh = imagesOf(message).filter(({ image }) => !alreadyShared.has(image.id));
      const shared = await this.shareImages(send, channel, fresh, firstTs);
      const files = filesOf(message).filter((file) => !alreadyShared.has(file.id));
      const sharedFiles = await this.shareFiles(send, channel, files, firstTs);
      return postedMessage(channel, messageIds, [...alreadyShared, ...shared, ...sharedFiles]);
    });
  }

  /** users.lookupByEmail tells no locale: with `locale`, users.info (cached, Tier 4) adds it. */
  async resolveUser(email: string, options: ResolveOptions = {}): Promise<SurfaceUser | null> {
    const user = await this.options.users.resolveEmail(email);
    if (!user || !options.locale || user.locale !== null) return user;
    const { locale } = await this.options.users.actor(user.userId);
    return { ...user, locale };
  }

  /** Pages for `message`, the people it mentions looked up first (the renderer asks synchronously). */
  async renderPages(message: Message): Promise<SlackMessagePage[]> {
    await this.lookUp(message.blocks.flatMap(peopleIn));
    return renderSlackMessage(message, {
      mentionFor: (person) => this.options.users.userIdFor(person.email),
      // Charts are shared as files after the pages (see the class comment): the message shows the caption.
      imageUrlFor: () => null,
    });
  }

  /** A modal for `form`, with mentions in its intro and its initial users looked up first. */
  async renderForm(form: Form): Promise<SlackModalView> {
    const initialUsers = form.fields.flatMap((field) =>
      field.kind === 'user' && typeof field.initialValue === 'string'
        ? [{ email: field.initialValue, displayName: field.initialValue }]
        : [],
    );
    await this.lookUp([...richTextPeople(form.intro ?? []), ...initialUsers]);
    return renderSlackModal(form, { mentionFor: (person) => this.options.users.userIdFor(person.email) });
  }

  private async postPages(
    send: PacedSend,
    channel: string,
    message: Message,
    threadTs: string | null,
  ): Promise<PostedMessage> {
    const pages = await this.renderPages(message);
    const messageIds: string[] = [];
    for (const page of pages) {
      messageIds.push(await this.postPage(send, channel, page, threadTs ?? undefined));
    }
    const shared = await this.shareImages(send, channel, imagesOf(message), threadTs ?? undefined);
    const files = await this.shareFiles(send, channel, filesOf(message), threadTs ?? undefined);
    return postedMessage(channel, messageIds, [...shared, ...files]);
  }

  private async postPage(send: PacedSend, channel: string, page: SlackMessagePage, threadTs?: string) {
    const posted = await this.options.api.postMessage(send, channel, page, threadTs);
    this.options.metrics.increment('slack_posts');
    return posted.ts;
  }

  /**
   * Each chart uploaded, then shared in the channel (or a thread) in one paced
   * step after the message; returns the ids of the images shared.
   */
  private async shareImages(
    send: PacedSend,
    channel: string,
    images: readonly { image: ImageRef; title: string; altText: string }[],
    threadTs: string | undefined,
  ): Promise<string[]> {
    const unique = [...new Map(images.map((entry) => [entry.image.id, entry])).values()];
    if (unique.length === 0) return [];
    const files = [];
    for (const { image, title, altText } of unique) {
      const filename = `trafiklys-chart-${image.id.slice(0, 12)}.png`;
      files.push({ id: await this.options.api.uploadBytes({ filename, bytes: image.png, altText }), title });
    }
    await this.options.api.shareFiles(send, channel, files, threadTs);
    return unique.map(({ image }) => image.id);
  }

  /**
   * Files posted with the message (the board-meeting pack's PDF), uploaded
   * and shared like the charts, under their own names and titles; returns
   * their ids (kept with the charts', so an update shares none twice).
   */
  private async shareFiles(
    send: PacedSend,
    channel: string,
    files: readonly FileRef[],
    threadTs: string | undefined,
  ): Promise<string[]> {
    const unique = [...new Map(files.map((file) => [file.id, file])).values()];
    if (unique.length === 0) return [];
    const uploaded = [];
    for (const file of unique) {
      const id = await this.options.api.uploadBytes({
        filename: file.fileName,
        bytes: file.bytes,
        altText: file.title,
      });
      uploaded.push({ id, title: file.title });
    }
    await this.options.api.shareFiles(send, channel, uploaded, threadTs);
    return unique.map((file) => file.id);
  }

  // A failed lookup only costs the mention (the renderer then shows the name).
  private async lookUp(people: readonly PersonRef[]): Promise<void> {
    const emails = new Set(people.map((person) => person.email.trim().toLowerCase()));
    await Promise.all(
      [...emails].map((email) =>
        this.options.users.resolveEmail(email).catch((error: unknown) => {
          this.options.logger.warn({ err: error }, 'Slack user lookup failed; the name is shown instead');
        }),
      ),
    );
  }

  private queueKey(channel: string): string {
    return this.queueKeyOfChannel.get(channel) ?? channel;
  }
}

function postedMessage(channel: string, messageIds: string[], sharedImageIds: string[]): PostedMessage {
  return {
    surface: 'slack',
    conversationId: channel,
    messageIds,
    ...(sharedImageIds.length > 0 ? { separateImageIds: sharedImageIds } : {}),
  };
}

function imagesOf(message: Message): { image: ImageRef; title: string; altText: string }[] {
  return message.blocks.flatMap((block) =>
    block.type === 'image'
      ? [{ image: block.image, title: block.title ?? block.altText, altText: block.altText }]
      : [],
  );
}

function filesOf(message: Message): FileRef[] {
  return message.blocks.flatMap((block) => (block.type === 'file' ? [block.file] : []));
}

function peopleIn(block: Block): PersonRef[] {
  switch (block.type) {
    case 'text':
    case 'context':
      return richTextPeople(block.content);
    case 'facts':
      return block.facts.flatMap((fact) => richTextPeople(fact.value));
    default:
      return [];
  }
}

function richTextPeople(text: RichText): PersonRef[] {
  return text.flatMap((inline) =>
    typeof inline !== 'string' && inline.kind === 'mention' ? [inline.person] : [],
  );
}
