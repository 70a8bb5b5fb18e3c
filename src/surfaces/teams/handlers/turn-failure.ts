import type { InvokeResponse } from '@microsoft/teams.api';
import { z } from 'zod';
import { teamsTexts } from '../inbound/teams-texts.js';
import { messageResponse } from './card-action.js';
import { dialogMessage } from './dialog-response.js';
import { logFailure } from './failure.js';
import type { TeamsHandlerDependencies, TurnContext } from './handler-dependencies.js';

const activityKind = z.object({
  type: z.string(),
  name: z.string().optional(),
  locale: z.string().optional(),
});

// biome-ignore lint/suspicious/noConfusingVoidType: the SDK's RouteHandler returns void | InvokeResponse
type Next = void | InvokeResponse;

/**
 * The outermost middleware: a listener that throws, typically because even
 * the reply saying something failed could not be sent (no token, the
 * connector down), is logged by its code and answered the way Bot Framework
 * expects, not with the SDK's bare 500. A message is answered 200 with no
 * body: Bot Framework sends an activity answered 5xx again, and the command
 * would run twice. An invoke gets the response its kind defines, saying that
 * it failed, so Teams shows that instead of a generic error.
 */
export function answerFailedTurns(dependencies: Pick<TeamsHandlerDependencies, 'logger'>) {
  return async (context: TurnContext & { next(): Next | Promise<Next> }): Promise<Next> => {
    try {
      return await context.next();
    } catch (error) {
      const activity = activityKind.safeParse(context.activity);
      const kind = activity.success ? (activity.data.name ?? activity.data.type) : 'unreadable';
      const reference = logFailure(dependencies.logger, error, `answering a ${kind} activity`);
      return activity.success ? failedTurnAnswer(activity.data, reference) : { status: 200 };
    }
  };
}

export function failedTurnAnswer(activity: z.output<typeof activityKind>, reference: string): InvokeResponse {
  if (activity.type !== 'invoke') return { status: 200 };
  const failed = teamsTexts(activity.locale).failed(reference);
  switch (activity.name) {
    case 'adaptiveCard/action':
      return { status: 200, body: messageResponse(failed) };
    case 'task/fetch':
    case 'task/submit':
      return { status: 200, body: dialogMessage(failed) };
    default:
      // An invoke whose response shape we do not know: an error status with a body saying what it is.
      return { status: 500, body: { code: 'trafiklys.failed', message: failed } };
  }
}
