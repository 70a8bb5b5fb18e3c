import type { ActivityParams } from '@microsoft/teams.api';
import type { Logger } from '../../logging/logger.js';
import type { Message } from '../../messages/message-model.js';
import type { ChatSurface, Destination, PostedMessage, SurfaceUser } from '../chat-surface.js';
import type {
  ConversationReferenceStore,
  StoredConversationReference,
} from './conversation-reference-store.js';
import { type ConnectorGateway, statusOf } from './outbound/connector-gateway.js';
import type { FoundMember, TeamsDirectory } from './outbound/teams-directory.js';
import { pageActivity, type TeamsRenderer } from './outbound/teams-renderer.js';
import { isTeamsSurfaceError, TeamsSurfaceError } from './teams-errors.js';

export interface TeamsSurfaceOptions {
  readonly gateway: ConnectorGateway;
  readonly directory: TeamsDirectory;
  readonly references: ConversationReferenceStore;
  readonly renderer: TeamsRenderer;
  readonly logger: Logger;
}

/**
 * Posts to Teams without an inbound activity to answer (proactively):
 *
 * - A channel is found by its id (`19:…@thread.tacv2`, from the institution
 *   config) among the stored conversation references, which hold the service
 *   URL Teams only tells inside activities. Installing the app in a team stores
 *   all its channels; no reference means the app is not in that team.
 * - A person is found by e-mail in the member lists of the bot's conversations;
 *   their 1:1 chat is the stored personal reference when they have talked to the
 *   bot, else it is opened with `POST v3/conversations` (idempotent for a 1:1
 *   chat) through the service URL of the conversation they were found in, and
 *   stored. A stored chat Teams no longer accepts (403/404: the app was removed
 *   for that person) is opened again once.
 */
export class TeamsSurface implements ChatSurface {
  readonly name = 'teams' as const;

  constructor(private readonly options: TeamsSurfaceOptions) {}

  async postMessage(destination: Destination, message: Message): Promise<PostedMessage> {
    if (destination.kind === 'channel') {
      const reference = await this.options.references.findByConversationId(destination.channelId);
      if (!reference) {
        throw new TeamsSurfaceError(
          'teams.channel_not_installed',
          `the bot has not been added to that Teams channel yet (${destination.channelId}): add the Trafiklys app to the channel's team`,
        );
      }
      return this.#postPages(reference, await this.#pages(message));
    }
    const found = await this.#find(destination.email);
    const pages = await this.#pages(message);
    const stored = await this.#storedPersonalChat(found);
    if (stored) {
      try {
        return await this.#postPages(stored, pages);
      } catch (error) {
        const status = isTeamsSurfaceError(error) ? statusOf(error.cause) : null;
        if (status !== 403 && status !== 404) throw error;
        this.options.logger.warn({ status }, 'Teams: a stored 1:1 chat was refused; opening it again');
      }
    }
    return this.#postPages(await this.#openPersonalChat(found), pages);
  }

  async updateMessage(posted: PostedMessage, message: Message): Promise<PostedMessage> {
    const reference = await this.options.references.findByConversationId(posted.conversationId);
    if (!reference) {
      throw new TeamsSurfaceError(
        'teams.conversation_unknown',
        'cannot update a Teams message in a conversation the bot has no reference for',
      );
    }
    const pages = await this.#pages(message);
    const { gateway } = this.options;
    const messageIds: string[] = [];
    for (const [index, page] of pages.entries()) {
      const activityId = posted.messageIds[index];
      if (activityId !== undefined) await gateway.update(reference, activityId, page);
      messageIds.push(activityId ?? (await gateway.send(reference, page)));
    }
    // A message that shrank to fewer pages: the pages left over would repeat old content.
    for (const activityId of posted.messageIds.slice(pages.length))
      await gateway.delete(reference, activityId);
    return { surface: 'teams', conversationId: posted.conversationId, messageIds };
  }

  /** The locale is the one the person's own 1:1 chat with the bot last told; null before they wrote there. */
  async resolveUser(email: string): Promise<SurfaceUser | null> {
    const found = await this.options.directory.findByEmail(email);
    if (!found) return null;
    const { member } = found;
    const personalChat = await this.#storedPersonalChat(found);
    return {
      surface: 'teams',
      userId: member.aadObjectId ?? member.memberId,
      email: member.email ?? email,
      displayName: member.displayName,
      locale: personalChat?.locale ?? null,
    };
  }

  async #pages(message: Message): Promise<ActivityParams[]> {
    return (await this.options.renderer.messagePages(message)).map(pageActivity);
  }

  async #postPages(
    reference: StoredConversationReference,
    pages: readonly ActivityParams[],
  ): Promise<PostedMessage> {
    const messageIds: string[] = [];
    for (const page of pages) messageIds.push(await this.options.gateway.send(reference, page));
    return { surface: 'teams', conversationId: reference.conversationId, messageIds };
  }

  async #find(email: string): Promise<FoundMember> {
    const found = await this.options.directory.findByEmail(email);
    if (!found) {
      throw new TeamsSurfaceError(
        'teams.user_not_found',
        'no member of any Teams conversation the bot is in has that e-mail address',
      );
    }
    return found;
  }

  async #storedPersonalChat({ member }: FoundMember): Promise<StoredConversationReference | null> {
    const { references } = this.options;
    return (
      (member.aadObjectId ? await references.findPersonalByUser(member.aadObjectId) : null) ??
      (await references.findPersonalByUser(member.memberId))
    );
  }

  async #openPersonalChat({ member, foundIn }: FoundMember): Promise<StoredConversationReference> {
    const tenantId = member.tenantId ?? foundIn.tenantId;
    const conversationId = await this.options.gateway.createPersonalConversation(foundIn.serviceUrl, {
      botId: foundIn.botId,
      memberId: member.memberId,
      tenantId,
    });
    const reference: StoredConversationReference = {
      conversationId,
      serviceUrl: foundIn.serviceUrl,
      tenantId,
      botId: foundIn.botId,
      kind: 'personal',
      userId: member.aadObjectId ?? member.memberId,
    };
    await this.options.references.save(reference);
    return reference;
  }
}
