import { z } from 'zod';
import type { Message } from '../../messages/message-model.js';
import { blockSchemasWithoutImage } from '../../messages/message-schemas.js';

/**
 * How a console message is kept in the database: the neutral message as JSON,
 * with each image's bytes moved to the image_asset table and only its id,
 * width and height left here. Parsed with zod on the way back out.
 */
const storedImage = z.object({ id: z.string(), width: z.number(), height: z.number() });
const block = z.union([
  ...blockSchemasWithoutImage,
  z.object({
    type: z.literal('image'),
    image: storedImage,
    altText: z.string(),
    title: z.string().optional(),
  }),
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
