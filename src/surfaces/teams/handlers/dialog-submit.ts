import type { TaskModuleResponse } from '@microsoft/teams.api';
import type { FormAction, FormOutcome } from '../../../bot/bot-requests.js';
import type { Form, FormValues } from '../../../messages/message-model.js';
import { readTeamsFormAction, readTeamsFormValues } from '../adaptive-card/index.js';
import { activityEnvelopeSchema, dialogSubmitSchema } from '../inbound/activity-schemas.js';
import { teamsTexts } from '../inbound/teams-texts.js';
import { actorOf, userIdOf } from '../inbound/teams-turn.js';
import { dialogMessage, formDialog } from './dialog-response.js';
import { logFailure } from './failure.js';
import type { TeamsHandlerDependencies, TurnContext } from './handler-dependencies.js';

/**
 * A dialog's submission (`task/submit`) goes to `submitForm`; a click inside
 * the dialog (its data names an action) goes to `formAction` with the inputs
 * as they are. Field errors show the same form again with the errors under
 * their fields; a next form replaces it in the same dialog; `close` closes
 * the dialog (an empty response).
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
    let request: { readonly values: FormValues } | Omit<FormAction, 'formId' | 'state'>;
    try {
      request = readTeamsFormAction(form, data) ?? { values: readTeamsFormValues(form, data) };
    } catch (error) {
      dependencies.logger.warn({ err: error }, 'Teams: a dialog submission could not be read');
      return dialogMessage(texts.unreadableRequest);
    }
    try {
      const actor = await actorOf(envelope.data, dependencies.directory);
      const submission = { formId: form.formId, state, ...request };
      const outcome =
        'actionId' in submission
          ? await dependencies.requests.formAction(actor, submission)
          : await dependencies.requests.submitForm(actor, submission);
      const next = nextForm(form, outcome);
      if (next === null) return undefined;
      await dependencies.openForms.remember(userId, next);
      return formDialog(next, dependencies.renderer.formCard(next, envelope.data.locale));
    } catch (error) {
      return dialogMessage(texts.failed(logFailure(dependencies.logger, error, 'a form submission')));
    }
  };
}

/** What the dialog shows next: the form again with errors, the next form, or nothing (it closes). */
function nextForm(form: Form, outcome: FormOutcome): Form | null {
  switch (outcome.kind) {
    case 'close':
      return null;
    case 'errors':
      return { ...form, errors: outcome.errors };
    case 'form':
      return outcome.form;
  }
}
