import type { ConversationRef } from '../../../bot/bot-requests.js';

/** Slack's direct-message channel ids start with D; everything else is a channel (public, private, group). */
export function conversationOf(channelId: string): ConversationRef {
  return {
    surface: 'slack',
    conversationId: channelId,
    kind: channelId.startsWith('D') ? 'direct' : 'channel',
  };
}
