import { z } from 'zod';
import type { ConnectorCall } from '../../../support/bot-framework-double.js';

const activityBody = z.object({
  text: z.string().optional(),
  attachments: z.array(z.object({ contentType: z.string(), content: z.unknown() })).optional(),
});

/** The text of an activity the connector double received. */
export function sentText(call: ConnectorCall | undefined): string {
  return activityBody.parse(call?.body).text ?? '';
}

/** The attachments of an activity the connector double received. */
export function sentAttachments(
  call: ConnectorCall | undefined,
): { contentType: string; content: unknown }[] {
  return activityBody.parse(call?.body).attachments ?? [];
}

/** The Adaptive Card of an activity the connector double received. */
export function sentCard(call: ConnectorCall | undefined): unknown {
  const [attachment] = sentAttachments(call);
  return attachment?.content;
}

const launcherCard = z.object({
  actions: z.array(z.object({ data: z.object({ trafiklysForm: z.unknown() }).loose() }).loose()),
});

/** What the Open button of a form card carries. */
export function launcherOrigin(call: ConnectorCall | undefined): unknown {
  return launcherCard.parse(sentCard(call)).actions[0]?.data.trafiklysForm;
}

const cardActionResponse = z.object({ statusCode: z.number(), type: z.string(), value: z.unknown() });

/** The HTTP answer to an `adaptiveCard/action` invoke (Universal Actions response). */
export function cardActionAnswer(body: unknown): z.output<typeof cardActionResponse> {
  return cardActionResponse.parse(body);
}

const dialogContinue = z.object({
  task: z.object({
    type: z.literal('continue'),
    value: z.object({ title: z.string(), card: z.object({ contentType: z.string(), content: z.unknown() }) }),
  }),
});

/** The HTTP answer to a `task/fetch` or `task/submit` that shows a dialog card. */
export function dialogAnswer(body: unknown): z.output<typeof dialogContinue>['task']['value'] {
  return dialogContinue.parse(body).task.value;
}
