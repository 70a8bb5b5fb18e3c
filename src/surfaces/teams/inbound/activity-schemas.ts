import { z } from 'zod';

/**
 * The parts of an inbound Teams activity the surface uses, parsed before the
 * core sees any of it. The SDK hands activities over unvalidated ("we
 * currently simply cast the models"), so nothing here trusts its types.
 */

const id = z.string().min(1);

export const accountSchema = z.object({
  id,
  name: z.string().optional(),
  aadObjectId: z.string().min(1).optional(),
  /** Rarely in an activity; the roster has it. */
  email: z.string().optional(),
});

export const conversationSchema = z.object({
  id,
  /** `personal`, `channel` or `groupChat`. */
  conversationType: z.string().optional(),
  tenantId: z.string().optional(),
});

export const channelDataSchema = z.object({
  tenant: z.object({ id }).optional(),
  team: z.object({ id, name: z.string().optional() }).optional(),
  channel: z.object({ id, name: z.string().optional() }).optional(),
  eventType: z.string().optional(),
});

/** Every activity: who, where, through which connector. */
export const activityEnvelopeSchema = z.object({
  type: z.string(),
  id: z.string().optional(),
  serviceUrl: z.string().url(),
  from: accountSchema,
  recipient: accountSchema,
  conversation: conversationSchema,
  channelData: channelDataSchema.optional(),
  locale: z.string().optional(),
  /** The message a card action or an update refers to. */
  replyToId: z.string().optional(),
});
export type ActivityEnvelope = z.output<typeof activityEnvelopeSchema>;

const mentionEntitySchema = z.object({
  type: z.literal('mention'),
  mentioned: z.object({ id, name: z.string().optional() }),
  text: z.string().optional(),
});

export const messagePartsSchema = z.object({
  text: z.string().optional(),
  entities: z.array(z.unknown()).optional(),
  attachments: z.array(z.unknown()).optional(),
});

export type MentionEntity = z.output<typeof mentionEntitySchema>;

/** Mention entities only; other entities (clientInfo…) are skipped, not rejected. */
export function mentionsOf(entities: readonly unknown[] | undefined): MentionEntity[] {
  return (entities ?? []).flatMap((entity) => {
    const parsed = mentionEntitySchema.safeParse(entity);
    return parsed.success ? [parsed.data] : [];
  });
}

export const teamsFileContentType = 'application/vnd.microsoft.teams.file.download.info';

/** A file a user attached in a 1:1 chat; `downloadUrl` is pre-authenticated and short-lived. */
export const fileAttachmentSchema = z.object({
  contentType: z.literal(teamsFileContentType),
  name: z.string().min(1),
  content: z.object({
    downloadUrl: z.string().url(),
    fileType: z.string().optional(),
  }),
});
export type FileAttachment = z.output<typeof fileAttachmentSchema>;

/** `adaptiveCard/action` from an Action.Execute our renderer made: `data = { actionId, value }`. */
export const cardActionSchema = z.object({
  value: z.object({
    action: z.object({
      type: z.literal('Action.Execute'),
      verb: z.string().optional(),
      data: z.object({
        actionId: z.string().min(1),
        value: z.string().nullable().optional(),
      }),
    }),
  }),
});

/**
 * A dialog's Action.Submit: `data = { formId, state }` with the inputs merged
 * in by field id; a click inside the dialog adds `actionId` and `actionValue`.
 */
export const dialogSubmitSchema = z.object({
  value: z.object({
    data: z.looseObject({
      formId: z.string().min(1),
      state: z.string().nullable().optional(),
      actionId: z.string().min(1).optional(),
      actionValue: z.string().nullable().optional(),
    }),
  }),
});

/**
 * What our form-launcher card's button carries into `task/fetch`: the request
 * to replay (so a launcher still works after a restart), or, for a form that
 * came from a shared file, the form remembered in memory.
 */
export const formOriginSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('command'), text: z.string() }),
  z.object({ source: z.literal('action'), actionId: z.string().min(1), value: z.string().nullable() }),
  z.object({ source: z.literal('remembered'), formId: z.string().min(1), state: z.string().nullable() }),
]);
export type FormOrigin = z.output<typeof formOriginSchema>;

export const dialogFetchSchema = z.object({
  value: z.object({
    data: z.object({ trafiklysForm: formOriginSchema }),
  }),
});
