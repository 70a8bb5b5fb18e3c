import { z } from 'zod';
import type { Message } from '../../messages/message-model.js';
import { blockSchemasWithoutImage } from '../../messages/message-schemas.js';

/**
 * How a console message is kept in the database: the neutral message as JSON,
 * with each image's bytes moved to the image_asset table and only its id,
 * width and height left here. Parsed with zod on the way back out.
 */
const storedImage = z.object({ id: z.string(), width: z.number(), height: z.number() });
/** A file's bytes are kept by HostedFiles; the message keeps what its link needs. */
const storedFile = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  title: z.string(),
});
const block = z.union([
  ...blockSchemasWithoutImage,
  z.object({
    type: z.literal('image'),
    image: storedImage,
    altText: z.string(),
    title: z.string().optional(),
  }),
  z.object({ type: z.literal('file'), file: storedFile }),
]);
export const storedMessageSchema = z.object({ fallbackText: z.string(), blocks: z.array(block) });
export type StoredMessage = z.infer<typeof storedMessageSchema>;

/** The message with image and file bytes taken out (HostedImages and HostedFiles keep them). */
export function toStoredMessage(message: Message): StoredMessage {
  const blocks = message.blocks.map((candidate) => {
    if (candidate.type === 'file') {
      const { id, fileName, mediaType, title } = candidate.file;
      return { type: 'file', file: { id, fileName, mediaType, title } };
    }
    if (candidate.type !== 'image') return candidate;
    const { id, width, height } = candidate.image;
    return { ...candidate, image: { id, width, height } };
  });
  return storedMessageSchema.parse({ fallbackText: message.fallbackText, blocks });
}

/**
 * Back to a neutral message for rendering. The console renders images and
 * files by URL (`/images/<id>.png`, `/files/<id>/<name>`), so their bytes are
 * not loaded: `png` and `bytes` are empty.
 */
export function fromStoredMessage(value: unknown): Message {
  const stored = storedMessageSchema.parse(value);
  return {
    fallbackText: stored.fallbackText,
    blocks: stored.blocks.map((candidate) => {
      if (candidate.type === 'image')
        return { ...candidate, image: { ...candidate.image, png: new Uint8Array() } };
      // Linked by `/files/<id>/…`: the bytes are not loaded.
      if (candidate.type === 'file')
        return { ...candidate, file: { ...candidate.file, bytes: new Uint8Array() } };
      return candidate;
    }),
  };
}
