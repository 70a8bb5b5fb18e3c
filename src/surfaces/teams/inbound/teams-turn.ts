import type { BotActor, ConversationRef } from '../../../bot/bot-requests.js';
import type { StoredConversationReference } from '../conversation-reference-store.js';
import type { ConnectorAddress } from '../outbound/connector-gateway.js';
import type { TeamsDirectory } from '../outbound/teams-directory.js';
import type { ActivityEnvelope } from './activity-schemas.js';

/** Channel messages arrive in a thread: `19:…@thread.tacv2;messageid=…`. The channel is the part before. */
export function channelIdOf(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}

export function conversationKindOf(envelope: ActivityEnvelope): StoredConversationReference['kind'] {
  switch (envelope.conversation.conversationType) {
    case 'personal':
      return 'personal';
    case 'groupChat':
      return 'group';
    case 'channel':
      return 'channel';
    default:
      return envelope.channelData?.channel || envelope.channelData?.team ? 'channel' : 'personal';
  }
}

/** What to remember about the conversation an activity came from. */
export function referenceOf(envelope: ActivityEnvelope): StoredConversationReference {
  const kind = conversationKindOf(envelope);
  const tenantId = envelope.conversation.tenantId ?? envelope.channelData?.tenant?.id ?? null;
  const base = { serviceUrl: envelope.serviceUrl, tenantId, botId: envelope.recipient.id };
  switch (kind) {
    case 'channel': {
      const channel = envelope.channelData?.channel;
      return {
        ...base,
        kind,
        conversationId: channel?.id ?? channelIdOf(envelope.conversation.id),
        ...(channel?.name ? { channelName: channel.name } : {}),
      };
    }
    case 'personal':
      return {
        ...base,
        kind,
        conversationId: envelope.conversation.id,
        userId: userIdOf(envelope),
        ...(envelope.locale ? { locale: envelope.locale } : {}),
      };
    case 'group':
      return { ...base, kind, conversationId: envelope.conversation.id };
  }
}

/** The Entra object id when Teams sends it (stable across apps), else the Teams account id. */
export function userIdOf(envelope: ActivityEnvelope): string {
  return envelope.from.aadObjectId ?? envelope.from.id;
}

export function conversationRefOf(envelope: ActivityEnvelope): ConversationRef {
  const reference = referenceOf(envelope);
  return {
    surface: 'teams',
    conversationId: reference.conversationId,
    kind: reference.kind === 'personal' ? 'direct' : 'channel',
  };
}

/** Where replies in this turn go: the thread the activity came from. */
export function replyAddressOf(envelope: ActivityEnvelope): ConnectorAddress {
  return { serviceUrl: envelope.serviceUrl, conversationId: envelope.conversation.id };
}

/**
 * The person talking to the bot. Teams puts no e-mail in an activity; the
 * conversation's member record has it (`GET …/members/{id}`, cached).
 */
export async function actorOf(envelope: ActivityEnvelope, directory: TeamsDirectory): Promise<BotActor> {
  const inActivity = envelope.from.email?.trim();
  const member = inActivity
    ? null
    : await directory.findById(
        {
          serviceUrl: envelope.serviceUrl,
          // A team's roster is addressed by the team id; a chat's by its own id.
          conversationId: envelope.channelData?.team?.id ?? envelope.conversation.id,
        },
        envelope.from.id,
      );
  return {
    surface: 'teams',
    userId: userIdOf(envelope),
    email: inActivity || member?.email || null,
    displayName: envelope.from.name ?? member?.displayName ?? envelope.from.id,
    locale: envelope.locale ?? null,
  };
}
