import type { InvokeResponse } from '@microsoft/teams.api';
import { activityEnvelopeSchema } from '../inbound/activity-schemas.js';
import { referenceOf } from '../inbound/teams-turn.js';
import type { TeamsHandlerDependencies, TurnContext } from './handler-dependencies.js';

/**
 * Runs before every listener: checks the activity's envelope (who, where,
 * which connector) and stores the conversation's reference on first contact
 * of any kind, so the bot can later post there proactively. An activity
 * without a readable envelope cannot be answered at all: 400.
 */
export function captureReference(dependencies: Pick<TeamsHandlerDependencies, 'references' | 'logger'>) {
  const saved = new Map<string, string>();
  // biome-ignore lint/suspicious/noConfusingVoidType: the SDK's RouteHandler returns void | InvokeResponse
  type Next = void | InvokeResponse;
  return async (context: TurnContext & { next(): Next | Promise<Next> }): Promise<Next> => {
    const envelope = activityEnvelopeSchema.safeParse(context.activity);
    if (!envelope.success) {
      dependencies.logger.warn(
        { problems: envelope.error.issues.map((issue) => issue.path.join('.') || issue.message) },
        'Teams: refused an activity without a readable envelope',
      );
      return { status: 400, body: { error: 'unreadable activity' } };
    }
    const reference = referenceOf(envelope.data);
    const fingerprint = JSON.stringify(reference);
    if (saved.get(reference.conversationId) !== fingerprint) {
      try {
        await dependencies.references.save(reference);
        saved.set(reference.conversationId, fingerprint);
      } catch (error) {
        // The request itself can still be answered; the next activity tries again.
        dependencies.logger.error({ err: error }, 'Teams: could not store a conversation reference');
      }
    }
    return context.next();
  };
}
