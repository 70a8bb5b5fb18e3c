import { randomUUID } from 'node:crypto';
import type { RespondFn } from '@slack/bolt';
import type { BotActor, BotReply } from '../../../bot/bot-requests.js';
import type { Message } from '../../../messages/message-model.js';
import { SlackSurfaceError } from '../slack-errors.js';
import { type SlackTexts, slackTexts } from '../slack-texts.js';
import type { SlackListenerDependencies } from './slack-listener-dependencies.js';

/** Where and how a request can be answered; what Slack gave us with it. */
export interface AnswerRoute {
  readonly userId: string;
  /** The channel (or DM) the request came from; null for a modal. */
  readonly channelId: string | null;
  /** Replies go into this thread (a shared file's message). */
  readonly threadTs: string | null;
  /** Slack's response_url helper (commands, message buttons). */
  readonly respond: RespondFn | null;
  /** Valid for 3 s after the click or command; opens a modal. */
  readonly triggerId: string | null;
}

/** response_url accepts five messages; a longer answer for the actor alone goes by chat.postEphemeral. */
const responseUrlMaxMessages = 5;

/** Shows the core's reply: privately to the actor, in the conversation, or as a modal. */
export async function showReply(
  deps: SlackListenerDependencies,
  route: AnswerRoute,
  actor: BotActor,
  reply: BotReply,
): Promise<void> {
  switch (reply.kind) {
    case 'none':
      return;
    case 'message':
      if (reply.visibility === 'only_actor') return tellActor(deps, route, reply.message);
      return postInConversation(deps, route, actor, reply.message);
    case 'form': {
      if (route.triggerId === null) return tellActor(deps, route, textMessage(texts(actor).formNeedsClick));
      const view = await deps.surface.renderForm(reply.form);
      // Remembered before the modal opens, under a key of ours that Slack hands
      // back with the submission (external_id): whichever instance receives it
      // finds the form, and a modal never opens whose form could not be kept.
      const formKey = randomUUID();
      await deps.openModals.remember(formKey, reply.form);
      try {
        await deps.api.openView(route.triggerId, { ...view, external_id: formKey });
      } catch (error) {
        await forgetModal(deps, formKey);
        if (!(error instanceof SlackSurfaceError && error.code === 'slack.trigger_expired')) throw error;
        await tellActor(deps, route, textMessage(texts(actor).formTooSlow));
      }
      return;
    }
  }
}

/**
 * A modal's form is no longer needed (it closed, or never opened). A failure to
 * forget it is only logged, so the user still gets the answer; the row expires anyway.
 */
export async function forgetModal(deps: SlackListenerDependencies, formKey: string): Promise<void> {
  try {
    await deps.openModals.close(formKey);
  } catch (error) {
    deps.logger.warn({ err: error, formKey }, 'Slack: a closed modal’s form could not be forgotten');
  }
}

/**
 * The user always hears what went wrong: the failure is logged with a
 * reference, and the reference goes to the user with the words to say.
 */
export async function showFailure(
  deps: SlackListenerDependencies,
  route: AnswerRoute,
  actor: BotActor | null,
  error: unknown,
): Promise<void> {
  const reference = logFailure(deps, route, error);
  await tellActorSafely(deps, route, textMessage(texts(actor).failed(reference)));
}

/**
 * A payload without the parts we rely on: logged, and the user told when
 * Slack left a way to reach them (a response_url or at least their id).
 */
export async function showUnreadable(
  deps: SlackListenerDependencies,
  route: Partial<AnswerRoute>,
  problem: string,
): Promise<void> {
  deps.logger.warn({ problem }, 'Slack payload not understood');
  const message = textMessage(slackTexts(null).unreadableRequest);
  const userId = route.userId ?? null;
  if (!route.respond && userId === null) return;
  await tellActorSafely(
    deps,
    {
      userId: userId ?? '',
      channelId: route.channelId ?? null,
      threadTs: route.threadTs ?? null,
      respond: route.respond ?? null,
      triggerId: null,
    },
    message,
  );
}

/** Logs a failed request and returns the short reference the user is given for it. */
export function logFailure(deps: SlackListenerDependencies, route: AnswerRoute, error: unknown): string {
  const reference = randomUUID().slice(0, 8);
  deps.logger.error({ err: error, reference, userId: route.userId }, 'Slack request failed');
  return reference;
}

/** Like tellActor, but a failure to tell is only logged: there is no one left to tell. */
export async function tellActorSafely(
  deps: SlackListenerDependencies,
  route: AnswerRoute,
  message: Message,
): Promise<void> {
  try {
    await tellActor(deps, route, message);
  } catch (error) {
    deps.logger.error({ err: error, userId: route.userId }, 'Slack could not tell the user');
  }
}

/** Only the actor sees it: response_url, else an ephemeral message in the channel, else (and with pictures) a direct message. */
export async function tellActor(
  deps: SlackListenerDependencies,
  route: AnswerRoute,
  message: Message,
): Promise<void> {
  // An ephemeral message cannot carry an uploaded chart or file (Slack shares
  // them as files of a conversation): a private answer with pictures goes to
  // the person's direct chat with the bot, where only she sees it too.
  if (message.blocks.some((block) => block.type === 'image' || block.type === 'file')) {
    await deps.surface.postToUser(route.userId, message);
    return;
  }
  const pages = await deps.surface.renderPages(message);
  if (route.respond && pages.length <= responseUrlMaxMessages) {
    for (const page of pages) {
      await route.respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: page.text,
        blocks: [...page.blocks],
      });
    }
    return;
  }
  if (route.channelId !== null && !route.channelId.startsWith('D')) {
    for (const page of pages) {
      await deps.api.postEphemeral(route.channelId, route.userId, page, route.threadTs ?? undefined);
    }
    return;
  }
  await deps.surface.postToUser(route.userId, message);
}

async function postInConversation(
  deps: SlackListenerDependencies,
  route: AnswerRoute,
  actor: BotActor,
  message: Message,
): Promise<void> {
  if (route.channelId === null) {
    await deps.surface.postToUser(route.userId, message);
    return;
  }
  try {
    await deps.surface.postInConversation(route.channelId, message, route.threadTs);
  } catch (error) {
    const notMember =
      error instanceof SlackSurfaceError &&
      ['not_in_channel', 'channel_not_found'].includes(error.detail ?? '');
    if (!notMember) throw error;
    await tellActor(deps, route, textMessage(texts(actor).inviteBot));
  }
}

export function texts(actor: BotActor | null): SlackTexts {
  return slackTexts(actor?.locale ?? null);
}

/** A sentence of the surface's own as a neutral message; `backticked` parts are shown as code. */
export function textMessage(text: string): Message {
  const content = text
    .split(/(`[^`]+`)/)
    .filter((part) => part !== '')
    .map((part) =>
      part.startsWith('`') && part.endsWith('`')
        ? { kind: 'styled' as const, text: part.slice(1, -1), code: true }
        : part,
    );
  return { fallbackText: text.replaceAll('`', ''), blocks: [{ type: 'text', content }] };
}
