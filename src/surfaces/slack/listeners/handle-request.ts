import type { BotActor, BotReply } from '../../../bot/bot-requests.js';
import { type AnswerRoute, showFailure, showReply } from './answer.js';
import type { SlackListenerDependencies } from './slack-listener-dependencies.js';

/**
 * The shape of every listener after it has parsed its payload: who is asking
 * (users.info, cached), the core call, and the reply shown; any failure on the
 * way reaches the user as a message with a reference, never as silence.
 */
export async function handleRequest(
  deps: SlackListenerDependencies,
  route: AnswerRoute,
  request: (actor: BotActor) => Promise<BotReply>,
): Promise<void> {
  let actor: BotActor | null = null;
  try {
    actor = await deps.users.actor(route.userId);
    const reply = await request(actor);
    await showReply(deps, route, actor, reply);
  } catch (error) {
    await showFailure(deps, route, actor, error);
  }
}
