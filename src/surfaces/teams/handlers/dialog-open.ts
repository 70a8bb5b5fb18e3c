import type { TaskModuleResponse } from '@microsoft/teams.api';
import type { BotReply } from '../../../bot/bot-requests.js';
import { activityEnvelopeSchema, dialogFetchSchema } from '../inbound/activity-schemas.js';
import { teamsTexts } from '../inbound/teams-texts.js';
import { actorOf, conversationRefOf, userIdOf } from '../inbound/teams-turn.js';
import { dialogMessage, formDialog } from './dialog-response.js';
import { logFailure } from './failure.js';
import type { TeamsHandlerDependencies, TurnContext } from './handler-dependencies.js';

/**
 * The Open button of a form card, or a message's button that opens a form
 * (`task/fetch`): the request that produced the form is asked again (the form
 * is current, and the card still works after a restart), or a remembered form
 * is shown. An answer that is a message (a refusal, say) is the dialog's text. The form is kept for the
 * submission, which carries only its id, state and inputs.
 */
export function onDialogOpen(dependencies: TeamsHandlerDependencies) {
  return async (context: TurnContext): Promise<TaskModuleResponse> => {
    const envelope = activityEnvelopeSchema.safeParse(context.activity);
    const fetch = dialogFetchSchema.safeParse(context.activity);
    const texts = teamsTexts(envelope.success ? envelope.data.locale : undefined);
    if (!envelope.success || !fetch.success) return dialogMessage(texts.unreadableRequest);
    const origin = fetch.data.value.data.trafiklysForm;
    const userId = userIdOf(envelope.data);
    try {
      if (origin.source === 'remembered') {
        const form = await dependencies.openForms.find(userId, origin.formId, origin.state);
        if (!form) return dialogMessage(texts.formExpired);
        return formDialog(form, dependencies.renderer.formCard(form, envelope.data.locale));
      }
      const actor = await actorOf(envelope.data, dependencies.directory);
      const conversation = conversationRefOf(envelope.data);
      const reply: BotReply =
        origin.source === 'command'
          ? await dependencies.requests.command(actor, conversation, origin.text)
          : await dependencies.requests.action(actor, conversation, {
              actionId: origin.actionId,
              value: origin.value,
            });
      if (reply.kind === 'message') return dialogMessage(reply.message.fallbackText);
      if (reply.kind === 'none') return dialogMessage(texts.formNotAvailable);
      await dependencies.openForms.remember(userId, reply.form);
      return formDialog(reply.form, dependencies.renderer.formCard(reply.form, envelope.data.locale));
    } catch (error) {
      return dialogMessage(texts.failed(logFailure(dependencies.logger, error, 'opening a form')));
    }
  };
}
