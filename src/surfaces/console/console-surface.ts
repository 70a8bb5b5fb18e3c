import { type InstitutionConfig, peopleNamedIn } from '../../config/institution-config.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Message } from '../../messages/message-model.js';
import type { ChatSurface, Destination, PostedMessage, SurfaceUser } from '../chat-surface.js';
import type { HostedFiles } from '../hosted-files/hosted-files.js';
import type { HostedImages } from '../hosted-images/hosted-images.js';
import { toStoredMessage } from './stored-message.js';

/** The bot's name as an author in the console. */
export const botAuthor = 'Trafiklys';

/** A direct message's console channel: "@" and the person's address. */
export function directChannel(email: string): string {
  return `@${email}`;
}

/**
 * The local console as a chat platform: its channels and direct messages are
 * rows in the database, shown by the console page. Everyone the configuration
 * names is a console user; anyone else is unreachable here (another surface
 * may know them).
 */
export class ConsoleSurface implements ChatSurface {
  readonly name = 'console' as const;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly config: InstitutionConfig,
    private readonly images: HostedImages,
    /** Keeps the files posted with messages (their download links); none: a message with a file is refused. */
    private readonly files: HostedFiles | null = null,
  ) {}

  async postMessage(destination: Destination, message: Message): Promise<PostedMessage> {
    const channel = destination.kind === 'channel' ? destination.channelId : directChannel(destination.email);
    const id = await this.store(channel, botAuthor, message);
    return { surface: 'console', conversationId: channel, messageIds: [String(id)] };
  }

  /** A console message is never split: one row holds it whatever its length. */
  async updateMessage(posted: PostedMessage, message: Message): Promise<PostedMessage> {
    const [first] = posted.messageIds;
    if (!first) throw new Error('a posted console message without an id');
    await this.keepAssets(message);
    await this.prisma.consoleMessage.update({
      where: { id: BigInt(first) },
      data: { body: toStoredMessage(message), updatedAt: new Date() },
    });
    return posted;
  }

  async resolveUser(email: string): Promise<SurfaceUser | null> {
    if (!this.knownPeople().has(email)) return null;
    return {
      surface: 'console',
      userId: email,
      email,
      displayName: email.split('@')[0] ?? email,
      locale: null,
    };
  }

  /** Stores a message from the bot or a person; returns its id. */
  async store(channel: string, author: string, message: Message): Promise<bigint> {
    await this.keepAssets(message);
    const row = await this.prisma.consoleMessage.create({
      data: { channel, author, body: toStoredMessage(message) },
      select: { id: true },
    });
    return row.id;
  }

  /**
   * Keeps a message's charts and files where the page fetches them. A
   * stored message keeps them itself; an answer for one person alone, which
   * the page shows without storing it, needs them kept too.
   */
  async keepAssets(message: Message): Promise<void> {
    await this.images.store(message);
    if (this.files) await this.files.store(message);
    else if (message.blocks.some((block) => block.type === 'file'))
      throw new Error('the console was started without a file store: a message with a file cannot be kept');
  }

  /** Everyone the configuration names: board people, managers, report owners and `console.people`. */
  knownPeople(): ReadonlySet<string> {
    return configuredPeople(this.config);
  }
}

/** The console's people: everyone the configuration names (`peopleNamedIn`). */
export function configuredPeople(config: InstitutionConfig): ReadonlySet<string> {
  return peopleNamedIn(config);
}
