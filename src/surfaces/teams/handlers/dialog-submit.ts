import type { TaskModuleResponse } from '@microsoft/teams.api';
import type { FormValues } from '../../../messages/message-model.js';
import { readTeamsFormValues } from '../adaptive-card/index.js';
import { activityEnvelopeSchema, dialogSubmitSchema } from '../inbound/activity-schemas.js';
import { teamsTexts } from '../inbound/teams-texts.js';
import { actorOf, userIdOf } from '../inbound/teams-turn.js';
import { dialogCard, dialogMessage } from './dialog-response.js';
import { logFailure } from './failure.js';
import type { TeamsHandlerDependencies, TurnContext } from './handler-dependencies.js';

/**
 * A dialog's submission (`task/submit`) goes to `submitForm`. Field errors
 * show the same form again with the errors under their fields; a next form
 * replaces it; `close` closes the dialog (an empty response).
 */
export function onDialogSubmit(dependencies: TeamsHandlerDependencies) {
  return async (context: TurnContext): Promise<TaskModuleResponse | undefined> => {
    const envelope = activityEnvelopeSchema.safeParse(context.activity);
    const submit = dialogSubmitSchema.safeParse(context.activity);
    const texts = teamsTexts(envelope.success ? envelope.data.locale : undefined);
    if (!envelope.success || !submit.success) return dialogMessage(texts.unreadableRequest);
    const { data } = submit.data.value;
    const state = data.state ?? null;
    const userId = userIdOf(envelope.data);
    const found = await dependencies.openForms.find(userId, data.formId, state).then(
      (form) => ({ form }),
      (error: unknown) => ({ error }),
    );
    if ('error' in found) {
      return dialogMessage(texts.failed(logFailure(dependencies.logger, found.error, 'a form submission')));
    }
    const { form } = found;
    if (!form) return dialogMessage(texts.formExpired);
    let values: FormValues;
    try {
      values = readTeamsFormValues(form, data);
    } catch (error) {
      dependencies.logger.warn({ err: error }, 'Teams: a dialog submission could not be read');
      return dialogMessage(texts.unreadableRequest);
    }
    try {
      const actor = await actorOf(envelope.data, dependencies.directory);
      const outcome = await dependencies.requests.submitForm(actor, { formId: form.formId, state, values });
      switch (outcome.kind) {
        case 'close':
          return undefined;
        case 'errors': {
          const again = { ...form, errors: outcome.errors };
          await dependencies.openForms.remember(userId, again);
          return dialogCard(again.title, dependencies.renderer.formCard(again, envelope.data.locale));
        }
        case 'form':
          await dependencies.openForms.remember(userId, outcome.form);
          return dialogCard(
            outcome.form.title,
            dependencies.renderer.formCard(outcome.form, envelope.data.locale),
          );
      }
    } catch (error) {
      return dialogMessage(texts.failed(logFailure(dependencies.logger, error, 'a form submission')));
    }
  };
}
