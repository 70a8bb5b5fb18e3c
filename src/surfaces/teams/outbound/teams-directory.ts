import { z } from 'zod';
import type { Logger } from '../../../logging/logger.js';
import type {
  ConversationReferenceStore,
  StoredConversationReference,
} from '../conversation-reference-store.js';
import type { ConnectorAddress, ConnectorGateway } from './connector-gateway.js';

/** A person as the Bot Connector's rosters know them. */
export interface TeamsMember {
  /** The Teams account id (`29:…`): what mentions and new 1:1 chats need. */
  readonly memberId: string;
  /** The Entra object id; the id the core sees for this person when Teams tells it. */
  readonly aadObjectId: string | null;
  readonly email: string | null;
  /** The name Teams gives for the member; null when it gives none. */
  readonly name: string | null;
  /** The name, or else the e-mail or the account id: never empty. */
  readonly displayName: string;
  readonly tenantId: string | null;
}

/** A member and a conversation of the bot's they were found in (for its service URL and bot id). */
export interface FoundMember {
  readonly member: TeamsMember;
  readonly foundIn: StoredConversationReference;
}

const memberSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  givenName: z.string().optional(),
  surname: z.string().optional(),
  aadObjectId: z.string().min(1).optional(),
  objectId: z.string().min(1).optional(),
  email: z.string().optional(),
  userPrincipalName: z.string().optional(),
  tenantId: z.string().optional(),
});

export function parseMember(value: unknown): TeamsMember | null {
  const parsed = memberSchema.safeParse(value);
  if (!parsed.success) return null;
  const member = parsed.data;
  const email =
    member.email?.trim() || (member.userPrincipalName?.includes('@') ? member.userPrincipalName : '');
  const name =
    member.name?.trim() || [member.givenName?.trim(), member.surname?.trim()].filter(Boolean).join(' ');
  return {
    memberId: member.id,
    aadObjectId: member.aadObjectId ?? member.objectId ?? null,
    email: email ? email : null,
    name: name ? name : null,
    displayName: name || email || member.id,
    tenantId: member.tenantId ?? null,
  };
}

/** An hour: long enough to post a board's reminders from one roster read, short enough to see new staff the same day. */
export const rosterTtlMs = 60 * 60 * 1000;

interface CachedRoster {
  readonly readAt: number;
  readonly members: readonly TeamsMember[];
}

/**
 * Finds people in the member lists (rosters) of the conversations the bot is
 * in: `GET v3/conversations/{id}/members`, cached per conversation for an hour.
 * Teams has no "look up by e-mail" for bots; a person the bot shares no
 * conversation with cannot be reached by it anyway.
 */
export class TeamsDirectory {
  readonly #rosters = new Map<string, CachedRoster>();
  readonly #byMemberId = new Map<string, { readonly readAt: number; readonly member: TeamsMember }>();
  readonly #now: () => number;

  constructor(
    private readonly options: {
      readonly gateway: ConnectorGateway;
      readonly references: ConversationReferenceStore;
      readonly logger: Logger;
      readonly now?: () => number;
      readonly ttlMs?: number;
    },
  ) {
    this.#now = options.now ?? Date.now;
  }

  get #ttl(): number {
    return this.options.ttlMs ?? rosterTtlMs;
  }

  /** Case-insensitive on the address (e-mail or user principal name). */
  async findByEmail(email: string): Promise<FoundMember | null> {
    const wanted = email.trim().toLowerCase();
    const references = await this.options.references.list();
    // Channels and group chats first: their rosters hold many people.
    const ordered = [...references].sort((a, b) => rank(a) - rank(b));
    for (const reference of ordered) {
      const roster = await this.#roster(reference);
      const member = roster.find((candidate) => candidate.email?.toLowerCase() === wanted);
      if (member) return { member, foundIn: reference };
    }
    return null;
  }

  /** The actor of an inbound activity, for their e-mail; null when Teams would not say. */
  async findById(address: ConnectorAddress, memberId: string): Promise<TeamsMember | null> {
    const cached = this.#byMemberId.get(memberId);
    if (cached && this.#now() - cached.readAt < this.#ttl) return cached.member;
    try {
      const member = parseMember(await this.options.gateway.member(address, memberId));
      if (member) this.#byMemberId.set(memberId, { readAt: this.#now(), member });
      return member;
    } catch (error) {
      this.options.logger.warn({ err: error }, 'Teams: could not read a member of a conversation');
      return null;
    }
  }

  async #roster(reference: StoredConversationReference): Promise<readonly TeamsMember[]> {
    const cached = this.#rosters.get(reference.conversationId);
    if (cached && this.#now() - cached.readAt < this.#ttl) return cached.members;
    try {
      const raw = await this.options.gateway.members(reference);
      const members = raw.flatMap((value) => {
        const member = parseMember(value);
        return member ? [member] : [];
      });
      this.#rosters.set(reference.conversationId, { readAt: this.#now(), members });
      for (const member of members) this.#byMemberId.set(member.memberId, { readAt: this.#now(), member });
      return members;
    } catch (error) {
      // One conversation the bot was removed from must not stop the search in the others.
      this.options.logger.warn(
        { err: error, conversationKind: reference.kind },
        'Teams: could not read the members of a conversation',
      );
      return [];
    }
  }
}

function rank(reference: StoredConversationReference): number {
  return reference.kind === 'personal' ? 1 : 0;
}
