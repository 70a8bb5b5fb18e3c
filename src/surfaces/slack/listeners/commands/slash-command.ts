import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { showUnreadable } from '../answer.js';
import { handleRequest } from '../handle-request.js';
import { conversationOf } from '../payloads.js';
import type { SlackListenerDependencies } from '../slack-listener-dependencies.js';

const slashCommandSchema = z.object({
  command: z.string().regex(/^\/\S+$/),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  text: z.string(),
  trigger_id: z.string().min(1),
});

/**
 * A slash command the core answers (`/trafiklys …`, a procedure's own):
 * acknowledged at once; its name and the text after it go to the core, the
 * reply follows.
 */
export function slashCommand(deps: SlackListenerDependencies): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, respond }) => {
    await ack();
    const parsed = slashCommandSchema.safeParse(command);
    if (!parsed.success) return showUnreadable(deps, { respond }, parsed.error.message);
    const {
      command: name,
      user_id: userId,
      channel_id: channelId,
      text,
      trigger_id: triggerId,
    } = parsed.data;
    const route = { userId, channelId, threadTs: null, respond, triggerId };
    await handleRequest(deps, route, (actor) =>
      deps.bot.command(actor, conversationOf(channelId), text.trim(), name.slice(1)),
    );
  };
}
