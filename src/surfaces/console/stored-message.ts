import { z } from 'zod';
import type { Message } from '../../messages/message-model.js';
import { richTextSchema, selectOptionSchema } from '../../messages/message-schemas.js';

/**
 * How a console message is kept in the database: the neutral message as JSON,
 * with each image's bytes moved to the image_asset table and only its id,
 * width and height left here. Parsed with zod on the way back out.
 */
const confirmation = z.object({
  title: z.string(),
  text: z.string(),
  confirmLabel: z.string(),
  denyLabel: z.string(),
});
const actionElement = z.union([
  z.object({
    type: z.literal('button'),
    actionId: z.string(),
    label: z.string(),
    value: z.string().optional(),
    style: z.enum(['primary', 'danger']).optional(),
    confirm: confirmation.optional(),
  }),
  z.object({
    type: z.literal('select'),
    actionId: z.string(),
    placeholder: z.string(),
    options: z.array(selectOptionSchema),
    initialValue: z.string().optional(),
  }),
]);
const storedImage = z.object({ id: z.string(), width: z.number(), height: z.number() });
const block = z.union([
  z.object({ type: z.literal('heading'), text: z.string() }),
  z.object({ type: z.literal('text'), content: richTextSchema }),
  z.object({
    type: z.literal('facts'),
    facts: z.array(z.object({ label: z.string(), value: richTextSchema })),
  }),
  z.object({
    type: z.literal('table'),
    columns: z.array(z.object({ header: z.string(), align: z.enum(['left', 'right']).optional() })),
    rows: z.array(z.array(z.string())),
  }),
  z.object({
    type: z.literal('image'),
    image: storedImage,
    altText: z.string(),
    title: z.string().optional(),
  }),
  z.object({ type: z.literal('actions'), elements: z.array(actionElement) }),
  z.object({ type: z.literal('context'), content: richTextSchema }),
  z.object({ type: z.literal('divider') }),
]);
export const storedMessageSchema = z.object({ fallbackText: z.string(), blocks: z.array(block) });
export type StoredMessage = z.infer<typeof storedMessageSchema>;

/** The message with image bytes taken out (HostedImages keeps them). */
export function toStoredMessage(message: Message): StoredMessage {
  const blocks = message.blocks.map((candidate) => {
    if (candidate.type !== 'image') return candidate;
    const { id, width, height } = candidate.image;
    return { ...candidate, image: { id, width, height } };
  });
  return storedMessageSchema.parse({ fallbackText: message.fallbackText, blocks });
}

/**
 * Back to a neutral message for rendering. The console renders images by URL
 * (`/images/<id>.png`), so their bytes are not loaded: `png` is empty.
 */
export function fromStoredMessage(value: unknown): Message {
  const stored = storedMessageSchema.parse(value);
  return {
    fallbackText: stored.fallbackText,
    blocks: stored.blocks.map((candidate) =>
      candidate.type === 'image'
        ? { ...candidate, image: { ...candidate.image, png: new Uint8Array() } }
        : candidate,
    ),
  };
}
