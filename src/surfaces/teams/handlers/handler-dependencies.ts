import type { BotRequests } from '../../../bot/bot-requests.js';
import type { Logger } from '../../../logging/logger.js';
import type { ConversationReferenceStore } from '../conversation-reference-store.js';
import type { OpenForms } from '../inbound/open-forms.js';
import type { TurnReplies } from '../inbound/turn-replies.js';
import type { ConnectorGateway } from '../outbound/connector-gateway.js';
import type { TeamsDirectory } from '../outbound/teams-directory.js';
import type { TeamsRenderer } from '../outbound/teams-renderer.js';

/** What the listeners share; each one translates a Teams activity into a BotRequests call and renders the answer. */
export interface TeamsHandlerDependencies {
  readonly requests: BotRequests;
  readonly references: ConversationReferenceStore;
  readonly directory: TeamsDirectory;
  readonly gateway: ConnectorGateway;
  readonly renderer: TeamsRenderer;
  readonly replies: TurnReplies;
  readonly openForms: OpenForms;
  readonly logger: Logger;
  /** Largest shared file downloaded for `fileShared`. */
  readonly maxFileBytes: number;
}

/** The part of the SDK's turn context the listeners read: the activity, unvalidated. */
export interface TurnContext {
  readonly activity: object;
}
