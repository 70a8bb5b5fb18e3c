import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type {
  ConversationReferenceStore,
  StoredConversationReference,
} from '../surfaces/teams/conversation-reference-store.js';

type ConversationRow = Prisma.TeamsConversationGetPayload<object>;

/** Teams conversation references in the database, so proactive posts survive restarts and span instances. */
export class PrismaTeamsConversations implements ConversationReferenceStore {
  constructor(private readonly prisma: PrismaClient) {}

  async save(reference: StoredConversationReference): Promise<void> {
    const data = {
      serviceUrl: reference.serviceUrl,
      tenantId: reference.tenantId,
      botId: reference.botId,
      kind: reference.kind,
      userId: reference.userId ?? null,
      channelName: reference.channelName ?? null,
      updatedAt: new Date(),
    };
    // An activity that tells no locale (an installation) keeps the one stored before.
    const locale = reference.locale ?? undefined;
    await this.prisma.teamsConversation.upsert({
      where: { conversationId: reference.conversationId },
      create: { conversationId: reference.conversationId, ...data, locale: locale ?? null },
      update: { ...data, locale },
    });
  }

  async findByConversationId(conversationId: string): Promise<StoredConversationReference | null> {
    const row = await this.prisma.teamsConversation.findUnique({ where: { conversationId } });
    return row ? referenceOf(row) : null;
  }

  async findPersonalByUser(userId: string): Promise<StoredConversationReference | null> {
    const row = await this.prisma.teamsConversation.findFirst({
      where: { kind: 'personal', userId },
      orderBy: { updatedAt: 'desc' },
    });
    return row ? referenceOf(row) : null;
  }

  async list(): Promise<readonly StoredConversationReference[]> {
    return (await this.prisma.teamsConversation.findMany({ orderBy: { conversationId: 'asc' } })).map(
      referenceOf,
    );
  }
}

function referenceOf(row: ConversationRow): StoredConversationReference {
  const kind = row.kind;
  if (kind !== 'channel' && kind !== 'personal' && kind !== 'group') {
    throw new Error(`teams_conversation ${row.conversationId} has an unknown kind "${kind}"`);
  }
  return {
    conversationId: row.conversationId,
    serviceUrl: row.serviceUrl,
    tenantId: row.tenantId,
    botId: row.botId,
    kind,
    ...(row.userId ? { userId: row.userId } : {}),
    ...(row.channelName ? { channelName: row.channelName } : {}),
    ...(row.locale ? { locale: row.locale } : {}),
  };
}
