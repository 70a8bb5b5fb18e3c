/**
 * What the bot must remember about a Teams conversation to post into it later
 * (proactively): Teams gives the service URL and tenant only inside inbound
 * activities, so each one is saved on install and on first contact of any kind.
 */
export interface StoredConversationReference {
  /** A channel's id (`19:…@thread.tacv2`, never with `;messageid=`), a 1:1 chat's or a group chat's id. */
  readonly conversationId: string;
  /** The regional Bot Connector the conversation lives behind, e.g. `https://smba.trafficmanager.net/emea/`. */
  readonly serviceUrl: string;
  readonly tenantId: string | null;
  /** The bot's account in that conversation (`28:<client id>`). */
  readonly botId: string;
  /** `group` is a group chat: neither a channel nor a 1:1 chat. */
  readonly kind: 'channel' | 'personal' | 'group';
  /** personal: the user's Entra object id (or Teams id when Teams did not send one). */
  readonly userId?: string;
  /** channel: its display name when Teams told it. */
  readonly channelName?: string;
  /**
   * personal: the user's locale (`da-DK`) from their last activity there that
   * told one. Teams tells a person's language only in their own activities, and
   * a manager's copy of a reminder is written in it.
   */
  readonly locale?: string;
}

export interface ConversationReferenceStore {
  /** Inserts or replaces by conversation id. */
  save(reference: StoredConversationReference): Promise<void>;
  findByConversationId(conversationId: string): Promise<StoredConversationReference | null>;
  /** The 1:1 chat between the bot and this user, when there has been one. */
  findPersonalByUser(userId: string): Promise<StoredConversationReference | null>;
  /** Every known conversation: the rosters to look people up in. */
  list(): Promise<readonly StoredConversationReference[]>;
}

/** For tests and single-process development; the Prisma store keeps them across restarts. */
export class InMemoryConversationReferenceStore implements ConversationReferenceStore {
  readonly #references = new Map<string, StoredConversationReference>();

  async save(reference: StoredConversationReference): Promise<void> {
    const locale = reference.locale ?? this.#references.get(reference.conversationId)?.locale;
    this.#references.set(reference.conversationId, { ...reference, ...(locale ? { locale } : {}) });
  }

  async findByConversationId(conversationId: string): Promise<StoredConversationReference | null> {
    return this.#references.get(conversationId) ?? null;
  }

  async findPersonalByUser(userId: string): Promise<StoredConversationReference | null> {
    for (const reference of this.#references.values()) {
      if (reference.kind === 'personal' && reference.userId === userId) return reference;
    }
    return null;
  }

  async list(): Promise<readonly StoredConversationReference[]> {
    return [...this.#references.values()];
  }
}
