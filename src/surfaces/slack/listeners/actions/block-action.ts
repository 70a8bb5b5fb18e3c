import type { BlockAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { showUnreadable } from '../answer.js';
import { handleRequest } from '../handle-request.js';
import { conversationOf } from '../payloads.js';
import type { SlackListenerDependencies } from '../slack-listener-dependencies.js';
import { viewAction, viewActionSchema } from './view-action.js';

/** Every block action, whatever its action id: the core routes `<procedure>.<action>` itself. */
export const anyBlockAction = { type: 'block_actions' } as const;

const actionSchema = z.union([
  z.object({ type: z.literal('button'), action_id: z.string().min(1), value: z.string().optional() }),
  z.object({
    type: z.literal('static_select'),
    action_id: z.string().min(1),
    selected_option: z.object({ value: z.string() }).nullish(),
  }),
]);

const blockActionsSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  trigger_id: z.string().min(1),
  channel: z.object({ id: z.string().min(1) }),
  container: z.object({ thread_ts: z.string().optional() }).optional(),
  actions: z.array(actionSchema).length(1),
});

/** A click inside a modal: the payload carries the view and no channel. */
const fromViewSchema = z.object({ view: z.object({ id: z.string() }) });

/**
 * A button click or a menu choice on one of our messages → the core's action,
 * and its reply; one inside an open modal → the core's formAction (view-action).
 */
export function blockAction(
  deps: SlackListenerDependencies,
): Middleware<SlackActionMiddlewareArgs<BlockAction>> {
  return async ({ body, ack, respond }) => {
    await ack();
    if (fromViewSchema.safeParse(body).success) {
      const inView = viewActionSchema.safeParse(body);
      if (!inView.success) return showUnreadable(deps, { userId: body.user?.id }, inView.error.message);
      return viewAction(deps, inView.data);
    }
    const parsed = blockActionsSchema.safeParse(body);
    if (!parsed.success)
      return showUnreadable(deps, { respond, userId: body.user?.id }, parsed.error.message);
    const { user, trigger_id: triggerId, channel, container, actions } = parsed.data;
    const action = actions[0]!;
    const value = action.type === 'button' ? (action.value ?? null) : (action.selected_option?.value ?? null);
    const route = {
      userId: user.id,
      channelId: channel.id,
      threadTs: container?.thread_ts ?? null,
      respond,
      triggerId,
    };
    await handleRequest(deps, route, (actor) =>
      deps.bot.action(actor, conversationOf(channel.id), { actionId: action.action_id, value }),
    );
  };
}
