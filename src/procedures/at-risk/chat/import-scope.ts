import type { BotActor, ConversationRef } from '../../../bot/bot-requests.js';
import { boardOfChannel, mayImportFor } from '../../../bot/permissions.js';
import type { InstitutionConfig, StudyBoard } from '../../../config/institution-config.js';

/** Which study boards an export shared in a conversation is imported for, or why it is not. */
export type ImportScope =
  | { readonly kind: 'board_channel'; readonly board: StudyBoard }
  | {
      readonly kind: 'direct_chat';
      /** Every board the person imports for, in configuration order; at least one. */
      readonly boards: readonly [StudyBoard, ...StudyBoard[]];
    }
  | { readonly kind: 'refused'; readonly reason: 'not_a_board_channel' | 'not_allowed' };

/**
 * A file shared in a board's channel is for that board. In a direct chat with
 * the bot it is for every board the person imports for: Teams delivers files
 * to bots only in 1:1 chats, so a secretary of several boards has no board
 * channel to share it in there.
 */
export function importScopeOf(
  config: InstitutionConfig,
  actor: BotActor,
  conversation: ConversationRef,
): ImportScope {
  const channelBoard = boardOfChannel(config, conversation.surface, conversation.conversationId);
  if (channelBoard) {
    return mayImportFor(actor.email, channelBoard)
      ? { kind: 'board_channel', board: channelBoard }
      : { kind: 'refused', reason: 'not_allowed' };
  }
  if (conversation.kind !== 'direct') return { kind: 'refused', reason: 'not_a_board_channel' };
  const [first, ...rest] = config.boards.filter((board) => mayImportFor(actor.email, board));
  return first
    ? { kind: 'direct_chat', boards: [first, ...rest] }
    : { kind: 'refused', reason: 'not_allowed' };
}

/** The boards of a scope that imports. */
export function boardsOf(scope: Exclude<ImportScope, { kind: 'refused' }>): readonly StudyBoard[] {
  return scope.kind === 'board_channel' ? [scope.board] : scope.boards;
}
