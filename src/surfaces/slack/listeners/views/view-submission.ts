import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { BotActor, FormOutcome } from '../../../../bot/bot-requests.js';
import type { Form } from '../../../../messages/message-model.js';
import { readSlackModalValues, slackFormErrors, slackUserIdsIn } from '../../block-kit/index.js';
import {
  type AnswerRoute,
  forgetModal,
  logFailure,
  showFailure,
  showUnreadable,
  tellActorSafely,
  textMessage,
  texts,
} from '../answer.js';
import type { SlackListenerDependencies } from '../slack-listener-dependencies.js';

/** Every modal we open: its callback_id is the form id. */
export const anyViewSubmission = { type: 'view_submission' } as const;

const viewSubmissionSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  view: z.object({
    id: z.string().min(1),
    /** Our key for the form (set when the modal was opened); Slack sends "" for a view without one. */
    external_id: z.string().optional(),
    callback_id: z.string().min(1),
    private_metadata: z.string().optional(),
    state: z.object({ values: z.record(z.string(), z.unknown()) }),
  }),
});

type Ack = SlackViewMiddlewareArgs<ViewSubmitAction>['ack'];

/**
 * A submitted modal → the core's submitForm. Slack waits 3 s for the answer
 * that closes the modal, shows errors under the fields, or replaces the form;
 * when the core needs longer than `submissionDeadlineMs`, the modal is closed
 * and the outcome follows as a direct message.
 */
export function viewSubmission(
  deps: SlackListenerDependencies,
): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ body, ack }) => {
    const parsed = viewSubmissionSchema.safeParse(body);
    if (!parsed.success) {
      await ack();
      return showUnreadable(deps, { userId: body.user?.id }, parsed.error.message);
    }
    const { user, view } = parsed.data;
    const fieldIds = Object.keys(view.state.values);
    const route: AnswerRoute = {
      userId: user.id,
      channelId: null,
      threadTs: null,
      respond: null,
      triggerId: null,
    };
    const answerWith = async (text: string) => {
      // Slack shows a submission's answer only under an input; a modal without inputs gets a direct message.
      const [first] = fieldIds;
      if (first !== undefined) return ack({ response_action: 'errors', errors: { [first]: text } });
      await ack();
      await tellActorSafely(deps, route, textMessage(text));
    };
    const formKey = view.external_id || view.id;
    const found = await deps.openModals.find(formKey).then(
      (form) => ({ form }),
      (error: unknown) => ({ error }),
    );
    if ('error' in found) return answerWith(texts(null).failed(logFailure(deps, route, found.error)));
    const { form } = found;
    if (!form) return answerWith(texts(null).formExpired);

    let actor: BotActor | null = null;
    const outcome = (async (): Promise<FormOutcome> => {
      actor = await deps.users.actor(user.id);
      await Promise.all(slackUserIdsIn(form, view.state.values).map((chosen) => deps.users.actor(chosen)));
      const values = readSlackModalValues(form, view.state.values, deps.users);
      const state = view.private_metadata ? view.private_metadata : null;
      return deps.bot.submitForm(actor, { formId: view.callback_id, state, values });
    })();

    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), deps.submissionDeadlineMs);
    });
    const settled = outcome.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    const first = await Promise.race([settled, deadline]);
    clearTimeout(timer);
    if (first === 'late') {
      await ack();
      await forgetModal(deps, formKey);
      await outcome.then(
        (value) => tellLateOutcome(deps, route, actor, form, value),
        (error: unknown) => showFailure(deps, route, actor, error),
      );
      return;
    }
    try {
      if ('error' in first) throw first.error;
      await answerInModal(deps, ack, formKey, form, first.value);
    } catch (error) {
      await answerWith(texts(actor).failed(logFailure(deps, route, error)));
    }
  };
}

async function answerInModal(
  deps: SlackListenerDependencies,
  ack: Ack,
  formKey: string,
  form: Form,
  outcome: FormOutcome,
): Promise<void> {
  switch (outcome.kind) {
    case 'close':
      // Forgotten before the answer, so the same modal sent again is told it has expired.
      await forgetModal(deps, formKey);
      return ack();
    case 'errors':
      return ack(slackFormErrors(pointAtFields(form, outcome.errors)));
    case 'form': {
      const view = await deps.surface.renderForm(outcome.form);
      await deps.openModals.remember(formKey, outcome.form);
      return ack({
        response_action: 'update',
        view: { ...view, external_id: formKey, blocks: [...view.blocks] },
      });
    }
  }
}

/** The outcome the user could not see in the closed modal, as a direct message. */
async function tellLateOutcome(
  deps: SlackListenerDependencies,
  route: AnswerRoute,
  actor: BotActor | null,
  form: Form,
  outcome: FormOutcome,
): Promise<void> {
  const words = texts(actor);
  const sentences = [words.formOutcomeLate(form.title)];
  if (outcome.kind === 'close') sentences.push(words.formSaved(form.title));
  else if (outcome.kind === 'errors')
    sentences.push(words.formRejected(form.title, Object.values(outcome.errors)));
  else sentences.push(words.formNeedsClick);
  await tellActorSafely(deps, route, textMessage(sentences.join('\n')));
}

/** An error for a field the form does not have goes under the first field, so Slack shows it at all. */
function pointAtFields(form: Form, errors: Readonly<Record<string, string>>): Record<string, string> {
  const ids = new Set(form.fields.map((field) => field.id));
  const first = form.fields[0]?.id;
  const pointed: Record<string, string> = {};
  for (const [fieldId, error] of Object.entries(errors)) {
    const target = ids.has(fieldId) || first === undefined ? fieldId : first;
    pointed[target] = pointed[target] ? `${pointed[target]} ${error}` : error;
  }
  return pointed;
}
