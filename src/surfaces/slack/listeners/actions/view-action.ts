import { z } from 'zod';
import type { BotActor, FormOutcome } from '../../../../bot/bot-requests.js';
import type { Form } from '../../../../messages/message-model.js';
import { readSlackModalValues, slackUserIdsIn } from '../../block-kit/index.js';
import { SlackSurfaceError } from '../../slack-errors.js';
import { type AnswerRoute, showFailure, tellActorSafely, textMessage, texts } from '../answer.js';
import type { SlackListenerDependencies } from '../slack-listener-dependencies.js';

const viewActionElementSchema = z.union([
  z.object({ type: z.literal('button'), action_id: z.string().min(1), value: z.string().optional() }),
  z.object({
    type: z.literal('static_select'),
    action_id: z.string().min(1),
    selected_option: z.object({ value: z.string() }).nullish(),
  }),
]);

/** A block_actions payload from a modal: it carries the view (with its hash and inputs), and no channel. */
export const viewActionSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  view: z.object({
    id: z.string().min(1),
    hash: z.string().optional(),
    /** Our key for the form (set when the modal was opened); "" for a view without one. */
    external_id: z.string().optional(),
    callback_id: z.string().min(1),
    private_metadata: z.string().optional(),
    state: z.object({ values: z.record(z.string(), z.unknown()) }),
  }),
  actions: z.array(viewActionElementSchema).length(1),
});
export type ViewActionPayload = z.output<typeof viewActionSchema>;

/**
 * A button or a menu inside an open modal → the core's formAction, with the
 * modal's inputs as they are (`view.state.values`) and its state
 * (`private_metadata`, which Slack keeps with the view, so the state of what
 * the person sees is what comes back). The answer replaces the view with
 * views.update; Slack has no way to close a modal from a click, so `close`
 * leaves it as it is. Bolt has acknowledged already: views.update needs no
 * trigger and may take its time. A failure reaches the person as a direct
 * message with a reference.
 */
export async function viewAction(deps: SlackListenerDependencies, payload: ViewActionPayload): Promise<void> {
  const { user, view } = payload;
  const action = payload.actions[0]!;
  const value = action.type === 'button' ? (action.value ?? null) : (action.selected_option?.value ?? null);
  const route: AnswerRoute = {
    userId: user.id,
    channelId: null,
    threadTs: null,
    respond: null,
    triggerId: null,
  };
  const formKey = view.external_id || view.id;
  let actor: BotActor | null = null;
  try {
    actor = await deps.users.actor(user.id);
    const form = await deps.openModals.find(formKey);
    if (!form) {
      await tellActorSafely(deps, route, textMessage(texts(actor).formExpired));
      return;
    }
    await Promise.all(slackUserIdsIn(form, view.state.values).map((chosen) => deps.users.actor(chosen)));
    const values = readSlackModalValues(form, view.state.values, deps.users, { partial: true });
    const outcome = await deps.bot.formAction(actor, {
      formId: view.callback_id,
      state: view.private_metadata ? view.private_metadata : null,
      actionId: action.action_id,
      value,
      values,
    });
    const next = nextForm(form, outcome);
    if (next === null) return;
    const rendered = await deps.surface.renderForm(next);
    // Kept before the view changes, so its next click or submission finds it.
    await deps.openModals.remember(formKey, next);
    await deps.api.updateView(view.id, view.hash ?? null, { ...rendered, external_id: formKey });
  } catch (error) {
    if (error instanceof SlackSurfaceError && error.detail === 'hash_conflict') {
      // Another click changed the view first; its answer is what the person sees.
      deps.logger.info({ userId: user.id }, 'Slack: a modal changed before a click on it was answered');
      return;
    }
    await showFailure(deps, route, actor, error);
  }
}

/** The form the view shows next; null when it stays as it is. */
function nextForm(form: Form, outcome: FormOutcome): Form | null {
  switch (outcome.kind) {
    case 'form':
      return outcome.form;
    case 'errors':
      return { ...form, errors: outcome.errors };
    case 'close':
      return null;
  }
}
