import type { PrismaClient } from '../../generated/prisma/client.js';
import type { RouteHandler } from '../../http/http-server.js';
import { sendJson } from '../../http/http-server.js';
import type { ImageRef, Message } from '../../messages/message-model.js';
import type { ChatSurface } from '../chat-surface.js';

/** The path images are served under: `/images/<sha256>.png`. */
export const hostedImagesPrefix = '/images/';

/**
 * Charts hold counts only (no personal data), so they may be served to a chat
 * client by URL. Images are stored under the sha256 of their bytes.
 */
export class HostedImages {
  constructor(
    private readonly prisma: PrismaClient,
    private publicUrl: string | null,
  ) {}

  /** Without PUBLIC_URL (local development), the server's own address; set once it listens. */
  useServerUrlUnlessPublic(serverUrl: string): void {
    this.publicUrl ??= serverUrl;
  }

  urlFor(image: ImageRef): string | null {
    return this.publicUrl ? `${this.publicUrl}${hostedImagesPrefix}${image.id}.png` : null;
  }

  /**
   * An image is stored once by its content hash. A board's channel post and
   * its copies carry the same chart and are sent side by side, so two stores
   * of one image race: ON CONFLICT DO NOTHING (skipDuplicates) lets both
   * succeed, where an upsert would read, find nothing and insert twice.
   */
  async store(message: Message): Promise<void> {
    const images = message.blocks.flatMap((block) => (block.type === 'image' ? [block.image] : []));
    if (images.length === 0) return;
    await this.prisma.imageAsset.createMany({
      data: images.map(({ id, png, width, height }) => ({ id, png: new Uint8Array(png), width, height })),
      skipDuplicates: true,
    });
  }

  /** The surface, storing a message's images before it is posted or updated, so their URLs work. */
  around(surface: ChatSurface): ChatSurface {
    return {
      name: surface.name,
      postMessage: async (destination, message) => {
        await this.store(message);
        return surface.postMessage(destination, message);
      },
      updateMessage: async (posted, message) => {
        await this.store(message);
        return surface.updateMessage(posted, message);
      },
      resolveUser: (email, options) => surface.resolveUser(email, options),
    };
  }

  route(): RouteHandler {
    return async (request, response) => {
      const name = new URL(request.url ?? '/', 'http://localhost').pathname.slice(hostedImagesPrefix.length);
      const id = /^([0-9a-f]{64})(\.png)?$/.exec(name)?.[1];
      const image = id ? await this.prisma.imageAsset.findUnique({ where: { id } }) : null;
      if (!image) return sendJson(response, 404, { error: 'no such image' });
      response.writeHead(200, {
        'content-type': 'image/png',
        'cache-control': 'public, max-age=31536000, immutable',
      });
      response.end(Buffer.from(image.png));
    };
  }
}
