import type { AdaptiveCardActionCardResponse, AdaptiveCardActionResponse } from '@microsoft/teams.api';
import { z } from 'zod';
import { readTeamsCardAction } from '../adaptive-card/index.js';
import { activityEnvelopeSchema } from '../inbound/activity-schemas.js';
import { teamsTexts } from '../inbound/teams-texts.js';
import { actorOf, conversationRefOf, replyAddressOf } from '../inbound/teams-turn.js';
import { formLauncher } from '../inbound/turn-replies.js';
import { pageActivity } from '../outbound/teams-renderer.js';
import { logFailure } from './failure.js';
import type { TeamsHandlerDependencies, TurnContext } from './handler-dependencies.js';

const cardActionSchema = z.object({
  value: z.object({
    action: z.object({ type: z.literal('Action.Execute'), data: z.unknown() }),
  }),
});

/**
 * A click on one of our cards (`adaptiveCard/action`, Universal Actions). The
 * invoke's response is what the clicking user sees at once:
 *
 * - a message for the conversation replaces the card, for everyone (the
 *   message is updated in place) and at once for the clicker (card response);
 * - a message for the actor only is sent to the clicker (in a channel: their
 *   1:1 chat with the bot, since a whole list does not fit a message
 *   response) and its fallback text comes back as the message response;
 * - a form is posted as a card with an Open button (an invoke cannot open a
 *   dialog), and the response says so;
 * - errors come back as a message response that says what to do.
 */
export function onCardAction(dependencies: TeamsHandlerDependencies) {
  return async (context: TurnContext): Promise<AdaptiveCardActionResponse> => {
    const envelope = activityEnvelopeSchema.safeParse(context.activity);
    const invoke = cardActionSchema.safeParse(context.activity);
    const texts = teamsTexts(envelope.success ? envelope.data.locale : undefined);
    if (!envelope.success || !invoke.success) return messageResponse(texts.unreadableRequest);
    let action: ReturnType<typeof readTeamsCardAction>;
    try {
      action = readTeamsCardAction(invoke.data.value.action.data);
    } catch {
      return messageResponse(texts.unreadableRequest);
    }
    try {
      const actor = await actorOf(envelope.data, dependencies.directory);
      const reply = await dependencies.requests.action(actor, conversationRefOf(envelope.data), action);
      switch (reply.kind) {
        case 'none':
          return messageResponse(texts.done);
        case 'form':
          await dependencies.replies.sendActivities(envelope.data, [
            formLauncher(reply.form, { source: 'action', ...action }, envelope.data.locale),
          ]);
          return messageResponse(texts.formIntro(reply.form.title));
        case 'message': {
          if (reply.visibility === 'only_actor') {
            await dependencies.replies.deliver(envelope.data, reply, null);
            return messageResponse(reply.message.fallbackText);
          }
          const [first, ...rest] = await dependencies.renderer.messagePages(reply.message);
          if (!first) return messageResponse(texts.done);
          const address = replyAddressOf(envelope.data);
          const cardMessageId = envelope.data.replyToId;
          if (cardMessageId) await dependencies.gateway.update(address, cardMessageId, pageActivity(first));
          else await dependencies.gateway.send(address, pageActivity(first));
          for (const page of rest) await dependencies.gateway.send(address, pageActivity(page));
          return cardResponse(first.attachments[0].content);
        }
      }
    } catch (error) {
      return messageResponse(texts.failed(logFailure(dependencies.logger, error, 'a card action')));
    }
  };
}

/**
 * The SDK types a card response with its own card model; ours is the plain
 * JSON card the renderer made. Checked like the SDK's own `isAdaptiveCard`.
 */
function cardResponse(card: unknown): AdaptiveCardActionResponse {
  if (!isSdkCard(card)) throw new Error('the renderer returned something other than an Adaptive Card');
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

function isSdkCard(value: unknown): value is AdaptiveCardActionCardResponse['value'] {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'AdaptiveCard';
}

export function messageResponse(text: string): AdaptiveCardActionResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
}
